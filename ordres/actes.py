"""The droits of the acts both kinds of order have: the ordonnateur's and the
agent comptable's, worded as their services refuse them."""

from __future__ import annotations

from personnes.droits import Droit, droit
from personnes.permissions import refus_comptable, refus_ordonnateur
from personnes.selectors import FONCTIONS_COMPTABLES, FONCTIONS_ORDONNATRICES


def droit_ordonnateur(code: str, acte: str, source: str, refus: str | None = None) -> Droit:
    """An act of the ordonnateur; the refusal is the one of the service
    (`personnes.permissions.refus_ordonnateur`) unless the page said it
    otherwise. The edge lets the directeur's side through; the service then
    binds the act to the actor's own powers that day (his delegation's
    nature, accounts, ceiling and period: `ordres.services.exiger_ordonnateur`)."""
    return droit(code, FONCTIONS_ORDONNATRICES, refus or refus_ordonnateur(acte, source))


def droit_comptable(code: str, acte: str) -> Droit:
    """An act of the agent comptable; the refusal is that of `exiger_comptable`."""
    return droit(code, FONCTIONS_COMPTABLES, refus_comptable(acte))
