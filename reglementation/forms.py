from __future__ import annotations

from django import forms

from core.formulaires import ChampDate, saisie_date


class DateForm(forms.Form):
    """The day at which the auditor reads the rules in force."""

    le = ChampDate(
        label="Règles en vigueur le",
        widget=saisie_date(),
        error_messages={
            "invalid": "Saisissez une date valide, par exemple 22/03/1997.",
            "required": "Indiquez une date.",
        },
    )
