"""Helpers of the camt tests: a statement of our own payments (a returned transfer,
a batch booked with and without details) written in any version, and hand-written
.08 entries."""

import datetime
from decimal import Decimal

import pytest
from lxml import etree

from core.exceptions import DonneeInvalide
from tresorerie.releves import (
    EntreeGroupee,
    LigneReleve,
    Releve,
    ecrire_camt,
    lire_camt,
)

IBAN = "FR7630006000011234567890189"
AUTRE_IBAN = "FR1420041010050500013M02606"
CREE_LE = datetime.datetime(2026, 4, 1, 6, 0)


def ligne(montant, sens="debit", jour=10, **champs):
    valeurs = {
        "date_operation": datetime.date(2026, 3, jour),
        "date_valeur": None,
        "montant": Decimal(montant),
        "sens": sens,
        "libelle": "",
        "reference": "",
        "reference_banque": "",
        "contrepartie": "",
        "code_operation": "PMNT/ICDT/ESCT",
    }
    valeurs.update(champs)
    return LigneReleve(**valeurs)


RETOUR = ligne(
    "250.00",
    "credit",
    jour=12,
    reference="LOT7-000002",
    reference_banque="BQ-RET-1",
    contrepartie="Hélène Dupré",
    libelle="Retour de virement",
    code_operation="PMNT/ICDT/RRTN",
    contre_passation=True,
    motif_retour="AC04",
    motif_retour_info="Compte clôturé " * 20,  # 300 characters, written in three AddtlInf
)
LOT_DETAILLE = EntreeGroupee(
    lignes=(
        ligne("12.34", reference="LOT7-000001", contrepartie="Jean Muller", libelle="IJ 12"),
        ligne("1000.00", reference="LOT7-000002", contrepartie="Hélène Dupré", libelle="IJ 13"),
    ),
    reference_lot="LOT7",
    libelle="Lot de virements LOT7",
    reference_banque="BQ-LOT7",
)
LOT_GLOBAL = EntreeGroupee(
    lignes=(ligne("40.00", jour=11), ligne("60.00", jour=11), ligne("5.00", jour=11)),
    reference_lot="LOT8",
    details=False,
    libelle="Lot de virements LOT8",
    reference_banque="BQ-LOT8",
)


def releve(lignes=None, ouverture="1000.00", **champs):
    lignes = lignes if lignes is not None else (RETOUR, LOT_DETAILLE, LOT_GLOBAL)
    mouvement = Decimal("0.00")
    for element in lignes:
        for x in element.lignes if isinstance(element, EntreeGroupee) else [element]:
            mouvement += x.montant if x.sens == "credit" else -x.montant
    valeurs = {
        "format": "camt.053",
        "identifiant": "REL-2026-03",
        "iban": IBAN,
        "date_debut": datetime.date(2026, 3, 1),
        "date_fin": datetime.date(2026, 3, 31),
        "solde_ouverture": Decimal(ouverture),
        "solde_cloture": Decimal(ouverture) + mouvement,
        "lignes": tuple(lignes),
    }
    valeurs.update(champs)
    return Releve(**valeurs)


def ecrire(r=None, version="camt.053.001.08"):
    return ecrire_camt(r or releve(), message_id="MSG-1", version=version, cree_le=CREE_LE)


def modifier(contenu, action):
    document = etree.fromstring(contenu)
    action(document, {"c": etree.QName(document).namespace})
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8")


def refus(contenu):
    with pytest.raises(DonneeInvalide) as erreur:
        lire_camt(contenu)
    return erreur.value.message


RELEVE_08 = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>B-0312</MsgId><CreDtTm>2026-03-13T05:00:00+01:00</CreDtTm></GrpHdr>
  <Stmt>
   <Id>0312-7</Id>
   <CreDtTm>2026-03-13T05:00:00+01:00</CreDtTm>
   <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
   <Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">500.00</Amt>
    <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-11</Dt></Dt></Bal>
   <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{cloture}</Amt>
    <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-12</Dt></Dt></Bal>
   {entrees}
  </Stmt>
 </BkToCstmrStmt>
</Document>
"""

RETOUR_08 = """<Ntry>
    <Amt Ccy="EUR">{montant}</Amt><CdtDbtInd>CRDT</CdtDbtInd>{rvsl}<Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><Dt>2026-03-12</Dt></BookgDt>
    <BkTxCd>{code}</BkTxCd>
    <NtryDtls><TxDtls>
     <Refs><EndToEndId>{e2e}</EndToEndId></Refs>
     <Amt Ccy="EUR">{montant}</Amt><CdtDbtInd>CRDT</CdtDbtInd>
     <RltdPties><Cdtr><Pty><Nm>Jean Muller</Nm></Pty></Cdtr></RltdPties>
     <RtrInf><Rsn>{motif}</Rsn><AddtlInf>COMPTE</AddtlInf><AddtlInf>CLOS</AddtlInf></RtrInf>
    </TxDtls></NtryDtls>
   </Ntry>"""

DOMAINE = "<Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn>"


def releve_08(*entrees, cloture):
    return RELEVE_08.format(cloture=cloture, entrees="\n".join(entrees)).encode()
