"""What falls due in recovery and surveillance, soonest first, per role.

Each part of the recovery declares, through `fournisseur`, a function that
gives for a day `le` what falls due: an instalment of a payment delay
(circ. 93/82 §2.0.5), the thirty days of a mise en demeure and the month of
the commission de recours amiable (annexe art. 13), the half-yearly visit of
each bailiff and the état nominatif (annexe art. 13), the expiry of a lease
or of a mortgage inscription (circ. 93/82 §2.0.4), the monthly regularising
order of direct receipts (circ. 93/82 §2.0). The surveillance page and the
home pages read `a_echoir(le, qui)`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module

COMPTABLE = "comptable"
DIRECTEUR = "directeur"

# The modules holding providers; imported once the apps are ready.
MODULES = (
    "recouvrement.amiable",
    "recouvrement.contentieux",
    "recouvrement.surveillance",
)


@dataclass(frozen=True)
class AEchoir:
    """One thing falling due on `le` (or already late), whose act it waits for."""

    le: datetime.date
    quoi: str  # French, e.g. « Échéance n° 2 de l'échéancier de M. Petit : 150,00 € »
    qui: str  # COMPTABLE or DIRECTEUR
    nature: str  # a short French heading: « Échéancier », « Mise en demeure »…
    debiteur: str = ""
    url: str = ""  # the page where it is done or seen

    def jours(self, aujourd_hui: datetime.date) -> int:
        """Days left (negative when late)."""
        return (self.le - aujourd_hui).days


_FOURNISSEURS: list[Callable[[datetime.date], Iterable[AEchoir]]] = []


def fournisseur(fonction: Callable[[datetime.date], Iterable[AEchoir]]):
    """Declare a provider of what falls due (a decorator)."""
    if fonction not in _FOURNISSEURS:
        _FOURNISSEURS.append(fonction)
    return fonction


def charger_fournisseurs() -> None:
    for nom in MODULES:
        try:
            import_module(nom)
        except ModuleNotFoundError as erreur:
            if erreur.name != nom:
                raise


def a_echoir(le: datetime.date, qui: str | None = None) -> list[AEchoir]:
    """Everything falling due, for `qui` (COMPTABLE, DIRECTEUR) or for all (the
    tutelle reads all), soonest first, late ones at the top."""
    tout = [e for f in _FOURNISSEURS for e in f(le)]
    if qui is not None:
        tout = [e for e in tout if e.qui == qui]
    return sorted(tout, key=lambda e: (e.le, e.nature, e.debiteur, e.quoi))
