"""The acts of the year-end after the inventory, as pages and the API see
them (`ledger.services.cloture`): the agent comptable posts the result and
the à-nouveaux, the directeur records the board's arrêté of the accounts
(circ. 93/82 §IV). `ledger.actes` re-exports them, so the catalogue of droits
lists them."""

from __future__ import annotations

from django import forms

from core.actes import Acte
from core.formulaires import ChampDate, saisie_date
from ledger import services
from ledger.models import ArreteComptes, Exercice
from personnes.droits import droit
from personnes.models import Fonction
from personnes.permissions import refus_comptable
from personnes.selectors import FONCTIONS_COMPTABLES

RESULTAT_DROIT = droit(
    "exercice.resultat", FONCTIONS_COMPTABLES, refus_comptable("passer le résultat de l'exercice")
)
A_NOUVEAUX_DROIT = droit(
    "exercice.a_nouveaux", FONCTIONS_COMPTABLES, refus_comptable("passer les à-nouveaux")
)
ARRETE_DROIT = droit(
    "exercice.arrete_comptes",
    {Fonction.DIRECTEUR},
    "Seul le directeur enregistre les décisions du conseil d'administration, dont "
    "l'arrêté des comptes annuels (circulaire 93/82 §IV).",
)


class ArreteForm(forms.Form):
    arrete_le = ChampDate(
        label="Arrêté par le conseil le",
        # ISO: a date input shows no other format, and today's date must show.
        widget=saisie_date(),
    )
    deliberation = forms.CharField(label="Délibération (référence)", max_length=200)
    affectation = forms.ChoiceField(
        label="Affectation du résultat",
        choices=ArreteComptes.Affectation.choices,
        initial=ArreteComptes.Affectation.REPORT_A_NOUVEAU,
    )


def _arreter(utilisateur, exercice: Exercice, d: dict) -> ArreteComptes:
    return services.arrete_enregistrer(
        acting_user=utilisateur,
        exercice=exercice,
        arrete_le=d["arrete_le"],
        deliberation=d["deliberation"],
        affectation=d.get("affectation") or ArreteComptes.Affectation.REPORT_A_NOUVEAU,
    )


def _annee(objet) -> int:
    # The page hands the exercise acted on, the API what the act produced.
    return objet.annee if isinstance(objet, Exercice) else objet.exercice.annee


RESULTAT = Acte(
    "exercice.resultat",
    lambda utilisateur, exercice, _d: services.resultat_passer(
        acting_user=utilisateur, exercice=exercice
    ),
    RESULTAT_DROIT,
    lambda objet, _d: f"Résultat de l'exercice {_annee(objet)} passé.",
)
ARRETE = Acte(
    "exercice.arrete_comptes",
    _arreter,
    ARRETE_DROIT,
    lambda objet, _d: f"Arrêté des comptes {_annee(objet)} par le conseil enregistré.",
)
A_NOUVEAUX = Acte(
    "exercice.a_nouveaux",
    lambda utilisateur, exercice, _d: services.a_nouveaux_passer(
        acting_user=utilisateur, exercice=exercice
    ),
    A_NOUVEAUX_DROIT,
    # The page hands the closed exercise N: the à-nouveaux are those of N+1.
    lambda exercice, _d: f"À-nouveaux de l'exercice {exercice.annee + 1} passés.",
)
