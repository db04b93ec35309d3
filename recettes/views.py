"""Pages of the ordres de recette: thin, the services decide."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.actes import page_acte, page_formulaire
from core.exceptions import ApplicationError
from core.jetons import une_fois
from core.models import JournalAudit
from core.pagination import Paginateur
from ordres import parapheur as parapheur_commun
from ordres.formulaires import lire_mot_de_passe, lire_motif
from ordres.pieces import reponse_piece
from personnes.acces import fonction_requise
from personnes.droits import exerce
from personnes.selectors import FONCTIONS_COMPTABLES, FONCTIONS_ORDONNATRICES
from recettes import actes, selectors, services
from recettes.forms import (
    FiltreOrdresForm,
    OrdreRecetteForm,
    ReductionForm,
    lire_controles,
)
from recettes.models import OrdreRecette, PieceJustificative, Reduction
from recettes.parapheur import parapheur_signer, parapheur_transmettre
from recettes.pdf import ordre_recette_pdf


@fonction_requise
def liste(request):
    formulaire = FiltreOrdresForm(request.GET or None)
    filtres = {}
    if formulaire.is_valid():
        filtres = {
            cle: valeur
            for cle, valeur in formulaire.cleaned_data.items()
            if valeur not in ("", None)
        }
    parametres = request.GET.copy()
    parametres.pop("page", None)
    page = Paginateur(selectors.ordres_recette_page(**filtres), 25).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "recettes/liste.html",
        {
            "form": formulaire,
            "page": page,
            "requete": parametres.urlencode(),
            "peut_creer": exerce(request.user, FONCTIONS_ORDONNATRICES),
        },
    )


@fonction_requise
def nouveau(request):
    return page_formulaire(
        request,
        actes.CREER,
        formulaire=OrdreRecetteForm,
        gabarit="recettes/formulaire.html",
        vers="recettes:detail",
        contexte={"titre": "Nouvel ordre de recette"},
    )


@fonction_requise
def modifier(request, pk: int):
    ordre = get_object_or_404(selectors.ordre_recette_detail(), pk=pk)
    return page_formulaire(
        request,
        actes.MODIFIER,
        formulaire=OrdreRecetteForm,
        gabarit="recettes/formulaire.html",
        vers="recettes:detail",
        objet=ordre,
        initial=OrdreRecetteForm.initial_depuis(ordre),
        contexte={"ordre": ordre, "titre": f"Modifier l'ordre n° {ordre.reference}"},
    )


@fonction_requise
def detail(request, pk: int):
    ordre = get_object_or_404(selectors.ordre_recette_detail(), pk=pk)
    est_ordonnateur = exerce(request.user, FONCTIONS_ORDONNATRICES)
    est_comptable = exerce(request.user, FONCTIONS_COMPTABLES)
    lignes = _lignes_recouvrement(ordre)
    historique = (
        JournalAudit.objects.filter(objet_type="recettes.ordrerecette", objet_id=str(ordre.pk))
        .select_related("acteur")
        .order_by("id")
    )
    return render(
        request,
        "recettes/detail.html",
        {
            "o": ordre,
            "signature": services.derniere_signature(ordre),
            "controles_requis": services.controles_requis(ordre)
            if ordre.etat == OrdreRecette.Etat.TRANSMIS
            else None,
            "empreinte_verifiee": (
                services.empreinte_contenu(ordre) == ordre.empreinte_contenu
                if ordre.empreinte_contenu
                else None
            ),
            "reste": ordre.reste,
            "lignes": lignes,
            "historique": historique,
            "est_ordonnateur": est_ordonnateur,
            "est_comptable": est_comptable,
            "reduction_form": ReductionForm(lignes=lignes) if est_ordonnateur else None,
        },
    )


def _lignes_recouvrement(ordre: OrdreRecette) -> list:
    """Each debtor's line with what was reduced (`reduit_ligne`) and recovered
    (`recouvre`) on it and what may still be collected from it (`reste`): the
    one reste à recouvrer (`selectors.restes_par_ligne`, the bound the
    allocation trigger applies)."""
    return list(selectors.restes_par_ligne([ordre.pk]).order_by("id"))


@fonction_requise
def pdf(request, pk: int):
    ordre = get_object_or_404(selectors.ordre_recette_detail(), pk=pk)
    reponse = HttpResponse(ordre_recette_pdf(ordre), content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="ordre_recette_{ordre.reference}.pdf"'
    return reponse


@fonction_requise
def piece(request, pk: int, piece_pk: int):
    """A pièce of the order, as joined (its SHA-256 checked, `ordres.pieces`):
    the agent comptable opens it before taking the order in charge, the auditor after."""
    objet = get_object_or_404(PieceJustificative, pk=piece_pk, ordre_id=pk)
    try:
        return reponse_piece(objet, telecharger="telecharger" in request.GET)
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
        return redirect("recettes:detail", pk)


ORDRES = OrdreRecette.objects.all()

signer = page_acte(actes.SIGNER, queryset=ORDRES, lire=lire_mot_de_passe, vers="recettes:detail")
transmettre = page_acte(actes.TRANSMETTRE, queryset=ORDRES, vers="recettes:detail")
prendre_en_charge = page_acte(
    actes.PRENDRE_EN_CHARGE, queryset=ORDRES, lire=lire_controles, vers="recettes:detail"
)
rejeter = page_acte(actes.REJETER, queryset=ORDRES, lire=lire_motif, vers="recettes:detail")
reprendre = page_acte(actes.REPRENDRE, queryset=ORDRES, vers="recettes:detail")
abandonner = page_acte(actes.ABANDONNER, queryset=ORDRES, lire=lire_motif, vers="recettes:detail")
reduire = page_acte(actes.REDUIRE, queryset=ORDRES, lire=ReductionForm.lire, vers="recettes:detail")


def reduction_prendre_en_charge(request, pk: int, reduction_pk: int):
    """A reduction of the order `pk`; back to the order's page."""
    return page_acte(
        actes.REDUCTION_PRENDRE_EN_CHARGE,
        queryset=Reduction.objects.filter(ordre_id=pk).select_related("ordre__exercice"),
        vers=lambda reduction, _r: reverse("recettes:detail", args=[reduction.ordre_id]),
    )(request, reduction_pk)


