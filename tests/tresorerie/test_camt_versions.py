"""camt.053 and camt.054 of every version: written then read back, the differences
between versions, the schema deviations tolerated, returns, reversals, batches
(pure functions, no database; the refusals: test_camt_refus.py)."""

import dataclasses
import datetime
from decimal import Decimal
from importlib import resources

import pytest
from lxml import etree
from pycamt.parser import Camt053Parser

from core.exceptions import DonneeInvalide
from tests.tresorerie.camt_outils import (
    AUTRE_IBAN,
    CREE_LE,
    DOMAINE,
    IBAN,
    LOT_DETAILLE,
    LOT_GLOBAL,
    RETOUR,
    RETOUR_08,
    ecrire,
    ligne,
    modifier,
    refus,
    releve,
    releve_08,
)
from tresorerie.releves import (
    AVIS,
    CODE_OPERATION,
    PREFIXE_ISO,
    RELEVE,
    VERSIONS_CAMT,
    VERSIONS_ECRITES,
    EntreeGroupee,
    lire_camt,
    lire_camt053,
)
from tresorerie.releves.camt_schemas import schema

# --------------------------------------------------------------- round trip, every version


@pytest.mark.parametrize("version", VERSIONS_ECRITES)
def test_chaque_version_ecrite_se_relit_avec_tous_les_champs(version):
    lu = lire_camt(ecrire(version=version))
    avis = version.startswith("camt.054")
    assert (lu.format, lu.version, lu.nature) == (version[:8], version, AVIS if avis else RELEVE)
    assert (lu.identifiant, lu.iban) == ("REL-2026-03", IBAN)
    assert (lu.date_debut, lu.date_fin) == (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    if avis:
        assert (lu.solde_ouverture, lu.solde_cloture) == (None, None)
    else:
        assert (lu.solde_ouverture, lu.solde_cloture) == (Decimal("1000.00"), Decimal("132.66"))
    assert lu.ecarts == ()
    retour, premier, second, lot = lu.lignes
    assert retour == dataclasses.replace(RETOUR, motif_retour_info=RETOUR.motif_retour_info[:255])
    # The batch with details: one line per transfer, each carrying the batch's reference.
    assert [(x.montant, x.reference, x.contrepartie, x.libelle) for x in (premier, second)] == [
        (Decimal("12.34"), "LOT7-000001", "Jean Muller", "IJ 12"),
        (Decimal("1000.00"), "LOT7-000002", "Hélène Dupré", "IJ 13"),
    ]
    assert {
        (x.reference_lot, x.nombre_operations, x.reference_banque) for x in (premier, second)
    } == {("LOT7", None, "BQ-LOT7")}
    # The batch without details: one line of the total, with the number of transfers.
    assert lot == ligne(
        "105.00",
        jour=11,
        libelle="Lot de virements LOT8",
        reference="BQ-LOT8",
        reference_banque="BQ-LOT8",
        reference_lot="LOT8",
        nombre_operations=3,
    )


@pytest.mark.parametrize("version", VERSIONS_ECRITES)
def test_le_fichier_ecrit_suit_la_forme_de_sa_version(version):
    document = etree.fromstring(ecrire(version=version))
    n = {"c": PREFIXE_ISO + version}
    numero = int(version[-2:])
    statuts = document.xpath("//c:Ntry/c:Sts", namespaces=n)
    if numero >= 8:
        assert [s.findtext("c:Cd", namespaces=n) for s in statuts] == ["BOOK"] * 3
        assert document.xpath("//c:RltdPties/c:Dbtr/c:Pty/c:Nm/text()", namespaces=n) == [
            "Hélène Dupré"
        ]
    else:
        assert [s.text for s in statuts] == ["BOOK"] * 3
        assert document.xpath("//c:RltdPties/c:Dbtr/c:Nm/text()", namespaces=n) == ["Hélène Dupré"]
    montants = (
        "//c:TxDtls/c:Amt/text()" if numero >= 4 else "//c:TxDtls/c:AmtDtls/c:TxAmt/c:Amt/text()"
    )
    assert document.xpath(montants, namespaces=n) == ["250.00", "12.34", "1000.00"]
    assert document.xpath("//c:Btch/c:PmtInfId/text()", namespaces=n) == ["LOT7", "LOT8"]
    assert document.xpath("//c:Btch/c:NbOfTxs/text()", namespaces=n) == ["2", "3"]
    assert document.xpath("//c:RtrInf/c:Rsn/c:Cd/text()", namespaces=n) == ["AC04"]
    assert len(document.xpath("//c:RtrInf/c:AddtlInf", namespaces=n)) == 3
    assert document.xpath("//c:Ntry/c:RvslInd/text()", namespaces=n) == ["true"]
    assert document.xpath("//c:Ntry/c:BkTxCd/c:Domn/c:Fmly/c:SubFmlyCd/text()", namespaces=n) == [
        "RRTN",
        "ESCT",
        "ESCT",
    ]
    assert bool(document.xpath("//c:Bal", namespaces=n)) is not version.startswith("camt.054")


def test_une_ligne_sans_code_est_ecrite_avec_le_code_proprietaire_nmsc():
    simple = ligne("10.00", code_operation="")
    (lu,) = lire_camt(ecrire(releve((simple,)), "camt.053.001.04")).lignes
    assert lu == dataclasses.replace(simple, code_operation=CODE_OPERATION)


def test_lire_camt053_est_lire_camt_et_chaque_schema_est_charge_une_fois():
    contenu = ecrire(version="camt.054.001.04")
    assert lire_camt053(contenu) == lire_camt(contenu)
    assert schema("camt.053.001.08") is schema("camt.053.001.08")


def test_chaque_version_lue_a_son_xsd_dans_le_paquet():
    dossier = resources.files("tresorerie").joinpath("schemas")
    assert len(VERSIONS_CAMT) == 26
    for version in VERSIONS_CAMT:
        assert dossier.joinpath(f"{version}.xsd").is_file(), version


# --------------------------------------------------------------- batches


def test_un_lot_dont_les_details_ne_s_additionnent_pas_reste_une_ligne():
    def fausser(document, n):
        document.xpath("//c:TxDtls/c:Amt", namespaces=n)[1].text = "12.00"  # 12.34 → 12.00

    contenu = modifier(ecrire(releve((LOT_DETAILLE,))), fausser)
    (lu,) = lire_camt(contenu).lignes
    assert (lu.montant, lu.reference, lu.reference_lot, lu.nombre_operations) == (
        Decimal("1012.34"),
        "LOT7-000001",  # the first transaction's EndToEndId, as before
        "LOT7",
        2,
    )


def test_la_reference_du_lot_est_le_msgid_a_defaut_de_pmtinfid():
    def msgid(document, n):
        lot = document.xpath("//c:Btch", namespaces=n)[0]
        lot.find("c:PmtInfId", n).tag = f"{{{n['c']}}}MsgId"

    (lu,) = lire_camt(modifier(ecrire(releve((LOT_GLOBAL,))), msgid)).lignes
    assert (lu.reference_lot, lu.nombre_operations) == ("LOT8", 3)


def test_un_nombre_d_operations_qui_n_est_pas_un_nombre_est_refuse():
    def fausser(document, n):
        document.xpath("//c:Btch/c:NbOfTxs", namespaces=n)[0].text = "trois"

    message = refus(modifier(ecrire(releve((LOT_GLOBAL,))), fausser))
    assert "il n'est pas conforme au schéma ISO 20022 camt.053.001.08" in message
    assert "« Stmt/Ntry/NtryDtls/Btch/NbOfTxs »" in message


def test_l_ecrivain_refuse_une_entree_groupee_melant_credits_et_debits():
    mele = EntreeGroupee(lignes=(ligne("1.00"), ligne("2.00", "credit")), reference_lot="L")
    with pytest.raises(DonneeInvalide, match="toutes au crédit ou toutes au débit"):
        ecrire(releve((mele,)))
    with pytest.raises(DonneeInvalide, match="s'écrit DOMAINE/FAMILLE/SOUS-FAMILLE"):
        ecrire(releve((ligne("1.00", code_operation="PMNT/ICDT"),)))
    with pytest.raises(DonneeInvalide, match="« camt.053.001.05 » ne peut être écrite"):
        ecrire(version="camt.053.001.05")


# --------------------------------------------------------------- returns and reversals


@pytest.mark.parametrize(
    ("code", "motif", "attendu_code", "attendu_motif"),
    [
        (DOMAINE, "<Cd>AC04</Cd>", "PMNT/ICDT/RRTN", "AC04"),
        (DOMAINE, "<Cd>AM04</Cd>", "PMNT/ICDT/RRTN", "AM04"),
        (
            "<Prtry><Cd>RETOUR-VIR</Cd></Prtry>",
            "<Prtry>MOTIF-BANQUE-12</Prtry>",
            "RETOUR-VIR",
            "MOTIF-BANQUE-12",
        ),
    ],
)
def test_un_retour_de_virement_en_08_est_lu_avec_son_motif(
    code, motif, attendu_code, attendu_motif
):
    entree = RETOUR_08.format(
        montant="80.00", rvsl="<RvslInd>true</RvslInd>", code=code, e2e="LOT7-000003", motif=motif
    )
    lu = lire_camt(releve_08(entree, cloture="580.00"))
    assert (lu.version, lu.date_debut, lu.date_fin) == (
        "camt.053.001.08",
        datetime.date(2026, 3, 12),  # the day after the previous closing (PRCD)
        datetime.date(2026, 3, 12),
    )
    (retour,) = lu.lignes
    assert (retour.montant, retour.sens, retour.reference, retour.contre_passation) == (
        Decimal("80.00"),
        "credit",
        "LOT7-000003",
        True,
    )
    assert (retour.code_operation, retour.motif_retour, retour.motif_retour_info) == (
        attendu_code,
        attendu_motif,
        "COMPTE CLOS",
    )


def test_un_prelevement_rejete_md07_en_02_est_lu():
    prelevement = ligne(
        "45.10",
        "debit",
        reference="PRLV-0042",
        code_operation="PMNT/IDDT/UPDD",
        contre_passation=True,
        motif_retour="MD07",
        motif_retour_info="Débiteur décédé",
        contrepartie="Caisse",
    )
    (lu,) = lire_camt(ecrire(releve((prelevement,)), "camt.053.001.02")).lignes
    assert lu == prelevement


# --------------------------------------------------------------- version differences, tolerance

RELEVE_ALLEMAND_02 = """\ufeff

<?xml version="1.0" encoding="UTF-8"?>
<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
 <c:BkToCstmrStmt>
  <c:GrpHdr><c:MsgId>DE-0312</c:MsgId><c:CreDtTm>2026-03-12T22:05:03</c:CreDtTm></c:GrpHdr>
  <c:Stmt>
   <c:Id>0352C53202603122205</c:Id>
   <c:CreDtTm>2026-03-12T22:05:03</c:CreDtTm>
   <c:Acct><c:Id><c:IBAN>DE14740618130000033626</c:IBAN></c:Id><c:Ccy>EUR</c:Ccy></c:Acct>
   <c:Bal><c:Tp><c:CdOrPrtry><c:Cd>PRCD</c:Cd></c:CdOrPrtry></c:Tp><c:Amt Ccy="EUR">33.06</c:Amt>
    <c:CdtDbtInd>DBIT</c:CdtDbtInd><c:Dt><c:Dt>2026-03-12</c:Dt></c:Dt></c:Bal>
   <c:Bal><c:Tp><c:CdOrPrtry><c:Cd>CLBD</c:Cd></c:CdOrPrtry></c:Tp><c:Amt Ccy="EUR">23.06</c:Amt>
    <c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Dt><c:Dt>2026-03-12</c:Dt></c:Dt></c:Bal>
   <c:Ntry>
    <c:Amt Ccy="EUR">56.12</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Sts>BOOK</c:Sts>
    <c:BookgDt><c:Dt>2026-03-12</c:Dt></c:BookgDt>
    <c:BkTxCd><c:Prtry><c:Cd>NTRF+166</c:Cd><c:Issr>ZKA</c:Issr></c:Prtry></c:BkTxCd>
    {extra}
    <c:NtryDtls><c:TxDtls>
     <c:Refs><c:EndToEndId>NOTPROVIDED</c:EndToEndId></c:Refs>
     <c:RltdPties><c:Dbtr><c:PstlAdr><c:Ctry>DE</c:Ctry></c:PstlAdr><c:Nm>Muster</c:Nm></c:Dbtr>
     </c:RltdPties>
    </c:TxDtls></c:NtryDtls>
    <c:AddtlNtryInf>{libelle}</c:AddtlNtryInf>
   </c:Ntry>
  </c:Stmt>
 </c:BkToCstmrStmt>
</c:Document>
"""


def test_un_releve_allemand_en_02_avec_prefixe_bom_et_ecarts_est_lu():
    libelle = "GUTSCHRIFT " * 50  # 550 characters, the XSD admits 500
    contenu = RELEVE_ALLEMAND_02.format(libelle=libelle, extra="").encode()
    lu = lire_camt(contenu)
    assert (lu.iban, lu.solde_ouverture, lu.solde_cloture) == (
        "DE14740618130000033626",
        Decimal("-33.06"),
        Decimal("23.06"),
    )
    # PRCD dated the statement's own day: the period is that day.
    assert (lu.date_debut, lu.date_fin) == (datetime.date(2026, 3, 12), datetime.date(2026, 3, 12))
    (credit,) = lu.lignes
    assert (credit.montant, credit.reference, credit.code_operation, credit.contrepartie) == (
        Decimal("56.12"),
        "",
        "NTRF+166",
        "Muster",
    )
    assert credit.libelle == libelle.strip()
    assert lu.ecarts == (
        "Écart au schéma camt.053.001.02 toléré, ligne 22 : élément "
        "« Stmt/Ntry/NtryDtls/TxDtls/RltdPties/Dbtr/Nm » non prévu par le schéma à cet endroit "
        "(attendu : Id, CtryOfRes, CtctDtls).",
        "Écart au schéma camt.053.001.02 toléré, ligne 25 : « Stmt/Ntry/AddtlNtryInf » compte "
        "550 caractères, le schéma en admet 500 au plus.",
    )


def test_un_element_inconnu_dans_une_ecriture_est_note_et_le_reste_lu():
    contenu = RELEVE_ALLEMAND_02.format(
        libelle="GUTSCHRIFT", extra="<c:Sonderfeld>inconnu</c:Sonderfeld>"
    ).encode()
    lu = lire_camt(contenu)
    assert [(x.montant, x.sens, x.libelle) for x in lu.lignes] == [
        (Decimal("56.12"), "credit", "GUTSCHRIFT")
    ]
    assert lu.ecarts == (
        "Écart au schéma camt.053.001.02 toléré, ligne 19 : élément « Stmt/Ntry/Sonderfeld » "
        "non prévu par le schéma à cet endroit (attendu : ComssnWvrInd, AddtlInfInd, AmtDtls, "
        "Chrgs, TechInptChanl, Intrst, NtryDtls, AddtlNtryInf).",
    )


def test_les_ecarts_sont_dedoublonnes_et_plafonnes():
    def inconnus(document, n):
        # libxml2 reports one unexpected element per parent: Inconnu in each NtryDtls, the
        # same deviation 30 times; AutreN in each TxDtls, 30 different ones.
        for rang, entree in enumerate(document.xpath("//c:Ntry", namespaces=n)):
            details = entree.find("c:NtryDtls", n)
            etree.SubElement(details.find("c:TxDtls", n), f"{{{n['c']}}}Autre{rang}")
            etree.SubElement(details, f"{{{n['c']}}}Inconnu").text = "x"

    lignes = tuple(ligne("1.00", reference=f"E{i}") for i in range(30))
    lu = lire_camt(modifier(ecrire(releve(lignes)), inconnus))
    assert len(lu.lignes) == 30
    assert len(lu.ecarts) == 20
    assert all(
        e.startswith("Écart au schéma camt.053.001.08 toléré, ligne ") for e in lu.ecarts[:-1]
    )
    assert "(et 29 autres) : élément « Stmt/Ntry/NtryDtls/Inconnu » non prévu" in lu.ecarts[1]
    assert lu.ecarts[-1] == "… et 12 autres écarts au schéma."


def test_un_statut_ecrit_a_la_maniere_d_une_autre_version_est_tolere():
    def ancien(document, n):
        for sts in document.xpath("//c:Ntry/c:Sts", namespaces=n):
            sts.remove(sts[0])
            sts.text = "BOOK"

    lu = lire_camt(modifier(ecrire(releve((ligne("3.00"),))), ancien))
    assert [x.montant for x in lu.lignes] == [Decimal("3.00")]
    assert lu.ecarts == (
        "Écart au schéma camt.053.001.08 toléré, ligne 48 : le statut de l'écriture (Sts) est "
        "écrit à la manière d'une autre version ; il est lu.",
    )


def test_un_document_dans_une_enveloppe_apphdr_est_lu():
    contenu = ecrire(version="camt.053.001.04").removeprefix(
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
    )
    enveloppe = (
        b'<?xml version="1.0" encoding="UTF-8"?><message>'
        b'<AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.01"><BizMsgIdr>X</BizMsgIdr>'
        b"</AppHdr>" + contenu + b"</message>"
    )
    lu = lire_camt(enveloppe)
    assert (lu.version, len(lu.lignes)) == ("camt.053.001.04", 4)
    assert lu.ecarts == (
        "Le message est dans une enveloppe « message » (en-tête d'application AppHdr) ; seul "
        "son élément « Document » est lu.",
    )


def test_un_espace_de_noms_national_nommant_la_version_est_lu_comme_elle():
    espace = b"ISO:camt.053.001.02:APC:STUZZA:payments:003"
    contenu = ecrire(version="camt.053.001.02").replace(
        b"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02", espace
    )
    lu = lire_camt(contenu)
    assert (lu.version, lu.solde_cloture) == ("camt.053.001.02", Decimal("132.66"))
    assert (
        "« ISO:camt.053.001.02:APC:STUZZA:payments:003 » n'est pas celui de la norme"
        in (lu.ecarts[0])
    )


def test_un_iban_donne_comme_autre_identifiant_est_lu_s_il_en_est_un():
    def autre(iban):
        def action(document, n):
            identifiant = document.xpath("//c:Acct/c:Id", namespaces=n)[0]
            identifiant.remove(identifiant[0])
            othr = etree.SubElement(identifiant, f"{{{n['c']}}}Othr")
            etree.SubElement(othr, f"{{{n['c']}}}Id").text = iban

        return action

    lu = lire_camt(modifier(ecrire(), autre(AUTRE_IBAN)))
    assert lu.iban == AUTRE_IBAN
    assert lu.ecarts == (
        f"Le relevé « REL-2026-03 » donne l'IBAN de son compte comme un autre identifiant "
        f"(Acct/Id/Othr/Id « {AUTRE_IBAN} ») ; il est lu comme IBAN.",
    )
    assert refus(modifier(ecrire(), autre("0012345678"))) == (
        "Le fichier n'est pas un relevé camt.053 valide : le relevé « REL-2026-03 » désigne son "
        "compte autrement que par un IBAN (identifiant « 0012345678 ») ; seuls les comptes "
        "identifiés par leur IBAN peuvent être importés. Demandez à la banque un relevé portant "
        "l'IBAN du compte (Acct/Id/IBAN)."
    )


def test_une_ecriture_sans_date_de_comptabilisation_prend_sa_date_de_valeur():
    def sans_date(document, n):
        entree = document.xpath("//c:Ntry", namespaces=n)[0]
        entree.remove(entree.find("c:BookgDt", n))

    avec_valeur = ligne("3.00", date_valeur=datetime.date(2026, 3, 9))
    (lu,) = (r := lire_camt(modifier(ecrire(releve((avec_valeur,))), sans_date))).lignes
    assert lu.date_operation == datetime.date(2026, 3, 9)
    assert (
        "est comptabilisée sans date de comptabilisation (BookgDt) ; elle est datée du "
        "09/03/2026 (sa date de valeur)." in r.ecarts[0]
    )


# --------------------------------------------------------------- camt.054


def test_un_avis_sans_periode_prend_les_dates_de_ses_ecritures_sinon_sa_creation():
    def sans_periode(document, n):
        bloc = document.xpath("//c:Ntfctn", namespaces=n)[0]
        bloc.remove(bloc.find("c:FrToDt", n))

    lignes = (ligne("1.00", jour=4), ligne("2.00", jour=9))
    lu = lire_camt(modifier(ecrire(releve(lignes), "camt.054.001.08"), sans_periode))
    assert (lu.nature, lu.date_debut, lu.date_fin) == (
        AVIS,
        datetime.date(2026, 3, 4),
        datetime.date(2026, 3, 9),
    )
    vide = lire_camt(modifier(ecrire(releve(()), "camt.054.001.02"), sans_periode))
    assert (vide.date_debut, vide.date_fin, vide.lignes) == (CREE_LE.date(), CREE_LE.date(), ())


def test_deux_avis_du_meme_compte_sont_reunis_et_de_deux_comptes_refuses():
    def ajouter(autre):
        def action(document, n):
            message = document.xpath("//c:BkToCstmrDbtCdtNtfctn", namespaces=n)[0]
            message.append(etree.fromstring(autre).xpath("//c:Ntfctn", namespaces=n)[0])

        return action

    premier = ecrire(releve((ligne("1.00"),)), "camt.054.001.04")
    second = ecrire(releve((ligne("2.00"),), identifiant="AV-2"), "camt.054.001.04")
    lu = lire_camt(modifier(premier, ajouter(second)))
    assert (lu.identifiant, [x.montant for x in lu.lignes]) == (
        "REL-2026-03 + AV-2",
        [Decimal("1.00"), Decimal("2.00")],
    )
    ailleurs = ecrire(
        releve((ligne("2.00"),), identifiant="AV-3", iban=AUTRE_IBAN), "camt.054.001.04"
    )
    assert refus(modifier(premier, ajouter(ailleurs))).startswith(
        f"Le fichier contient les relevés de 2 comptes ({AUTRE_IBAN}, {IBAN}) : un import ne "
        "peut porter que sur un seul compte"
    )
    # Imported on one of its accounts, the file is read for that account alone, noted.
    deux_comptes = modifier(premier, ajouter(ailleurs))
    pour_l_autre = lire_camt(deux_comptes, iban=AUTRE_IBAN)
    assert (pour_l_autre.iban, pour_l_autre.identifiant) == (AUTRE_IBAN, "AV-3")
    assert [x.montant for x in pour_l_autre.lignes] == [Decimal("2.00")]
    assert pour_l_autre.ecarts[-1] == (
        f"Le fichier contient aussi les relevés de 1 autre(s) compte(s) ({IBAN}) : seuls ceux "
        f"du compte {AUTRE_IBAN} sont lus ici ; importez le même fichier sur chacun de ces "
        "comptes."
    )
    assert lire_camt(deux_comptes, iban=IBAN).identifiant == "REL-2026-03"


def test_un_avis_dont_une_ecriture_sort_de_la_periode_est_lu_avec_une_note():
    loin = releve((ligne("1.00", jour=3),), date_debut=datetime.date(2026, 3, 25))
    lu = lire_camt(ecrire(loin, "camt.054.001.08"))
    assert [x.date_operation for x in lu.lignes] == [datetime.date(2026, 3, 3)]
    assert lu.ecarts == (
        "L'écriture n° 1 de l'avis « REL-2026-03 » est comptabilisée le 03/03/2026, hors de la "
        "période du 25/03/2026 au 31/03/2026 ; elle est lue.",
    )


def test_les_pages_d_un_releve_se_suivent_par_leurs_soldes_intermediaires():
    def paginer(code_ouverture, code_cloture):
        def action(document, n):
            ouverture, cloture = document.xpath("//c:Bal/c:Tp/c:CdOrPrtry/c:Cd", namespaces=n)
            ouverture.text, cloture.text = code_ouverture, code_cloture

        return action

    page_1 = releve((ligne("100.00"),), identifiant="P1")
    page_2 = releve((ligne("40.00", "credit"),), ouverture="900.00", identifiant="P2")
    lu_1 = lire_camt(modifier(ecrire(page_1), paginer("OPBD", "ITBD")))
    lu_2 = lire_camt(modifier(ecrire(page_2), paginer("ITBD", "CLBD")))
    assert (lu_1.solde_ouverture, lu_1.solde_cloture) == (Decimal("1000.00"), Decimal("900.00"))
    assert (lu_2.solde_ouverture, lu_2.solde_cloture) == (Decimal("900.00"), Decimal("940.00"))

    def reunir(document, n):  # the two pages in one file, under one statement Id
        message = document.xpath("//c:BkToCstmrStmt", namespaces=n)[0]
        suite = etree.fromstring(modifier(ecrire(page_2), paginer("ITBD", "CLBD")))
        message.append(suite.xpath("//c:Stmt", namespaces=n)[0])
        for identifiant in document.xpath("//c:Stmt/c:Id", namespaces=n):
            identifiant.text = "REL-P"

    lu = lire_camt(modifier(modifier(ecrire(page_1), paginer("OPBD", "ITBD")), reunir))
    assert (lu.identifiant, lu.solde_ouverture, lu.solde_cloture, len(lu.lignes)) == (
        "REL-P",
        Decimal("1000.00"),
        Decimal("940.00"),
        2,
    )


def test_une_ecriture_sans_statut_d_un_releve_est_lue_comme_comptabilisee():
    def sans_statut(document, n):
        entree = document.xpath("//c:Ntry", namespaces=n)[0]
        entree.remove(entree.find("c:Sts", n))

    lu = lire_camt(modifier(ecrire(releve((ligne("7.00"),))), sans_statut))
    assert [x.montant for x in lu.lignes] == [Decimal("7.00")]
    assert lu.ecarts[-1] == (
        "L'écriture n° 1 du relevé « REL-2026-03 » (ligne 45) n'a pas de statut (Sts) ; elle est "
        "lue comme comptabilisée (BOOK)."
    )
    assert lu.ecarts[0].startswith("Écart au schéma camt.053.001.08 toléré, ligne ")


@pytest.mark.parametrize("version", ["camt.053.001.04", "camt.053.001.08"])
def test_un_lecteur_independant_pycamt_lit_les_fichiers_ecrits_de_meme(version):
    lecteur = Camt053Parser(ecrire(version=version))
    assert lecteur.version == version
    (compte,) = lecteur.get_statement_info()
    assert (compte["IBAN"], compte["OpeningBalance"], compte["ClosingBalance"]) == (
        IBAN,
        "1000.00",
        "132.66",
    )
    assert [
        (t["Amount"], t["CreditDebitIndicator"], t.get("EndToEndId"), t["TransactionID"])
        for t in lecteur.get_transactions()
    ] == [
        ("250.00", "CRDT", "LOT7-000002", "BQ-RET-1"),
        ("12.34", "DBIT", "LOT7-000001", "BQ-LOT7"),
        ("1000.00", "DBIT", "LOT7-000002", "BQ-LOT7"),
        ("105.00", "DBIT", None, "BQ-LOT8"),
    ]
