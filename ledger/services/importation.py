"""Bulk import of entries (a chart migrated from legacy software, the benchmarks).

The entries are written in packets with COPY into the real tables; the
database's statement triggers check each packet as a set, and the deferred
trigger checks every entry's balance at commit. Two threads share the work:
while this one sends packet N and waits for the server's checks of it (psycopg
releases the GIL while it waits), a producer thread checks, numbers, chains and
writes out packet N+1 (`importation_paquets`). The caller's iterable is read in
this thread only, so that whatever it does (an ORM query) runs on the
connection and in the transaction it expects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice

import psycopg
from django.db import DatabaseError, connection, transaction

from core import horloge
from core.audit import audit
from core.exceptions import ExerciceClos, relever_erreur_base
from ledger.models import Compte, Exercice, Journal
from ledger.services.ecritures import EcritureSaisie, _exercice, _journal, _verrouiller
from ledger.services.importation_paquets import Preparateur
from personnes.permissions import exiger_comptable

# Packets start small and double: while the producer prepares the first one
# the server has nothing to do, so it is short; larger packets then spread
# each statement's fixed work (the daily totals' upsert touches the same few
# thousand rows whatever the packet's size) over more entries.
PREMIER_PAQUET = 2_000
TAILLE_PAQUET = 50_000

COPIE_ECRITURES = (
    "COPY ledger_ecriture (id, exercice_id, journal_id, numero, rang, date, libelle, piece,"
    " passee_par_id, passee_le, contrepasse_id, empreinte_precedente, empreinte) FROM STDIN"
)
COPIE_LIGNES = (
    "COPY ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit,"
    " tiers, libelle) FROM STDIN"
)


def ecritures_importer(
    *,
    acting_user,
    exercice: Exercice | int,
    journal: Journal | str,
    ecritures: Iterable[EcritureSaisie],
    piece: str = "",
) -> int:
    """Post many entries in one transaction (reprise of a legacy ledger, daily feeds).

    Each entry is checked as by `ecriture_passer`, numbered and chained, then
    written with COPY into the real tables: the database's statement triggers
    check every packet as a set, and the deferred trigger checks the balance
    of all of them at commit. All or nothing. Returns the number of entries.
    """
    try:
        with transaction.atomic():
            return _ecritures_importer(acting_user, exercice, journal, ecritures, piece)
    except (DatabaseError, psycopg.Error) as exc:
        relever_erreur_base(exc)


def _paquets(ecritures: Iterable[EcritureSaisie]) -> Iterator[list[EcritureSaisie]]:
    source = iter(ecritures)
    taille = min(PREMIER_PAQUET, TAILLE_PAQUET)
    while paquet := list(islice(source, taille)):
        yield paquet
        taille = min(2 * taille, TAILLE_PAQUET)


def _ecritures_importer(acting_user, exercice, journal, ecritures, piece) -> int:
    exiger_comptable(
        acting_user, horloge.aujourdhui(), "importer des écritures", code="ecritures.importer"
    )
    exercice = _exercice(exercice)
    journal = _journal(journal)
    comptes = {c.numero: c for c in Compte.objects.all()}
    numero, rang, precedente, exercice.etat = _verrouiller(exercice, journal)
    if exercice.etat == Exercice.Etat.CLOS:
        raise ExerciceClos(
            f"L'exercice {exercice.annee} est clos : aucune écriture ne peut plus y être passée."
        )
    preparateur = Preparateur(
        exercice=exercice,
        journal=journal,
        comptes=comptes,
        auteur_id=acting_user.pk,
        passee_le=horloge.maintenant(),
        piece=piece,
        numero=numero,
        rang=rang,
        precedente=precedente,
    )
    total = 0
    producteur = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-ecritures")
    try:
        with connection.connection.cursor() as curseur:
            en_cours: Future | None = None  # the packet being prepared, to write next
            # The sequence's name once: pg_get_serial_sequence() in the select list
            # would search the catalog again for each id (3.5 µs of server each).
            curseur.execute("SELECT pg_get_serial_sequence('ledger_ecriture', 'id')")
            (sequence,) = curseur.fetchone()
            for paquet in _paquets(ecritures):
                curseur.execute(
                    "SELECT nextval(%s::regclass) FROM generate_series(1, %s)",
                    [sequence, len(paquet)],
                )
                ids = [ligne[0] for ligne in curseur.fetchall()]
                suivant = producteur.submit(preparateur.paquet, paquet, ids)
                if en_cours is not None:
                    _copier(curseur, *en_cours.result())
                en_cours = suivant
                total += len(paquet)
            if en_cours is not None:
                _copier(curseur, *en_cours.result())
    finally:
        producteur.shutdown(wait=True, cancel_futures=True)
    audit(
        acting_user,
        "ecritures.importees",
        exercice,
        apres={
            "journal": journal.code,
            "nombre": total,
            "exercice": exercice.annee,
            "piece": piece,
        },
    )
    return total


def _copier(curseur, ecritures: bytes, lignes: bytes) -> None:
    """One packet: its entries, then their lines; each COPY ends with the triggers' checks.

    The packet's entries have all their lines by then: the commit-time check
    of their balance (the deferred trigger of their lot) is run now, while the
    producer prepares the next packet, instead of all of them at COMMIT.
    """
    with curseur.copy(COPIE_ECRITURES) as copie:
        copie.write(memoryview(ecritures))
    with curseur.copy(COPIE_LIGNES) as copie:
        copie.write(memoryview(lignes))
    curseur.execute(
        "SET CONSTRAINTS lot_verifier_equilibre IMMEDIATE;"
        " SET CONSTRAINTS lot_verifier_equilibre DEFERRED"
    )
