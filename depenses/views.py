"""Pages of the ordres de dépense: thin, the services decide."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.exceptions import ApplicationError
from core.models import JournalAudit
from core.vues import agir, exerce
from depenses import services
from depenses.forms import EngagementForm, OrdreDepenseForm, SuspensionForm
from depenses.models import Controle, Engagement, Nature, OrdreDepense, Requisition
from depenses.pdf import ordre_depense_pdf, requisition_pdf
from ledger.models import Exercice
from personnes.acces import fonction_requise
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COMPTABLES, FONCTIONS_ORDONNATRICES


def _ordres():
    return OrdreDepense.objects.select_related(
        "exercice", "compte_imputation", "compte_tiers", "engagement"
    ).prefetch_related("lignes")


@fonction_requise
def liste(request):
    qs = _ordres().order_by("-exercice__annee", "-numero")
    p = request.GET
    if p.get("exercice", "").isdigit():
        qs = qs.filter(exercice__annee=int(p["exercice"]))
    if p.get("etat"):
        qs = qs.filter(etat=p["etat"])
    if p.get("nature"):
        qs = qs.filter(nature=p["nature"])
    if p.get("creancier"):
        qs = qs.filter(lignes__creancier__icontains=p["creancier"]).distinct()
    parametres = p.copy()
    parametres.pop("page", None)
    return render(
        request,
        "depenses/liste.html",
        {
            "page": Paginator(qs, 25).get_page(p.get("page")),
            "requete": parametres.urlencode(),
            "etats": OrdreDepense.Etat.choices,
            "natures": Nature.choices,
            "filtres": p,
            "peut_creer": exerce(request.user, FONCTIONS_ORDONNATRICES),
        },
    )


@fonction_requise
def nouveau(request):
    if not exerce(request.user, FONCTIONS_ORDONNATRICES):
        raise PermissionDenied("Seul l'ordonnateur émet des ordres de dépense.")
    formulaire = OrdreDepenseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and formulaire.is_valid():
        try:
            # The order and its pièces stand or fall together (no number lost).
            with transaction.atomic():
                ordre = services.ordre_depense_creer(
                    acting_user=request.user, saisie=formulaire.saisie()
                )
                for fichier in formulaire.cleaned_data.get("pieces") or []:
                    services.ordre_depense_joindre_piece(
                        acting_user=request.user,
                        ordre=ordre,
                        nom=fichier.name,
                        contenu=fichier.read(),
                    )
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
        else:
            messages.success(request, f"Ordre de dépense n° {ordre.reference} créé (brouillon).")
            return redirect("depenses:detail", pk=ordre.pk)
    return render(
        request,
        "depenses/formulaire.html",
        {"form": formulaire},
        status=400 if request.method == "POST" else 200,
    )


@fonction_requise
def engagements(request):
    formulaire = (
        EngagementForm(request.POST or None)
        if exerce(request.user, FONCTIONS_ORDONNATRICES)
        else None
    )
    if request.method == "POST" and formulaire is not None and formulaire.is_valid():
        d = formulaire.cleaned_data
        exercice = Exercice.objects.exclude(etat=Exercice.Etat.CLOS).order_by("annee").last()
        try:
            engagement = services.engagement_creer(
                acting_user=request.user,
                exercice=exercice,
                gestion=d["gestion"],
                objet=d["objet"],
                creancier=d["creancier"],
                compte_imputation=d["compte_imputation"],
                montant_engage=d["montant"],
            )
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
        else:
            messages.success(request, f"Engagement n° {engagement.pk} enregistré.")
            return redirect("depenses:engagements")
    lignes = [
        (e, services.engage_restant(e))
        for e in Engagement.objects.select_related("exercice", "compte_imputation")
        .prefetch_related("ordres")
        .order_by("-id")[:200]
    ]
    return render(
        request,
        "depenses/engagements.html",
        {"lignes": lignes, "form": formulaire},
        status=400 if request.method == "POST" else 200,
    )


@fonction_requise
def detail(request, pk: int):
    ordre = get_object_or_404(
        _ordres().prefetch_related(
            "pieces",
            "signatures__signataire",
            "controles__par",
            "suspensions",
            "services_faits__atteste_par",
        ),
        pk=pk,
    )
    est_comptable = exerce(request.user, FONCTIONS_COMPTABLES)
    historique = (
        JournalAudit.objects.filter(objet_type="depenses.ordredepense", objet_id=str(ordre.pk))
        .select_related("acteur")
        .order_by("id")
    )
    suspension = ordre.suspensions.filter(suite="").order_by("-id").first()
    return render(
        request,
        "depenses/detail.html",
        {
            "o": ordre,
            "signature": services.derniere_signature(ordre),
            "plan": services.plan_applicable(ordre),
            "controles": services.controles_automatiques(ordre)
            if ordre.etat == OrdreDepense.Etat.TRANSMIS
            else None,
            "est_ordonnateur": exerce(request.user, FONCTIONS_ORDONNATRICES),
            "est_directeur": exerce(request.user, [Fonction.DIRECTEUR]),
            "est_comptable": est_comptable,
            "suspension": suspension,
            "refus_requisition": (
                services.motifs_de_refus_requisition(ordre, suspension) if suspension else []
            ),
            "suspension_form": SuspensionForm(),
            "historique": historique,
        },
    )


def _agir(request, pk, fonction, succes: str):
    return agir(
        request, get_object_or_404(OrdreDepense, pk=pk), fonction, succes, vers="depenses:detail"
    )


@require_POST
@fonction_requise
def signer(request, pk: int):
    return _agir(
        request,
        pk,
        lambda o: services.ordre_depense_signer(
            acting_user=request.user, ordre=o, mot_de_passe=request.POST.get("mot_de_passe", "")
        ),
        "Ordre n° {ref} signé (ordonnancé).",
    )


@require_POST
@fonction_requise
def transmettre(request, pk: int):
    return _agir(
        request,
        pk,
        lambda o: services.ordre_depense_transmettre(acting_user=request.user, ordre=o),
        "Ordre n° {ref} transmis à l'agent comptable.",
    )


@require_POST
@fonction_requise
def service_fait(request, pk: int):
    import datetime

    try:
        le = datetime.date.fromisoformat(request.POST.get("le", ""))
    except ValueError:
        messages.error(request, "Indiquez la date du service fait.")
        return redirect("depenses:detail", pk=pk)
    return _agir(
        request,
        pk,
        lambda o: services.ordre_depense_attester_service_fait(
            acting_user=request.user,
            ordre=o,
            le=le,
            observation=request.POST.get("observation", ""),
        ),
        "Service fait attesté sur l'ordre n° {ref}.",
    )


@require_POST
@fonction_requise
def viser(request, pk: int):
    appreciations = {}
    for controle in (Controle.IMPUTATION, Controle.VALIDITE):
        valeur = request.POST.get(f"controle_{controle}")
        if valeur in ("conforme", "anomalie"):
            appreciations[controle] = (
                valeur == "conforme",
                request.POST.get(f"commentaire_{controle}", ""),
            )
    return _agir(
        request,
        pk,
        lambda o: services.ordre_depense_viser(
            acting_user=request.user, ordre=o, appreciations=appreciations
        ),
        "Ordre n° {ref} visé.",
    )


@require_POST
@fonction_requise
def suspendre(request, pk: int):
    return _agir(
        request,
        pk,
        lambda o: services.ordre_depense_suspendre(
            acting_user=request.user,
            ordre=o,
            motif=request.POST.get("motif", ""),
            explication=request.POST.get("explication", ""),
        ),
        "Paiement de l'ordre n° {ref} suspendu.",
    )


@require_POST
@fonction_requise
def completer(request, pk: int):
    import datetime

    le = request.POST.get("service_fait_le") or None
    try:
        le = datetime.date.fromisoformat(le) if le else None
    except ValueError:
        messages.error(request, "La date du service fait est invalide.")
        return redirect("depenses:detail", pk=pk)
    return _agir(
        request,
        pk,
        lambda o: services.ordre_depense_completer(
            acting_user=request.user,
            ordre=o,
            complement=request.POST.get("complement", ""),
            service_fait_le=le,
        ),
        "Dossier de l'ordre n° {ref} complété et renvoyé à l'agent comptable.",
    )


@require_POST
@fonction_requise
def retirer(request, pk: int):
    return _agir(
        request,
        pk,
        lambda o: services.ordre_depense_retirer(
            acting_user=request.user, ordre=o, motif=request.POST.get("motif", "")
        ),
        "Ordre n° {ref} retiré.",
    )


@require_POST
@fonction_requise
def requerir(request, pk: int):
    return _agir(
        request,
        pk,
        lambda o: services.ordre_depense_requerir(
            acting_user=request.user,
            ordre=o,
            motif=request.POST.get("motif", ""),
            mot_de_passe=request.POST.get("mot_de_passe", ""),
        ),
        "Réquisition signée : l'ordre n° {ref} est visé, la responsabilité passe au directeur.",
    )


@fonction_requise
def pdf(request, pk: int):
    ordre = get_object_or_404(_ordres(), pk=pk)
    reponse = HttpResponse(ordre_depense_pdf(ordre), content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="mandat_{ordre.reference}.pdf"'
    return reponse


@fonction_requise
def requisitions(request):
    """The report to the board: every réquisition, with its reason (circ. §2.1.9.1)."""
    return render(
        request,
        "depenses/requisitions.html",
        {
            "requisitions": Requisition.objects.select_related(
                "ordre__exercice", "requis_par", "suspension"
            ).all(),
        },
    )


@fonction_requise
def requisition_pdf_vue(request, pk: int):
    requisition = get_object_or_404(Requisition.objects.select_related("ordre__exercice"), pk=pk)
    reponse = HttpResponse(requisition_pdf(requisition), content_type="application/pdf")
    reponse["Content-Disposition"] = (
        f'inline; filename="requisition_{requisition.ordre.reference}.pdf"'
    )
    return reponse


@fonction_requise
def a_viser(request):
    if not exerce(request.user, FONCTIONS_COMPTABLES):
        raise PermissionDenied("Cette file est celle de l'agent comptable.")
    return render(
        request,
        "depenses/a_viser.html",
        {
            "ordres": _ordres()
            .filter(etat=OrdreDepense.Etat.TRANSMIS)
            .order_by("exercice__annee", "numero"),
        },
    )


@fonction_requise
def sans_ordonnancement(request):
    return render(
        request, "depenses/sans_ordonnancement.html", {"lignes": services.regularisations()}
    )
