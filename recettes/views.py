"""Pages of the ordres de recette: thin, the services decide."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.exceptions import ApplicationError
from core.models import JournalAudit
from core.vues import agir, exerce
from personnes.acces import fonction_requise
from personnes.selectors import FONCTIONS_COMPTABLES, FONCTIONS_ORDONNATRICES
from recettes import services
from recettes.forms import FiltreOrdresForm, OrdreRecetteForm, ReductionForm
from recettes.models import OrdreRecette, PieceJustificative, Reduction
from recettes.pdf import ordre_recette_pdf


def _ordres():
    return OrdreRecette.objects.select_related(
        "exercice", "compte_imputation", "compte_tiers"
    ).prefetch_related("lignes")


@fonction_requise
def liste(request):
    formulaire = FiltreOrdresForm(request.GET or None)
    qs = _ordres()
    if formulaire.is_valid():
        d = formulaire.cleaned_data
        if d.get("exercice"):
            qs = qs.filter(exercice__annee=d["exercice"])
        if d.get("etat"):
            qs = qs.filter(etat=d["etat"])
        if d.get("nature"):
            qs = qs.filter(nature=d["nature"])
        if d.get("debiteur"):
            qs = qs.filter(
                Q(lignes__debiteur__icontains=d["debiteur"]) | Q(lignes__identifiant=d["debiteur"])
            )
        if d.get("montant_min") is not None:
            qs = qs.filter(montant__gte=d["montant_min"])
        if d.get("montant_max") is not None:
            qs = qs.filter(montant__lte=d["montant_max"])
    parametres = request.GET.copy()
    parametres.pop("page", None)
    page = Paginator(qs.distinct().order_by("-exercice__annee", "-numero"), 25).get_page(
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


def _joindre(request, ordre, fichiers) -> None:
    for fichier in fichiers:
        services.ordre_recette_joindre_piece(
            acting_user=request.user, ordre=ordre, nom=fichier.name, contenu=fichier.read()
        )


@fonction_requise
def nouveau(request):
    if not exerce(request.user, FONCTIONS_ORDONNATRICES):
        raise PermissionDenied("Seul l'ordonnateur émet des ordres de recette.")
    formulaire = OrdreRecetteForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and formulaire.is_valid():
        try:
            with transaction.atomic():
                ordre = services.ordre_recette_creer(
                    acting_user=request.user, saisie=formulaire.saisie()
                )
                _joindre(request, ordre, formulaire.cleaned_data.get("pieces") or [])
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
        else:
            messages.success(request, f"Ordre de recette n° {ordre.reference} créé (brouillon).")
            return redirect("recettes:detail", pk=ordre.pk)
    statut = 400 if request.method == "POST" else 200
    return render(
        request,
        "recettes/formulaire.html",
        {"form": formulaire, "titre": "Nouvel ordre de recette"},
        status=statut,
    )


@fonction_requise
def modifier(request, pk: int):
    ordre = get_object_or_404(_ordres(), pk=pk)
    if not exerce(request.user, FONCTIONS_ORDONNATRICES):
        raise PermissionDenied("Seul l'ordonnateur modifie un ordre de recette.")
    if request.method == "POST":
        formulaire = OrdreRecetteForm(request.POST, request.FILES)
        if formulaire.is_valid():
            try:
                with transaction.atomic():
                    services.ordre_recette_modifier(
                        acting_user=request.user, ordre=ordre, saisie=formulaire.saisie()
                    )
                    _joindre(request, ordre, formulaire.cleaned_data.get("pieces") or [])
            except ApplicationError as erreur:
                messages.error(request, erreur.message)
            else:
                messages.success(request, "Brouillon enregistré.")
                return redirect("recettes:detail", pk=ordre.pk)
    else:
        formulaire = OrdreRecetteForm.depuis_ordre(ordre)
    return render(
        request,
        "recettes/formulaire.html",
        {
            "form": formulaire,
            "ordre": ordre,
            "titre": f"Modifier l'ordre n° {ordre.reference}",
        },
        status=400 if request.method == "POST" else 200,
    )


@fonction_requise
def detail(request, pk: int):
    ordre = get_object_or_404(
        _ordres().prefetch_related(
            "pieces", "signatures__signataire", "controles__par", "reductions"
        ),
        pk=pk,
    )
    est_ordonnateur = exerce(request.user, FONCTIONS_ORDONNATRICES)
    est_comptable = exerce(request.user, FONCTIONS_COMPTABLES)
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
            "reste": services.reste_a_recouvrer(ordre),
            "lignes": _lignes_recouvrement(ordre),
            "historique": historique,
            "est_ordonnateur": est_ordonnateur,
            "est_comptable": est_comptable,
            "reduction_form": ReductionForm() if est_ordonnateur else None,
        },
    )


def _lignes_recouvrement(ordre: OrdreRecette) -> list[tuple]:
    """Each debtor's line with what was recovered on it (receipts allocated)."""
    from django.db.models import Sum

    from core.money import ZERO

    lignes = ordre.lignes.annotate(recouvre=Sum("affectations__montant")).order_by("id")
    return [(lg, lg.recouvre or ZERO, lg.montant - (lg.recouvre or ZERO)) for lg in lignes]


