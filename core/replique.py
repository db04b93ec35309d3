"""Reads served by a read-only replica (docs/deploiement.md, « Réplique en lecture »).

When `DATABASE_REPLICA_URL` is set, settings declare the alias `replique`, a
standby of the primary in streaming replication. The auditors' safe requests
(GET, HEAD) read from it; everything else — every write, every migration,
every other person's request, and any read inside a transaction of the
primary — stays on `default`.

Who reads from the replica is decided per request by a *decider* the
middleware installs (personnes.replique): core imports no app, so it does not
know what an auditor is. The decision is lazy (the API authenticates its token
inside the view, after the middlewares) and may itself read the database:
while it runs, every read goes to `default`.

Raw SQL cannot be routed by Django: selectors that read with a cursor take it
from `connexion_lecture()` instead of `django.db.connection`.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
from collections.abc import Callable, Iterator
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

ALIAS = "replique"

journal = logging.getLogger(__name__)

_decideur: ContextVar[Callable[[], bool] | None] = ContextVar("caisse_decideur", default=None)
_en_decision: ContextVar[bool] = ContextVar("caisse_en_decision", default=False)


def configuree() -> bool:
    """Is a replica declared in the settings?"""
    return ALIAS in connections.settings


@contextlib.contextmanager
def lectures_sur_replique(decideur: Callable[[], bool]) -> Iterator[None]:
    """Within the block, reads go to the replica whenever `decideur()` says so."""
    jeton = _decideur.set(decideur)
    try:
        yield
    finally:
        _decideur.reset(jeton)


def alias_lecture() -> str:
    """The alias this context's reads use: `replique` or `default`."""
    decideur = _decideur.get()
    if decideur is None or _en_decision.get() or not configuree():
        return DEFAULT_DB_ALIAS
    # Inside a transaction of the primary, a read must see its own writes.
    if connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return DEFAULT_DB_ALIAS
    jeton = _en_decision.set(True)
    try:
        return ALIAS if decideur() else DEFAULT_DB_ALIAS
    finally:
        _en_decision.reset(jeton)


def connexion_lecture():
    """The connection a raw-SQL read uses (the replica's for an auditor)."""
    return connections[alias_lecture()]


def disponible() -> bool:
    """Can the replica be reached? If not, a warning, and the caller reads the primary."""
    try:
        connections[ALIAS].ensure_connection()
    except DatabaseError as erreur:
        journal.warning("Réplique injoignable, lecture sur la base principale : %s", erreur)
        return False
    return True


def arretee_a() -> datetime.datetime | None:
    """The commit time of the last transaction the replica replayed (None: not read
    from the replica in this context, or nothing replayed yet)."""
    if alias_lecture() != ALIAS:
        return None
    with connections[ALIAS].cursor() as curseur:
        curseur.execute("SELECT pg_last_xact_replay_timestamp()")
        return curseur.fetchone()[0]


class RouteurReplique:
    """Django's database router (settings.DATABASE_ROUTERS)."""

    # Without a replica, no opinion: Django's own choice, as before the router.

    def db_for_read(self, model, **hints):
        return alias_lecture() if configuree() else None

    def db_for_write(self, model, **hints):
        # Even for an object read from the replica (Django would follow its hint).
        return DEFAULT_DB_ALIAS if configuree() else None

    def allow_relation(self, obj1, obj2, **hints):
        # The replica is a copy of the primary: objects of either are of one database.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, ALIAS}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The standby follows the primary's schema; nothing is migrated on it.
        return False if db == ALIAS else None
