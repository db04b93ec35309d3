"""Arrêtés de caisse."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core import horloge
from core.actes import soumettre
from tresorerie import actes, pdf, selectors
from tresorerie.forms import (
    ArreteForm,
    comptes_actifs,
)
from tresorerie.models import (
    ArreteCaisse,
)
from tresorerie.services.caisse import jour_ouvre_suivant
from tresorerie.views.commun import (
    _est_comptable,
    _requete,
    exiger,
    lecture,
)

# --- Arrêté de caisse -----------------------------------------------------------------------


@lecture
def caisse(request):
    comptable = _est_comptable(request.user)
    formulaire = None
    statut = 200
    if request.method == "POST":
        exiger(request, actes.ARRETE_CAISSE)
        statut = 400
        formulaire = ArreteForm(request.POST)
        reponse = soumettre(
            request,
            actes.ARRETE_CAISSE,
            formulaire,
            donnees=lambda f: {**f.cleaned_data, "comptage": f.comptage()},
            vers=lambda arrete: reverse("tresorerie:caisse") + f"#arrete-{arrete.pk}",
        )
        if reponse is not None:
            return reponse
    elif comptable:
        formulaire = ArreteForm()
    aujourd_hui = horloge.aujourdhui()
    comptes = list(comptes_actifs(nature__in=["caisse", "regie"]).order_by("compte__numero"))
    # The last arrêté of each: its day and those before take no more cash.
    derniers = {
        a.compte_id: a
        for a in ArreteCaisse.objects.filter(compte__in=comptes)
        .order_by("compte_id", "-date")
        .distinct("compte_id")
    }
    caisses = [
        (
            c,
            selectors.solde_comptable(c.compte.numero, aujourd_hui),
            derniers.get(c.pk),
            jour_ouvre_suivant(derniers[c.pk].date) if c.pk in derniers else None,
        )
        for c in comptes
    ]
    arretes = Paginator(
        ArreteCaisse.objects.select_related("compte__compte", "ecriture__journal", "par"), 50
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "tresorerie/caisse.html",
        {
            "form": formulaire,
            "caisses": caisses,
            "aujourd_hui": aujourd_hui,
            "page": arretes,
            "requete": _requete(request),
            "est_comptable": comptable,
        },
        status=statut,
    )


@lecture
def arrete_pdf(request, pk: int):
    arrete = get_object_or_404(
        ArreteCaisse.objects.select_related("compte__compte", "ecriture__journal", "par"), pk=pk
    )
    reponse = HttpResponse(pdf.arrete_pdf(arrete), content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="arrete-caisse-{arrete.date:%Y-%m-%d}.pdf"'
    return reponse
