"""The register of débets (circ. 93/82 §VI) and the forms of the liability's
acts for whoever may do them now (the directeur: mise en cause, ordre de
recette, avis de réception, board informed; the agent comptable: the
posting to 429), its letters and documents. Thin: selectors to read,
`core.actes` to run the acts."""

from __future__ import annotations

import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core import horloge
from core.actes import page_acte
from personnes.acces import fonction_requise
from responsabilite import actes, actes_drass, documents, selectors, selectors_drass
from responsabilite.droits import debiteur_seulement
from responsabilite.models import Demande, MiseEnCause, OrdreDebet
from tresorerie.models import ArreteCaisse


def _lecteur(request) -> None:
    if not actes.LIRE_DROIT.accorde(request.user):
        raise PermissionDenied(actes.LIRE_DROIT.refus)


def fonction_ou_debiteur(vue):
    """The register's pages: login, then a function in the fund or a débet
    against oneself — the former agent comptable answers for his management
    until the cessation of his functions (circ. 93/82 §VI) and reads his
    débet after he left (`personnes.acces.fonction_requise` would refuse him)."""

    @functools.wraps(vue)
    @login_required
    def enveloppe(request, *args, **kwargs):
        _lecteur(request)
        return vue(request, *args, **kwargs)

    return enveloppe


def _le_sien(request, agent_comptable_id: int) -> None:
    """A debtor holding no function reads only what concerns his own débets."""
    if agent_comptable_id != request.user.pk and debiteur_seulement(request.user):
        raise PermissionDenied("Vous ne lisez que les débets mis à votre charge.")


def _registre_lu(request) -> tuple[list, list]:
    """The register and the deferred réquisitions; a debtor holding no
    function sees only his own débets."""
    if debiteur_seulement(request.user):
        return [r for r in selectors.registre() if r.personne.pk == request.user.pk], []
    return selectors.registre(), selectors.requisitions_deferees()


def _vers_registre(_objet, _resultat) -> str:
    return reverse("responsabilite:registre")


@fonction_ou_debiteur
def registre(request):
    aujourdhui = {"le": horloge.aujourdhui()}
    u = request.user
    lignes, requisitions = _registre_lu(request)
    return render(
        request,
        "responsabilite/registre.html",
        {
            "registre": selectors_drass.annoter(lignes),
            "requisitions": requisitions,
            "mise_form": actes.MiseEnCauseForm(initial={"decide_le": aujourdhui["le"]})
            if actes.MISE_EN_CAUSE_DROIT.accorde(u)
            else None,
            "emettre_form": actes.EmettreForm() if actes.EMETTRE_DROIT.accorde(u) else None,
            "manquants": [] if debiteur_seulement(u) else selectors.manquants_sans_ordre(),
            "manquant_form": actes.ManquantForm(initial={"decide_le": aujourdhui["le"]})
            if actes.EMETTRE_DROIT.accorde(u)
            else None,
            "date_form": actes.DateForm(initial=aujourdhui)
            if actes.SUIVRE_DROIT.accorde(u)
            else None,
            "peut_comptabiliser": actes.COMPTABILISER_DROIT.accorde(u),
            "sursis_demande_form": actes.SursisDemandeForm(),
            "demande_form": actes.DemandeForm(),
            "conseil_form": actes.ConseilForm(initial={"conseil_le": aujourdhui["le"]})
            if actes.DEMANDE_DECIDER_DROIT.accorde(u)
            else None,
            "approbation_form": actes.ApprobationForm(initial=aujourdhui)
            if actes.DEMANDE_DECIDER_DROIT.accorde(u)
            else None,
            "dossier_drass_form": actes_drass.DossierDrassForm(
                initial={"transmis_le": aujourdhui["le"]}
            )
            if actes_drass.DRASS_DROIT.accorde(u)
            else None,
            "avis_ministres_form": actes_drass.AvisMinistresForm(
                initial={"transmis_le": aujourdhui["le"], "avis_le": aujourdhui["le"]}
            )
            if actes_drass.DRASS_DROIT.accorde(u)
            else None,
            "sursis_decision_form": actes.SursisDecisionForm(
                initial={"decide_le": aujourdhui["le"]}
            )
            if actes.SURSIS_DECIDER_DROIT.accorde(u)
            else None,
        },
    )


def _attachement(reponse: HttpResponse, nom: str) -> HttpResponse:
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


