"""The auditors' page: the rules in force at a chosen date, and all their versions."""

from __future__ import annotations

from django.shortcuts import render

from core import horloge
from personnes.acces import fonction_requise
from reglementation import selectors
from reglementation.forms import DateForm


@fonction_requise
def regles(request):
    """Read-only: anyone holding a function in the fund (auditors included) reads the rules."""
    formulaire = DateForm(request.GET or None, initial={"le": horloge.aujourdhui()})
    le = formulaire.cleaned_data["le"] if formulaire.is_valid() else horloge.aujourdhui()
    return render(
        request,
        "reglementation/regles.html",
        {
            "form": formulaire,
            "le": le,
            "parametres": selectors.parametres_en_vigueur(le),
            "regles": selectors.regles_en_vigueur(le),
            "parametres_versions": selectors.parametres_toutes_versions(),
            "regles_versions": selectors.regles_toutes_versions(),
        },
    )
