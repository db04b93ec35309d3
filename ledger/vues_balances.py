"""Pages of the frozen balances (circ. 93/82 §3.2): thin, as `ledger.views`."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core import horloge
from core.actes import page_acte
from ledger import balances_figees
from ledger.actes_balances import ENVOYER_BALANCE, FIGER_BALANCE, EnvoiForm, FigerForm
from ledger.models import BalanceFigee, Exercice
from personnes.acces import fonction_requise


def _balances(exercice: Exercice):
    return (
        BalanceFigee.objects.filter(exercice=exercice)
        .select_related("exercice", "figee_par")
        .prefetch_related("envois")
    )


@fonction_requise
def liste(request, annee: int):
    exercice = get_object_or_404(Exercice, annee=annee)
    return render(
        request,
        "ledger/balances_figees.html",
        {
            "exercice": exercice,
            "balances": _balances(exercice),
            "exercices": Exercice.objects.order_by("-annee"),
            "form": FigerForm(),
            "peut_figer": FIGER_BALANCE.droit.accorde(request.user),
        },
    )


def _vers_balance(exercice, balance) -> str:
    if balance is None:
        return reverse("ledger:balances_figees", args=[exercice.annee])
    return reverse("ledger:balance_figee", args=[balance.pk])


_figer = page_acte(
    FIGER_BALANCE, queryset=Exercice.objects.all(), formulaire=FigerForm, vers=_vers_balance
)


@require_POST
@fonction_requise
def figer(request, annee: int):
    return _figer(request, pk=get_object_or_404(Exercice, annee=annee).pk)


def _balance(pk: int) -> BalanceFigee:
    return get_object_or_404(BalanceFigee.objects.select_related("exercice", "figee_par"), pk=pk)


@fonction_requise
def detail(request, pk: int):
    balance = _balance(pk)
    lignes = balances_figees.lignes_de(balance)
    return render(
        request,
        "ledger/balance_figee.html",
        {
            "b": balance,
            "lignes": lignes,
            "envois": balance.envois.select_related("enregistre_par"),
            "verification": balances_figees.verifier(balance, lignes),
            "form": EnvoiForm(initial={"envoyee_le": horloge.aujourdhui()}),
            "peut_envoyer": ENVOYER_BALANCE.droit.accorde(request.user),
        },
    )


envoyer = page_acte(
    ENVOYER_BALANCE,
    queryset=BalanceFigee.objects.all(),
    formulaire=EnvoiForm,
    vers="ledger:balance_figee",
)


def _fichier(contenu, type_mime: str, nom: str) -> HttpResponse:
    reponse = HttpResponse(contenu, content_type=type_mime)
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


@fonction_requise
def en_pdf(request, pk: int):
    balance = _balance(pk)
    contenu = balances_figees.en_pdf(
        balance,
        balances_figees.lignes_de(balance),
        edite_par=request.user.get_full_name() or request.user.username,
    )
    return _fichier(contenu, "application/pdf", balances_figees.nom_fichier(balance, "pdf"))


@fonction_requise
def en_csv(request, pk: int):
    balance = _balance(pk)
    contenu = balances_figees.en_csv(balance, balances_figees.lignes_de(balance))
    return _fichier(contenu, "text/csv; charset=utf-8", balances_figees.nom_fichier(balance, "csv"))


@fonction_requise
def en_xlsx(request, pk: int):
    balance = _balance(pk)
    contenu = balances_figees.en_xlsx(balance, balances_figees.lignes_de(balance))
    return _fichier(
        contenu,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        balances_figees.nom_fichier(balance, "xlsx"),
    )
