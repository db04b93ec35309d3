"""Form fields the pages of several apps share."""

from __future__ import annotations

from django import forms

from core.exceptions import DonneeInvalide
from core.money import montant
from core.saisie import verifier_date


class EntreeFichiers(forms.ClearableFileInput):
    allow_multiple_selected = True


class ChampFichiers(forms.FileField):
    """Several files in one field (Django's documented recipe): the pièces
    justificatives of an order."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", EntreeFichiers())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        unique = super().clean
        if isinstance(data, list | tuple):
            return [unique(d, initial) for d in data]
        return [unique(data, initial)] if data else []


def pieces_lues(fichiers) -> list[tuple[str, bytes]]:
    """The uploaded files as the services take them: `[(nom, contenu), ...]`."""
    return [(fichier.name, fichier.read()) for fichier in fichiers or []]


def saisie_date(**attrs) -> forms.DateInput:
    """A date input whose proposed value shows: the browser's date picker only
    reads ISO dates (AAAA-MM-JJ), whatever the locale's display format."""
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", **attrs})


class ChampMontant(forms.CharField):
    """An amount typed as a person types it (« 1 234,56 », a comma or a point),
    read by `core.money.montant` with its French refusals; `zero_admis` for an
    amount that may be 0 (a refusal, no property)."""

    def __init__(self, *args, zero_admis: bool = False, **kwargs):
        kwargs.setdefault("max_length", 24)
        self.zero_admis = zero_admis
        super().__init__(*args, **kwargs)

    def clean(self, value):
        texte = super().clean(value)
        if texte in (None, ""):
            return None
        try:
            return montant(texte, libelle="Le montant", strictement_positif=not self.zero_admis)
        except DonneeInvalide as refus:
            raise forms.ValidationError(refus.message) from None


class ChampDate(forms.DateField):
    """A date within the years the books can speak of (`core.saisie.DATE_MIN`–
    `DATE_MAX`): a slip such as 9999-12-31 refused in French, never computed with."""

    def clean(self, value):
        jour = super().clean(value)
        if jour is None:
            return None
        try:
            return verifier_date(jour, "La date")
        except DonneeInvalide as refus:
            raise forms.ValidationError(refus.message) from None
