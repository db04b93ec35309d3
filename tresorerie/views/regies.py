"""Pages of the régies (circulaire 93/82, régies): the list, each régie's page
with the acts of whoever reads it, the documents and the lists to download.

Anyone holding a function in the fund reads every régie (the auditor reads
and does nothing); a régisseur who holds no other function sees his own
régie only: another's page, documents and lists answer 404. The acts are the
services' (`tresorerie.actes_regies`): the page hands them a form's data."""

from __future__ import annotations

import datetime
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core import csv_sur, horloge
from personnes.acces import fonction_requise
from personnes.droits import exerce
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COMPTABLES, fonctions_actuelles
from tresorerie import actes_regies as actes
from tresorerie import forms_regies as f
from tresorerie import pdf_regies
from tresorerie.models import (
    ArreteRegie,
    ControleRegie,
    Encaissement,
    EtatDepensesRegie,
    Regie,
    VersementRegie,
)
from tresorerie.services.regies import cheques_non_verses, encaisse, regies_visibles
from tresorerie.views.commun import agir


def _regie(request, pk: int) -> Regie:
    return get_object_or_404(
        regies_visibles(request.user, Regie.objects.select_related("compte__compte", "regisseur")),
        pk=pk,
    )


def _role(utilisateur, regie: Regie | None = None) -> dict:
    comptable = exerce(utilisateur, FONCTIONS_COMPTABLES)
    return {
        "est_directeur": exerce(utilisateur, {Fonction.DIRECTEUR}),
        "est_comptable": comptable,
        "est_regisseur": regie is not None
        and regie.regisseur_id == utilisateur.pk
        and exerce(utilisateur, {Fonction.REGISSEUR})
        and not comptable,
    }


# --- Liste ---------------------------------------------------------------------------------


