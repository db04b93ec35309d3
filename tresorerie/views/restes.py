"""Restes à recouvrer per debtor, and their agreement with the books."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from core import csv_sur, horloge
from tresorerie import pdf, selectors
from tresorerie.views.commun import (
    lecture,
)

# --- Restes à recouvrer --------------------------------------------------------------------

COLONNES_CSV = [
    "Compte",
    "Débiteur",
    "Ordres",
    "Pris en charge",
    "Réduit",
    "Recouvré",
    "Reste",
    "Solde comptable",
]


def _chiffres(*montants) -> list[str]:
    return [f"{m:.2f}".replace(".", ",") for m in montants]


def _csv(debiteurs) -> HttpResponse:
    """The statement per debtor as a spreadsheet reads it (« ; », decimal comma),
    with its total."""
    reponse = HttpResponse(content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = (
        f'attachment; filename="restes_a_recouvrer_{horloge.aujourdhui():%Y%m%d}.csv"'
    )
    reponse.write("\ufeff")  # spreadsheets then read the accents right
    ecrivain = csv_sur.ecrivain(reponse, delimiter=";")
    ecrivain.writerow(COLONNES_CSV)
    for d in debiteurs:
        ecrivain.writerow(
            [
                d.compte,
                d.debiteur,
                d.ordres,
                *_chiffres(d.pris_en_charge, d.reduit, d.recouvre, d.reste, d.solde_comptable),
            ]
        )
    ecrivain.writerow(
        [
            "",
            "Total",
            sum(d.ordres for d in debiteurs),
            *_chiffres(
                sum(d.pris_en_charge for d in debiteurs),
                sum(d.reduit for d in debiteurs),
                sum(d.recouvre for d in debiteurs),
                sum(d.reste for d in debiteurs),
                sum(d.solde_comptable for d in debiteurs),
            ),
        ]
    )
    return reponse


@lecture
def restes(request):
    etat = selectors.restes_a_recouvrer()
    non_soldes = request.GET.get("non_soldes") == "1"
    debiteurs = [d for d in etat.debiteurs if d.reste != 0] if non_soldes else etat.debiteurs
    if request.GET.get("format") == "csv":
        return _csv(debiteurs)
    if request.GET.get("format") == "pdf":
        reponse = HttpResponse(
            pdf.restes_pdf(etat, debiteurs, non_soldes=non_soldes), content_type="application/pdf"
        )
        reponse["Content-Disposition"] = (
            f'inline; filename="restes_a_recouvrer_{horloge.aujourdhui():%Y%m%d}.pdf"'
        )
        return reponse
    return render(
        request,
        "tresorerie/restes.html",
        {"etat": etat, "debiteurs": debiteurs, "non_soldes": non_soldes},
    )
