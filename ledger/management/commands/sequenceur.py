"""`manage.py sequenceur`: validate the recorded entries as they come.

The single sequencer of migration 0023: every `--intervalle` seconds when the
queue is empty (at once when it is not), one transaction validates up to
`--lot` recorded entries per exercise: numbers, ranks and chain links under the
exercise's counters and chain head, the entries, their lines and their audit
rows written to the ledger in one statement each. `manage.py demarrer` starts
it beside the server; SIGTERM or SIGINT stops it after the batch in hand.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import OperationalError, connection, transaction

from ledger.services import valider_file


class Command(BaseCommand):
    help = "Valide les écritures enregistrées : numéro, rang et empreinte chaînée, par lots."

    def add_arguments(self, parser):
        parser.add_argument("--intervalle", type=float, default=0.2)
        parser.add_argument("--lot", type=int, default=10_000)
        parser.add_argument("--une-fois", action="store_true", help="Vider la file puis s'arrêter.")

    def handle(self, *args, intervalle, lot, une_fois, **options):
        self.arret = False
        signal.signal(signal.SIGTERM, self._arreter)
        signal.signal(signal.SIGINT, self._arreter)
        total = rejetees_total = 0
        while not self.arret:
            try:
                with transaction.atomic():
                    validees, rejetees = valider_file(None, lot)
            except OperationalError as exc:
                # The server restarted or the connection dropped: try again later.
                self.stderr.write(f"Séquenceur : base indisponible ({exc}), nouvel essai.")
                connection.close()
                time.sleep(max(intervalle, 1.0))
                continue
            total += validees
            rejetees_total += rejetees
            if rejetees:
                self.stderr.write(
                    f"Séquenceur : {rejetees} écriture(s) enregistrée(s) rejetée(s) par le grand "
                    "livre (motifs dans la file des rejets)."
                )
            if validees + rejetees == 0:
                if une_fois:
                    break
                time.sleep(intervalle)
        if une_fois:
            self.stdout.write(f"{total} écriture(s) validée(s), {rejetees_total} rejetée(s).")

    def _arreter(self, *_):
        self.arret = True


def lancer_a_cote() -> subprocess.Popen:
    """The sequencer in a process of its own beside the server (`manage.py
    demarrer`), with the server's environment; the caller stops it."""
    manage = Path(__file__).resolve().parents[3] / "manage.py"
    return subprocess.Popen(
        [sys.executable, str(manage), "sequenceur"], preexec_fn=_mourir_avec_le_parent
    )


def _mourir_avec_le_parent() -> None:
    """Linux: SIGTERM to the sequencer when the server's process dies, even by
    SIGKILL, so that no orphan keeps validating without it."""
    import contextlib
    import ctypes

    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def arreter(processus: subprocess.Popen | None) -> None:
    if processus is not None and processus.poll() is None:
        processus.terminate()
        try:
            processus.wait(timeout=10)
        except subprocess.TimeoutExpired:
            processus.kill()
