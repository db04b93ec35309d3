"""Receipts without ordre de recette and their monthly regularisation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.exceptions import ApplicationError
from core.money import ZERO
from core.vues import exerce
from personnes.selectors import FONCTIONS_ORDONNATRICES
from recettes.models import Nature as NatureRecette
from tresorerie import services
from tresorerie.forms import (
    RegularisationForm,
    SansTitreForm,
)
from tresorerie.models import (
    Encaissement,
)
from tresorerie.views.commun import (
    REFUS_ORDONNATEUR,
    _est_comptable,
    _executer,
    _exiger_comptable,
    lecture,
)

# --- Encaissements sans titre -------------------------------------------------------------


@lecture
def sans_titre(request):
    comptable = _est_comptable(request.user)
    ordonnateur = exerce(request.user, FONCTIONS_ORDONNATRICES)
    formulaire = None
    statut = 200
    if request.method == "POST":
        _exiger_comptable(request)
        formulaire = SansTitreForm(request.POST)
        statut = 400
        if formulaire.is_valid():
            d = formulaire.cleaned_data
            try:
                enc = services.encaissement_sans_titre(
                    acting_user=request.user,
                    compte=d["compte"],
                    moyen=d["moyen"],
                    montant=d["montant"],
                    payeur=d["payeur"],
                    objet=d["objet"],
                    compte_produit=d["compte_produit"].numero,
                    nature_recette=d["nature_recette"],
                    date=d["date"],
                    reference=d.get("reference", ""),
                    recu=d.get("recu", False),
                )
            except ApplicationError as erreur:
                formulaire.add_error(None, erreur.message)
            else:
                messages.success(
                    request,
                    f"Encaissement {enc.reference_interne} enregistré au compte "
                    f"{services.COMPTE_A_REGULARISER}, en attente de régularisation.",
                )
                return redirect("tresorerie:encaissement", pk=enc.pk)
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
    if not exerce(request.user, FONCTIONS_ORDONNATRICES):
        raise PermissionDenied(REFUS_ORDONNATEUR)
    formulaire = RegularisationForm(request.POST)
    if not formulaire.is_valid():
        messages.error(request, "Indiquez l'année et le mois à régulariser.")
        return redirect("tresorerie:sans_titre")
    d = formulaire.cleaned_data
    if _executer(
        request,
        lambda: services.regularisation_preparer(
            acting_user=request.user, annee=d["annee"], mois=d["mois"]
        ),
        lambda ordres: (
            "Ordre(s) de régularisation préparé(s) dans votre parapheur : "
            + ", ".join(f"n° {o.reference}" for o in ordres)
            + "."
        ),
    ):
        return redirect("recettes:parapheur")
    return redirect("tresorerie:sans_titre")
