"""« Virements revenus »: the transfers the bank returned, their state, the
correction of the bank details before paying again (issue 15)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core import csv_sur, horloge
from core.actes import erreurs_formulaire
from depenses.models import LigneOrdreDepense, OrdreDepense
from oppositions.banque import formater_iban
from tresorerie import pdf
from tresorerie import selectors_retours as selecteurs
from tresorerie.actes_retours import (
    COORDONNEES_CORRIGER,
    COORDONNEES_LIGNE_CORRIGER,
    VIREMENT_RETOURNER,
)
from tresorerie.forms_retours import CorrectionCoordonneesForm, RetourManuelForm
from tresorerie.models import LigneReleve, LotPaiement, Paiement
from tresorerie.models_retours import Retour
from tresorerie.selectors_retours import message_etat_inconnu
from tresorerie.services.retours import MOTIFS_COMPTE
from tresorerie.services.retours_coordonnees import (
    ETATS_RETOUR,
    corrections_des_lignes,
    ibans_retournes,
)
from tresorerie.views.commun import _est_comptable, action, agir, exiger, lecture

COLONNES_CSV = [
    "Retourné le",
    "Ordre de dépense",
    "Bénéficiaire",
    "Montant",
    "Motif",
    "Libellé du motif",
    "Information de la banque",
    "Virement",
    "IBAN retourné",
    "État",
    "IBAN corrigé",
]


def _csv(lignes) -> HttpResponse:
    reponse = HttpResponse(content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = (
        f'attachment; filename="virements_revenus_{horloge.aujourdhui():%Y%m%d}.csv"'
    )
    reponse.write("\ufeff")
    ecrivain = csv_sur.ecrivain(reponse, delimiter=";")
    ecrivain.writerow(COLONNES_CSV)
    for lg in lignes:
        r = lg.retour
        ecrivain.writerow(
            [
                r.date.strftime("%d/%m/%Y"),
                r.ordre.reference,
                r.paiement.beneficiaire,
                f"{r.montant:.2f}".replace(".", ","),
                r.motif,
                r.motif_libelle,
                r.motif_info,
                r.paiement.bout_en_bout,
                lg.iban_retourne,
                lg.etat_libelle,
                lg.iban_corrige,
            ]
        )
    return reponse


def _pdf(lignes, etat: str) -> HttpResponse:
    contenu = pdf._pdf(
        "tresorerie/retours_pdf.html",
        {
            "lignes": lignes,
            "total": selecteurs.total(lignes),
            "etat": ETATS_RETOUR.get(etat, ""),
        },
    )
    reponse = HttpResponse(contenu, content_type="application/pdf")
    reponse["Content-Disposition"] = (
        f'inline; filename="virements_revenus_{horloge.aujourdhui():%Y%m%d}.pdf"'
    )
    return reponse


@lecture
def retours(request):
    etat = request.GET.get("etat", "")
    if etat and etat not in ETATS_RETOUR:
        return HttpResponseBadRequest(message_etat_inconnu(etat), content_type="text/plain")
    lignes = selecteurs.retours(etat=etat)
    if request.GET.get("format") == "csv":
        return _csv(lignes)
    if request.GET.get("format") == "pdf":
        return _pdf(lignes, etat)
    return render(
        request,
        "tresorerie/retours.html",
        {
            "lignes": lignes,
            "total": selecteurs.total(lignes),
            "etat": etat,
            "etat_libelle": ETATS_RETOUR.get(etat, ""),
            "etats": ETATS_RETOUR,
            "peut_corriger": COORDONNEES_CORRIGER.droit.accorde(request.user),
        },
    )


def _mention(mention: dict) -> dict:
    """The payment mention a return cleared, as the page says it: its date a
    date, the means in words, who paid by name."""
    if not mention.get("reference"):
        return {}
    paye_par = (
        get_user_model().objects.filter(pk=mention.get("paye_par")).first()
        if mention.get("paye_par")
        else None
    )
    return {
        "le": datetime.date.fromisoformat(mention["paye_le"]) if mention.get("paye_le") else None,
        "moyen": dict(LotPaiement.Moyen.choices).get(mention.get("moyen"), mention.get("moyen")),
        "reference": mention["reference"],
        "par": (paye_par.get_full_name() or paye_par.username) if paye_par else "",
    }


def _coordonnees_initiales(iban: str, bic: str, correction) -> dict:
    """What the correction form shows before anything is typed: the current
    details (the last correction, else the transfer's or the line's), so that
    confirming the same account keeps its BIC too."""
    if correction is not None:
        iban, bic = correction.iban, correction.bic
    return {"iban": formater_iban(iban) if iban else "", "bic": bic or ""}


def _page_retour(request, pk: int, form=None, status: int = 200):
    objet = get_object_or_404(
        Retour.objects.select_related(
            "paiement__lot", "ordre__exercice", "ecriture__journal", "par", "ligne_releve__releve"
        ),
        pk=pk,
    )
    (ligne,) = selecteurs.retours(pk=objet.pk)
    # Other orders to pay to the account the bank put in question: no
    # transfer goes there any more, each line gets its own correction.
    autres = []
    if objet.motif in MOTIFS_COMPTE and objet.paiement.iban:
        autres = list(
            LigneOrdreDepense.objects.filter(
                iban=objet.paiement.iban, ordre__etat=OrdreDepense.Etat.VISE
            )
            .exclude(ordre_id=objet.ordre_id)
            .select_related("ordre__exercice")
            .order_by("ordre_id", "id")
        )
    corrections = list(objet.corrections.select_related("par").order_by("id"))
    if form is None and COORDONNEES_CORRIGER.droit.accorde(request.user):
        form = CorrectionCoordonneesForm(
            initial=_coordonnees_initiales(
                objet.paiement.iban, objet.paiement.bic, corrections[-1] if corrections else None
            )
        )
    return render(
        request,
        "tresorerie/retour.html",
        {
            "ligne": ligne,
            "r": objet,
            "mention": _mention(objet.mention),
            "corrections": corrections,
            "form": form,
            "motifs_compte": sorted(MOTIFS_COMPTE),
            "autres": autres,
        },
        status=status,
    )


@lecture
def retour(request, pk: int):
    return _page_retour(request, pk)


def _corriger(request, acte, objet, page, vers: str):
    """POST of a correction form: the act run, then its page; refused (a form
    error, a wrong IBAN key, a rule), the page again with what was typed and
    the French refusal (400). The one-time token: `agir` (`core.jetons.une_fois`)."""
    exiger(request, acte)
    form = CorrectionCoordonneesForm(request.POST)
    if form.is_valid():
        if agir(request, acte, form.cleaned_data, objet) is not None:
            return redirect(vers)
    else:
        messages.error(request, erreurs_formulaire(form))
    return page(request, objet.pk, form=form, status=400)


@require_POST
@lecture
def retour_corriger(request, pk: int):
    objet = get_object_or_404(Retour.objects.select_related("paiement"), pk=pk)
    return _corriger(
        request,
        COORDONNEES_CORRIGER,
        objet,
        _page_retour,
        reverse("tresorerie:retour", args=[objet.pk]),
    )


def _page_ligne(request, pk: int, form=None, status: int = 200):
    ligne = get_object_or_404(LigneOrdreDepense.objects.select_related("ordre__exercice"), pk=pk)
    correction = corrections_des_lignes([ligne.pk]).get(ligne.pk)
    if form is None and COORDONNEES_LIGNE_CORRIGER.droit.accorde(request.user):
        form = CorrectionCoordonneesForm(
            initial=_coordonnees_initiales(ligne.iban, ligne.bic, correction)
        )
    return render(
        request,
        "tresorerie/ligne_coordonnees.html",
        {
            "ligne": ligne,
            "retour": ibans_retournes().get("".join(ligne.iban.split()).upper()),
            "correction": correction,
            "form": form,
        },
        status=status,
    )


@lecture
def ligne_coordonnees(request, pk: int):
    """The bank details of an order's line whose creditor's IBAN the bank
    returned on another transfer: the return, the corrections, the form."""
    return _page_ligne(request, pk)


@require_POST
@lecture
def ligne_coordonnees_corriger(request, pk: int):
    ligne = get_object_or_404(LigneOrdreDepense.objects.all(), pk=pk)
    return _corriger(
        request,
        COORDONNEES_LIGNE_CORRIGER,
        ligne,
        _page_ligne,
        reverse("tresorerie:ligne_coordonnees", args=[ligne.pk]),
    )


def retours_du_lot(request, lot, paiements) -> dict:
    """What the batch's page shows of returns: each payment `p` of `paiements`
    (pairs of payment and IBAN) gets `p.retour_lu` (its return, or None) and,
    for the agent comptable on a transfer not returned, `p.lignes_retour`: the
    credits of the account of its amount, on or after the batch's date, neither
    matched nor taken by a return, one of which may be the transfer coming back."""
    retours = {
        r.paiement_id: r
        for r in Retour.objects.filter(paiement__lot=lot).only(
            "pk", "paiement_id", "date", "motif", "motif_libelle"
        )
    }
    acte = lot.moyen == LotPaiement.Moyen.VIREMENT and _est_comptable(request.user)
    credits: dict = {}
    if acte:
        for ligne in (
            LigneReleve.objects.filter(
                releve__compte=lot.compte_id,
                sens="credit",
                date_operation__gte=lot.date,
                rapprochement__isnull=True,
                retours__isnull=True,
                montant__in={p.montant for p, _iban in paiements},
            )
            .select_related("releve")
            .order_by("date_operation", "id")
        ):
            credits.setdefault(ligne.montant, []).append(ligne)
    for p, _iban in paiements:
        p.retour_lu = retours.get(p.pk)
        p.lignes_retour = credits.get(p.montant, []) if p.retour_lu is None else []
    return {"retour_acte": acte, "motifs_retour": RetourManuelForm.base_fields["motif"].choices}


paiement_retourner = action(
    VIREMENT_RETOURNER,
    queryset=Paiement.objects.select_related("lot"),
    formulaire=RetourManuelForm,
    vers=lambda p, resultat: (
        reverse("tresorerie:retour", args=[resultat.pk])
        if isinstance(resultat, Retour)
        else reverse("tresorerie:lot", args=[p.lot_id])
    ),
)
