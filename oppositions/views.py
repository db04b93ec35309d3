"""Pages of the oppositions register: thin, the services decide."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.exceptions import ApplicationError
from core.models import JournalAudit
from oppositions import selectors, services
from oppositions.forms import FiltreForm, MainleveeForm, OppositionForm
from oppositions.models import Opposition
from personnes.acces import fonction_requise
from personnes.selectors import FONCTIONS_COMPTABLES, fonctions_actuelles

ACTES = {
    "opposition.enregistree": "enregistrement de l'opposition",
    "opposition.imputation": "versement à l'opposant",
    "opposition.mainlevee": "mainlevée",
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
    if not _est_comptable(request.user):
        raise PermissionDenied(
            "Seul l'agent comptable enregistre une opposition : elle n'est valable que "
            "faite entre ses mains (circulaire 93/82 §2.1.5)."
        )
    formulaire = OppositionForm(request.POST or None)
    if request.method == "POST" and formulaire.is_valid():
        try:
            opposition = services.opposition_enregistrer(
                acting_user=request.user, **formulaire.cleaned_data
            )
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
        else:
            messages.success(
                request,
                f"Opposition n° {opposition.pk} enregistrée : les paiements à "
                f"{opposition.creancier_nom} passent d'abord par l'opposant.",
            )
            return redirect("oppositions:detail", pk=opposition.pk)
    return render(
        request,
        "oppositions/formulaire.html",
        {"form": formulaire},
        status=400 if request.method == "POST" else 200,
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


@require_POST
@fonction_requise
def mainlevee(request, pk: int):
    opposition = get_object_or_404(Opposition, pk=pk)
    formulaire = MainleveeForm(request.POST)
    if not formulaire.is_valid():
        messages.error(request, "Indiquez la date à laquelle la mainlevée a été reçue.")
        return redirect("oppositions:detail", pk=pk)
    try:
        services.opposition_mainlevee(
            acting_user=request.user, opposition=opposition, le=formulaire.cleaned_data["le"]
        )
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
    else:
        messages.success(
            request,
            f"Mainlevée de l'opposition n° {pk} enregistrée au "
            f"{formulaire.cleaned_data['le']:%d/%m/%Y}.",
        )
    return redirect("oppositions:detail", pk=pk)
