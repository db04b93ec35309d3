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


@dataclass(frozen=True)
class Releve:
    format: str  # "camt.053" or "csv"
    identifiant: str  # Stmt/Id (csv: given by the caller or derived from the dates)
    iban: str  # account IBAN, no spaces, upper case
    date_debut: datetime.date
    date_fin: datetime.date
    solde_ouverture: Decimal  # signed: positive = credit balance in the bank's view
    solde_cloture: Decimal
    lignes: tuple[LigneReleve, ...]
