"""Installations of the agent comptable (circ. 93/82 §1.1.0): the list for
everyone with a function, the directeur's form; one installation with its
procès-verbal (PDF), its réserves and prorogations, recorded by the agent
comptable installed."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core import horloge
from core.actes import page_acte, page_formulaire
from personnes import actes_installation as actes
from personnes.acces import fonction_requise
from personnes.forms_installation import (
    InstallationForm,
    MandatForm,
    ProrogationForm,
    ReserveForm,
)
from personnes.models import Installation, Mandat
from personnes.pdf import proces_verbal_pdf
from personnes.services_installation import limite_reserves

_INSTALLATIONS = Installation.objects.select_related(
    "agent_comptable", "predecesseur", "ancien_titulaire", "interim", "enregistree_par"
)


def _vers_installation(installation, resultat) -> str:
    cible = installation if installation is not None else resultat
    return reverse("personnes:installation", args=[cible.pk])


@fonction_requise
def installations(request):
    contexte = {
        "installations": _INSTALLATIONS.order_by("-installe_le", "-id"),
        "est_directeur": actes.INSTALLATION_DROIT.accorde(request.user),
    }
    if contexte["est_directeur"] or request.method == "POST":
        return page_formulaire(
            request,
            actes.INSTALLATION,
            formulaire=InstallationForm,
            gabarit="personnes/installations.html",
            vers=_vers_installation,
            contexte=contexte,
        )
    return render(request, "personnes/installations.html", {**contexte, "form": None})


@fonction_requise
def installation(request, pk: int):
    objet = get_object_or_404(_INSTALLATIONS, pk=pk)
    est_installe = request.user.pk == objet.agent_comptable_id
    return render(
        request,
        "personnes/installation.html",
        {
            "i": objet,
            "limite": limite_reserves(objet),
            "reserves": objet.reserves.all(),
            "prorogations": objet.prorogations.all(),
            "form_reserve": ReserveForm() if est_installe else None,
            "form_prorogation": ProrogationForm() if est_installe else None,
        },
    )


@fonction_requise
def proces_verbal(request, pk: int):
    objet = get_object_or_404(_INSTALLATIONS, pk=pk)
    reponse = HttpResponse(proces_verbal_pdf(objet), content_type="application/pdf")
    reponse["Content-Disposition"] = f'attachment; filename="proces_verbal_installation_{pk}.pdf"'
    return reponse


reserve = page_acte(
    actes.RESERVE,
    queryset=Installation.objects.all(),
    formulaire=ReserveForm,
    vers=_vers_installation,
)
prorogation = page_acte(
    actes.PROROGATION,
    queryset=Installation.objects.all(),
    formulaire=ProrogationForm,
    vers=_vers_installation,
)


@fonction_requise
def mandats(request):
    """The special mandates for everyone with a function; the agent comptable records one."""
    jour = horloge.aujourdhui()
    contexte = {
        "mandats": [
            (m, m.en_cours_le(jour))
            for m in Mandat.objects.select_related("mandataire", "agent_comptable")
        ],
        "est_comptable": actes.MANDAT_DROIT.accorde(request.user),
    }
    if contexte["est_comptable"] or request.method == "POST":
        return page_formulaire(
            request,
            actes.MANDAT,
            formulaire=MandatForm,
            gabarit="personnes/mandats.html",
            vers=lambda _objet, _resultat: reverse("personnes:mandats"),
            contexte=contexte,
        )
    return render(request, "personnes/mandats.html", {**contexte, "form": None})


retirer_mandat = page_acte(
    actes.RETIRER_MANDAT,
    queryset=Mandat.objects.all(),
    vers=lambda _objet, _resultat: reverse("personnes:mandats"),
)
