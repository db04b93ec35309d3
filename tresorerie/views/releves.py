"""Bank statements and reconciliation."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from tresorerie import actes, pdf, selectors
from tresorerie.forms import (
    ReleveForm,
    comptes_actifs,
)
from tresorerie.models import (
    CompteDisponibilite,
    LigneReleve,
    Rapprochement,
)
from tresorerie.views.commun import (
    _est_comptable,
    agir,
    exiger,
    lecture,
)

# --- Relevés et rapprochement ---------------------------------------------------------------


@lecture
def releves(request):
    comptable = _est_comptable(request.user)
    statut = 200
    if request.method == "POST":
        exiger(request, actes.RELEVE_IMPORTER)
        statut = 400
        formulaire = ReleveForm(request.POST, request.FILES)
        if formulaire.is_valid():
            if agir(request, actes.RELEVE_IMPORTER, formulaire.cleaned_data):
                return redirect("tresorerie:releves")
        else:
            for erreurs in formulaire.errors.values():
                for erreur in erreurs:
                    messages.error(request, erreur)
    comptes = list(
        comptes_actifs().exclude(iban="").prefetch_related("releves").order_by("compte__numero")
    )
    return render(
        request,
        "tresorerie/releves.html",
        {"comptes": comptes, "est_comptable": comptable},
        status=statut,
    )


def _compte_bancaire(pk: int) -> CompteDisponibilite:
    return get_object_or_404(
        CompteDisponibilite.objects.select_related("compte").exclude(iban=""), pk=pk
    )


@lecture
def rapprochement(request, compte_pk: int):
    compte = _compte_bancaire(compte_pk)
    comptable = _est_comptable(request.user)
    if request.method == "POST":
        exiger(request, actes.RAPPROCHER)
        acte = request.POST.get("acte")
        if acte == "defaire":
            r = get_object_or_404(
                Rapprochement,
                pk=request.POST.get("rapprochement") or 0,
                ligne_releve__releve__compte=compte,
            )
            agir(request, actes.RAPPROCHEMENT_DEFAIRE, {}, r)
        elif acte in ("rapprocher", "expliquer", "frais"):
            ligne = LigneReleve.objects.filter(
                pk=request.POST.get("ligne_releve") or 0, releve__compte=compte
            ).first()
            if ligne is None:
                messages.error(request, "Choisissez la ligne du relevé.")
            elif acte == "frais":
                exiger(request, actes.FRAIS_BANCAIRES)
                donnees = {
                    "compte": compte,
                    "montant": ligne.montant,
                    "libelle": ligne.libelle or "frais du relevé",
                    "date": ligne.date_operation,
                    "ligne_releve": ligne,
                }
                agir(request, actes.FRAIS_BANCAIRES, donnees)
            elif acte == "rapprocher":
                lignes = [int(v) for v in request.POST.getlist("lignes") if v.isdigit()]
                agir(request, actes.RAPPROCHER, {"lignes": lignes}, ligne)
            else:
                explication = request.POST.get("explication", "")
                agir(request, actes.EXPLIQUER, {"explication": explication}, ligne)
        else:
            messages.error(request, "Acte inconnu.")
        return redirect("tresorerie:rapprochement", compte_pk=compte.pk)
    etat = selectors.etat_rapprochement(compte)
    rapproches = (
        Rapprochement.objects.filter(ligne_releve__releve__compte=compte)
        .select_related("ligne_releve", "par")
        .prefetch_related("lignes_ecriture__ecriture__journal")
        .order_by("-ligne_releve__date_operation", "-id")[:50]
    )
    return render(
        request,
        "tresorerie/rapprochement.html",
        {
            "compte": compte,
            "etat": etat,
            "rapproches": rapproches,
            "est_comptable": comptable,
        },
    )


@lecture
def rapprochement_pdf(request, compte_pk: int):
    compte = _compte_bancaire(compte_pk)
    reponse = HttpResponse(
        pdf.rapprochement_pdf(selectors.etat_rapprochement(compte)),
        content_type="application/pdf",
    )
    reponse["Content-Disposition"] = f'inline; filename="rapprochement-{compte.code}.pdf"'
    return reponse
