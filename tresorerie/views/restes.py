"""Restes à recouvrer per debtor."""

from __future__ import annotations

from django.shortcuts import render

from tresorerie import selectors
from tresorerie.views.commun import (
    lecture,
)

# --- Restes à recouvrer --------------------------------------------------------------------


@lecture
def restes(request):
    etat = selectors.restes_a_recouvrer()
    non_soldes = request.GET.get("non_soldes") == "1"
    debiteurs = [d for d in etat.debiteurs if d.reste != 0] if non_soldes else etat.debiteurs
    return render(
        request,
        "tresorerie/restes.html",
        {"etat": etat, "debiteurs": debiteurs, "non_soldes": non_soldes},
    )
