"""Checks of what a person types or an API client sends, refused in French.

Shared by the services, the form fields (`core.formulaires`) and the API's
fields (`core.champs_api`): a free text within its length and without control
characters, a date within the years a fund's books can speak of.
"""

from __future__ import annotations

import datetime
import re

from core.exceptions import DonneeInvalide

# The dates a fund's books can carry: anything outside is a typing slip (an
# extra digit in the year) or a probe, refused before any rule computes with it.
DATE_MIN = datetime.date(1900, 1, 1)
DATE_MAX = datetime.date(2199, 12, 31)

# Control characters C0 and C1 (NUL included; tab, line feed and carriage
# return stay: a motif runs over lines), lone surrogates, the bidirectional
# overrides and isolates that make a text read otherwise than it is stored, and
# the byte order mark (U+FEFF). One definition: the API's parsers
# (`core.parseurs`) refuse the same set in every string of a body.
CARACTERES_INTERDITS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\ufeff]"
)


def verifier_caracteres(valeur: str, libelle: str) -> str:
    """The text itself, or a French refusal if it holds a control character."""
    if CARACTERES_INTERDITS.search(valeur):
        raise DonneeInvalide(
            f"{libelle} contient un caractère de contrôle (invisible) : retapez-le."
        )
    return valeur


def texte(valeur, libelle: str, *, obligatoire: bool = True, longueur: int = 200) -> str:
    """The text with its spaces normalised, or a French refusal (missing, too
    long, a control character)."""
    propre = " ".join(str(valeur or "").split())
    if obligatoire and not propre:
        raise DonneeInvalide(f"{libelle} est obligatoire.")
    if len(propre) > longueur:
        raise DonneeInvalide(f"{libelle} ne peut dépasser {longueur} caractères.")
    return verifier_caracteres(propre, libelle)


def borne(valeur, libelle: str, *, longueur: int) -> str:
    """The text as typed (its lines kept), or a French refusal if longer than
    `longueur` or holding a control character: what a page reads before a service."""
    texte_saisi = str(valeur or "")
    if len(texte_saisi) > longueur:
        raise DonneeInvalide(f"{libelle} ne peut dépasser {longueur} caractères.")
    return verifier_caracteres(texte_saisi, libelle)


def verifier_date(valeur: datetime.date, libelle: str = "La date") -> datetime.date:
    """The date itself, or a French refusal if it lies outside `DATE_MIN`–`DATE_MAX`."""
    if not DATE_MIN <= valeur <= DATE_MAX:
        raise DonneeInvalide(
            f"{libelle} ({_jour(valeur)}) est hors des dates admises "
            f"(du {_jour(DATE_MIN)} au {_jour(DATE_MAX)})."
        )
    return valeur


def _jour(valeur: datetime.date) -> str:
    return f"{valeur.day:02d}/{valeur.month:02d}/{valeur.year:04d}"


def date(valeur, libelle: str) -> datetime.date:
    """A date, or an ISO string (AAAA-MM-JJ) read as one, within the admitted
    years; anything else refused."""
    if isinstance(valeur, datetime.date) and not isinstance(valeur, datetime.datetime):
        return verifier_date(valeur, libelle)
    if isinstance(valeur, str) and len(valeur) <= 20:
        try:
            lue = datetime.date.fromisoformat(valeur.strip())
        except ValueError:
            pass
        else:
            return verifier_date(lue, libelle)
    raise DonneeInvalide(f"{libelle} doit être une date (jour, mois, année).")
