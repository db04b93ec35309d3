"""Payment of visaed ordres de dépense, batches and their pain.001."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from core.actes import soumettre
from depenses.models import OrdreDepense
from oppositions.banque import formater_iban
from tresorerie import actes
from tresorerie.forms import (
    PaiementForm,
)
from tresorerie.models import (
    LotPaiement,
)
from tresorerie.views.commun import (
    _est_comptable,
    _requete,
    exiger,
    lecture,
)

# --- Paiements -----------------------------------------------------------------------------


@lecture
def paiements(request):
    comptable = _est_comptable(request.user)
    formulaire = None
    statut = 200
    if request.method == "POST":
        exiger(request, actes.PAYER)
        statut = 400
        formulaire = PaiementForm(request.POST)
        choisis = [v for v in request.POST.getlist("ordres") if v.isdigit()]
        if not choisis:
            formulaire.add_error(None, "Cochez au moins un ordre de dépense visé à payer.")
        else:
            reponse = soumettre(
                request,
                actes.PAYER,
                formulaire,
                donnees=lambda f: {
                    **f.cleaned_data,
                    "ordres": [int(v) for v in choisis],
                    "date": f.cleaned_data.get("le"),
                },
                vers="tresorerie:lot",
            )
            if reponse is not None:
                return reponse
    elif comptable:
        formulaire = PaiementForm()
    coches = set(request.POST.getlist("ordres")) if request.method == "POST" else set()
    a_payer = (
        OrdreDepense.objects.filter(etat=OrdreDepense.Etat.VISE)
        .select_related("exercice")
        .prefetch_related("lignes")
        .order_by("exercice__annee", "numero")
    )
    lots = Paginator(
        LotPaiement.objects.select_related("compte__compte", "exercice", "ecriture__journal"),
        50,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "tresorerie/paiements.html",
        {
            "a_payer": a_payer,
            "coches": coches,
            "form": formulaire,
            "page": lots,
            "requete": _requete(request),
            "est_comptable": comptable,
        },
        status=statut,
    )


@lecture
def lot(request, pk: int):
    lot = get_object_or_404(
        LotPaiement.objects.select_related(
            "compte__compte", "exercice", "ecriture__journal", "cree_par"
        ),
        pk=pk,
    )
    paiements = [
        (p, formater_iban(p.iban) if p.iban else "")
        for p in lot.paiements.select_related("ordre__exercice", "opposition")
    ]
    return render(request, "tresorerie/lot.html", {"lot": lot, "paiements": paiements})


@lecture
def pain001(request, pk: int):
    lot = get_object_or_404(LotPaiement, pk=pk)
    contenu = bytes(lot.fichier or b"")
    if not contenu:
        raise Http404("Ce lot n'a pas de fichier de virements (paiement par chèque ou numéraire).")
    reponse = HttpResponse(contenu, content_type="application/xml")
    reponse["Content-Disposition"] = f'attachment; filename="pain001-{lot.message_id}.xml"'
    return reponse
