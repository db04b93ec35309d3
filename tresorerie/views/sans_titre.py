"""Receipts without ordre de recette and their monthly regularisation."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.actes import soumettre
from core.money import ZERO
from recettes.models import Nature as NatureRecette
from tresorerie import actes, services
from tresorerie.forms import (
    RegularisationForm,
    SansTitreForm,
)
from tresorerie.models import (
    Encaissement,
)
from tresorerie.views.commun import (
    _est_comptable,
    agir,
    exiger,
    lecture,
)

# --- Encaissements sans titre -------------------------------------------------------------


@lecture
def sans_titre(request):
    comptable = _est_comptable(request.user)
    ordonnateur = actes.REGULARISATION_DROIT.accorde(request.user)
    formulaire = None
    statut = 200
    if request.method == "POST":
        exiger(request, actes.ENCAISSER_SANS_TITRE)
        formulaire = SansTitreForm(request.POST)
        statut = 400
        reponse = soumettre(
            request, actes.ENCAISSER_SANS_TITRE, formulaire, vers="tresorerie:encaissement"
        )
        if reponse is not None:
            return reponse
    elif comptable:
        formulaire = SansTitreForm()
    natures = dict(NatureRecette.choices)
    attente = [
        (e, natures.get(e.nature_recette, e.nature_recette))
        for e in Encaissement.objects.filter(
            sans_titre=True, regularise_par__isnull=True, etat=Encaissement.Etat.ENREGISTRE
        )
        .select_related("compte__compte", "compte_produit", "exercice")
        .order_by("date", "id")
    ]
    return render(
        request,
        "tresorerie/sans_titre.html",
        {
            "form": formulaire,
            "attente": attente,
            "total_attente": sum((e.montant for e, _ in attente), ZERO),
            "regularisation_form": RegularisationForm() if ordonnateur else None,
            "compte_a_regulariser": services.COMPTE_A_REGULARISER,
        },
        status=statut,
    )


@require_POST
@lecture
def regularisation_preparer(request):
    exiger(request, actes.REGULARISATION_PREPARER)
    formulaire = RegularisationForm(request.POST)
    if not formulaire.is_valid():
        messages.error(request, "Indiquez l'année et le mois à régulariser.")
        return redirect("tresorerie:sans_titre")
    if agir(request, actes.REGULARISATION_PREPARER, formulaire.cleaned_data):
        return redirect("recettes:parapheur")
    return redirect("tresorerie:sans_titre")
