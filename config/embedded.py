"""The embedded PostgreSQL used when no DATABASE_URL is given.

A newcomer needs nothing installed: the `pgserver` package ships PostgreSQL
binaries and starts a private cluster. The cluster keeps running while any
process holds a handle on it and stops with the last one.

When run as root, pgserver runs the server as an unprivileged system user and
opens every parent directory of the data folder to all users. The data is
therefore kept under /var/tmp (whose parents are already traversable) rather
than in the project folder, which may sit under a private home directory.

After a crash (the postmaster killed with -9, the machine stopped) the cluster
leaves its `postmaster.pid` behind. pgserver takes the server for running as
long as a process of that number exists, and a killed postmaster stays a zombie
until the init process reaps it: the first start then handed out the address
of a dead server and failed, the second (after the reaping) worked.
`_oublier_serveur_mort` removes the leftovers of a server that is gone before
pgserver looks, so the first start after a crash starts a new server.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import warnings
from pathlib import Path

import psutil
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
    _oublier_serveur_mort(pgdata.resolve())
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


def _vivant(pid: int) -> psutil.Process | None:
    """The process `pid` if it runs (a zombie is dead: it only waits to be reaped)."""
    try:
        processus = psutil.Process(pid)
        if processus.status() == psutil.STATUS_ZOMBIE:
            return None
        return processus
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return None


def _postmaster_vivant(pid: int, pgdata: Path) -> bool:
    """Whether `pid` is the postmaster of this cluster (not a dead one, nor a number reused)."""
    processus = _vivant(pid)
    if processus is None:
        return False
    try:
        ligne = processus.cmdline()
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False
    return bool(ligne) and ligne[0].endswith("postgres") and str(pgdata) in ligne


def _oublier_serveur_mort(pgdata: Path) -> None:
    """Remove what a crashed server left: its pid file, its socket, and dead handles."""
    fichier = pgdata / "postmaster.pid"
    try:
        lignes = fichier.read_text().splitlines()
        pid = int(lignes[0])
    except (FileNotFoundError, IndexError, ValueError):
        return
    if _postmaster_vivant(pid, pgdata):
        return
    # Its children die with it; wait until none holds the shared memory, which
    # the new postmaster refuses to share ("pre-existing shared memory block").
    cle = lignes[6].split()[-1] if len(lignes) > 6 and lignes[6].split() else None
    _attendre_memoire_liberee(cle)
    for nom in ("postmaster.pid", ".s.PGSQL.5432", ".s.PGSQL.5432.lock"):
        (pgdata / nom).unlink(missing_ok=True)
    # pgserver stops the server with its last handle: handles of processes
    # killed with it would keep the next server running for ever.
    poignees = pgdata / ".handle_pids.json"
    try:
        pids = json.loads(poignees.read_text())
    except (FileNotFoundError, ValueError):
        return
    poignees.write_text(json.dumps([p for p in pids if _vivant(p) is not None]))


def _attendre_memoire_liberee(identifiant: str | None, delai: float = 5.0) -> None:
    """Wait (at most `delai` seconds) until no process is attached to the segment."""
    table = Path("/proc/sysvipc/shm")
    if identifiant is None or not table.exists():
        return
    fin = time.monotonic() + delai
    while time.monotonic() < fin:
        attaches = 0
        for ligne in table.read_text().splitlines()[1:]:
            champs = ligne.split()
            if len(champs) > 6 and champs[1] == identifiant:
                attaches = int(champs[6])
        if not attaches:
            return
        time.sleep(0.1)
