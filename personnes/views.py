"""The delegations' register: the directeur delegates and withdraws, the agent
comptable records the notification; everyone with a function reads it."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core import horloge
from core.exceptions import ApplicationError
from personnes import services
from personnes.acces import fonction_requise
from personnes.forms import DelegationForm
from personnes.models import Delegation, Fonction
from personnes.selectors import FONCTIONS_COMPTABLES, fonctions_actuelles


def _etat(delegation: Delegation, jour) -> str:
    if delegation.retiree_le and delegation.retiree_le <= jour:
        return f"retirée le {delegation.retiree_le:%d/%m/%Y}"
    if delegation.notifiee_le is None:
        return "non notifiée à l'agent comptable : sans effet"
    if jour < delegation.debut:
        return "à venir"
    if jour > delegation.fin:
        return "expirée"
    return "en vigueur"


@fonction_requise
def delegations(request):
    jour = horloge.aujourdhui()
    fonctions = set(fonctions_actuelles(request.user))
    est_directeur = Fonction.DIRECTEUR in fonctions
    formulaire = DelegationForm(request.POST or None) if est_directeur else None
    if request.method == "POST" and formulaire is not None and formulaire.is_valid():
        d = formulaire.cleaned_data
        try:
            delegation = services.delegation_creer(
                acting_user=request.user,
                delegataire=d["delegataire"],
                type=d["type"],
                nature=d["nature"],
                debut=d["debut"],
                fin=d["fin"],
                specimen_signature=d["specimen_signature"],
                montant_max=d["montant_max"] or None,
                classes_comptes=d["classes_comptes"],
            )
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
        else:
            messages.success(
                request,
                f"Délégation n° {delegation.pk} créée ; elle vaudra une fois notifiée "
                "à l'agent comptable.",
            )
            return redirect("personnes:delegations")
    lignes = [
        (d, _etat(d, jour))
        for d in Delegation.objects.select_related("delegant", "delegataire").order_by(
            "-debut", "-id"
        )
    ]
    return render(
        request,
        "personnes/delegations.html",
        {
            "lignes": lignes,
            "form": formulaire,
            "est_directeur": est_directeur,
            "est_comptable": bool(fonctions & FONCTIONS_COMPTABLES),
        },
        status=400 if request.method == "POST" else 200,
    )


def _agir(request, pk, fonction, succes):
    delegation = get_object_or_404(Delegation, pk=pk)
    try:
        fonction(delegation)
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
    else:
        messages.success(request, succes.format(n=delegation.pk))
    return redirect("personnes:delegations")


@require_POST
@fonction_requise
def notifier(request, pk: int):
    return _agir(
        request,
        pk,
        lambda d: services.delegation_notifier(
            acting_user=request.user, delegation=d, le=horloge.aujourdhui()
        ),
        "Notification de la délégation n° {n} enregistrée.",
    )


@require_POST
@fonction_requise
def retirer(request, pk: int):
    return _agir(
        request,
        pk,
        lambda d: services.delegation_retirer(
            acting_user=request.user, delegation=d, le=horloge.aujourdhui()
        ),
        "Délégation n° {n} retirée.",
    )
