"""Downloads of documents in batch: the mandats of a payment batch, the quittances
of a day (one merged PDF, or a ZIP of one PDF each, `tresorerie.documents_lot`).

Same rights as the single downloads: the batch's page is read by whoever reads the
whole treasury (the auditor included), the quittances by whoever may read each
receipt (a régisseur: his régies'). A refusal comes back on the page it was asked
from, in French."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from core.exceptions import ApplicationError
from personnes.acces import fonction_requise
from tresorerie import documents_lot
from tresorerie.models import LotPaiement
from tresorerie.views.commun import lecture


def _entier(valeur: str | None, defaut: int | None) -> int | None:
    return int(valeur) if valeur and valeur.isdigit() else defaut


def _reponse(telechargement: documents_lot.Telechargement) -> HttpResponse:
    reponse = HttpResponse(telechargement.contenu, content_type=telechargement.type_mime)
    reponse["Content-Disposition"] = f'attachment; filename="{telechargement.nom}"'
    return reponse


@lecture
def lot_mandats(request, pk: int):
    lot = get_object_or_404(LotPaiement.objects.select_related("exercice"), pk=pk)
    try:
        return _reponse(
            documents_lot.mandats_du_lot(
                lot,
                forme=request.GET.get("forme", "pdf"),
                partie=_entier(request.GET.get("partie"), 1),
            )
        )
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
        return redirect("tresorerie:lot", pk=lot.pk)


@fonction_requise
def quittances_jour(request):
    retour = reverse("tresorerie:encaissements")
    try:
        jour = datetime.date.fromisoformat(request.GET.get("jour", ""))
    except ValueError:
        messages.error(request, "Indiquez le jour des quittances (jj/mm/aaaa).")
        return redirect(retour)
    try:
        return _reponse(
            documents_lot.quittances_du_jour(
                request.user,
                jour,
                compte=_entier(request.GET.get("compte"), None),
                forme=request.GET.get("forme", "pdf"),
                partie=_entier(request.GET.get("partie"), 1),
            )
        )
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
        return redirect(retour)
