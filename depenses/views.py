"""Pages of the ordres de dépense: thin, the services decide."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from core.actes import page_acte, page_formulaire
from core.exceptions import ApplicationError
from core.models import JournalAudit
from core.pagination import Paginateur
from depenses import actes, selectors, services
from depenses.forms import (
    EngagementForm,
    OrdreDepenseForm,
    SuspensionForm,
    lire_appreciations,
    lire_complement,
    lire_refus_de_deferer,
    lire_reimputation,
    lire_requisition,
    lire_service_fait,
    lire_suspension,
)
from depenses.models import (
    CertificatReimputation,
    Nature,
    OrdreDepense,
    PieceDepense,
    Requisition,
)
from depenses.pdf import ordre_depense_pdf, requisition_pdf
from ordres.formulaires import lire_mot_de_passe, lire_motif
from ordres.pieces import reponse_piece
from personnes.acces import fonction_requise
from personnes.droits import exerce
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COMPTABLES, FONCTIONS_ORDONNATRICES


@fonction_requise
def liste(request):
    p = request.GET
    qs = selectors.ordres_depense_page(
        exercice=int(p["exercice"]) if p.get("exercice", "").isdigit() else None,
        etat=p.get("etat") or None,
        nature=p.get("nature") or None,
        creancier=p.get("creancier") or None,
    )
    parametres = p.copy()
    parametres.pop("page", None)
    return render(
        request,
        "depenses/liste.html",
        {
            "page": Paginateur(qs, 25).get_page(p.get("page")),
            "requete": parametres.urlencode(),
            "etats": OrdreDepense.Etat.choices,
            "natures": Nature.choices,
            "filtres": p,
            "peut_creer": exerce(request.user, FONCTIONS_ORDONNATRICES),
        },
    )


@fonction_requise
def nouveau(request):
    return page_formulaire(
        request,
        actes.CREER,
        formulaire=OrdreDepenseForm,
        gabarit="depenses/formulaire.html",
        vers="depenses:detail",
    )


def _engagements() -> list[tuple]:
    return [(e, e.restant) for e in selectors.engagements()]


@fonction_requise
def engagements(request):
    """The engagements; the ordonnateur engages a new one from the same page."""
    if not actes.ENGAGER_DROIT.accorde(request.user):
        return render(request, "depenses/engagements.html", {"lignes": _engagements()})
    return page_formulaire(
        request,
        actes.ENGAGER,
        formulaire=EngagementForm,
        gabarit="depenses/engagements.html",
        vers=lambda _objet, _engagement: "depenses:engagements",
        contexte={"lignes": _engagements()},
    )


@fonction_requise
def detail(request, pk: int):
    ordre = get_object_or_404(selectors.ordre_depense_detail(), pk=pk)
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
            # Réquisition answered by the agent comptable (circ. 93/82 §2.1.9.0).
            "requisition": Requisition.objects.filter(ordre=ordre)
            .select_related("requis_par", "reponse__par")
            .first(),
            "cas_constates": services.cas_constates(ordre)
            if ordre.etat == OrdreDepense.Etat.REQUIS
            else {},
            "cas_de_refus": services.cas_de_refus(),
            # Réimputation (circ. 93/82 §2.1.4).
            "reimputations": ordre.reimputations.select_related(
                "ancien_compte", "nouveau_compte", "par", "traite_par", "ecriture"
            ),
            "imputation_actuelle": services.imputation_actuelle(ordre),
            "historique": historique,
        },
    )


ORDRES = OrdreDepense.objects.all()

signer = page_acte(actes.SIGNER, queryset=ORDRES, lire=lire_mot_de_passe, vers="depenses:detail")
transmettre = page_acte(actes.TRANSMETTRE, queryset=ORDRES, vers="depenses:detail")
service_fait = page_acte(
    actes.SERVICE_FAIT, queryset=ORDRES, lire=lire_service_fait, vers="depenses:detail"
)
viser = page_acte(actes.VISER, queryset=ORDRES, lire=lire_appreciations, vers="depenses:detail")
suspendre = page_acte(
    actes.SUSPENDRE, queryset=ORDRES, lire=lire_suspension, vers="depenses:detail"
)
completer = page_acte(
    actes.COMPLETER, queryset=ORDRES, lire=lire_complement, vers="depenses:detail"
)
retirer = page_acte(actes.RETIRER, queryset=ORDRES, lire=lire_motif, vers="depenses:detail")
requerir = page_acte(actes.REQUERIR, queryset=ORDRES, lire=lire_requisition, vers="depenses:detail")
viser_sur_requisition = page_acte(
    actes.VISER_SUR_REQUISITION, queryset=ORDRES, vers="depenses:detail"
)
refuser_de_deferer = page_acte(
    actes.REFUSER_DE_DEFERER, queryset=ORDRES, lire=lire_refus_de_deferer, vers="depenses:detail"
)
reimputer = page_acte(
    actes.REIMPUTER, queryset=ORDRES, lire=lire_reimputation, vers="depenses:detail"
)
CERTIFICATS = CertificatReimputation.objects.all()


def _vers_ordre_du_certificat(certificat, _resultat) -> str:
    return reverse("depenses:detail", args=[certificat.ordre_id])


reimputation_prendre_en_charge = page_acte(
    actes.REIMPUTATION_PRENDRE_EN_CHARGE, queryset=CERTIFICATS, vers=_vers_ordre_du_certificat
)
reimputation_rejeter = page_acte(
    actes.REIMPUTATION_REJETER,
    queryset=CERTIFICATS,
    lire=lire_motif,
    vers=_vers_ordre_du_certificat,
)


@fonction_requise
def pdf(request, pk: int):
    ordre = get_object_or_404(selectors.ordre_depense_detail(), pk=pk)
    reponse = HttpResponse(ordre_depense_pdf(ordre), content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="mandat_{ordre.reference}.pdf"'
    return reponse


@fonction_requise
def piece(request, pk: int, piece_pk: int):
    """A pièce of the order, as joined (its SHA-256 checked, `ordres.pieces`):
    the agent comptable opens the invoice before his visa, the auditor after."""
    objet = get_object_or_404(PieceDepense, pk=piece_pk, ordre_id=pk)
    try:
        return reponse_piece(objet, telecharger="telecharger" in request.GET)
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
        return redirect("depenses:detail", pk)


@fonction_requise
def requisitions(request):
    """The report to the board: every réquisition, with its reason (circ. §2.1.9.1)."""
    return render(
        request,
        "depenses/requisitions.html",
        {
            "requisitions": Requisition.objects.select_related(
                "ordre__exercice", "requis_par", "suspension", "reponse__par"
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


A_VISER_PAR_PAGE = 50


@fonction_requise
def a_viser(request):
    if not actes.FILE_COMPTABLE_DROIT.accorde(request.user):
        raise PermissionDenied(actes.FILE_COMPTABLE_DROIT.refus)
    return render(
        request,
        "depenses/a_viser.html",
        {
            # One page of the queue, oldest first: never the whole queue at once.
            "page": Paginateur(selectors.ordres_a_viser(), A_VISER_PAR_PAGE).get_page(
                request.GET.get("page")
            ),
            "requete": "",
            "certificats": selectors.reimputations_a_prendre_en_charge(),
        },
    )


@fonction_requise
def sans_ordonnancement(request):
    return render(
        request, "depenses/sans_ordonnancement.html", {"lignes": services.regularisations()}
    )
