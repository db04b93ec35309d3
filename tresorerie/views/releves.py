"""Bank statements and reconciliation."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from core import csv_sur
from tresorerie import actes, pdf, selectors, selectors_releves
from tresorerie.forms import (
    ReleveForm,
    comptes_actifs,
)
from tresorerie.models import (
    CompteDisponibilite,
    LigneReleve,
    Rapprochement,
    Releve,
)
from tresorerie.services import releves as services_releves
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
        {
            "comptes": comptes,
            "est_comptable": comptable,
            "versions": services_releves.VERSIONS_ACCEPTEES,
        },
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
    suites = selectors_releves.suites(etat.releve_non_rapproche, compte)
    for lg in etat.releve_non_rapproche:
        lg.suite = suites.get(lg.pk)
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
def releve(request, pk: int):
    """One statement or notification: its lines, what the bank said of each
    (code, batch, return) and what the import did."""
    releve = get_object_or_404(
        Releve.objects.select_related("compte__compte", "importe_par").exclude(compte__iban=""),
        pk=pk,
    )
    lignes = list(
        releve.lignes.select_related("rapprochement").prefetch_related(
            "rapprochement__lignes_ecriture__ecriture__journal"
        )
    )
    suites = selectors_releves.suites(lignes, releve.compte)
    for lg in lignes:
        lg.suite = suites.get(lg.pk)
    return render(request, "tresorerie/releve.html", {"releve": releve, "lignes": lignes})


COLONNES_CSV = [
    "nature",
    "date",
    "libellé",
    "référence",
    "code opération",
    "référence du lot",
    "opérations du lot",
    "contre-passation",
    "motif de retour",
    "information de retour",
    "montant (crédit +, débit −)",
    "état",
    "suite donnée",
]


def _nombre(montant) -> str:
    """An amount as the fund's other CSV files write it: « -1234,56 », no
    thousands separator nor sign of the euro, which a spreadsheet reads as a number."""
    return f"{montant:.2f}".replace(".", ",")


@lecture
def rapprochement_csv(request, compte_pk: int):
    """The reconciliation state as a spreadsheet reads it: the statement lines
    not in the books (with what the bank said of them), those explained, and
    the book lines not on the statement."""
    compte = _compte_bancaire(compte_pk)
    etat = selectors.etat_rapprochement(compte)
    lignes = etat.releve_non_rapproche + etat.releve_explique
    suites = selectors_releves.suites(lignes, compte)
    reponse = HttpResponse(content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = (
        f'attachment; filename="rapprochement-{compte.code}-{etat.au:%Y%m%d}.csv"'
    )
    reponse.write("\ufeff")  # spreadsheets then read the accents right
    ecrivain = csv_sur.ecrivain(reponse, delimiter=";")
    ecrivain.writerow(COLONNES_CSV)
    for lg in lignes:
        suite = suites.get(lg.pk)
        explique = lg in etat.releve_explique
        ecrivain.writerow(
            [
                "relevé",
                f"{lg.date_operation:%d/%m/%Y}",
                lg.libelle + (f" — {lg.contrepartie}" if lg.contrepartie else ""),
                lg.reference,
                lg.code_operation,
                lg.reference_lot,
                lg.nombre_operations if lg.nombre_operations is not None else "",
                "oui" if lg.contre_passation else "",
                lg.motif_retour,
                lg.motif_retour_info,
                _nombre(lg.montant_signe),
                "expliquée" if explique else "à rapprocher",
                lg.rapprochement.explication if explique else (suite.texte if suite else ""),
            ]
        )
    for lg in etat.ecritures_non_rapprochees:
        ecrivain.writerow(
            [
                "écriture",
                f"{lg.ecriture.date:%d/%m/%Y}",
                lg.libelle or lg.ecriture.libelle,
                f"{lg.ecriture.journal.code}-{lg.ecriture.numero}",
                "",
                "",
                "",
                "",
                "",
                "",
                _nombre(lg.debit - lg.credit),
                "absente du relevé",
                "",
            ]
        )
    return reponse


@lecture
def rapprochement_pdf(request, compte_pk: int):
    compte = _compte_bancaire(compte_pk)
    reponse = HttpResponse(
        pdf.rapprochement_pdf(selectors.etat_rapprochement(compte)),
        content_type="application/pdf",
    )
    reponse["Content-Disposition"] = f'inline; filename="rapprochement-{compte.code}.pdf"'
    return reponse
