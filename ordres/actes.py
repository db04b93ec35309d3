"""The droits of the acts both kinds of order have: the ordonnateur's and the
agent comptable's, worded as their services refuse them."""

from __future__ import annotations

from personnes.droits import Droit, droit
from personnes.permissions import refus_comptable
from personnes.selectors import FONCTIONS_COMPTABLES, FONCTIONS_ORDONNATRICES


def droit_ordonnateur(code: str, acte: str, source: str, refus: str | None = None) -> Droit:
    """An act of the ordonnateur; the refusal is the one of the service
    (`ordres.services.exiger_ordonnateur`) unless the page said it otherwise."""
    return droit(
        code,
        FONCTIONS_ORDONNATRICES,
        refus or f"Seul l'ordonnateur (le directeur ou son délégué) peut {acte} ({source}).",
    )


def droit_comptable(code: str, acte: str) -> Droit:
    """An act of the agent comptable; the refusal is that of `exiger_comptable`."""
    return droit(code, FONCTIONS_COMPTABLES, refus_comptable(acte))
