"""Pages of the credits: anyone holding a function reads them; the directeur
opens credits and records décisions modificatives. Thin: selectors read,
services act."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from budget import selectors, services
from budget.forms import ChoixExerciceForm, CreditModifierForm, CreditOuvrirForm
from budget.models import Credit
from budget.permissions import est_directeur
from core import horloge
from core.exceptions import ApplicationError
from ledger.models import Exercice
from personnes.acces import fonction_requise

REFUS_DIRECTEUR = (
    "Seul le directeur ouvre et modifie les crédits : il exécute le budget de gestion "
    "administrative (circulaire 93/82 §2.1)."
)


def _exercice_par_defaut() -> Exercice | None:
    annee = horloge.aujourdhui().year
    return (
        Exercice.objects.filter(annee=annee).first() or Exercice.objects.order_by("-annee").first()
    )


def _page(request, exercice, *, ouvrir=None, modifier=None, statut=200):
    lignes = selectors.situations(exercice=exercice) if exercice is not None else []
    directeur = est_directeur(request.user)
    peut_agir = directeur and exercice is not None and exercice.etat != Exercice.Etat.CLOS
    contexte = {
        "choix": ChoixExerciceForm(initial={"exercice": exercice.annee if exercice else None}),
        "exercice": exercice,
        "situations": lignes,
        "totaux": selectors.totaux(lignes),
        "peut_agir": peut_agir,
    }
    if peut_agir:
        contexte["form_ouvrir"] = ouvrir or CreditOuvrirForm(initial={"exercice": exercice.annee})
        contexte["form_modifier"] = modifier or CreditModifierForm(exercice=exercice)
    return render(request, "budget/credits.html", contexte, status=statut)


@fonction_requise
def credits(request):
    exercice = _exercice_par_defaut()
    if request.GET.get("exercice"):
        choix = ChoixExerciceForm(request.GET)
        if not choix.is_valid():
            messages.error(request, " ".join(choix.errors.get("exercice", [])))
            return _page(request, exercice, statut=404)
        exercice = Exercice.objects.get(annee=choix.cleaned_data["exercice"])
    return _page(request, exercice)


def _vers_credits(annee: int):
    return redirect(f"{reverse('budget:credits')}?exercice={annee}")


@require_POST
@fonction_requise
def ouvrir(request):
    if not est_directeur(request.user):
        raise PermissionDenied(REFUS_DIRECTEUR)
    formulaire = CreditOuvrirForm(request.POST)
    exercice = Exercice.objects.filter(annee=request.POST.get("exercice") or 0).first()
    if exercice is None:
        messages.error(request, "L'exercice du crédit n'existe pas.")
        return _page(request, _exercice_par_defaut(), statut=400)
    if formulaire.is_valid():
        d = formulaire.cleaned_data
        try:
            credit = services.credit_ouvrir(
                acting_user=request.user,
                exercice=exercice,
                chapitre=d["chapitre"],
                libelle=d["libelle"],
                montant_initial=d["montant_initial"],
            )
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
        else:
            messages.success(
                request,
                f"Crédit ouvert au chapitre {credit.chapitre} ({credit.libelle}) "
                f"pour l'exercice {exercice.annee}.",
            )
            return _vers_credits(exercice.annee)
    return _page(request, exercice, ouvrir=formulaire, statut=400)


@require_POST
@fonction_requise
def modifier(request):
    if not est_directeur(request.user):
        raise PermissionDenied(REFUS_DIRECTEUR)
    formulaire = CreditModifierForm(request.POST)
    if formulaire.is_valid():
        d = formulaire.cleaned_data
        exercice = d["credit"].exercice
        try:
            credit = services.credit_modifier(
                acting_user=request.user,
                credit=d["credit"],
                montant=d["montant"],
                motif=d["motif"],
                le=d["le"],
            )
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
        else:
            messages.success(
                request,
                f"Modification enregistrée au chapitre {credit.chapitre} ({credit.libelle}).",
            )
            return _vers_credits(exercice.annee)
        formulaire = CreditModifierForm(request.POST, exercice=exercice)
        formulaire.is_valid()
    else:
        exercice = _exercice_par_defaut()
        choisi = str(request.POST.get("credit", ""))
        if choisi.isdigit():
            credit = Credit.objects.select_related("exercice").filter(pk=int(choisi)).first()
            exercice = credit.exercice if credit is not None else exercice
    return _page(request, exercice, modifier=formulaire, statut=400)


@fonction_requise
def credit(request, pk: int):
    objet = get_object_or_404(Credit.objects.select_related("exercice"), pk=pk)
    return render(
        request,
        "budget/credit.html",
        {
            "credit": objet,
            "situation": selectors.situation_de(objet),
            "modifications": selectors.modifications(credit=objet),
            "mouvements": selectors.mouvements(credit=objet),
        },
    )
