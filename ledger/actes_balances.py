"""The acts of the frozen balances (circ. 93/82 §3.2), as pages and the API
see them: the agent comptable freezes a balance and records its sending.
`ledger.actes` re-exports them, so the catalogue of droits lists them."""

from __future__ import annotations

from django import forms

from core.actes import Acte
from core.formulaires import ChampDate, saisie_date
from ledger import services
from ledger.models import BalanceFigee, EnvoiBalance, Exercice
from personnes.droits import droit
from personnes.permissions import refus_comptable
from personnes.selectors import FONCTIONS_COMPTABLES

FIGER_DROIT = droit("balance.figer", FONCTIONS_COMPTABLES, refus_comptable("figer une balance"))
ENVOYER_DROIT = droit(
    "balance.envoyer", FONCTIONS_COMPTABLES, refus_comptable("enregistrer l'envoi d'une balance")
)


class FigerForm(forms.Form):
    nature = forms.ChoiceField(label="Balance", choices=BalanceFigee.Nature.choices)
    mois = forms.IntegerField(
        label="Mois (balance mensuelle)", min_value=1, max_value=12, required=False
    )
    demande = forms.CharField(
        label="Demande de la tutelle (balance mensuelle)", max_length=200, required=False
    )


class EnvoiForm(forms.Form):
    destinataire = forms.ChoiceField(
        label="Destinataire", choices=EnvoiBalance.Destinataire.choices
    )
    envoyee_le = ChampDate(
        label="Envoyée le",
        # ISO: a date input shows no other format, and today's date must show.
        widget=saisie_date(),
    )
    reference = forms.CharField(label="Référence du courrier", max_length=200, required=False)


def _figer(utilisateur, exercice: Exercice, d: dict) -> BalanceFigee:
    return services.balance_figer(
        acting_user=utilisateur,
        exercice=exercice,
        nature=d["nature"],
        mois=d.get("mois"),
        demande=d.get("demande") or "",
    )


def _envoyer(utilisateur, balance: BalanceFigee, d: dict) -> EnvoiBalance:
    return services.balance_envoyer(
        acting_user=utilisateur,
        balance=balance,
        destinataire=d["destinataire"],
        envoyee_le=d["envoyee_le"],
        reference=d.get("reference") or "",
    )


FIGER_BALANCE = Acte(
    "balance.figer",
    _figer,
    FIGER_DROIT,
    # The page hands the exercise acted on, the API the balance: one message for both.
    lambda _objet, d: (
        f"{BalanceFigee.Nature(d['nature']).label.capitalize()} figée, avec son empreinte SHA-256."
    ),
)
ENVOYER_BALANCE = Acte(
    "balance.envoyer",
    _envoyer,
    ENVOYER_DROIT,
    lambda _objet, d: f"Envoi au {EnvoiBalance.Destinataire(d['destinataire']).label} enregistré.",
)