@fonction_ou_debiteur
def registre_document(request, format_: str):
    if format_ not in ("pdf", "csv"):
        raise Http404("Ce document n'existe pas.")
    lignes, requisitions = _registre_lu(request)
    if format_ == "pdf":
        editeur = request.user.get_full_name() or request.user.username
        reponse = HttpResponse(
            documents.registre_pdf(lignes, requisitions, edite_par=editeur),
            content_type="application/pdf",
        )
    else:
        reponse = HttpResponse(
            documents.registre_csv(lignes), content_type="text/csv; charset=utf-8"
        )
    return _attachement(reponse, f"registre_debets.{format_}")


@fonction_ou_debiteur
def lettre_notification(request, pk: int):
    ordre = get_object_or_404(
        OrdreDebet.objects.select_related("mise_en_cause", "agent_comptable", "emis_par"), pk=pk
    )
    _le_sien(request, ordre.agent_comptable_id)
    reponse = HttpResponse(documents.lettre_notification(ordre), content_type="application/pdf")
    return _attachement(reponse, f"notification_{ordre.reference}.pdf")


@fonction_requise
def lettre_information(request, pk: int, destinataire: str):
    _lecteur(request)
    if destinataire not in documents.DESTINATAIRES:
        raise Http404("Cette lettre n'existe pas.")
    mise = get_object_or_404(MiseEnCause, pk=pk)
    if not mise.fraude:
        raise Http404(
            "Cette mise en cause ne résulte pas d'une fraude : aucune lettre d'information."
        )
    reponse = HttpResponse(
        documents.lettre_information(mise, destinataire), content_type="application/pdf"
    )
    return _attachement(reponse, f"information_{destinataire}_{mise.pk}.pdf")


@fonction_ou_debiteur
def piece_demande(request, pk: int):
    """The pièce proving the force majeure, as it was received."""
    demande = get_object_or_404(Demande.objects.select_related("ordre"), pk=pk)
    _le_sien(request, demande.ordre.agent_comptable_id)
    if not demande.piece_sha256:
        raise Http404("Cette demande ne comporte pas de pièce.")
    with demande.piece.open("rb") as fichier:
        reponse = HttpResponse(fichier.read(), content_type="application/pdf")
    return _attachement(reponse, f"piece_{demande.pk}_{demande.piece_sha256[:12]}.pdf")


mise_en_cause = page_acte(
    actes.MISE_EN_CAUSE, formulaire=actes.MiseEnCauseForm, vers=_vers_registre
)
emettre = page_acte(
    actes.EMETTRE,
    queryset=MiseEnCause.objects.all(),
    formulaire=actes.EmettreForm,
    vers=_vers_registre,
)
sur_manquant = page_acte(
    actes.MANQUANT,
    queryset=ArreteCaisse.objects.all(),
    formulaire=actes.ManquantForm,
    vers=_vers_registre,
)
accuse_reception = page_acte(
    actes.ACCUSE_RECEPTION,
    queryset=OrdreDebet.objects.all(),
    formulaire=actes.DateForm,
    vers=_vers_registre,
)
conseil_informe = page_acte(
    actes.CONSEIL_INFORME,
    queryset=OrdreDebet.objects.all(),
    formulaire=actes.DateForm,
    vers=_vers_registre,
)
comptabiliser = page_acte(
    actes.COMPTABILISER, queryset=OrdreDebet.objects.all(), vers=_vers_registre
)
sursis_demander = page_acte(
    actes.SURSIS_DEMANDER,
    queryset=OrdreDebet.objects.all(),
    formulaire=actes.SursisDemandeForm,
    vers=_vers_registre,
)
sursis_decider = page_acte(
    actes.SURSIS_DECIDER,
    queryset=OrdreDebet.objects.all(),
    formulaire=actes.SursisDecisionForm,
    vers=_vers_registre,
)
demande = page_acte(
    actes.DEMANDE,
    queryset=OrdreDebet.objects.all(),
    formulaire=actes.DemandeForm,
    vers=_vers_registre,
)
demande_conseil = page_acte(
    actes.DEMANDE_CONSEIL,
    queryset=Demande.objects.all(),
    formulaire=actes.ConseilForm,
    vers=_vers_registre,
)
demande_approbation = page_acte(
    actes.DEMANDE_APPROBATION,
    queryset=Demande.objects.all(),
    formulaire=actes.ApprobationForm,
    vers=_vers_registre,
)