PARAPHEUR_PAR_PAGE = 50


@fonction_requise
def parapheur(request):
    """The ordonnateur's parapheur: the drafts of every kind of order to sign,
    one by one or together (ordres.parapheur); the page only translates."""
    if not actes.PARAPHEUR_DROIT.accorde(request.user):
        raise PermissionDenied(actes.PARAPHEUR_DROIT.refus)
    rubriques = parapheur_commun.rubriques()
    if request.method == "POST":
        try:
            resultat = une_fois(  # the form's one-time token, consumed with the signatures
                request,
                lambda: parapheur_signer(
                    acting_user=request.user,
                    mot_de_passe=request.POST.get("mot_de_passe", ""),
                    selection={s.cle: request.POST.getlist(s.cle) for s in rubriques},
                    transmettre=bool(request.POST.get("transmettre")),
                ),
            )
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
        else:
            _messages_parapheur(request, rubriques, resultat)
        # Back to the pages the form was posted from (it posts to the page's own address).
        pages = QueryDict(mutable=True)
        for rubrique in rubriques:
            numero = request.GET.get(_parametre_page(rubrique))
            if numero is not None and numero.isdigit():
                pages[_parametre_page(rubrique)] = numero
        return redirect(reverse("recettes:parapheur") + (f"?{pages.urlencode()}" if pages else ""))
    # One page of each kind's drafts: a parapheur of hundreds of drafts would be
    # rendered whole at every visit; the form signs what is checked on the page. Each
    # kind has its own page number (`?page_<cle>=N`) and its own links, which keep the
    # other kinds' pages: one number shared by all would show again, on page 2, the
    # drafts of a kind that has one page (its last page), ticked a second time.
    sections = []
    for rubrique in rubriques:
        page = Paginateur(rubrique.brouillons_affiches(), PARAPHEUR_PAR_PAGE).get_page(
            request.GET.get(_parametre_page(rubrique))
        )
        page.lien_precedent = page.lien_suivant = ""
        if page.has_previous():
            page.lien_precedent = _lien_page(request, rubrique, page.previous_page_number())
        if page.has_next():
            page.lien_suivant = _lien_page(request, rubrique, page.next_page_number())
        sections.append((rubrique, page, rubrique.contexte()))
    return render(
        request,
        "recettes/parapheur.html",
        {
            "sections": sections,
            "a_signer": any(page.object_list for _, page, _ in sections),
        },
    )


def _parametre_page(rubrique) -> str:
    return f"page_{rubrique.cle}"


def _lien_page(request, rubrique, numero: int) -> str:
    """The parapheur's address with `rubrique` on page `numero`, the others' pages kept."""
    parametres = request.GET.copy()
    parametres[_parametre_page(rubrique)] = str(numero)
    return f"?{parametres.urlencode()}"


def _messages_parapheur(request, rubriques, resultat) -> None:
    for rubrique in rubriques:
        signes = resultat.signes(rubrique)
        if signes:
            messages.success(
                request,
                f"{len(signes)} {rubrique.pluriel} signé(s) : "
                + ", ".join(o.reference for o in signes)
                + ".",
            )
    for issue in resultat.refus():
        etat = "signé mais non transmis" if issue.signe else "non signé"
        messages.error(
            request, f"{issue.rubrique.nom} n° {issue.ordre.reference} {etat} : {issue.message}"
        )
    if any(resultat.transmis(rubrique) for rubrique in rubriques):
        messages.success(request, "Les ordres signés sont transmis à l'agent comptable.")


@require_POST
@fonction_requise
def transmettre_signes(request):
    if not actes.TRANSMETTRE_SIGNES_DROIT.accorde(request.user):
        raise PermissionDenied(actes.TRANSMETTRE_SIGNES_DROIT.refus)
    try:
        resultat = une_fois(request, lambda: parapheur_transmettre(acting_user=request.user))
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
        return redirect("recettes:parapheur")
    for _ordre, motif in resultat.refus:
        messages.error(request, motif)
    messages.success(request, f"{len(resultat.transmis)} ordre(s) transmis à l'agent comptable.")
    return redirect("recettes:parapheur")


@fonction_requise
def a_prendre_en_charge(request):
    """The agent comptable's queue, with what the plan de contrôle asks for each."""
    if not actes.FILE_COMPTABLE_DROIT.accorde(request.user):
        raise PermissionDenied(actes.FILE_COMPTABLE_DROIT.refus)
    plans = services.plans_de_controle()
    return render(
        request,
        "recettes/file_comptable.html",
        {
            "lignes": [
                (o, services.controles_requis(o, plans=plans))
                for o in selectors.ordres_a_prendre_en_charge()
            ],
            "reductions": selectors.reductions_a_prendre_en_charge(),
        },
    )
