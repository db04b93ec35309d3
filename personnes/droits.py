"""The permission catalogue: every act names, once, which functions may do it.

A `Droit` is the first gate of an act, the one pages and the API check at
their edge (who holds which function today). The service checks it again and
then what only it can know: the delegation valid at that date, its amount and
nature, the separation of ordonnateur and comptable (circ. 93/82 §1.0,
§2.4.0). Each app declares its acts and their droits in its own `actes.py` with
`droit(...)`; they all land in `CATALOGUE`, which the docs and a test read.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from rest_framework.permissions import BasePermission

from core import horloge
from core.exceptions import DroitInsuffisant
from personnes.models import Fonction
from personnes.permissions_comptable import refus_titulaire_absent
from personnes.selectors import (
    FONCTIONS_COMPTABLES,
    a_une_fonction,
    fonctions_actuelles,
    fonctions_exercees_le,
)

TOUTES = frozenset(Fonction.values)


@dataclass(frozen=True)
class Droit:
    code: str
    fonctions: frozenset[str]
    refus: str

    def accorde(self, utilisateur, le: datetime.date | None = None) -> bool:
        """Does `utilisateur` exercise one of the droit's functions that day
        (today by default)? The functions exercised (`fonctions_exercees_le`):
        the intérimaire acts as agent comptable, the absent titular does not.
        A droit open to every function is a read: any affectation gives it."""
        if utilisateur is None or not utilisateur.is_authenticated:
            return False
        if self.fonctions == TOUTES:
            return a_une_fonction(utilisateur, le)
        fonctions = (
            fonctions_actuelles(utilisateur)
            if le is None
            else fonctions_exercees_le(utilisateur, le)
        )
        return bool(set(fonctions) & self.fonctions)

    def exiger(self, utilisateur, le: datetime.date | None = None) -> None:
        """Refuse with the catalogue's sentence; the titular agent comptable
        absent during an interim reads who holds it and until when."""
        if not self.accorde(utilisateur, le):
            if Fonction.AGENT_COMPTABLE in self.fonctions and utilisateur is not None:
                absent = refus_titulaire_absent(utilisateur, le or horloge.aujourdhui())
                if absent is not None:
                    raise absent
            raise DroitInsuffisant(self.refus)


CATALOGUE: dict[str, Droit] = {}


def droit(code: str, fonctions, refus: str) -> Droit:
    """Declare an act's droit, once: a second declaration of a code is a mistake."""
    if code in CATALOGUE:
        raise ValueError(f"Le droit « {code} » est déjà déclaré.")
    entree = Droit(code, frozenset(fonctions), refus)
    CATALOGUE[code] = entree
    return entree


# The droits every app builds on.
LIRE = droit(
    "lire",
    TOUTES,
    "Vous devez exercer une fonction dans l'organisme pour accéder à ces données.",
)
COMPTABLE = droit(
    "comptable",
    FONCTIONS_COMPTABLES,
    "Seul l'agent comptable (ou son fondé de pouvoir) accomplit cet acte.",
)


def exerce(utilisateur, fonctions) -> bool:
    """Does the person exercise one of these functions today? (pages show or hide acts)"""
    return bool(set(fonctions_actuelles(utilisateur)) & set(fonctions))


class APourFonction(BasePermission):
    """API edge: only people holding a function in the fund see anything."""

    message = LIRE.refus

    def has_permission(self, request, view) -> bool:
        return LIRE.accorde(request.user)


class LectureOuDroit(BasePermission):
    """Reading for everyone holding a function; writing needs the view's `droit`."""

    def has_permission(self, request, view) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return LIRE.accorde(request.user)
        droit_vue = getattr(view, "droit", None) or COMPTABLE
        self.message = droit_vue.refus
        return droit_vue.accorde(request.user)
