"""What an entry's transaction details (TxDtls) give when the entry itself does
not say it: the batch reference (`Refs/PmtInfId`), the bank transaction code
(an empty `<BkTxCd/>`), and the counterparty of a reversal (pure functions, no
database). Files written here, in the forms the banks send."""

from decimal import Decimal

import pytest

from tresorerie.releves import lire_camt

RELEVE_02 = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>DE-0615</MsgId><CreDtTm>2026-06-15T22:05:03</CreDtTm></GrpHdr>
  <Stmt>
   <Id>0615-1</Id>
   <CreDtTm>2026-06-15T22:05:03</CreDtTm>
   <FrToDt><FrDtTm>2026-06-15T00:00:00</FrDtTm><ToDtTm>2026-06-15T23:59:59</ToDtTm></FrToDt>
   <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
   <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt>
    <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-15</Dt></Dt></Bal>
   <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{cloture}</Amt>
    <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-15</Dt></Dt></Bal>
   <Ntry>
    <Amt Ccy="EUR">{montant}</Amt><CdtDbtInd>{sens}</CdtDbtInd>{rvsl}<Sts>BOOK</Sts>
    <BookgDt><Dt>2026-06-15</Dt></BookgDt>
    <AcctSvcrRef>BQ-0615-1</AcctSvcrRef>
    {code}
    <NtryDtls>{btch}{details}</NtryDtls>
    <AddtlNtryInf>Sammler</AddtlNtryInf>
   </Ntry>
  </Stmt>
 </BkToCstmrStmt>
