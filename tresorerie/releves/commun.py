"""What both readers of bank statements give: a `Releve` and its lines
(see the package docstring)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

CREDIT = "credit"
DEBIT = "debit"


@dataclass(frozen=True)
class LigneReleve:
    date_operation: datetime.date  # BookgDt
    date_valeur: datetime.date | None
    montant: Decimal  # always > 0
    sens: str  # "credit" (money in for the account holder) or "debit"
    libelle: str  # AddtlNtryInf or remittance info
    reference: str  # EndToEndId if present (what we put in pain.001), else AcctSvcrRef, else ""
    reference_banque: str  # AcctSvcrRef or ""
    contrepartie: str  # counterparty name if present, else ""
    # What camt says beyond the movement (empty / False / None when it does not say):
    code_operation: str = (
        ""  # bank transaction code "PMNT/ICDT/RRTN" (Domn/Fmly/SubFmly), else Prtry/Cd
    )
    contre_passation: bool = False  # RvslInd true: the bank reverses an earlier movement
    motif_retour: str = ""  # RtrInf/Rsn/Cd (ISO external return reason, e.g. AC04, AM04, MD07)
    motif_retour_info: str = ""  # RtrInf/AddtlInf, joined
    reference_lot: str = ""  # NtryDtls/Btch/PmtInfId (our LotPaiement.message_id), else Btch/MsgId
    nombre_operations: int | None = None  # NtryDtls/Btch/NbOfTxs


RELEVE = "releve"  # a statement: balances, matched with the books
AVIS = "avis"  # a debit/credit notification (camt.054): no balances, not matched


@dataclass(frozen=True)
class Releve:
    format: str  # "camt.053", "camt.054" or "csv"
    identifiant: str  # Stmt/Id or Ntfctn/Id (csv: given by the caller or derived from the dates)
    iban: str  # account IBAN, no spaces, upper case
    date_debut: datetime.date
    date_fin: datetime.date
    solde_ouverture: Decimal | None  # signed: positive = credit balance; None for an avis
    solde_cloture: Decimal | None
    lignes: tuple[LigneReleve, ...]
    version: str = ""  # the message's version, e.g. "camt.053.001.08"; "" for CSV
    nature: str = RELEVE
    ecarts: tuple[str, ...] = ()  # French notes of what departs from the XSD but is accepted
