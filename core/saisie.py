"""Checks of what a person types or an API client sends, refused in French.

Shared by the services: a free text within its length, a date.
"""

from __future__ import annotations

import datetime

from core.exceptions import DonneeInvalide


def texte(valeur, libelle: str, *, obligatoire: bool = True, longueur: int = 200) -> str:
    """The text with its spaces normalised, or a French refusal (missing, too long)."""
    propre = " ".join(str(valeur or "").split())
    if obligatoire and not propre:
        raise DonneeInvalide(f"{libelle} est obligatoire.")
    if len(propre) > longueur:
        raise DonneeInvalide(f"{libelle} ne peut dépasser {longueur} caractères.")
    return propre


def date(valeur, libelle: str) -> datetime.date:
    """A date, or an ISO string (AAAA-MM-JJ) read as one; anything else refused."""
    if isinstance(valeur, datetime.date) and not isinstance(valeur, datetime.datetime):
        return valeur
    if isinstance(valeur, str):
        try:
            return datetime.date.fromisoformat(valeur.strip())
        except ValueError:
            pass
    raise DonneeInvalide(f"{libelle} doit être une date (jour, mois, année).")
