"""Recording an entry, validated later by the sequencer (migration 0023).

`ecriture_passer` numbers and chains its entry at once, under the exercise's
chain head held until COMMIT: postings follow one another, each waiting for
the previous one's WAL flush. `ecriture_enregistrer` makes the same checks
(who acts, the lines, the exercise and its state, the balance), then records
the entry in the queue, balanced and immutable, with no lock shared with any
other writer; `valider_file` (the sequencer, `manage.py sequenceur`, started
by `manage.py demarrer`) gives the queue's entries their numbers, ranks and
chain links in batches and writes them to the ledger, where every trigger
checks them as any other posting. An entry the ledger refuses at validation
is rejected, with the ledger's message (`rejets`).

Until its validation a recorded entry has no number and is in no report: the
pages and the API say how many wait (`file_attente`).
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import DatabaseError, connection, connections, transaction

from core import preparees
from core.exceptions import relever_erreur_base
from core.replique import alias_lecture
from ledger.models import Ecriture, Exercice, Journal
from ledger.services.ecritures import LigneSaisie, _preparer_saisie, _refus_saisie, valider_file

__all__ = [
    "Enregistrement",
    "Rejet",
    "Suivi",
    "ecriture_enregistrer",
    "file_attente",
    "rejets",
    "suivi_enregistrement",
    "valider_file",
]


@dataclass(frozen=True)
class Enregistrement:
    """A recorded entry, waiting for its validation (no number yet)."""

    id: int
    exercice: int
    journal: str
    date: datetime.date
    libelle: str
    montant: Decimal
    enregistree_le: datetime.datetime


@dataclass(frozen=True)
class Rejet:
    """A recorded entry the ledger refused at validation, with its reason."""

    id: int
    exercice: int
    journal: str
    date: datetime.date
    libelle: str
    montant: Decimal
    motif: str
    rejete_le: datetime.datetime


def ecriture_enregistrer(
    *,
    acting_user,
    exercice: Exercice | int,
    journal: Journal | str,
    date: datetime.date,
    libelle: str,
    lignes: Sequence[LigneSaisie],
    piece: str = "",
    contrepasse: Ecriture | None = None,
) -> Enregistrement:
    """Record one balanced entry for the sequencer to validate (circ. 93/82
    §III: double entry, gross amounts; §1.1.1: the agent comptable keeps the
    books). Refused as `ecriture_passer` refuses, with the same messages; the
    entry gets its number and chain link at validation, within a second when
    the sequencer runs."""
    # No transaction of its own: the reads of the checks, then one statement
    # that records (in its own implicit transaction, or in the caller's).
    try:
        libelle, passee_le, parametres = _preparer_saisie(
            acting_user=acting_user,
            exercice=exercice,
            journal=journal,
            date=date,
            libelle=libelle,
            lignes=lignes,
            piece=piece,
            contrepasse=contrepasse,
            regie="",
            lire_comptes=False,
        )
        # Inside the caller's transaction, a savepoint: a refusal leaves it usable.
        point = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
        with point:
            (identifiant,) = preparees.une_ligne(_SQL_ENREGISTRER, parametres)
    except DatabaseError as exc:
        refus = _refus_saisie(exc)
        if refus is not None:
            raise refus from exc
        relever_erreur_base(exc)
    return Enregistrement(
        id=identifiant,
        exercice=parametres[0],
        journal=parametres[1],
        date=date,
        libelle=libelle[:255],
        montant=sum(parametres[9], Decimal("0")),
        enregistree_le=passee_le,
    )


_SQL_ENREGISTRER = """
    SELECT ledger_enregistrer_ecriture(%s::integer, %s::text, %s::date, %s::text, %s::text,
                                       %s::integer, %s::timestamptz, %s::bigint,
                                       %s::text[], %s::numeric[], %s::numeric[],
                                       %s::text[], %s::text[])
