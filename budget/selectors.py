"""Reads of the credits: the situation of each credit, at this moment."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from budget.models import Credit, ModificationCredit, MouvementCredit
from core.exceptions import ExerciceInvalide
from core.money import ZERO
from ledger.models import Exercice


@dataclass(frozen=True)
class Situation:
    """Where a credit stands: opened, engaged, ordered, paid, available."""

    credit_id: int
    exercice: int  # the year
    chapitre: str
    libelle: str
    initial: Decimal
    modifications: Decimal
    ouvert: Decimal  # initial + modifications
    engage: Decimal
    ordonnance: Decimal
    paye: Decimal
    disponible: Decimal  # ouvert - engage


COLONNES = ("initial", "modifications", "ouvert", "engage", "ordonnance", "paye", "disponible")


def situation_de(credit: Credit, *, annee: int | None = None) -> Situation:
    """The situation of a credit instance as loaded (no query if `annee` is given
    or the exercise is already loaded)."""
    return Situation(
        credit_id=credit.pk,
        exercice=annee if annee is not None else credit.exercice.annee,
        chapitre=credit.chapitre,
        libelle=credit.libelle,
        initial=credit.montant_initial,
        modifications=credit.modifications,
        ouvert=credit.ouvert,
        engage=credit.engage,
        ordonnance=credit.ordonnance,
        paye=credit.paye,
        disponible=credit.disponible,
    )


def exercice_de(exercice: Exercice | int | str) -> Exercice:
    """An exercise given as an instance or a year, or a French refusal."""
    if isinstance(exercice, Exercice):
        return exercice
    try:
        annee = int(exercice)
    except (TypeError, ValueError):
        raise ExerciceInvalide(f"« {exercice} » n'est pas une année d'exercice.") from None
    try:
        return Exercice.objects.get(annee=annee)
    except Exercice.DoesNotExist:
        raise ExerciceInvalide(f"L'exercice {annee} n'existe pas.") from None


def situation(*, credit: Credit) -> Situation:
    """The situation of one credit, read afresh from the database."""
    frais = Credit.objects.select_related("exercice").get(pk=credit.pk)
    return situation_de(frais)


def situations(*, exercice: Exercice | int) -> list[Situation]:
    """All credits of an exercise, sorted by chapter (one query)."""
    exercice = exercice_de(exercice)
    credits = Credit.objects.filter(exercice=exercice).order_by("chapitre")
    return [situation_de(c, annee=exercice.annee) for c in credits]


def totaux(lignes: list[Situation]) -> dict[str, Decimal]:
    """Column totals of a list of situations."""
    return {nom: sum((getattr(s, nom) for s in lignes), ZERO) for nom in COLONNES}


def credits(*, exercice: Exercice) -> list[Credit]:
    return list(Credit.objects.filter(exercice=exercice).order_by("chapitre"))


def mouvements(*, credit: Credit) -> list[MouvementCredit]:
    return list(credit.mouvements.select_related("par").order_by("id"))


def modifications(*, credit: Credit) -> list[ModificationCredit]:
    return list(credit.decisions.select_related("par").order_by("id"))
