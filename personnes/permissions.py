"""Predicates on who may do what, used by services and views alike."""

from __future__ import annotations

import datetime

from core.exceptions import DroitInsuffisant
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COMPTABLES, fonctions_le


def exiger_comptable(utilisateur, jour: datetime.date, acte: str) -> None:
    """The agent comptable alone keeps the books (circ. 93/82 §1.2, §III)."""
    fonctions = set(fonctions_le(utilisateur, jour))
    if not fonctions & FONCTIONS_COMPTABLES:
        raise DroitInsuffisant(
            f"Seul l'agent comptable (ou son fondé de pouvoir) peut {acte} : "
            "la tenue de la comptabilité lui est réservée (circulaire 93/82 §1.2).",
            details={"fonctions": sorted(fonctions)},
        )
    if Fonction.DIRECTEUR in fonctions or Fonction.DELEGUE in fonctions:
        raise DroitInsuffisant(
            "Une même personne ne peut être à la fois ordonnateur et comptable "
            "(séparation des fonctions, circulaire 93/82 §2.4.0).",
        )
