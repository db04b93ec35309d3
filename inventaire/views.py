"""Pages of the inventory: thin, they call selectors to read and the acts to act."""

from __future__ import annotations

import functools

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from core.actes import page_acte, page_formulaire
from inventaire import actes, selectors
from inventaire.forms import EtatForm, RevueForm
from inventaire.models import EtatInventaire
from inventaire.pdf import etat_pdf
from inventaire.revue import provisions_a_revoir, revue_faite
from ledger.models import Exercice
from personnes.acces import fonction_requise
from personnes.droits import exerce
from personnes.selectors import FONCTIONS_COMPTABLES


@fonction_requise
def etats(request, annee: int):
    exercice = get_object_or_404(Exercice, annee=annee)
    return render(
        request,
        "inventaire/etats.html",
        {
            "exercice": exercice,
            "etats": selectors.etats(exercice),
            "contrepassation": selectors.contrepassation(exercice),
            "natures": [
                (n, EtatInventaire.Nature(n).label, selectors.ARTICLES[n])
                for n in actes.ACTES_ETABLIR
            ],
            "revue": revue_faite(exercice),
            "peut_agir": exerce(request.user, FONCTIONS_COMPTABLES),
        },
    )


@fonction_requise
def etablir(request, annee: int, nature: str):
    if nature not in actes.ACTES_ETABLIR:
        raise Http404("Cette nature d'état d'inventaire n'existe pas.")
    exercice = get_object_or_404(Exercice, annee=annee)
    contexte = {
        "exercice": exercice,
        "nature": EtatInventaire.Nature(nature).label,
        "article": selectors.ARTICLES[nature],
    }
    if nature in (
        EtatInventaire.Nature.CREANCES_DOUTEUSES,
        EtatInventaire.Nature.PROVISIONS_DEPRECIATION,
    ):
        contexte["creances"] = selectors.creances_proposees(exercice)
    if nature == EtatInventaire.Nature.CHARGES_A_PAYER:
        contexte["ordres"] = selectors.ordres_vises_non_payes(exercice)
    return page_formulaire(
        request,
        actes.ACTES_ETABLIR[nature],
        formulaire=functools.partial(EtatForm, nature=nature),
        gabarit="inventaire/etablir.html",
        vers="inventaire:etat",
        objet=exercice,
        contexte=contexte,
    )


@fonction_requise
def revoir(request, annee: int):
    """The review of the provisions carried from N−1 (D253-17-4, D253-19-3)."""
    exercice = get_object_or_404(Exercice, annee=annee)
    provisions = provisions_a_revoir(exercice)
    return page_formulaire(
        request,
        actes.REVOIR,
        formulaire=functools.partial(RevueForm, provisions=provisions),
        gabarit="inventaire/revue.html",
        vers="inventaire:etat",
        objet=exercice,
        contexte={
            "exercice": exercice,
            "provisions": provisions,
            "revue": revue_faite(exercice),
            "article": selectors.ARTICLES[EtatInventaire.Nature.REVUE_PROVISIONS],
        },
    )


@fonction_requise
def etat(request, pk: int):
    etat_ = get_object_or_404(selectors.etats_tous(), pk=pk)
    return render(
        request,
        "inventaire/etat.html",
        {
            "etat": etat_,
            "article": selectors.ARTICLES[etat_.nature],
            "articles": etat_.articles.all(),
        },
    )


@fonction_requise
def etat_pdf_vue(request, pk: int):
    etat_ = get_object_or_404(selectors.etats_tous(), pk=pk)
    reponse = HttpResponse(etat_pdf(etat_), content_type="application/pdf")
    reponse["Content-Disposition"] = f'attachment; filename="etat_inventaire_{etat_.reference}.pdf"'
    return reponse


contrepasser = page_acte(
    actes.CONTREPASSER,
    queryset=Exercice.objects.all(),
    vers=lambda exercice, _r: f"/inventaire/{exercice.annee}/",
)
