"""Form fields the pages of several apps share."""

from __future__ import annotations

from django import forms


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
