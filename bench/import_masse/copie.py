"""Benchmark 2, the raw limit: COPY of the same rows, prepared in memory first.

A COPY of the same number of rows into the same tables (`ledger_ecriture`,
`ledger_ligne`), ids, numbers, ranks and hashes generated into memory before
the clock starts; triggers off (`SET session_replication_role = replica`) for
the limit, on for the cost of the invariants. Only the COPY statements and the
COMMIT are timed. Indexes and CHECK constraints stay active.
"""

from __future__ import annotations

import datetime
import hashlib
import io
from dataclasses import dataclass

from bench import commun
from bench.commun import Chrono
from bench.import_masse.ecritures import saisies

PASSEE_LE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

_COLONNES_ECRITURE = (
    "id, exercice_id, journal_id, numero, rang, date, libelle, piece, passee_par_id, passee_le,"
    " contrepasse_id, empreinte_precedente, empreinte"
)
_COLONNES_LIGNE = "id, ecriture_id, exercice_id, date, compte_id, debit, credit, tiers, libelle"


@dataclass
class Tampons:
    """COPY text of every packet, built before the clock starts."""

    paquets: list[tuple[bytes, bytes]]
    ecritures: int
    lignes: int


def _reserver(curseur, table: str, nombre_ids: int) -> int:
    """Take `nombre_ids` values of the table's id sequence; returns the first one."""
    curseur.execute(
        "SELECT setval(pg_get_serial_sequence(%s, 'id'),"
        " nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
        [table, table, nombre_ids],
    )
    return curseur.fetchone()[0] - nombre_ids + 1


def preparer_tampons(utilisateur, exercice, nombre_ecritures: int, taille_paquet: int) -> Tampons:
    """Rows as the import would write them: numbers and ranks from 1, a valid hash chain."""
    from django.db import connection

    from ledger.models import Journal

    comptes = commun.identifiants_comptes()
    journal_id = Journal.objects.get(code="RE").pk
    with connection.cursor() as curseur:
        ecriture_id = _reserver(curseur, "ledger_ecriture", nombre_ecritures)
        ligne_id = _reserver(curseur, "ledger_ligne", 2 * nombre_ecritures)
    entete = f"{exercice.pk}\t{journal_id}\t"
    suite = f"\tbench:copy\t{utilisateur.pk}\t{PASSEE_LE.isoformat()}\t\\N\t"
    precedente = "0" * 64
    paquets = []
    ecritures, lignes = io.StringIO(), io.StringIO()
    compte_paquet = 0
    for rang, saisie in enumerate(saisies(nombre_ecritures, exercice.annee), start=1):
        empreinte = hashlib.sha256(
            f"{precedente}|{rang}|{saisie.date}|{saisie.libelle}".encode()
        ).hexdigest()
        ecritures.write(
            f"{ecriture_id}\t{entete}{rang}\t{rang}\t{saisie.date.isoformat()}\t{saisie.libelle}"
            f"{suite}{precedente}\t{empreinte}\n"
        )
        for ligne in saisie.lignes:
            lignes.write(
                f"{ligne_id}\t{ecriture_id}\t{exercice.pk}\t{saisie.date.isoformat()}"
                f"\t{comptes[ligne.compte]}\t{ligne.debit:.2f}"
                f"\t{ligne.credit:.2f}\t\t\n"
            )
            ligne_id += 1
        precedente = empreinte
        ecriture_id += 1
        compte_paquet += 1
        if compte_paquet == taille_paquet:
            paquets.append((ecritures.getvalue().encode(), lignes.getvalue().encode()))
            ecritures, lignes = io.StringIO(), io.StringIO()
            compte_paquet = 0
    if compte_paquet:
        paquets.append((ecritures.getvalue().encode(), lignes.getvalue().encode()))
    return Tampons(paquets, nombre_ecritures, 2 * nombre_ecritures)


def copier(tampons: Tampons, *, invariants: bool) -> tuple[Chrono, list[tuple[str, int, float]]]:
    """COPY the buffers in one transaction, triggers on or off; times the COPYs and the COMMIT.

    With the triggers on, PostgreSQL also counts the time of each trigger
    function (`track_functions`); the deferred checks are run just before the
    COMMIT (`SET CONSTRAINTS ALL IMMEDIATE`) so that they are counted too.
    Returns the measure and [(function, calls, milliseconds)].
    """
    import psycopg

    fonctions = []
    with psycopg.connect(commun.conninfo()) as connexion:
        if invariants:
            connexion.execute("SET track_functions = 'all'")
        else:
            connexion.execute("SET session_replication_role = replica")
        connexion.commit()
        with commun.chronometrer(connexion.info.backend_pid) as chrono:
            with connexion.cursor() as curseur:
                for ecritures, lignes in tampons.paquets:
                    with curseur.copy(
                        f"COPY ledger_ecriture ({_COLONNES_ECRITURE}) FROM STDIN"
                    ) as c:
                        c.write(memoryview(ecritures))
                    with curseur.copy(f"COPY ledger_ligne ({_COLONNES_LIGNE}) FROM STDIN") as c:
                        c.write(memoryview(lignes))
                if invariants:
                    curseur.execute("SET CONSTRAINTS ALL IMMEDIATE")
                    curseur.execute(
                        "SELECT funcname, calls, total_time FROM pg_stat_xact_user_functions"
                        " ORDER BY total_time DESC"
                    )
                    fonctions = curseur.fetchall()
            connexion.commit()
    return chrono, fonctions
