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
from personnes.forms import DelegationForm, ProcurationForm
from personnes.models import Delegation, Procuration
from personnes.selectors import FONCTIONS_COMPTABLES, libelle_etat, registre_delegations

GABARIT = "personnes/delegations.html"


def _vers_registre(_objet, _resultat) -> str:
    return reverse("personnes:delegations")


@fonction_requise
def delegations(request):
    """The register for everyone; the form of a new delegation for the directeur."""
    jour = horloge.aujourdhui()
    est_directeur = actes.DONNER_DROIT.accorde(request.user)
    contexte = {
        "lignes": [(d, libelle_etat(d)) for d in registre_delegations(le=jour)],
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


@fonction_requise
def procurations(request):
    """The fondés de pouvoir's procurations for everyone; the directeur records one."""
    contexte = {
        "procurations": Procuration.objects.select_related(
            "fonde", "agent_comptable", "enregistree_par"
        ).order_by("-debut", "-id"),
        "est_directeur": actes.PROCURATION_DROIT.accorde(request.user),
    }
    if contexte["est_directeur"] or request.method == "POST":
        return page_formulaire(
            request,
            actes.PROCURATION,
            formulaire=ProcurationForm,
            gabarit="personnes/procurations.html",
            vers=lambda _objet, _resultat: reverse("personnes:procurations"),
            contexte=contexte,
        )
    return render(request, "personnes/procurations.html", {**contexte, "form": None})
