"""The peer of benchmark 1: pgledger's `pgledger_create_transfer` on the same server.

pgledger (github.com/pgr0ss/pgledger) is not part of this project: its SQL is
read from `BANC_PGLEDGER` (default `../pgledger/pgledger.sql` beside the
project), with the `uuid_to_ulid` function it needs (its
`vendor/scoville-pgsql-ulid`) in `ulid.sql` beside it. It is loaded into a
database of its own, `<BANC_BASE>_pgledger`, dropped and recreated each run.
"""

from __future__ import annotations

import os
import time
import traceback
from pathlib import Path

from bench import commun
from bench.saisie import DELAI, ECHAUFFEMENT, _contenu

RACINE = Path(__file__).resolve().parent.parent


def chemin_pgledger() -> Path:
    """pgledger's SQL: `BANC_PGLEDGER`, else `../pgledger/pgledger.sql` beside the project."""
    chemin = os.environ.get("BANC_PGLEDGER")
    return Path(chemin) if chemin else RACINE.parent / "pgledger" / "pgledger.sql"


POUR_MESURER_PGLEDGER = (
    "pour le mesurer, enregistrer `pgledger.sql` du dépôt pgr0ss/pgledger (et la fonction "
    "`uuid_to_ulid` de son dossier `vendor/scoville-pgsql-ulid`, dans `ulid.sql` à côté) "
    "dans `../pgledger/` à côté du projet, ou désigner le fichier par `BANC_PGLEDGER`"
)


def preparer_pgledger() -> tuple[str, dict] | str:
    """Load pgledger into a database of its own (dropped and recreated) on the
    same server and open two accounts; returns (conninfo, ids), or why not."""
    import psycopg
    from psycopg import sql

    chemin = chemin_pgledger()
    if not chemin.is_file():
        return f"fichier `{chemin}` introuvable"
    base = f"{commun.NOM_BASE}_pgledger"
    with psycopg.connect(commun.conninfo("postgres"), autocommit=True) as serveur:
        serveur.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(base))
        )
        serveur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(base)))
    connexion = commun.conninfo(base)
    with psycopg.connect(connexion) as conn:
        ulid = chemin.with_name("ulid.sql")
        if ulid.is_file():
            conn.execute(ulid.read_text(encoding="utf-8"))
        conn.execute(chemin.read_text(encoding="utf-8"))
        ids = {
            nom: conn.execute(
                "SELECT id FROM pgledger_create_account(%s, 'EUR')", [nom]
            ).fetchone()[0]
            for nom in ("debit", "credit")
        }
    return connexion, ids


def ecrivain_pgledger(indice, annee, nombre_ecritures, barriere, resultats, connexion, ids) -> None:
    """One writer calling `pgledger_create_transfer`, one transfer a transaction."""
    try:
        import psycopg

        jours = commun.jours_de(commun.ANNEE_SAISIE_SQL)
        with psycopg.connect(connexion) as conn, conn.cursor() as curseur:

            def passer(rang: int) -> None:
                _date, montant, _libelle = _contenu(indice, rang, jours)
                curseur.execute(
                    "SELECT id FROM pgledger_create_transfer(%s, %s, %s::numeric)",
                    (ids["debit"], ids["credit"], montant),
                )
                curseur.fetchone()
                conn.commit()

            for rang in range(ECHAUFFEMENT):
                passer(-1 - rang)
            pid = conn.info.backend_pid
            barriere.wait(timeout=DELAI)
            with commun.chronometrer(pid) as chrono:
                debut = time.perf_counter()
                for rang in range(nombre_ecritures):
                    passer(rang)
                fin = time.perf_counter()
            resultats.put(
                ("ok", indice, debut, fin, nombre_ecritures, chrono.cpu_client, chrono.cpu_serveur)
            )
    except BaseException:
        barriere.abort()
        resultats.put(("erreur", indice, traceback.format_exc()))
