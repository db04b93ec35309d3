"""The deferred arrears of benefits of an exercise (D133-2 al. 2): the page, its
CSV and PDF, and the directeur's form deferring an order."""

from __future__ import annotations

import io

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core import csv_sur, horloge
from core.actes import page_acte
from core.money import format_nombre
from core.pdf import pdf_de
from depenses import actes_differe as actes
from depenses.differe import ArriereDiffere, arrieres_differes, ordres_a_differer
from depenses.models import OrdreDepense
from personnes.acces import fonction_requise
from reglementation.selectors import seuil_d133_2

EN_TETES = [
    "Ordre",
    "Créancier",
    "Motif",
    "Montant",
    "Différé le",
    "Par",
    "À payer au plus tard le",
    "État",
]


def _rangee(a: ArriereDiffere, le) -> list[str]:
    d = a.differe
    return [
        a.ordre.reference,
        a.creancier,
        d.get_motif_display(),
        format_nombre(a.ordre.montant),
        f"{d.decide_le:%d/%m/%Y}",
        d.par.get_full_name() or d.par.username,
        f"{d.echeance:%d/%m/%Y}",
        a.statut(le),
    ]


@fonction_requise
def differes_courant(request):
    """The deferred arrears of the current exercise."""
    return redirect("depenses:differes", annee=horloge.aujourdhui().year)


@fonction_requise
def differes(request, annee: int):
    le = horloge.aujourdhui()
    liste = arrieres_differes(annee)
    return render(
        request,
        "depenses/differes.html",
        {
            "annee": annee,
            "le": le,
            "liste": [(a, a.statut(le), a.en_retard(le)) for a in liste],
            "seuil": seuil_d133_2(le),
            "candidats": list(ordres_a_differer(le).filter(exercice__annee=annee))
            if actes.DIFFERER_DROIT.accorde(request.user)
            else [],
            "form": actes.DiffererForm(),
        },
    )


@fonction_requise
def differes_document(request, annee: int, format_: str):
    if format_ not in ("csv", "pdf"):
        raise Http404("Ce document n'existe pas.")
    le = horloge.aujourdhui()
    rangees = [_rangee(a, le) for a in arrieres_differes(annee)]
    if format_ == "csv":
        sortie = io.StringIO()
        ecrire = csv_sur.ecrivain(sortie, delimiter=";", lineterminator="\n").writerow
        ecrire(EN_TETES)
        for r in rangees:
            ecrire(r)
        reponse = HttpResponse(sortie.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        html = render_to_string(
            "depenses/differes_pdf.html",
            {
                "organisme": settings.NOM_ORGANISME,
                "edite_le": timezone.localtime(horloge.maintenant()),
                "annee": annee,
                "en_tetes": EN_TETES,
                "rangees": rangees,
            },
        )
        reponse = HttpResponse(
            pdf_de(html),
            content_type="application/pdf",
        )
    reponse["Content-Disposition"] = f'attachment; filename="paiements_differes_{annee}.{format_}"'
    return reponse


differer = page_acte(
    actes.DIFFERER,
    queryset=OrdreDepense.objects.select_related("exercice"),
    formulaire=actes.DiffererForm,
    vers=lambda ordre, _r: reverse("depenses:differes", args=[ordre.exercice.annee]),
)
