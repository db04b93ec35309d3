"""What every act of the treasury shares: its transaction, the exercise of a
date, who the agent comptable in office is and in which capacity one signs."""

from __future__ import annotations

import datetime

from core import horloge
from core.exceptions import DroitInsuffisant, ExerciceClos, ExerciceInvalide, atomique
from ledger.models import Exercice
from personnes.models import Fonction
from personnes.selectors import (
    FONCTIONS_COMPTABLES,
    agent_comptable_en_fonction,
    fonctions_exercees_le,
    fonctions_le,
    interim_le,
)
from reglementation.selectors import titre_agent_comptable

CIRC_ENCAISSEMENT = "circulaire 93/82 §2.0.6"
CIRC_REGLEMENT = "circulaire 93/82 §2.1.6"
CIRC_TRESORERIE = "circulaire 93/82 §2.2"
COMPTE_ATTENTE = "4711"  # receipts not allocated yet (excess, unknown debtor)
COMPTE_A_REGULARISER = "4713"  # receipts on contracts kept by the agent comptable


def _aujourd_hui() -> datetime.date:
    return horloge.aujourdhui()


_atomique = atomique  # the shared wrapper of core.exceptions


def exercice_du(date: datetime.date) -> Exercice:
    """The exercise an operation of treasury belongs to: the one of its date (D253-17)."""
    exercice = Exercice.objects.filter(annee=date.year).first()
    if exercice is None:
        raise ExerciceInvalide(f"Aucun exercice n'est ouvert pour l'année {date.year}.")
    if exercice.etat == Exercice.Etat.CLOS:
        raise ExerciceClos(
            f"L'exercice {exercice.annee} est clos : aucune opération de trésorerie ne peut "
            "plus y être enregistrée."
        )
    return exercice


def nom_complet(utilisateur) -> str:
    return utilisateur.get_full_name() or utilisateur.get_username()


def _est_comptable(utilisateur, le: datetime.date) -> bool:
    """On the agent comptable's side that day, by affectation or interim: his
    guard (`exiger_comptable`) then says whether he acts (not while absent)."""
    fonctions = set(fonctions_le(utilisateur, le)) | set(fonctions_exercees_le(utilisateur, le))
    return bool(fonctions & FONCTIONS_COMPTABLES)


def comptable_en_titre(le: datetime.date):
    """The agent comptable in office on `le` (the intérimaire during an interim,
    circ. §1.1.2): a régisseur acts under him (circ. §II)."""
    en_fonction = agent_comptable_en_fonction(le)
    if en_fonction is None:
        raise DroitInsuffisant(f"Aucun agent comptable n'est en fonction le {le:%d/%m/%Y}.")
    return en_fonction


def _qualite(utilisateur, le: datetime.date) -> str:
    fonctions = fonctions_exercees_le(utilisateur, le)
    interim = interim_le(utilisateur, le)
    if interim is not None:
        # Who signs during an interim says so (circ. 93/82 §1.1.2).
        return interim.get_nature_display().capitalize()
    if Fonction.AGENT_COMPTABLE in fonctions:
        return settings_titre_comptable(le)
    if Fonction.FONDE_DE_POUVOIR in fonctions:
        return "Fondé de pouvoir de l'agent comptable"
    if Fonction.REGISSEUR in fonctions:
        return "Régisseur de recettes"
    return "—"


def settings_titre_comptable(le: datetime.date) -> str:
    return titre_agent_comptable(le).capitalize()
