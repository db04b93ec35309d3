"""Pages of the credits: anyone holding a function reads them; the directeur
opens credits and records décisions modificatives. Thin: selectors read,
services act."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from budget import actes, selectors
from budget.forms import ChoixExerciceForm, CreditModifierForm, CreditOuvrirForm
from budget.models import Credit
from core import horloge
from core.actes import page_formulaire
from ledger.models import Exercice
from personnes.acces import fonction_requise

GABARIT = "budget/credits.html"


def _exercice_par_defaut() -> Exercice | None:
    annee = horloge.aujourdhui().year
    return (
        Exercice.objects.filter(annee=annee).first() or Exercice.objects.order_by("-annee").first()
    )


def _contexte(request, exercice, *, sans: str = "") -> dict:
    """The credits page of `exercice`; `sans` names the act whose form the act
    mechanism brings itself (bound, with its errors) as `form`: the template
    shows `form_ouvrir|default:form`."""
    lignes = selectors.situations(exercice=exercice) if exercice is not None else []
    peut_agir = (
        actes.OUVRIR_DROIT.accorde(request.user)
        and exercice is not None
        and exercice.etat != Exercice.Etat.CLOS
    )
    contexte = {
        "choix": ChoixExerciceForm(initial={"exercice": exercice.annee if exercice else None}),
        "exercice": exercice,
        "situations": lignes,
        "totaux": selectors.totaux(lignes),
        "peut_agir": peut_agir,
    }
    if peut_agir:
        contexte["form_ouvrir"] = (
            None if sans == "ouvrir" else CreditOuvrirForm(initial={"exercice": exercice.annee})
        )
        contexte["form_modifier"] = (
            None if sans == "modifier" else CreditModifierForm(exercice=exercice)
        )
    return contexte


@fonction_requise
def credits(request):
    exercice = _exercice_par_defaut()
    statut = 200
    if request.GET.get("exercice"):
        choix = ChoixExerciceForm(request.GET)
        if choix.is_valid():
            exercice = Exercice.objects.get(annee=choix.cleaned_data["exercice"])
        else:
            messages.error(request, " ".join(choix.errors.get("exercice", [])))
            statut = 404
    return render(request, GABARIT, {**_contexte(request, exercice), "form": None}, status=statut)


def _vers_credits(_objet, credit: Credit) -> str:
    return f"{reverse('budget:credits')}?exercice={credit.exercice.annee}"


@require_POST
@fonction_requise
def ouvrir(request):
    choisi = str(request.POST.get("exercice", ""))
    exercice = Exercice.objects.filter(annee=int(choisi)).first() if choisi.isdigit() else None
    return page_formulaire(
        request,
        actes.OUVRIR,
        formulaire=CreditOuvrirForm,
        gabarit=GABARIT,
        vers=_vers_credits,
        contexte=_contexte(request, exercice or _exercice_par_defaut(), sans="ouvrir"),
    )


@require_POST
@fonction_requise
def modifier(request):
    choisi = str(request.POST.get("credit", ""))
    credit = (
        Credit.objects.select_related("exercice").filter(pk=int(choisi)).first()
        if choisi.isdigit()
        else None
    )
    exercice = credit.exercice if credit is not None else None
    return page_formulaire(
        request,
        actes.MODIFIER,
        formulaire=partial(CreditModifierForm, exercice=exercice),
        gabarit=GABARIT,
        vers=_vers_credits,
        contexte=_contexte(request, exercice or _exercice_par_defaut(), sans="modifier"),
    )


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