</Document>
"""


def detail(montant, e2e, lot="", code="", parties=""):
    """One TxDtls of .001.02: references, amount (AmtDtls/TxAmt), code, parties."""
    refs = (f"<PmtInfId>{lot}</PmtInfId>" if lot else "") + f"<EndToEndId>{e2e}</EndToEndId>"
    somme = f'<AmtDtls><TxAmt><Amt Ccy="EUR">{montant}</Amt></TxAmt></AmtDtls>' if montant else ""
    parties = f"<RltdPties>{parties}</RltdPties>" if parties else ""
    return f"<TxDtls><Refs>{refs}</Refs>{somme}{code}{parties}</TxDtls>"


def releve(montant, *details, sens="DBIT", btch="", code="<BkTxCd/>", rvsl=""):
    signe = -1 if sens == "DBIT" else 1
    return lire_camt(
        RELEVE_02.format(
            cloture=f"{Decimal('1000.00') + signe * Decimal(montant):.2f}",
            montant=montant,
            sens=sens,
            rvsl=f"<RvslInd>{rvsl}</RvslInd>" if rvsl else "",
            code=code,
            btch=btch,
            details="".join(details),
        ).encode()
    )


def prtry(code):
    return f"<BkTxCd><Prtry><Cd>{code}</Cd><Issr>ZKA</Issr></Prtry></BkTxCd>"


def domaine(famille, sous_famille):
    return (
        f"<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>{famille}</Cd>"
        f"<SubFmlyCd>{sous_famille}</SubFmlyCd></Fmly></Domn></BkTxCd>"
    )


# --------------------------------------------------------------- batch reference


def test_un_lot_sans_pmtinfid_au_btch_prend_celui_que_portent_tous_ses_virements():
    """PostFinance, Nordea: Btch gives only NbOfTxs, each TxDtls its Refs/PmtInfId."""
    lu = releve(
        "6.00",
        detail("3.50", "E2E-1", lot="CAISSE-LOT-7"),
        detail("2.50", "E2E-2", lot="CAISSE-LOT-7"),
        btch="<Btch><NbOfTxs>2</NbOfTxs></Btch>",
    )
    assert [(x.montant, x.reference, x.reference_lot, x.nombre_operations) for x in lu.lignes] == [
        (Decimal("3.50"), "E2E-1", "CAISSE-LOT-7", None),
        (Decimal("2.50"), "E2E-2", "CAISSE-LOT-7", None),
    ]


def test_un_lot_non_eclate_prend_la_reference_commune_de_ses_details():
    """Details without amounts: one line of the total, with the batch reference and count."""
    lu = releve(
        "6.00",
        detail("", "E2E-1", lot="CAISSE-LOT-7"),
        detail("", "E2E-2", lot="CAISSE-LOT-7"),
        btch="<Btch><NbOfTxs>2</NbOfTxs></Btch>",
    )
    (seule,) = lu.lignes
    assert (seule.montant, seule.reference_lot, seule.nombre_operations) == (
        Decimal("6.00"),
        "CAISSE-LOT-7",
        2,
    )


def test_un_seul_virement_sans_btch_donne_sa_reference_de_lot():
    (seule,) = releve("12.34", detail("12.34", "E2E-9", lot="CAISSE-LOT-9")).lignes
    assert (seule.reference, seule.reference_lot, seule.nombre_operations) == (
        "E2E-9",
        "CAISSE-LOT-9",
        None,
    )


@pytest.mark.parametrize(
    "lots, attendu",
    [
        (("NOTPROVIDED", "NOTPROVIDED"), ""),  # GLS: the bank does not know it
        (("CAISSE-LOT-7", "CAISSE-LOT-8"), ""),  # two batches in one entry: none of them
        (("CAISSE-LOT-7", ""), ""),  # one transfer does not say: not all
    ],
    ids=["non-fournie", "differentes", "une-absente"],
)
def test_une_reference_de_lot_non_fournie_ou_non_commune_n_est_pas_prise(lots, attendu):
    lu = releve("6.00", *(detail("", f"E2E-{n}", lot=lot) for n, lot in enumerate(lots)))
    assert [x.reference_lot for x in lu.lignes] == [attendu]


def test_les_virements_eclates_de_deux_lots_portent_chacun_le_sien():
    lu = releve(
        "6.00",
        detail("3.50", "E2E-1", lot="CAISSE-LOT-7"),
        detail("2.50", "E2E-2", lot="CAISSE-LOT-8"),
    )
    assert [x.reference_lot for x in lu.lignes] == ["CAISSE-LOT-7", "CAISSE-LOT-8"]


def test_le_pmtinfid_du_btch_l_emporte_sur_celui_des_details():
    lu = releve(
        "6.00",
        detail("", "E2E-1", lot="AUTRE"),
        btch="<Btch><PmtInfId>CAISSE-LOT-7</PmtInfId><NbOfTxs>1</NbOfTxs></Btch>",
    )
    assert [x.reference_lot for x in lu.lignes] == ["CAISSE-LOT-7"]


# --------------------------------------------------------------- bank transaction code


@pytest.mark.parametrize(
    "code, attendu",
    [(prtry("NTRF+020"), "NTRF+020"), (domaine("ICDT", "ESCT"), "PMNT/ICDT/ESCT")],
    ids=["gvc-proprietaire", "domaine-iso"],
)
def test_un_code_operation_vide_prend_celui_du_virement_unique(code, attendu):
    """German DK banks: `<BkTxCd/>` empty on the entry, the code in its TxDtls."""
    (seule,) = releve("12.34", detail("12.34", "E2E-9", code=code)).lignes
    assert seule.code_operation == attendu


def test_un_code_operation_vide_et_des_details_de_codes_differents_reste_vide():
    lu = releve(
        "6.00",
        detail("", "E2E-1", code=prtry("NTRF+020")),
        detail("", "E2E-2", code=prtry("NMSC+201")),
    )
    assert [x.code_operation for x in lu.lignes] == [""]


def test_les_virements_eclates_gardent_chacun_leur_code_et_sinon_celui_de_l_ecriture():
    lu = releve(
        "6.00",
        detail("3.50", "E2E-1", code=prtry("NTRF+020")),
        detail("2.50", "E2E-2"),
        code=prtry("NTRF+191"),
    )
    assert [x.code_operation for x in lu.lignes] == ["NTRF+020", "NTRF+191"]


def test_le_code_du_detail_qui_dit_un_retour_en_fait_un_retour():
    """An empty entry code and a returned transfer in its only TxDtls: read as a return."""
    (seule,) = releve(
        "250.00",
        detail(
            "250.00", "E2E-3", code=domaine("ICDT", "RRTN"), parties="<Dbtr><Nm>Muller</Nm></Dbtr>"
        ),
        sens="CRDT",
    ).lignes
    assert (seule.sens, seule.code_operation, seule.contrepartie) == (
        "credit",
        "PMNT/ICDT/RRTN",
        "Muller",
    )


# --------------------------------------------------------------- counterparty of a reversal

DEBITEUR = "<Dbtr><Nm>Bernasconi Maria</Nm></Dbtr>"


def test_la_contre_passation_d_un_prelevement_nomme_le_debiteur_qui_avait_paye():
    """PostFinance: a reversed direct debit booked as a debit names only the Dbtr."""
    (seule,) = releve(
        "9.00",
        detail("9.00", "PRLV-7", code=domaine("RDDT", "PRDD"), parties=DEBITEUR),
        rvsl="true",
    ).lignes
    assert (seule.sens, seule.contre_passation, seule.contrepartie) == (
        "debit",
        True,
        "Bernasconi Maria",
    )


def test_un_debit_ordinaire_ne_nomme_pas_son_debiteur_pour_creancier():
    (seule,) = releve("9.00", detail("9.00", "E2E-7", parties=DEBITEUR)).lignes
    assert (seule.contre_passation, seule.contrepartie) == (False, "")


def test_une_contre_passation_qui_nomme_la_partie_habituelle_la_garde():
    parties = DEBITEUR + "<Cdtr><Nm>Caisse</Nm></Cdtr>"
    (seule,) = releve(
        "9.00", detail("9.00", "PRLV-7", code=domaine("IDDT", "UPDD"), parties=parties)
    ).lignes
    assert seule.contrepartie == "Caisse"
