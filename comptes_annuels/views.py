"""Pages of the comptes annuels: thin, selectors to read, the act to fix the mapping."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from comptes_annuels import actes, documents, selectors
from comptes_annuels import compte_financier as cf_documents
from comptes_annuels.forms import CompteFinancierForm, CorrespondanceForm
from comptes_annuels.rapport import reponse_rapport
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
        request,
        "comptes_annuels/exercice.html",
        {
            "exercice": exercice_,
            "documents": liste,
            "compte_financier": selectors.compte_financier_de(exercice_),
            "sections_cf": cf_documents.SECTIONS,
            "peut_etablir": actes.ETABLIR_DROIT.accorde(request.user),
            "form_cf": CompteFinancierForm(),
        },
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
            documents.en_pdf(
                document, exercice_, edite_par=editeur, base=request.build_absolute_uri("/")[:-1]
            ),
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


# --- The compte financier ------------------------------------------------------


def _compte_financier(annee: int):
    exercice_ = get_object_or_404(Exercice, annee=annee)
    cf = selectors.compte_financier_de(exercice_)
    if cf is None:
        raise Http404(f"Le compte financier de l'exercice {annee} n'est pas établi.")
    return cf


@fonction_requise
def compte_financier(request, annee: int):
    """The compte financier as established: cover, statements, restes,
    treasury, the commission's report and the hash checked."""
    _lecteur(request)
    cf = _compte_financier(annee)
    return render(
        request,
        "comptes_annuels/compte_financier.html",
        {**cf_documents.affichage(cf), "exercice": cf.exercice},
    )


@fonction_requise
def compte_financier_etablir(request, annee: int):
    """The agent comptable's form (commission's meeting, its report as PDF)."""
    exercice_ = get_object_or_404(Exercice, annee=annee)
    return page_formulaire(
        request,
        actes.ETABLIR,
        formulaire=CompteFinancierForm,
        gabarit="comptes_annuels/compte_financier_etablir.html",
        vers=lambda _o, cf: reverse("comptes_annuels:compte_financier", args=[cf.exercice.annee]),
        objet=exercice_,
        contexte={"exercice": exercice_},
    )


@fonction_requise
def compte_financier_document(request, annee: int, section: str, format_: str):
    _lecteur(request)
    cf = _compte_financier(annee)
    if format_ == "pdf" and section == "compte_financier":
        base = request.build_absolute_uri("/")[:-1]
        reponse = HttpResponse(
            cf_documents.en_pdf(
                cf,
                edite_par=request.user.get_full_name() or request.user.username,
                base=base,
                rapport_url=base
                + reverse("comptes_annuels:compte_financier_rapport", args=[annee]),
            ),
            content_type="application/pdf",
        )
    elif format_ == "csv" and cf_documents.section(cf, section) is not None:
        reponse = HttpResponse(
            cf_documents.en_csv(cf, section), content_type="text/csv; charset=utf-8"
        )
    else:
        raise Http404("Ce document du compte financier n'existe pas.")
    nom = cf_documents.nom_fichier(cf, section, format_)
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


@fonction_requise
def compte_financier_rapport(request, annee: int):
    """The commission de contrôle's report as uploaded, its SHA-256 checked."""
    _lecteur(request)
    return reponse_rapport(_compte_financier(annee))
