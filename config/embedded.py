"""The embedded PostgreSQL used when no DATABASE_URL is given.

A newcomer needs nothing installed: the `pgserver` package ships PostgreSQL
binaries and starts a private cluster. The cluster keeps running while any
process holds a handle on it and stops with the last one.

When run as root, pgserver runs the server as an unprivileged system user and
opens every parent directory of the data folder to all users. The data is
therefore kept under /var/tmp (whose parents are already traversable) rather
than in the project folder, which may sit under a private home directory.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path

import psycopg


def dossier_donnees(base_dir: Path) -> Path:
    explicite = os.environ.get("CAISSE_PGDATA")
    if explicite:
        return Path(explicite)
    if os.geteuid() == 0:
        empreinte = hashlib.sha1(str(base_dir.resolve()).encode()).hexdigest()[:10]
        return Path("/var/tmp") / f"caisse-pgdata-{empreinte}"
    return base_dir / ".pgdata"


def url_postgres_embarque(base_dir: Path) -> str:
    """Start (or reuse) the embedded cluster and return the URL of our database."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, root shells).
        warnings.simplefilter("ignore")
        import pgserver

    pgdata = dossier_donnees(base_dir)
    pgdata.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        serveur = pgserver.get_server(pgdata, cleanup_mode="stop")
    nom_base = os.environ.get("CAISSE_DB", "caisse")
    with psycopg.connect(serveur.get_uri(), autocommit=True) as conn:
        existe = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nom_base]).fetchone()
        if not existe:
            conn.execute(f'CREATE DATABASE "{nom_base}"')
    # Keep a reference so the handle lives as long as the process.
    globals()["_serveur"] = serveur
    return serveur.get_uri(database=nom_base)