"""


def file_attente(exercice: Exercice | None = None, limite: int = 50) -> tuple[int, list]:
    """How many recorded entries wait for their validation, and the first
    `limite` of them (oldest first, `limite` at least 1)."""
    limite = max(1, limite)
    filtre, parametres = ("WHERE e.exercice_id = %s", [exercice.pk]) if exercice else ("", [])
    # The replica's connection for an auditor (core.replique), as the page it goes on.
    with connections[alias_lecture()].cursor() as curseur:
        # One query: the count over every row, the window computed before LIMIT.
        curseur.execute(
            f"""SELECT e.id, x.annee, j.code, e.date, e.libelle, e.montant, e.enregistree_le,
                       count(*) OVER ()
                  FROM ledger_enregistrement e
                  JOIN ledger_exercice x ON x.id = e.exercice_id
                  JOIN ledger_journal j ON j.id = e.journal_id
                  {filtre} ORDER BY e.id LIMIT %s""",
            [*parametres, limite],
        )
        lignes = curseur.fetchall()
    # No row: none waits (the page holds at least one row when any does).
    nombre = lignes[0][-1] if lignes else 0
    return nombre, [Enregistrement(*ligne[:-1]) for ligne in lignes]


def rejets(exercice: Exercice | None = None, limite: int = 50) -> tuple[int, list]:
    """The recorded entries the ledger refused at validation, newest first
    (how many, and the last `limite`, at least 1)."""
    limite = max(1, limite)
    filtre, parametres = ("WHERE r.exercice_id = %s", [exercice.pk]) if exercice else ("", [])
    with connections[alias_lecture()].cursor() as curseur:
        curseur.execute(
            f"""SELECT r.enregistrement_id, x.annee, j.code, r.date, r.libelle, r.montant,
                       r.motif, r.rejete_le, count(*) OVER ()
                  FROM ledger_rejet r
                  JOIN ledger_exercice x ON x.id = r.exercice_id
                  JOIN ledger_journal j ON j.id = r.journal_id
                  {filtre} ORDER BY r.enregistrement_id DESC LIMIT %s""",
            [*parametres, limite],
        )
        lignes = curseur.fetchall()
    nombre = lignes[0][-1] if lignes else 0
    return nombre, [Rejet(*ligne[:-1]) for ligne in lignes]


def ecriture_validee(enregistrement: int) -> Ecriture | None:
    """The entry a recording became, once validated (None before, or rejected)."""
    suivi = suivi_enregistrement(enregistrement)
    return suivi.ecriture if suivi is not None else None


@dataclass(frozen=True)
class Suivi:
    """What became of a recording: waiting, validated (its entry) or rejected (why)."""

    id: int
    etat: str  # "en attente de validation", "validée" or "rejetée"
    ecriture: Ecriture | None = None
    motif: str = ""


def suivi_enregistrement(enregistrement: int) -> Suivi | None:
    """The state of recording `enregistrement` (None: no such recording), in one
    query over the queue, the validations and the rejections."""
    with connections[alias_lecture()].cursor() as curseur:
        curseur.execute(
            """SELECT 'attente', NULL::bigint, NULL FROM ledger_enregistrement WHERE id = %s
               UNION ALL
               SELECT 'validee', ecriture_id, NULL FROM ledger_validation
                WHERE enregistrement_id = %s
               UNION ALL
               SELECT 'rejetee', NULL, motif FROM ledger_rejet WHERE enregistrement_id = %s""",
            [enregistrement] * 3,
        )
        ligne = curseur.fetchone()
    if ligne is None:
        return None
    etat, ecriture, motif = ligne
    if etat == "validee":
        return Suivi(
            enregistrement,
            "validée",
            Ecriture.objects.using(alias_lecture())
            .select_related("journal", "exercice")
            .get(pk=ecriture),
        )
    if etat == "rejetee":
        return Suivi(enregistrement, "rejetée", motif=motif)
    return Suivi(enregistrement, "en attente de validation")
