"""What the tests need of PostgreSQL's own programs and connection strings."""

from __future__ import annotations

from pathlib import Path

import psycopg


def binaire(nom: str) -> str:
    """A program of the embedded cluster's PostgreSQL (pg_dump, initdb…)."""
    from pgserver._commands import POSTGRES_BIN_PATH

    return str(Path(POSTGRES_BIN_PATH) / nom)


def conninfo(**parametres) -> str:
    """A libpq connection string of the parameters given (None ones left out)."""
    return psycopg.conninfo.make_conninfo(
        **{cle: valeur for cle, valeur in parametres.items() if valeur is not None}
    )