@fonction_requise
def regies(request):
    role = _role(request.user)
    formulaire = None
    if request.method == "POST":
        if not actes.PROJETER_DROIT.accorde(request.user):
            raise PermissionDenied(actes.PROJETER_DROIT.refus)
        formulaire = f.ProjetRegieForm(request.POST)
        if formulaire.is_valid():
            regie = agir(request, actes.PROJETER, formulaire.cleaned_data)
            if regie is not None and regie is not True:
                return redirect("tresorerie:regie", pk=regie.pk)
            if regie is True:
                return redirect("tresorerie:regies")
    elif role["est_directeur"]:
        formulaire = f.ProjetRegieForm()
    liste = list(regies_visibles(request.user).select_related("compte__compte", "regisseur"))
    # Only a régisseur who holds no other function, with his own régie only, goes
    # straight to it; the auditor and the others read the list and its downloads.
    if (
        len(liste) == 1
        and liste[0].regisseur_id == request.user.pk
        and set(fonctions_actuelles(request.user)) == {Fonction.REGISSEUR}
    ):
        return redirect("tresorerie:regie", pk=liste[0].pk)
    lignes = [(r, encaisse(r) if r.etat != Regie.Etat.PROJET else None) for r in liste]
    sans_compte = formulaire is not None and not formulaire.fields["compte"].queryset.exists()
    compte_form = f.CompteRegieForm() if actes.COMPTE_OUVRIR_DROIT.accorde(request.user) else None
    return render(
        request,
        "tresorerie/regies/liste.html",
        {
            "lignes": lignes,
            "form": formulaire,
            "sans_compte": sans_compte,
            "compte_form": compte_form,
            **role,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@fonction_requise
def compte_regie_ouvrir(request):
    """The agent comptable opens the account of a new régie (541x)."""
    if not actes.COMPTE_OUVRIR_DROIT.accorde(request.user):
        raise PermissionDenied(actes.COMPTE_OUVRIR_DROIT.refus)
    formulaire = f.CompteRegieForm(request.POST)
    if formulaire.is_valid():
        agir(request, actes.COMPTE_OUVRIR, formulaire.cleaned_data)
    else:
        from core.actes import erreurs_formulaire

        messages.error(request, erreurs_formulaire(formulaire))
    return redirect(reverse("tresorerie:regies") + "#compte-regie")


# --- Page d'une régie ----------------------------------------------------------------------


@fonction_requise
def regie(request, pk: int):
    regie = _regie(request, pk)
    role = _role(request.user, regie)
    actif = regie.etat == Regie.Etat.CREEE
    jour = horloge.aujourdhui()
    arrete_du_jour = regie.arretes.filter(date__gte=jour).order_by("-date").first()
    formulaires = {}
    # After his arrêté of the day, nothing of that day: no form to cash, pay, remit or close.
    if role["est_regisseur"] and actif and arrete_du_jour is None:
        if regie.recettes:
            formulaires["encaisser"] = f.EncaissementRegieForm(regie=regie)
        if regie.avances:
            formulaires["depenser"] = f.DepenseRegieForm(regie=regie)
        formulaires["verser"] = f.VersementRegieForm()
        formulaires["arreter"] = f.ArreteRegieForm()
    if role["est_comptable"]:
        if regie.etat == Regie.Etat.PROJET:
            formulaires["avis"] = f.AvisRegieForm()
        if actif:
            formulaires["controler"] = f.ControleRegieForm()
            formulaires["recevoir"] = f.RecevoirVersementForm()
            formulaires["admettre"] = f.AdmettreEtatForm()
            if regie.avances:
                formulaires["avance"] = f.AvanceRegieForm()
    if role["est_directeur"]:
        if regie.etat == Regie.Etat.PROJET and regie.avis_favorable:
            formulaires["decider"] = f.DecisionRegieForm()
        if actif:
            formulaires["fermer"] = f.FinRegieForm()
    contexte = {
        "regie": regie,
        "aujourd_hui": jour,
        "encaisse": encaisse(regie, jour) if regie.etat != Regie.Etat.PROJET else None,
        "arrete_du_jour": arrete_du_jour,
        "cheques": cheques_non_verses(regie, jour) if regie.recettes else [],
        "reouverture": _jour_ouvre_suivant(arrete_du_jour.date) if arrete_du_jour else None,
        "operations": regie.operations.select_related("compte"),
        "encaissements": Encaissement.objects.filter(compte=regie.compte)
        .prefetch_related("quittances__carnet")
        .order_by("-date", "-id")[:50],
        "depenses": regie.depenses.select_related("operation", "etat_depenses")[:50],
        "etats": regie.etats_depenses.all(),
        "versements": regie.versements.select_related("remis_par", "recu_par", "ecriture__journal"),
        "arretes": regie.arretes.select_related("par")[:30],
        "controles": regie.controles.select_related("par"),
        **formulaires,
        **role,
    }
    return render(request, "tresorerie/regies/regie.html", contexte)


def _jour_ouvre_suivant(jour: datetime.date) -> datetime.date:
    suivant = jour + datetime.timedelta(days=1)
    while suivant.weekday() >= 5:
        suivant += datetime.timedelta(days=1)
    return suivant


_ACTES = {
    # nom: (acte, formulaire, avec la régie, données)
    "avis": (actes.AVIS, f.AvisRegieForm, False, None),
    "decider": (actes.DECIDER, f.DecisionRegieForm, False, None),
    "fermer": (actes.FERMER, f.FinRegieForm, False, None),
    "encaisser": (actes.ENCAISSER, f.EncaissementRegieForm, True, None),
    "depenser": (actes.DEPENSER, f.DepenseRegieForm, True, None),
    "etat": (actes.ETAT, None, False, None),
    "avance": (actes.AVANCE, f.AvanceRegieForm, False, None),
    "verser": (actes.VERSER, f.VersementRegieForm, False, None),
    "arreter": (
        actes.ARRETER,
        f.ArreteRegieForm,
        False,
        lambda form: {**form.cleaned_data, "comptage": form.comptage()},
    ),
    "controler": (actes.CONTROLER, f.ControleRegieForm, False, None),
}


@require_POST
@fonction_requise
def regie_acte(request, pk: int, nom: str):
    """One act on a régie (POST): the form, the act, its message; back to the régie."""
    regie = _regie(request, pk)
    if nom not in _ACTES:
        raise Http404
    acte, classe, avec_regie, donnees = _ACTES[nom]
    if not acte.droit.accorde(request.user):
        raise PermissionDenied(acte.droit.refus)
    d = {}
    if classe is not None:
        formulaire = classe(request.POST, regie=regie) if avec_regie else classe(request.POST)
        if not formulaire.is_valid():
            from core.actes import erreurs_formulaire

            messages.error(request, erreurs_formulaire(formulaire))
            return redirect("tresorerie:regie", pk=regie.pk)
        d = donnees(formulaire) if donnees else formulaire.cleaned_data
    agir(request, acte, d, objet=regie)
    return redirect(reverse("tresorerie:regie", kwargs={"pk": regie.pk}) + f"#{nom}")


@require_POST
@fonction_requise
def versement_recevoir(request, pk: int):
    versement = get_object_or_404(VersementRegie, pk=pk, regie__in=regies_visibles(request.user))
    if not actes.RECEVOIR_DROIT.accorde(request.user):
        raise PermissionDenied(actes.RECEVOIR_DROIT.refus)
    formulaire = f.RecevoirVersementForm(request.POST)
    if formulaire.is_valid():
        agir(request, actes.RECEVOIR, formulaire.cleaned_data, objet=versement)
    else:
        messages.error(request, "Indiquez le compte qui reçoit le versement.")
    return redirect(reverse("tresorerie:regie", kwargs={"pk": versement.regie_id}) + "#versements")


@require_POST
@fonction_requise
def etat_admettre(request, pk: int):
    etat = get_object_or_404(EtatDepensesRegie, pk=pk, regie__in=regies_visibles(request.user))
    if not actes.ADMETTRE_DROIT.accorde(request.user):
        raise PermissionDenied(actes.ADMETTRE_DROIT.refus)
    formulaire = f.AdmettreEtatForm(request.POST)
    formulaire.is_valid()
    agir(request, actes.ADMETTRE, formulaire.cleaned_data, objet=etat)
    return redirect(reverse("tresorerie:regie", kwargs={"pk": etat.regie_id}) + "#depenses")


# --- Documents -----------------------------------------------------------------------------


def _pdf(contenu: bytes, nom: str) -> HttpResponse:
    reponse = HttpResponse(contenu, content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="{nom}.pdf"'
    return reponse


@fonction_requise
def bordereau_pdf(request, pk: int):
    v = get_object_or_404(
        VersementRegie.objects.select_related("regie__compte__compte", "remis_par", "recu_par"),
        pk=pk,
        regie__in=regies_visibles(request.user),
    )
    return _pdf(pdf_regies.bordereau_pdf(v), f"bordereau-{v.reference}")


@fonction_requise
def arrete_regie_pdf(request, pk: int):
    a = get_object_or_404(
        ArreteRegie.objects.select_related("regie__compte__compte", "par"),
        pk=pk,
        regie__in=regies_visibles(request.user),
    )
    return _pdf(pdf_regies.arrete_regie_pdf(a), f"arrete-regie-{a.date:%Y-%m-%d}")


@fonction_requise
def controle_pdf(request, pk: int):
    c = get_object_or_404(
        ControleRegie.objects.select_related("regie__compte__compte", "regie__regisseur", "par"),
        pk=pk,
        regie__in=regies_visibles(request.user),
    )
    return _pdf(pdf_regies.controle_pdf(c), f"controle-{c.reference}")


# --- Listes en CSV et PDF ------------------------------------------------------------------


def _euros(valeur) -> str:
    """French decimals without thousands separator, as the other CSV exports."""
    return f"{valeur:.2f}".replace(".", ",")


def _liste(request, quoi: str, pk: int | None):
    if quoi == "regies":
        titre = "Régies de recettes et d'avances"
        entetes = ["Régie", "Type", "État", "Régisseur", "Compte", "Plafond", "Encaisse"]
        lignes = []
        for r in regies_visibles(request.user).select_related("compte__compte", "regisseur"):
            e = encaisse(r) if r.etat != Regie.Etat.PROJET else None
            lignes.append(
                [
                    r.libelle,
                    r.get_type_display(),
                    r.get_etat_display(),
                    r.regisseur.get_full_name() or r.regisseur.username,
                    r.compte.compte.numero,
                    _euros(r.plafond_encaisse),
                    _euros(e.theorique) if e else "",
                ]
            )
        return titre, entetes, lignes
    regie = _regie(request, pk)
    if quoi == "versements":
        titre = f"Versements de la régie « {regie.libelle} »"
        entetes = ["Bordereau", "Remis le", "Montant", "État", "Reçu le", "Écriture"]
        lignes = [
            [
                v.reference,
                f"{v.remis_le:%d/%m/%Y}",
                _euros(v.montant),
                v.get_etat_display(),
                f"{v.recu_le:%d/%m/%Y}" if v.recu_le else "",
                f"{v.ecriture.journal.code}-{v.ecriture.numero}" if v.ecriture else "",
            ]
            for v in regie.versements.select_related("ecriture__journal")
        ]
        return titre, entetes, lignes
    if quoi == "controles":
        titre = f"Contrôles de la régie « {regie.libelle} »"
        entetes = [
            "Rapport",
            "Date",
            "Espèces comptées",
            "Chèques comptés",
            "Encaisse théorique",
            "Écart",
            "Conclusion",
        ]
        lignes = [
            [
                c.reference,
                f"{c.date:%d/%m/%Y}",
                _euros(c.especes_comptees),
                _euros(c.cheques_comptes),
                _euros(c.encaisse_theorique),
                _euros(c.ecart),
                c.get_conclusion_display(),
            ]
            for c in regie.controles.all()
        ]
        return titre, entetes, lignes
    if quoi == "arretes":
        titre = f"Arrêtés de la régie « {regie.libelle} »"
        entetes = [
            "Journée",
            "Espèces comptées",
            "Chèques comptés",
            "Encaisse théorique",
            "Écart",
            "Nature",
        ]
        lignes = [
            [
                f"{a.date:%d/%m/%Y}",
                _euros(a.total_compte),
                _euros(a.cheques_comptes),
                _euros(a.encaisse_theorique),
                _euros(a.ecart),
                a.nature_ecart,
            ]
            for a in regie.arretes.order_by("date")
        ]
        return titre, entetes, lignes
    if quoi == "depenses":
        titre = f"Dépenses de la régie « {regie.libelle} »"
        entetes = ["Date", "Nature", "Bénéficiaire", "Objet", "Pièce", "Montant", "État"]
        lignes = [
            [
                f"{d.date:%d/%m/%Y}",
                d.operation.libelle,
                d.beneficiaire,
                d.objet,
                d.piece,
                _euros(d.montant),
                d.etat_depenses.reference if d.etat_depenses else "à justifier",
            ]
            for d in regie.depenses.select_related("operation", "etat_depenses").order_by(
                "date", "id"
            )
        ]
        return titre, entetes, lignes
    if quoi == "encaissements":
        titre = f"Encaissements de la régie « {regie.libelle} »"
        entetes = ["Date", "Partie versante", "Objet", "Montant", "Quittance"]
        lignes = [
            [
                f"{e.date:%d/%m/%Y}",
                e.payeur,
                e.objet,
                _euros(e.montant),
                ", ".join(q.reference for q in e.quittances.all()),
            ]
            for e in Encaissement.objects.filter(compte=regie.compte)
            .prefetch_related("quittances__carnet")
            .order_by("date", "id")
        ]
        return titre, entetes, lignes
    raise Http404


@fonction_requise
def liste_telecharger(request, quoi: str, format: str, pk: int | None = None):
    titre, entetes, lignes = _liste(request, quoi, pk)
    nom = f"{quoi}-{pk}" if pk else quoi
    if format == "pdf":
        return _pdf(pdf_regies.liste_pdf(titre, entetes, lignes), nom)
    if format != "csv":
        raise Http404
    sortie = io.StringIO()
    ecrivain = csv_sur.ecrivain(sortie, delimiter=";")
    ecrivain.writerow(entetes)
    ecrivain.writerows(lignes)
    reponse = HttpResponse("\ufeff" + sortie.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="{nom}.csv"'
    return reponse
