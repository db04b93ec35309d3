"""The amount set by arrêté above which the board's decision on a décharge or
a remise gracieuse needs the ministers' approval, and above which a mise en
cause by the tutelle is transmitted to them for avis (circ. 93/82 §6.2): a
dated setting (`reglementation`), read for the day of the decision."""

from __future__ import annotations

import datetime
from decimal import Decimal

from core.exceptions import DonneeInvalide
from reglementation.selectors import parametre

CLE_SEUIL = "seuil_approbation_decharge"


def seuil_approbation(le: datetime.date) -> Decimal:
    """The amount set by arrêté in force on `le` (circ. 93/82 §6.2)."""
    try:
        return Decimal(parametre(CLE_SEUIL, le))
    except ArithmeticError:
        raise DonneeInvalide(
            f"Le paramètre réglementaire « {CLE_SEUIL} » en vigueur le {le:%d/%m/%Y} n'est pas "
            "un montant."
        ) from None