@fonction_requise
def pdf(request, pk: int):
    ordre = get_object_or_404(_ordres(), pk=pk)
    reponse = HttpResponse(ordre_recette_pdf(ordre), content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="ordre_recette_{ordre.reference}.pdf"'
    return reponse


@fonction_requise
def piece(request, pk: int, piece_pk: int):
    objet = get_object_or_404(PieceJustificative, pk=piece_pk, ordre_id=pk)
    return FileResponse(objet.fichier.open("rb"), content_type=objet.type_mime, filename=objet.nom)


def _agir(request, pk, fonction, succes: str):
    return agir(
        request, get_object_or_404(OrdreRecette, pk=pk), fonction, succes, vers="recettes:detail"
    )


@require_POST
@fonction_requise
def signer(request, pk: int):
    return _agir(
        request,
        pk,
        lambda o: services.ordre_recette_signer(
            acting_user=request.user, ordre=o, mot_de_passe=request.POST.get("mot_de_passe", "")
        ),
        "Ordre n° {ref} signé.",
    )


@require_POST
@fonction_requise
def transmettre(request, pk: int):
    return _agir(
        request,
        pk,
        lambda o: services.ordre_recette_transmettre(acting_user=request.user, ordre=o),
        "Ordre n° {ref} transmis à l'agent comptable.",
    )


@require_POST
@fonction_requise
def prendre_en_charge(request, pk: int):
    ordre = get_object_or_404(OrdreRecette, pk=pk)
    controles = []
    for i, point in enumerate(services.controles_requis(ordre).points):
        valeur = request.POST.get(f"controle_{i}")
        if valeur in ("conforme", "anomalie"):
            controles.append(
                services.ControleSaisi(
                    point=point,
                    conforme=valeur == "conforme",
                    commentaire=request.POST.get(f"commentaire_{i}", ""),
                )
            )
    return _agir(
        request,
        pk,
        lambda o: services.ordre_recette_prendre_en_charge(
            acting_user=request.user, ordre=o, controles=controles
        ),
        "Ordre n° {ref} pris en charge.",
    )


@require_POST
@fonction_requise
def rejeter(request, pk: int):
    return _agir(
        request,
        pk,
        lambda o: services.ordre_recette_rejeter(
            acting_user=request.user, ordre=o, motif=request.POST.get("motif", "")
        ),
        "Ordre n° {ref} rejeté ; il revient au directeur.",
    )


@require_POST
@fonction_requise
def reprendre(request, pk: int):
    return _agir(
        request,
        pk,
        lambda o: services.ordre_recette_reprendre(acting_user=request.user, ordre=o),
        "Ordre n° {ref} repris en brouillon.",
    )


@require_POST
@fonction_requise
def abandonner(request, pk: int):
    return _agir(
        request,
        pk,
        lambda o: services.ordre_recette_abandonner(
            acting_user=request.user, ordre=o, motif=request.POST.get("motif", "")
        ),
        "Ordre n° {ref} abandonné.",
    )


@require_POST
@fonction_requise
def reduire(request, pk: int):
    formulaire = ReductionForm(request.POST)
    if not formulaire.is_valid():
        messages.error(
            request, "Indiquez l'acte, son motif, les nouvelles bases et votre mot de passe."
        )
        return redirect("recettes:detail", pk=pk)
    d = formulaire.cleaned_data
    return _agir(
        request,
        pk,
        lambda o: services.ordre_recette_reduire(
            acting_user=request.user,
            ordre=o,
            type=d["type"],
            montant_reduction=d.get("montant") or "0",
            motif=d["motif"],
            nouvelles_bases=d["nouvelles_bases"],
            mot_de_passe=d["mot_de_passe"],
        ),
        "Acte signé sur l'ordre n° {ref} ; il attend la prise en charge de l'agent comptable.",
    )


@require_POST
@fonction_requise
def reduction_prendre_en_charge(request, pk: int, reduction_pk: int):
    reduction = get_object_or_404(Reduction, pk=reduction_pk, ordre_id=pk)
    return _agir(
        request,
        pk,
        lambda o: services.reduction_prendre_en_charge(
            acting_user=request.user, reduction=reduction
        ),
        "Réduction de l'ordre n° {ref} prise en charge.",
    )


@fonction_requise
def parapheur(request):
    """The directeur's parapheur: drafts to sign, one by one or together."""
    if not exerce(request.user, FONCTIONS_ORDONNATRICES):
        raise PermissionDenied("Le parapheur est celui de l'ordonnateur.")
    from depenses import services as depenses_services
    from depenses.models import OrdreDepense

    if request.method == "POST":
        choisis = list(
            _ordres().filter(
                pk__in=request.POST.getlist("ordres"), etat=OrdreRecette.Etat.BROUILLON
            )
        )
        depenses = list(
            OrdreDepense.objects.select_related("exercice", "compte_imputation").filter(
                pk__in=request.POST.getlist("ordres_depense"), etat=OrdreDepense.Etat.BROUILLON
            )
        )
        if depenses:
            try:
                signes, refus = depenses_services.ordre_depense_signer_lot(
                    acting_user=request.user,
                    ordres=depenses,
                    mot_de_passe=request.POST.get("mot_de_passe", ""),
                )
            except ApplicationError as erreur:
                messages.error(request, erreur.message)
                return redirect("recettes:parapheur")
            if signes:
                messages.success(
                    request,
                    f"{len(signes)} ordre(s) de dépense signé(s) : "
                    + ", ".join(o.reference for o in signes)
                    + ".",
                )
            for ordre, motif in refus:
                messages.error(
                    request, f"Ordre de dépense n° {ordre.reference} non signé : {motif}"
                )
            if request.POST.get("transmettre"):
                for ordre in signes:
                    depenses_services.ordre_depense_transmettre(
                        acting_user=request.user, ordre=ordre
                    )
        if not choisis and not depenses:
            messages.error(request, "Cochez au moins un ordre à signer.")
        elif choisis:
            try:
                resultat = services.ordre_recette_signer_lot(
                    acting_user=request.user,
                    ordres=choisis,
                    mot_de_passe=request.POST.get("mot_de_passe", ""),
                )
            except ApplicationError as erreur:
                messages.error(request, erreur.message)
            else:
                if resultat.signes:
                    refs = ", ".join(o.reference for o in resultat.signes)
                    messages.success(request, f"{len(resultat.signes)} ordre(s) signé(s) : {refs}.")
                for ordre, motif in resultat.refus:
                    messages.error(request, f"Ordre n° {ordre.reference} non signé : {motif}")
                if request.POST.get("transmettre") and resultat.signes:
                    for ordre in resultat.signes:
                        services.ordre_recette_transmettre(acting_user=request.user, ordre=ordre)
                    messages.success(
                        request, "Les ordres signés sont transmis à l'agent comptable."
                    )
        return redirect("recettes:parapheur")
    return render(
        request,
        "recettes/parapheur.html",
        {
            "brouillons": _ordres()
            .filter(etat=OrdreRecette.Etat.BROUILLON)
            .prefetch_related("pieces")
            .order_by("exercice__annee", "numero"),
            "signes": _ordres()
            .filter(etat=OrdreRecette.Etat.SIGNE)
            .order_by("exercice__annee", "numero"),
            "rejetes": _ordres()
            .filter(etat=OrdreRecette.Etat.REJETE)
            .order_by("exercice__annee", "numero"),
            "depenses": OrdreDepense.objects.filter(etat=OrdreDepense.Etat.BROUILLON)
            .select_related("exercice")
            .prefetch_related("lignes", "services_faits")
            .order_by("exercice__annee", "numero"),
            "depenses_suspendues": OrdreDepense.objects.filter(
                etat=OrdreDepense.Etat.SUSPENDU
            ).select_related("exercice"),
        },
    )


@require_POST
@fonction_requise
def transmettre_signes(request):
    if not exerce(request.user, FONCTIONS_ORDONNATRICES):
        raise PermissionDenied("Seul l'ordonnateur transmet ses ordres.")
    nombre = 0
    for ordre in OrdreRecette.objects.filter(etat=OrdreRecette.Etat.SIGNE):
        try:
            services.ordre_recette_transmettre(acting_user=request.user, ordre=ordre)
            nombre += 1
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
    messages.success(request, f"{nombre} ordre(s) transmis à l'agent comptable.")
    return redirect("recettes:parapheur")


@fonction_requise
def a_prendre_en_charge(request):
    """The agent comptable's queue, with what the plan de contrôle asks for each."""
    if not exerce(request.user, FONCTIONS_COMPTABLES):
        raise PermissionDenied("Cette file est celle de l'agent comptable.")
    ordres = _ordres().filter(etat=OrdreRecette.Etat.TRANSMIS).order_by("exercice__annee", "numero")
    reductions = Reduction.objects.filter(etat=Reduction.Etat.SIGNEE).select_related(
        "ordre__exercice"
    )
    return render(
        request,
        "recettes/file_comptable.html",
        {
            "lignes": [(o, services.controles_requis(o)) for o in ordres],
            "reductions": reductions,
        },
    )
