"""A password is not the person's name, whatever the order, case, accents or
spaces: Django's similarity check compares it with the first name and the last
name one at a time, and « Marchand Helene » passed for Hélène Marchand."""

from __future__ import annotations

from difflib import SequenceMatcher

from django.core.exceptions import ValidationError
from text_unidecode import unidecode

SIMILARITE_MAX = 0.7


def _lettres(texte: str) -> str:
    """Lower-case ASCII letters and digits only: « Hélène Marchand » → « helenemarchand »."""
    return "".join(c for c in unidecode(texte or "").lower() if c.isalnum())


class NomComplet:
    """Refuse a password that reads as the person's full name (first and last
    name in either order); the login alone is Django's check."""

    def validate(self, password, user=None) -> None:
        if user is None:
            return
        prenom, nom = getattr(user, "first_name", ""), getattr(user, "last_name", "")
        formes = {_lettres(prenom + nom), _lettres(nom + prenom)} if prenom and nom else set()
        propre = _lettres(password)
        for forme in formes:
            if (
                forme
                and SequenceMatcher(a=propre, b=forme).quick_ratio() >= SIMILARITE_MAX
                and (SequenceMatcher(a=propre, b=forme).ratio() >= SIMILARITE_MAX)
            ):
                raise ValidationError(
                    "Ce mot de passe ressemble trop à vos nom et prénom : choisissez-en un autre.",
                    code="password_too_similar",
                )

    def get_help_text(self) -> str:
        return "Votre mot de passe ne peut pas être votre nom et votre prénom, dans un ordre ou un autre."
