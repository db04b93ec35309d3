"""Pages of the ledger: thin, they call selectors to read and services to act."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core import csv_sur, horloge
from core.actes import page_acte, page_formulaire
from core.exceptions import DonneeInvalide
from ledger import actes, actes_cloture, selectors
from ledger.forms import BalanceForm, GrandLivreForm, JournalForm, SaisieForm
from ledger.integrite import verifier_integrite
from ledger.models import Ecriture, Exercice, Journal
from ledger.pdf import balance_pdf
from ledger.selectors_grand_livre import page_demandee
from ledger.services import cloture
from personnes.acces import fonction_requise


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
    ecrivain = csv_sur.ecrivain(reponse, delimiter=";")
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
    """One page of the grand livre, named by the key of a line (`apres` or `avant`)."""
    formulaire = GrandLivreForm(request.GET or None)
    contexte = {"form": formulaire, "lignes": None}
    if request.GET and formulaire.is_valid() and formulaire.cleaned_data.get("compte"):
        d = formulaire.cleaned_data
        try:
            page = page_demandee(d, request.GET)
        except DonneeInvalide as erreur:
            contexte["erreur"] = erreur.message
            return render(request, "ledger/grand_livre.html", contexte, status=400)
        contexte.update(
            page=page,
            lignes=page.lignes,
            compte=d["compte"],
            requete=_sans_page(request),
        )
    return render(request, "ledger/grand_livre.html", contexte)


def _sans_page(request) -> str:
    parametres = request.GET.copy()
    for nom in ("page", "apres", "avant"):
        parametres.pop(nom, None)
    return parametres.urlencode()


@fonction_requise
def ecritures(request):
    # Until an exercise is chosen (the first page, and the next ones it links
    # to), the default one; the form is bound once the reader has chosen.
    choisi = "exercice" in request.GET
    formulaire = JournalForm(request.GET if choisi else None)
    exercice = journal = du = au = None
    if choisi and formulaire.is_valid():
        d = formulaire.cleaned_data
        exercice, du, au = d["exercice_obj"], d.get("du"), d.get("au")
        journal = (
            Journal.objects.filter(code=d.get("journal")).first() if d.get("journal") else None
        )
    elif not choisi:
        exercice = selectors.exercice_par_defaut()
    if choisi and not formulaire.is_valid():
        ecritures = []  # the form says what is wrong; no entries it did not ask for
    else:
        ecritures = selectors.ecritures_par_page(
            selectors.ecritures_page(), exercice=exercice, journal=journal, du=du, au=au
        )
    page = Paginator(ecritures, 50).get_page(request.GET.get("page"))
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
            "peut_contrepasser": actes.PASSER_DROIT.accorde(request.user),
        },
    )


def _vers_ecriture(objet, inverse) -> str:
    """Back to the reversal once posted, to the entry itself when refused."""
    return reverse("ledger:ecriture", args=[(inverse or objet).pk])


ecriture_contrepasser = page_acte(
    actes.CONTREPASSER, queryset=Ecriture.objects.all(), vers=_vers_ecriture
)


@fonction_requise
def saisie(request):
    return page_formulaire(
        request,
        actes.PASSER,
        formulaire=SaisieForm,
        gabarit="ledger/saisie.html",
        vers="ledger:ecriture",
        initial={"date": horloge.aujourdhui()},
    )


@fonction_requise
def exercices(request):
    return render(
        request,
        "ledger/exercices.html",
        {
            "exercices": _avec_etapes(Exercice.objects.order_by("-annee")),
            "peut_agir": actes.CLORE_DROIT.accorde(request.user),
            "peut_arreter": actes_cloture.ARRETE_DROIT.accorde(request.user),
            "formulaire_arrete": actes_cloture.ArreteForm(
                initial={"arrete_le": horloge.aujourdhui()}
            ),
            "peut_fec": actes.EXPORTER_FEC_DROIT.accorde(request.user),
            "aujourd_hui": horloge.aujourdhui(),
        },
    )


def _avec_etapes(exercices) -> list[Exercice]:
    """Each exercise past its year with where its year-end stands (`etapes`)."""
    exercices = list(exercices)
    for exercice in exercices:
        ouvert = exercice.etat == Exercice.Etat.OUVERT
        exercice.etapes = None if ouvert else cloture.etapes(exercice)
    return exercices


def _vers_exercices(_objet, _resultat) -> str:
    return reverse("ledger:exercices")


# The exercises' acts, by the slug of their URL.
_TRANSITIONS = {
    "periode-complementaire": page_acte(
        actes.PERIODE_COMPLEMENTAIRE, queryset=Exercice.objects.all(), vers=_vers_exercices
    ),
    "cloturer": page_acte(actes.CLORE, queryset=Exercice.objects.all(), vers=_vers_exercices),
    "resultat": page_acte(actes.RESULTAT, queryset=Exercice.objects.all(), vers=_vers_exercices),
    "arrete": page_acte(
        actes.ARRETE,
        queryset=Exercice.objects.all(),
        formulaire=actes_cloture.ArreteForm,
        vers=_vers_exercices,
    ),
    "a-nouveaux": page_acte(
        actes.A_NOUVEAUX, queryset=Exercice.objects.all(), vers=_vers_exercices
    ),
}


@require_POST
@fonction_requise
def exercice_transition(request, annee: int, acte: str):
    objet = get_object_or_404(Exercice, annee=annee)
    if acte not in _TRANSITIONS:
        raise PermissionDenied("Acte inconnu.")
    return _TRANSITIONS[acte](request, pk=objet.pk)


@fonction_requise
def integrite(request):
    rapport = verifier_integrite() if request.GET.get("verifier") else None
    return render(request, "ledger/integrite.html", {"rapport": rapport})
