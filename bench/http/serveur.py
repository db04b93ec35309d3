"""Benchmark http: the production server, started as an operator would start it.

`manage.py demarrer --production` in a subprocess, on a free port of
127.0.0.1, against the benchmark database (DATABASE_URL), with its own secret
key, DJANGO_ALLOWED_HOSTS and DEBUG off: it migrates (nothing to do), takes the
role caisse_app and serves through gunicorn (sync workers, one request at a time each). The CPU of the
server is read from /proc for the command's process and all its descendants.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent.parent


def port_libre() -> int:
    with socket.socket() as essai:
        essai.bind(("127.0.0.1", 0))
        return essai.getsockname()[1]


def url_base_banc() -> str:
    """DATABASE_URL of the benchmark database, for the owner role of the bench process."""
    from django.db import connection

    r = connection.settings_dict
    utilisateur = urllib.parse.quote(r["USER"] or "", safe="")
    mot = urllib.parse.quote(r["PASSWORD"] or "", safe="")
    auth = f"{utilisateur}:{mot}@" if mot else f"{utilisateur}@"
    hote = r["HOST"] or ""
    if hote.startswith("/"):  # Unix socket: in the query string, where settings expect it
        port = f"&port={r['PORT']}" if r["PORT"] else ""
        return f"postgresql://{auth}/{r['NAME']}?host={urllib.parse.quote(hote)}{port}"
    port = f":{r['PORT']}" if r["PORT"] else ""
    return f"postgresql://{auth}{hote}{port}/{r['NAME']}"


class Serveur:
    def __init__(self, processus: int | None = None):
        self.port = port_libre()
        self.processus = processus
        self.sortie = open(os.devnull, "wb")  # noqa: SIM115 (closed in arreter)
        self.journal_erreurs = Path(tempfile.gettempdir()) / f"bench_http_{self.port}.log"
        self.proc: subprocess.Popen | None = None
        self.annonce = ""

    @property
    def adresse(self) -> str:
        return f"127.0.0.1:{self.port}"

    def demarrer(self, delai: float = 120) -> None:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DJANGO_DEBUG", "CAISSE_DB", "CAISSE_ROLE_BASE")
        }
        env.update(
            DATABASE_URL=url_base_banc(),
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DJANGO_SETTINGS_MODULE="config.settings",
        )
        commande = [
            sys.executable,
            str(RACINE / "manage.py"),
            "demarrer",
            "--production",
            "--adresse",
            self.adresse,
        ]
        if self.processus:
            commande += ["--processus", str(self.processus)]
        self.journal = open(self.journal_erreurs, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            commande,
            cwd=RACINE,
            env=env,
            stdout=subprocess.PIPE,
            stderr=self.journal,
            start_new_session=True,
        )
        lignes = []
        fin = time.monotonic() + delai
        while time.monotonic() < fin:
            ligne = self.proc.stdout.readline().decode("utf-8", "replace")
            if not ligne:
                if self.proc.poll() is not None:
                    raise RuntimeError(
                        "le serveur s'est arrêté au démarrage : "
                        + "".join(lignes)
                        + self.journal_erreurs.read_text(errors="replace")[-2000:]
                    )
                continue
            lignes.append(ligne)
            if ligne.startswith("Serveur prêt"):
                break
        self.annonce = "".join(lignes)
        # Drain stdout from now on (a full pipe would block the server).
        subprocess.Popen(["cat"], stdin=self.proc.stdout, stdout=self.sortie)
        self._attendre_ecoute(fin)

    def _attendre_ecoute(self, fin: float) -> None:
        import http.client

        while time.monotonic() < fin:
            try:
                connexion = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connexion.request("GET", "/connexion/")
                connexion.getresponse().read()
                connexion.close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("le serveur ne répond pas")

    def pids(self) -> list[int]:
        """The command's process and all its descendants (gunicorn's arbiter and workers)."""
        if self.proc is None:
            return []
        enfants: dict[int, list[int]] = {}
        for entree in os.listdir("/proc"):
            if not entree.isdigit():
                continue
            try:
                with open(f"/proc/{entree}/stat", encoding="ascii", errors="replace") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            enfants.setdefault(ppid, []).append(int(entree))
        tous, a_voir = [], [self.proc.pid]
        while a_voir:
            pid = a_voir.pop()
            tous.append(pid)
            a_voir.extend(enfants.get(pid, []))
        return tous

    def cpu(self) -> dict[int, float]:
        """CPU seconds of each process of the server, by pid."""
        from bench.commun import cpu_processus

        return {pid: cpu_processus(pid) or 0.0 for pid in self.pids()}

    def arreter(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.sortie.close()
        if getattr(self, "journal", None):
            self.journal.close()


def cpu_ecoule(avant: dict[int, float], apres: dict[int, float]) -> float:
    """CPU spent between two readings (a process absent before started from zero)."""
    return sum(max(0.0, t - avant.get(pid, 0.0)) for pid, t in apres.items())
