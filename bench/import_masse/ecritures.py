"""Benchmark 2, our path: the entries to import and `ecritures_importer` fed with them.

Two-line entries, deterministic, dates spread over every day of the year,
amounts in cents, accounts among 4111, 7511, 7512, 5122, 6561 and 412; the
same generator feeds the raw COPY (`copie`) and the profile (`profil`), and the
balance's loading by slices (`bench.balance`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from decimal import Decimal

from bench import commun
from bench.commun import Chrono

PAIRES = (
    ("4111", "7511"),
    ("4111", "7512"),
    ("5122", "4111"),
    ("6561", "412"),
    ("412", "5122"),
    ("6561", "5122"),
)
NOMBRE_PAIRES = 4099  # distinct (account, amount) pairs, shared between entries


def _paires_lignes():
    """Balanced pairs of lines; `LigneSaisie` is frozen, so entries may share them."""
    from ledger.services import LigneSaisie

    alea = random.Random(20_32)
    paires = []
    for rang in range(NOMBRE_PAIRES):
        debit, credit = PAIRES[rang % len(PAIRES)]
        montant = Decimal(alea.randrange(100, 5_000_000)).scaleb(-2)
        paires.append((LigneSaisie(debit, debit=montant), LigneSaisie(credit, credit=montant)))
    return paires


def saisies(nombre_ecritures: int, annee: int, premier: int = 0) -> Iterator:
    """The entries to import: deterministic, spread over every day of `annee`."""
    from ledger.services import EcritureSaisie

    jours = commun.jours_de(annee)
    paires = _paires_lignes()
    nombre_jours, nombre_paires = len(jours), len(paires)
    for rang in range(premier, premier + nombre_ecritures):
        yield EcritureSaisie(
            date=jours[(rang * 7) % nombre_jours],
            libelle=f"Écriture importée n° {rang + 1}",
            lignes=paires[rang % nombre_paires],
        )


def importer(utilisateur, exercice, nombre_ecritures: int, premier: int = 0) -> Chrono:
    """Import through the service; wall time, CPU of this process and of its backend."""
    from ledger.services import ecritures_importer

    pid = commun.pid_serveur_django()
    with commun.chronometrer(pid) as chrono:
        importees = ecritures_importer(
            acting_user=utilisateur,
            exercice=exercice,
            journal="RE",
            piece="bench:import",
            ecritures=saisies(nombre_ecritures, exercice.annee, premier),
        )
    if importees != nombre_ecritures:
        raise RuntimeError(f"{importees} écritures importées au lieu de {nombre_ecritures}.")
    return chrono
