"""The delegations' register: the directeur delegates and withdraws, the agent
comptable records the notification; everyone with a function reads it."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse

from core import horloge
from core.actes import page_acte, page_formulaire
from personnes import actes
from personnes.acces import fonction_requise
from personnes.droits import exerce
from personnes.forms import DelegationForm
from personnes.models import Delegation
from personnes.selectors import FONCTIONS_COMPTABLES

GABARIT = "personnes/delegations.html"


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


def _vers_registre(_objet, _resultat) -> str:
    return reverse("personnes:delegations")


@fonction_requise
def delegations(request):
    """The register for everyone; the form of a new delegation for the directeur."""
    jour = horloge.aujourdhui()
    est_directeur = actes.DONNER_DROIT.accorde(request.user)
    contexte = {
        "lignes": [
            (d, _etat(d, jour))
            for d in Delegation.objects.select_related("delegant", "delegataire").order_by(
                "-debut", "-id"
            )
        ],
        "est_directeur": est_directeur,
        "est_comptable": exerce(request.user, FONCTIONS_COMPTABLES),
    }
    if est_directeur or request.method == "POST":
        return page_formulaire(
            request,
            actes.DONNER,
            formulaire=DelegationForm,
            gabarit=GABARIT,
            vers=_vers_registre,
            contexte=contexte,
        )
    return render(request, GABARIT, {**contexte, "form": None})


notifier = page_acte(actes.NOTIFIER, queryset=Delegation.objects.all(), vers=_vers_registre)
retirer = page_acte(actes.RETIRER, queryset=Delegation.objects.all(), vers=_vers_registre)
