"""The interims of the agent comptable (circ. 93/82 §1.1.2): everyone with a
function reads them; the directeur or the agent comptable in office records
one (`personnes.actes.INTERIM`)."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse

from core.actes import page_formulaire
from personnes import actes
from personnes.acces import fonction_requise
from personnes.forms_interim import InterimForm
from personnes.models import Interim

GABARIT = "personnes/interims.html"


@fonction_requise
def interims(request):
    contexte = {
        "interims": Interim.objects.select_related("utilisateur").order_by("-debut", "-id"),
        "peut_designer": actes.INTERIM_DROIT.accorde(request.user),
    }
    if contexte["peut_designer"] or request.method == "POST":
        return page_formulaire(
            request,
            actes.INTERIM,
            formulaire=InterimForm,
            gabarit=GABARIT,
            vers=lambda _objet, _resultat: reverse("personnes:interims"),
            contexte=contexte,
        )
    return render(request, GABARIT, {**contexte, "form": None})
