"""Payment of visaed ordres de dépense, batches and their pain.001; the lines
held for an opposition and the agent comptable's decision on them; the
overdraft authorised on an account (what a payment may use)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core import horloge
from core.actes import soumettre
from core.pagination import Paginateur
from depenses.models import LigneOrdreDepense, OrdreDepense
from oppositions.banque import formater_iban
from oppositions.rapprochement import EN_ATTENTE
from tresorerie import actes, documents_lot, services
from tresorerie.decisions import DecisionOpposition
from tresorerie.forms import (
    DecisionOppositionForm,
    DecouvertForm,
    FormatVirementsForm,
    PaiementForm,
)
from tresorerie.models import (
    CompteDisponibilite,
    LotPaiement,
    Retour,
)
from tresorerie.views.commun import (
    _est_comptable,
    _requete,
    action,
    exiger,
    lecture,
)
from tresorerie.views.retours import retours_du_lot

# --- Paiements -----------------------------------------------------------------------------

# 50 visaed orders a page, each with its checkbox and creditors: 100 took the page
# 50 ms of rendering under load (bench/http); the next pages keep the others.
A_PAYER_PAR_PAGE = 50
LOTS_PAR_PAGE = 50


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
                # A date typed into an old form or a forged POST is checked by the
                # service, which refuses any day but today.
                donnees=lambda f: {
                    **f.cleaned_data,
                    "ordres": [int(v) for v in choisis],
                    "date": request.POST.get("le") or None,
                },
                vers="tresorerie:lot",
            )
            if reponse is not None:
                return reponse
    elif comptable:
        formulaire = PaiementForm()
    coches = set(request.POST.getlist("ordres")) if request.method == "POST" else set()
    # One page of the visaed orders, oldest first (`?a_payer=N`): never the whole queue.
    # The form posts back to the same `?a_payer=N&page=M` (a refused payment shows the
    # orders ticked on that page again), and each pagination's links keep the other's page.
    a_payer = Paginateur(
        OrdreDepense.objects.filter(etat=OrdreDepense.Etat.VISE)
        # Back from payé: a transfer returned by the bank, only its part to pay again.
        .annotate(virement_revenu=Exists(Retour.objects.filter(ordre=OuterRef("pk"))))
        .select_related("exercice")
        # Only what the table shows: reference, object, creditors, visa date, amount.
        .only("numero", "objet", "vise_le", "montant", "exercice__annee")
        .prefetch_related(
            Prefetch(
                "lignes",
                queryset=LigneOrdreDepense.objects.only("ordre", "creancier", "iban"),
                to_attr="lignes_lues",  # a list: no related manager nor queryset per order
            )
        )
        .order_by("exercice__annee", "numero"),
        A_PAYER_PAR_PAGE,
    ).get_page(request.GET.get("a_payer"))
    # Lines held for an opposition: their order cannot be checked until decided.
    attentes = services.lignes_en_attente()
    arretes = {a.ordre.pk for a in attentes}
    for ordre in a_payer:
        ordre.en_attente = ordre.pk in arretes
    # Only what the table of batches shows: never each batch's pain.001 file.
    lots = Paginator(
        LotPaiement.objects.select_related("compte", "exercice", "ecriture__journal").only(
            "moyen",
            "date",
            "nombre",
            "total",
            "compte__libelle",
            "exercice__annee",
            "ecriture__numero",
            "ecriture__journal__code",
        ),
        LOTS_PAR_PAGE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "tresorerie/paiements.html",
        {
            "a_payer": a_payer,
            "attentes": [
                (
                    a,
                    [
                        (d, DecisionOppositionForm(initial={"opposition": d.opposition.pk}))
                        for d in a.doutes
                    ],
                )
                for a in attentes
            ],
            "en_attente": EN_ATTENTE,
            "decisions": DecisionOpposition.objects.select_related(
                "ligne__ordre__exercice", "opposition", "par"
            ).filter(ligne__ordre__etat=OrdreDepense.Etat.VISE),
            "aujourd_hui": horloge.aujourdhui(),
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
    parties = documents_lot.nombre_parties(len({p.ordre_id for p, _ in paiements}))
    contexte = {
        "lot": lot,
        "paiements": paiements,
        "parties_mandats": range(1, parties + 1),
        "limite_documents": documents_lot.LIMITE_DOCUMENTS,
    }
    return render(
        request, "tresorerie/lot.html", contexte | retours_du_lot(request, lot, paiements)
    )


@lecture
def pain001(request, pk: int):
    lot = get_object_or_404(LotPaiement, pk=pk)
    contenu = bytes(lot.fichier or b"")
    if not contenu:
        raise Http404("Ce lot n'a pas de fichier de virements (paiement par chèque ou numéraire).")
    reponse = HttpResponse(contenu, content_type="application/xml")
    # The file's name says its version (pain.001.001.09 or .001.03), as the bank's portal asks.
    version = lot.format or "pain.001.001.03"  # batches paid before the choice existed
    reponse["Content-Disposition"] = f'attachment; filename="{version}-{lot.message_id}.xml"'
    return reponse


# --- Lignes arrêtées par une opposition, découvert autorisé ------------------------------

opposition_decider = action(
    actes.OPPOSITION_DECIDER,
    queryset=LigneOrdreDepense.objects.select_related("ordre__exercice"),
    formulaire=DecisionOppositionForm,
    vers=lambda _ligne, _resultat: reverse("tresorerie:paiements"),
)

format_virements_fixer = action(
    actes.FORMAT_VIREMENTS_FIXER,
    queryset=CompteDisponibilite.objects.all(),
    formulaire=FormatVirementsForm,
    vers=lambda _compte, _resultat: reverse("tresorerie:tableau"),
)

decouvert_fixer = action(
    actes.DECOUVERT_FIXER,
    queryset=CompteDisponibilite.objects.all(),
    formulaire=DecouvertForm,
    vers=lambda _compte, _resultat: reverse("tresorerie:tableau"),
)
