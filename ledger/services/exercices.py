"""Exercises: open, open the période complémentaire, close."""

from __future__ import annotations

import datetime

from django.db import connection, transaction

from core import horloge
from core.audit import audit
from core.exceptions import TransitionInterdite
from core.verrous import verrouiller
from ledger.models import Exercice
from ledger.services.cloture import exiger_cloturable
from ledger.services.ecritures import EMPREINTE_INITIALE, attendre_ecritures_en_cours
from personnes.permissions import exiger_comptable


@transaction.atomic
def exercice_ouvrir(*, acting_user, annee: int) -> Exercice:
    """Open the exercise of a calendar year (circ. 93/82 §III: l'exercice est l'année civile)."""
    exiger_comptable(
        acting_user, horloge.aujourdhui(), "ouvrir un exercice", code="exercice.ouvrir"
    )
    if Exercice.objects.filter(annee=annee).exists():
        raise TransitionInterdite(f"L'exercice {annee} est déjà ouvert.")
    exercice = Exercice.objects.create(
        annee=annee, etat=Exercice.Etat.OUVERT, ouvert_le=horloge.maintenant()
    )
    _preparer_compteurs(exercice)
    audit(acting_user, "exercice.ouvert", exercice, apres={"annee": annee, "etat": exercice.etat})
    return exercice


def _preparer_compteurs(exercice: Exercice) -> None:
    with connection.cursor() as curseur:
        curseur.execute(
            "INSERT INTO ledger_compteur (exercice_id, journal_id, dernier_numero)"
            " SELECT %s, id, 0 FROM ledger_journal ON CONFLICT DO NOTHING",
            [exercice.pk],
        )
        curseur.execute(
            "INSERT INTO ledger_chaine (exercice_id, dernier_rang, derniere_empreinte)"
            " VALUES (%s, 0, %s) ON CONFLICT DO NOTHING",
            [exercice.pk, EMPREINTE_INITIALE],
        )


@transaction.atomic
def exercice_ouvrir_periode_complementaire(
    *, acting_user, exercice: Exercice, le: datetime.date | None = None
) -> Exercice:
    """After 31 December the exercise enters its période complémentaire.

    The directeur may still issue orders for rights of the past year
    (D253-17: 10 days; D253-17-1: 2 months or 1 month), while the next
    exercise is open, so it is opened here if needed; refused before
    1 January of the next year, and when the next exercise exists but is no
    longer open (it would be in its own période complémentaire, or closed).
    """
    le = le or horloge.aujourdhui()
    exiger_comptable(
        acting_user, le, "ouvrir la période complémentaire", code="exercice.periode_complementaire"
    )
    exercice = verrouiller(Exercice, exercice.pk)
    if exercice.etat != Exercice.Etat.OUVERT:
        raise TransitionInterdite(
            f"L'exercice {exercice.annee} est {exercice.get_etat_display()} : seul un exercice ouvert "
            "entre en période complémentaire."
        )
    if le <= exercice.fin:
        raise TransitionInterdite(
            f"L'exercice {exercice.annee} n'entre en période complémentaire qu'après le 31/12/{exercice.annee}."
        )
    suivant = Exercice.objects.filter(annee=exercice.annee + 1).first()
    if suivant is not None and suivant.etat != Exercice.Etat.OUVERT:
        raise TransitionInterdite(
            f"L'exercice {suivant.annee} est {suivant.get_etat_display()} : la période "
            f"complémentaire de l'exercice {exercice.annee} se tient pendant que l'exercice "
            f"{suivant.annee} est ouvert."
        )
    avant = exercice.etat
    exercice.etat = Exercice.Etat.COMPLEMENTAIRE
    exercice.complementaire_le = horloge.maintenant()
    exercice.save(update_fields=["etat", "complementaire_le"])
    audit(
        acting_user,
        "exercice.periode_complementaire",
        exercice,
        avant={"etat": avant},
        apres={"etat": exercice.etat},
    )
    if suivant is None:
        suivant = Exercice.objects.create(
            annee=exercice.annee + 1, etat=Exercice.Etat.OUVERT, ouvert_le=horloge.maintenant()
        )
        _preparer_compteurs(suivant)
        audit(
            acting_user,
            "exercice.ouvert",
            suivant,
            apres={"annee": suivant.annee, "etat": suivant.etat},
        )
    return exercice


@transaction.atomic
def exercice_clore(*, acting_user, exercice: Exercice) -> Exercice:
    """Close the exercise in its période complémentaire once its balance après
    inventaire is frozen, its result posted and the board's arrêté of its
    accounts recorded (circ. 93/82 §3.2, §IV; `ledger.services.cloture`):
    nothing posts to it again."""
    exiger_comptable(acting_user, horloge.aujourdhui(), "clore un exercice", code="exercice.clore")
    exercice = verrouiller(Exercice, exercice.pk)
    if exercice.etat != Exercice.Etat.COMPLEMENTAIRE:
        raise TransitionInterdite(
            f"L'exercice {exercice.annee} est {exercice.get_etat_display()} : on ne clôt qu'un exercice "
            "en période complémentaire."
        )
    attendre_ecritures_en_cours(exercice)
    # Then read the year-end's steps: a charge or produit that just committed counts.
    exiger_cloturable(exercice)
    exercice.etat = Exercice.Etat.CLOS
    exercice.clos_le = horloge.maintenant()
    exercice.save(update_fields=["etat", "clos_le"])
    audit(
        acting_user,
        "exercice.clos",
        exercice,
        avant={"etat": Exercice.Etat.COMPLEMENTAIRE},
        apres={"etat": exercice.etat},
    )
    return exercice
