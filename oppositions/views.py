"""Pages of the oppositions register: thin, the services decide."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from core.actes import page_acte, page_formulaire
from core.models import JournalAudit
from oppositions import actes, selectors
from oppositions.forms import FiltreForm, MainleveeForm, OppositionForm
from oppositions.models import Opposition
from personnes.acces import fonction_requise
from personnes.selectors import FONCTIONS_COMPTABLES, fonctions_actuelles

ACTES = {
    "opposition.enregistree": "enregistrement de l'opposition",
    "opposition.imputation": "versement à l'opposant",
    "opposition.mainlevee": "mainlevée",
    "opposition.decision": "décision de l'agent comptable sur un paiement arrêté",
}


def _est_comptable(user) -> bool:
    return bool(set(fonctions_actuelles(user)) & FONCTIONS_COMPTABLES)


@fonction_requise
def liste(request):
    filtre = FiltreForm(request.GET or None)
    etat, recherche = "en_cours", ""
    if filtre.is_valid():
        etat = filtre.cleaned_data.get("etat") or "en_cours"
        recherche = filtre.cleaned_data.get("recherche") or ""
    parametres = request.GET.copy()
    parametres.pop("page", None)
    page = Paginator(selectors.oppositions_registre(etat=etat, recherche=recherche), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "oppositions/liste.html",
        {
            "form": filtre,
            "page": page,
            "etat": selectors.ETATS[etat],
            "requete": parametres.urlencode(),
            "est_comptable": _est_comptable(request.user),
        },
    )


@fonction_requise
def nouvelle(request):
    return page_formulaire(
        request,
        actes.ENREGISTRER,
        formulaire=OppositionForm,
        gabarit="oppositions/formulaire.html",
        vers="oppositions:detail",
    )


@fonction_requise
def detail(request, pk: int):
    opposition = get_object_or_404(
        selectors.oppositions_registre(etat="toutes").select_related("enregistree_par"), pk=pk
    )
    historique = [
        (entree, ACTES.get(entree.acte, entree.acte))
        for entree in JournalAudit.objects.filter(
            objet_type="oppositions.opposition", objet_id=str(pk)
        )
        .select_related("acteur")
        .order_by("id")
    ]
    est_comptable = _est_comptable(request.user)
    return render(
        request,
        "oppositions/detail.html",
        {
            "o": opposition,
            "imputations": opposition.imputations.select_related("par").order_by("le", "id"),
            "historique": historique,
            "est_comptable": est_comptable,
            "mainlevee_form": MainleveeForm()
            if est_comptable and opposition.mainlevee_le is None
            else None,
        },
    )


mainlevee = page_acte(
    actes.MAINLEVEE,
    queryset=Opposition.objects.all(),
    formulaire=MainleveeForm,
    vers="oppositions:detail",
)
