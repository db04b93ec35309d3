"""The pages of amicable recovery: the agent comptable's « Recouvrement
amiable » (the claims due and unpaid, the batch of reminders, the delays, the
defaults, the hand-over), a claim's page with its journal, a batch's page,
their PDFs and the list as CSV and PDF. Everyone holding a function reads
(the auditors of the tutelle among them); the acts' forms show to whoever
may do them. Thin: `amiable_lecture` to read, `core.actes` to run the acts."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core import horloge
from core.actes import page_acte
from personnes.models import Fonction
from personnes.selectors import fonctions_exercees_le, fonctions_le
from recettes.models import LigneOrdreRecette
from recouvrement import actes_amiable as actes
from recouvrement import amiable_lecture as lecture
from recouvrement import lettres_amiable as lettres
from recouvrement.acces import lecteur
from recouvrement.amiable_communs import ORDONNATEUR
from recouvrement.models import Creance, DelaiPaiement, LettreRelance, LotRelances
from recouvrement.services import NATURES_DU_DIRECTEUR

LIGNES = LigneOrdreRecette.objects.select_related("ordre")


def _attachement(reponse: HttpResponse, nom: str) -> HttpResponse:
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


@lecteur
def amiable(request):
    le = horloge.aujourdhui()
    u = request.user
    liste = lecture.creances_impayees(le)
    peut_relancer = actes.RELANCER_DROIT.accorde(u)
    fonctions = set(fonctions_le(u, le)) | set(fonctions_exercees_le(u, le))
    return render(
        request,
        "recouvrement/amiable/liste.html",
        {
            "le": le,
            "comptable": [s for s in liste if s.responsable == Creance.Responsable.COMPTABLE],
            "directeur": [s for s in liste if s.responsable == Creance.Responsable.DIRECTEUR],
            # Each section's forms to whoever recovers it (D253-16 al. 1): the
            # agent comptable the other claims, the directeur the cotisations.
            "peut_relancer": peut_relancer and not fonctions & ORDONNATEUR,
            "peut_relancer_directeur": peut_relancer and Fonction.DIRECTEUR in fonctions,
            "peut_transmettre": actes.TRANSMETTRE_DROIT.accorde(u),
            "lots": LotRelances.objects.select_related("par")[:10],
            "transmises": Creance.objects.filter(transmise_le__isnull=False)
            .select_related("debiteur", "ligne__ordre", "transmise_par")
            .order_by("-transmise_le", "-id")[:20],
        },
    )


@lecteur
def amiable_document(request, format_: str):
    if format_ not in ("pdf", "csv"):
        raise Http404("Ce document n'existe pas.")
    le = horloge.aujourdhui()
    liste = lecture.creances_impayees(le)
    if format_ == "pdf":
        reponse = HttpResponse(lettres.liste_pdf(liste, le), content_type="application/pdf")
    else:
        reponse = HttpResponse(lettres.liste_csv(liste), content_type="text/csv; charset=utf-8")
    return _attachement(reponse, f"creances_impayees_{le:%Y%m%d}.{format_}")


@lecteur
def creance(request, pk: int):
    """A claim (its debtor's line): its reste, stage, échéancier, journal and the acts."""
    ligne = get_object_or_404(LIGNES.select_related("ordre__compte_tiers"), pk=pk)
    le = horloge.aujourdhui()
    u = request.user
    dossier = (
        Creance.objects.filter(ligne=ligne).select_related("debiteur", "transmise_par").first()
    )
    delais = []
    if dossier is not None:
        for delai in dossier.delais.all():
            delais.append(lecture.suivi(delai, le))
    en_cours = next((s for s in delais if s.delai.etat == DelaiPaiement.Etat.EN_COURS), None)
    transmise = dossier is not None and dossier.transmise_le is not None
    # The amicable acts, to whoever recovers the claim, before the contentious
    # recovery (D253-16 al. 1; circ. 93/82 §2.0.5).
    fonctions = set(fonctions_le(u, le)) | set(fonctions_exercees_le(u, le))
    if ligne.ordre.nature in NATURES_DU_DIRECTEUR:
        a_lui = Fonction.DIRECTEUR in fonctions
    else:
        a_lui = not fonctions & ORDONNATEUR
    ouverte = (
        a_lui and not transmise and not (dossier and dossier.stade in Creance.STADES_CONTENTIEUX)
    )
    return render(
        request,
        "recouvrement/amiable/creance.html",
        {
            "le": le,
            "ligne": ligne,
            "ordre": ligne.ordre,
            "dossier": dossier,
            "reste": lecture.reste_de(ligne),
            "exigible": lecture.exigible_le(ligne),
            "actes": list(lecture.journal(dossier)) if dossier else [],
            "delais": delais,
            "en_cours": en_cours,
            "transmise": transmise,
            "delai_form": actes.DelaiForm(initial={"demande_le": le})
            if actes.DELAI_DROIT.accorde(u) and ouverte and en_cours is None
            else None,
            "peut_defaillance": actes.DEFAILLANCE_DROIT.accorde(u) and ouverte,
            "transmission_form": actes.TransmissionForm()
            if actes.TRANSMETTRE_DROIT.accorde(u) and ouverte
            else None,
            "peut_relancer": actes.RELANCER_DROIT.accorde(u) and ouverte,
        },
    )


@lecteur
def dossier_pdf(request, pk: int):
    dossier = get_object_or_404(
        Creance.objects.select_related("debiteur__compte", "ligne__ordre", "transmise_par"),
        ligne_id=pk,
    )
    reponse = HttpResponse(lettres.dossier_pdf(dossier), content_type="application/pdf")
    return _attachement(reponse, f"dossier_recouvrement_{dossier.ligne.ordre.reference}.pdf")


@lecteur
def demande_ecrite(request, pk: int):
    """The debtor's letter asking for the delay, as it was received."""
    delai = get_object_or_404(DelaiPaiement, pk=pk)
    if not delai.demande_fichier:
        raise Http404("Cette demande n'a pas de lettre jointe.")
    with delai.demande_fichier.open("rb") as fichier:
        contenu = fichier.read()
    nom = delai.demande_fichier.name.rsplit("/", 1)[-1]
    type_ = "application/pdf" if contenu.startswith(b"%PDF-") else "application/octet-stream"
    return _attachement(HttpResponse(contenu, content_type=type_), nom)


@lecteur
def lot(request, pk: int):
    lot_ = get_object_or_404(LotRelances.objects.select_related("par"), pk=pk)
    return render(
        request,
        "recouvrement/amiable/lot.html",
        {
            "lot": lot_,
            "lettres": lot_.lettres.select_related("debiteur").prefetch_related(
                "lignes__creance__ligne__ordre"
            ),
        },
    )


@lecteur
def lot_pdf(request, pk: int):
    lot_ = get_object_or_404(LotRelances.objects.select_related("par"), pk=pk)
    reponse = HttpResponse(lettres.lot_pdf(lot_), content_type="application/pdf")
    return _attachement(reponse, f"relances_{lot_.reference}.pdf")


@lecteur
def lettre_pdf(request, pk: int):
    lettre = get_object_or_404(LettreRelance.objects.select_related("lot__par", "debiteur"), pk=pk)
    reponse = HttpResponse(lettres.lettre_pdf(lettre), content_type="application/pdf")
    return _attachement(reponse, f"relance_{lettre.lot.reference}_{lettre.pk}.pdf")


def _vers_creance(ligne, _resultat) -> str:
    return reverse("recouvrement:amiable_creance", args=[ligne.pk])


def _vers_lot(_objet, lot_) -> str:
    if lot_ is None:
        return reverse("recouvrement:amiable")
    return reverse("recouvrement:amiable_lot", args=[lot_.pk])


relancer = page_acte(
    actes.RELANCER,
    lire=lambda request: {"lignes": actes.lignes_choisies(request.POST.getlist("lignes"))},
    vers=_vers_lot,
)
delai = page_acte(actes.DELAI, queryset=LIGNES, formulaire=actes.DelaiForm, vers=_vers_creance)
transmettre = page_acte(
    actes.TRANSMETTRE, queryset=LIGNES, formulaire=actes.TransmissionForm, vers=_vers_creance
)
defaillance = page_acte(
    actes.DEFAILLANCE,
    queryset=DelaiPaiement.objects.select_related("creance"),
    vers=lambda delai_, _r: reverse("recouvrement:amiable_creance", args=[delai_.creance.ligne_id]),
)
