"""Pages of the ledger: thin, they call selectors to read and services to act."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core import horloge
from core.exceptions import ApplicationError, ExerciceInvalide
from ledger import selectors, services
from ledger.forms import BalanceForm, GrandLivreForm, JournalForm, SaisieForm
from ledger.integrite import verifier_integrite
from ledger.models import Ecriture, Exercice, Journal
from ledger.pdf import balance_pdf
from personnes.acces import fonction_requise
from personnes.selectors import FONCTIONS_COMPTABLES, fonctions_actuelles


def _est_comptable(user) -> bool:
    return bool(set(fonctions_actuelles(user)) & FONCTIONS_COMPTABLES)


def _balance_depuis(request):
    formulaire = BalanceForm(request.GET or None)
    if not request.GET:
        formulaire = BalanceForm(initial={})
        return formulaire, None
    if not formulaire.is_valid():
        return formulaire, None
    d = formulaire.cleaned_data
    return formulaire, selectors.balance_generale(
        exercice=d["exercice_obj"], du=d.get("du"), au=d.get("au"), classe=d.get("classe")
    )


@fonction_requise
def balance(request):
    formulaire, resultat = _balance_depuis(request)
    return render(
        request,
        "ledger/balance.html",
        {
            "form": formulaire,
            "balance": resultat,
            "requete": request.GET.urlencode(),
        },
    )


def _nom_fichier(balance_: selectors.Balance, extension: str) -> str:
    suffixe = f"_classe{balance_.classe}" if balance_.classe else ""
    return f"balance_generale_{balance_.exercice.annee}_{balance_.du:%Y%m%d}_{balance_.au:%Y%m%d}{suffixe}.{extension}"


@fonction_requise
def balance_csv(request):
    formulaire, resultat = _balance_depuis(request)
    if resultat is None:
        return render(
            request, "ledger/balance.html", {"form": formulaire, "balance": None}, status=400
        )
    reponse = HttpResponse(content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="{_nom_fichier(resultat, "csv")}"'
    reponse.write("\ufeff")  # spreadsheets then read the accents right
    ecrivain = csv.writer(reponse, delimiter=";")
    ecrivain.writerow(
        [
            "Compte",
            "Libellé",
            "Solde d'ouverture débit",
            "Solde d'ouverture crédit",
            "Mouvements débit",
            "Mouvements crédit",
            "Solde débit",
            "Solde crédit",
        ]
    )

    def chiffres(ligne):
        return [f"{getattr(ligne, nom):.2f}".replace(".", ",") for nom in selectors.COLONNES]

    for ligne in resultat.lignes:
        ecrivain.writerow([ligne.numero, ligne.libelle, *chiffres(ligne)])
    ecrivain.writerow(["", "Total général", *chiffres(resultat.totaux)])
    return reponse


@fonction_requise
def balance_pdf_vue(request):
    formulaire, resultat = _balance_depuis(request)
    if resultat is None:
        return render(
            request, "ledger/balance.html", {"form": formulaire, "balance": None}, status=400
        )
    contenu = balance_pdf(resultat, edite_par=request.user.get_full_name() or request.user.username)
    reponse = HttpResponse(contenu, content_type="application/pdf")
    reponse["Content-Disposition"] = f'attachment; filename="{_nom_fichier(resultat, "pdf")}"'
    return reponse


@fonction_requise
def grand_livre(request):
    formulaire = GrandLivreForm(request.GET or None)
    contexte = {"form": formulaire, "lignes": None}
    if request.GET and formulaire.is_valid() and formulaire.cleaned_data.get("compte"):
        d = formulaire.cleaned_data
        ouverture, lignes = selectors.grand_livre(
            exercice=d["exercice_obj"], compte_numero=d["compte"], du=d.get("du"), au=d.get("au")
        )
        page = Paginator(lignes, 200).get_page(request.GET.get("page"))
        contexte.update(
            ouverture=ouverture,
            page=page,
            lignes=page.object_list,
            compte=d["compte"],
            total_debit=sum(ligne.debit for ligne in lignes),
            total_credit=sum(ligne.credit for ligne in lignes),
            solde=lignes[-1].solde if lignes else ouverture,
            requete=_sans_page(request),
        )
    return render(request, "ledger/grand_livre.html", contexte)


def _sans_page(request) -> str:
    parametres = request.GET.copy()
    parametres.pop("page", None)
    return parametres.urlencode()


@fonction_requise
def ecritures(request):
    formulaire = JournalForm(request.GET or None)
    exercice = journal = du = au = None
    if request.GET and formulaire.is_valid():
        d = formulaire.cleaned_data
        exercice, du, au = d["exercice_obj"], d.get("du"), d.get("au")
        journal = (
            Journal.objects.filter(code=d.get("journal")).first() if d.get("journal") else None
        )
    elif not request.GET:
        exercice = Exercice.objects.order_by("-annee").first()
    page = Paginator(
        selectors.ecritures(exercice=exercice, journal=journal, du=du, au=au), 50
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "ledger/ecritures.html",
        {
            "form": formulaire,
            "page": page,
            "requete": _sans_page(request),
        },
    )


@fonction_requise
def ecriture(request, pk: int):
    objet = get_object_or_404(selectors.ecritures(), pk=pk)
    return render(
        request,
        "ledger/ecriture.html",
        {
            "e": objet,
            "total": sum(ligne.debit for ligne in objet.lignes.all()),
            "contrepassation": Ecriture.objects.filter(contrepasse=objet).first(),
            "peut_contrepasser": _est_comptable(request.user),
        },
    )


@require_POST
@fonction_requise
def ecriture_contrepasser(request, pk: int):
    objet = get_object_or_404(Ecriture, pk=pk)
    try:
        inverse = services.ecriture_contrepasser(acting_user=request.user, ecriture=objet)
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
        return redirect("ledger:ecriture", pk=pk)
    messages.success(request, f"Écriture contrepassée par {inverse.journal.code}-{inverse.numero}.")
    return redirect("ledger:ecriture", pk=inverse.pk)


@fonction_requise
def saisie(request):
    if not _est_comptable(request.user):
        raise PermissionDenied("Seul l'agent comptable passe des écritures.")
    formulaire = SaisieForm(request.POST or None, initial={"date": horloge.aujourdhui()})
    if request.method == "POST" and formulaire.is_valid():
        d = formulaire.cleaned_data
        exercice = Exercice.objects.filter(annee=d["date"].year).first()
        try:
            if exercice is None:
                raise ExerciceInvalide(f"Aucun exercice {d['date'].year} n'est ouvert.")
            objet = services.ecriture_passer(
                acting_user=request.user,
                exercice=exercice,
                journal=d["journal"],
                date=d["date"],
                libelle=d["libelle"],
                lignes=formulaire.lignes(),
                piece=d["piece"],
            )
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
        else:
            messages.success(request, f"Écriture {objet.journal.code}-{objet.numero} passée.")
            return redirect("ledger:ecriture", pk=objet.pk)
    return render(
        request,
        "ledger/saisie.html",
        {"form": formulaire},
        status=400 if request.method == "POST" else 200,
    )


@fonction_requise
def exercices(request):
    return render(
        request,
        "ledger/exercices.html",
        {
            "exercices": Exercice.objects.order_by("-annee"),
            "peut_agir": _est_comptable(request.user),
            "aujourd_hui": horloge.aujourdhui(),
        },
    )


@require_POST
@fonction_requise
def exercice_transition(request, annee: int, acte: str):
    objet = get_object_or_404(Exercice, annee=annee)
    actes = {
        "periode-complementaire": (
            services.exercice_ouvrir_periode_complementaire,
            "L'exercice {annee} est en période complémentaire.",
        ),
        "cloturer": (services.exercice_clore, "L'exercice {annee} est clos."),
    }
    if acte not in actes:
        raise PermissionDenied("Acte inconnu.")
    service, succes = actes[acte]
    try:
        service(acting_user=request.user, exercice=objet)
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
    else:
        messages.success(request, succes.format(annee=annee))
    return redirect("ledger:exercices")


@fonction_requise
def integrite(request):
    rapport = verifier_integrite() if request.GET.get("verifier") else None
    return render(request, "ledger/integrite.html", {"rapport": rapport})
