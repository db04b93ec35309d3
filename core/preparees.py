"""Statements PostgreSQL parses and plans once per connection.

Django's PostgreSQL backend binds parameters on the client (psycopg's
`ClientCursor`: every value quoted into the text in Python) and never prepares
a statement (`prepare_threshold` None, for the sake of connection poolers). On
the hottest statements that cost more than the statement itself: quoting the
arrays of an entry's lines, and PostgreSQL parsing and planning the same three
statements at every entry, took a third of the recording service's time (bench
saisie, 1/12/2026: 0.84 → 0.53 ms of Python per entry; 0.34 ms once the
recording function reads the accounts itself, ledger 0026). `lignes` runs one
statement with its parameters bound by the server, prepared on the connection
at its first run, as Django would run it otherwise: the broken-transaction and
health checks, the error wrapping, the connection's execute wrappers, and the
query log when it is kept (`CaptureQueriesContext`, DEBUG). A transaction
pooler in front of PostgreSQL would have to keep prepared statements (pgbouncer
1.21 and later, `max_prepared_statements`); the deployment has none
(docs/deploiement.md).

A prepared statement is kept per text and per types of parameters: every
integer is sent as a bigint (`Int8`), whatever its size, and the statements
cast each parameter, so that one statement stays one prepared statement.
"""

from __future__ import annotations

import contextlib
import functools
import time

import psycopg
from django.db import connections
from psycopg.types.numeric import Int8

# Django's cursors bind on the client and are never prepared; ours only when asked.
SEUIL_JAMAIS_ATTEINT = 2**31 - 1


def lignes(sql: str, parametres, *, alias: str = "default") -> list[tuple]:
    """The rows `sql` returns, its `%s` bound by the server and the statement
    prepared on this connection (each connection once)."""
    connexion = connections[alias]
    connexion.close_if_health_check_failed()
    connexion.ensure_connection()
    connexion.validate_no_broken_transaction()
    parametres = [Int8(v) if type(v) is int else v for v in parametres]
    psy = connexion.connection
    # psycopg prepares nothing on a connection without a threshold, not even
    # what is asked with `prepare=True`: a threshold never reached, for our
    # statement alone; Django's statements run as before, on the threshold it set.
    seuil, psy.prepare_threshold = psy.prepare_threshold, SEUIL_JAMAIS_ATTEINT
    with contextlib.ExitStack() as pile, psycopg.Cursor(psy) as curseur:
        pile.callback(setattr, psy, "prepare_threshold", seuil)

        def executer(sql, parametres, _plusieurs, _contexte):
            with connexion.wrap_database_errors:
                return curseur.execute(sql, parametres, prepare=True)

        for enveloppe in reversed(connexion.execute_wrappers):
            executer = functools.partial(enveloppe, executer)
        debut = time.monotonic()
        try:
            executer(sql, parametres, False, {"connection": connexion, "cursor": curseur})
        finally:
            if connexion.queries_logged:
                connexion.queries_log.append(
                    {
                        "sql": f"{sql} -- {list(parametres)!r}",
                        "time": f"{time.monotonic() - debut:.3f}",
                    }
                )
        with connexion.wrap_database_errors:
            return curseur.fetchall()


def une_ligne(sql: str, parametres, *, alias: str = "default") -> tuple | None:
    """The first row of `lignes` (None if none)."""
    resultat = lignes(sql, parametres, alias=alias)
    return resultat[0] if resultat else None
