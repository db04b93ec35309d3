"""Raw SQL inside the test's own transaction, rolled back to a savepoint.

A test that only needs PostgreSQL to refuse a statement does not need to
COMMIT: the statement runs on the test's connection (so it sees what the
test created through the ORM) inside a savepoint, and `SET CONSTRAINTS ALL
IMMEDIATE` fires the deferred constraint triggers (DEFERRABLE INITIALLY
DEFERRED, normally run at COMMIT) before the savepoint ends. The test then
runs under the plain `db` fixture, with no table flushed after it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import psycopg
import pytest
from django.db import connection, transaction


@contextlib.contextmanager
def curseur_en_savepoint() -> Iterator[psycopg.Cursor]:
    """A psycopg cursor (its errors are psycopg's, not Django's wrappers) on
    the test's connection, inside a savepoint; the deferred checks run at the
    end of the block, as at COMMIT."""
    with transaction.atomic():
        connection.ensure_connection()
        with connection.connection.cursor() as curseur:
            yield curseur
            curseur.execute("SET CONSTRAINTS ALL IMMEDIATE")
            # Back to the initial mode for what the test does next: every
            # deferrable constraint of this schema is INITIALLY DEFERRED
            # (Django's foreign keys, the ledger's lot_verifier_equilibre).
            curseur.execute("SET CONSTRAINTS ALL DEFERRED")


def refus_sql(faire: Callable[[psycopg.Cursor], object], message: str) -> psycopg.Error:
    """Run `faire(cur)` in a savepoint; PostgreSQL must refuse it with `message`."""
    with pytest.raises(psycopg.Error) as erreur, curseur_en_savepoint() as curseur:
        faire(curseur)
    assert message in str(erreur.value)
    return erreur.value
