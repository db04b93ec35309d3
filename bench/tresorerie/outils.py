"""What both treasury benchmarks share: the fund's today, and a spy on a function."""

from __future__ import annotations

import datetime
import time
from contextlib import contextmanager

from core import horloge


def date_du_jour() -> datetime.date:
    """Today at the fund (`core.horloge`: CAISSE_HORLOGE may freeze it)."""
    return horloge.aujourdhui()


@contextmanager
def espion(module, nom: str, appels: list):
    """Replace `module.nom` by a wrapper that records (seconds, result) of each call."""
    original = getattr(module, nom)

    def enveloppe(*args, **kwargs):
        debut = time.perf_counter()
        resultat = original(*args, **kwargs)
        appels.append((time.perf_counter() - debut, resultat))
        return resultat

    setattr(module, nom, enveloppe)
    try:
        yield
    finally:
        setattr(module, nom, original)
