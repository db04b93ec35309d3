"""Pages of the comptes annuels: thin, selectors to read, the act to fix the mapping."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from comptes_annuels import actes, documents, selectors
from comptes_annuels.forms import CorrespondanceForm
from core import horloge
from core.actes import page_formulaire
from ledger.models import Exercice
from personnes.acces import fonction_requise
from personnes.droits import exerce
from personnes.selectors import FONCTIONS_COMPTABLES


def _lecteur(request) -> None:
    if not actes.LIRE_DROIT.accorde(request.user):
        raise PermissionDenied(actes.LIRE_DROIT.refus)


@fonction_requise
def exercice(request, annee: int):
    _lecteur(request)
    exercice_ = get_object_or_404(Exercice, annee=annee)
    liste = []
    for document in documents.TITRES:
        etat = documents.calculer(document, exercice_)
        liste.append(documents.contexte(document, exercice_, etat))
    return render(
        request, "comptes_annuels/exercice.html", {"exercice": exercice_, "documents": liste}
    )


@fonction_requise
def document(request, annee: int, document: str, format_: str):
    _lecteur(request)
    if document not in documents.TITRES or format_ not in ("pdf", "csv"):
        raise Http404("Ce document des comptes annuels n'existe pas.")
    exercice_ = get_object_or_404(Exercice, annee=annee)
    if format_ == "pdf":
        editeur = request.user.get_full_name() or request.user.username
        reponse = HttpResponse(
            documents.en_pdf(document, exercice_, edite_par=editeur),
            content_type="application/pdf",
        )
    else:
        reponse = HttpResponse(
            documents.en_csv(document, exercice_), content_type="text/csv; charset=utf-8"
        )
    nom = documents.nom_fichier(document, exercice_, format_)
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


@fonction_requise
def correspondances(request):
    _lecteur(request)
    le = horloge.aujourdhui()
    peut_agir = exerce(request.user, FONCTIONS_COMPTABLES)
    contexte = {
        "le": le,
        "rubriques": selectors.correspondances_page(le),
        "historique": [c for c in selectors.historique() if c.fixee_par_id],
        "peut_agir": peut_agir,
    }
    if request.method == "POST" or peut_agir:
        return page_formulaire(
            request,
            actes.FIXER,
            formulaire=CorrespondanceForm,
            gabarit="comptes_annuels/correspondances.html",
            vers=lambda _o, _r: "comptes_annuels:correspondances",
            initial={"valable_du": le},
            contexte=contexte,
        )
    return render(request, "comptes_annuels/correspondances.html", contexte)
