"""The one clock every service, page and document reads.

Business rules turn on dates: the période complémentaire in January (D253-17,
D253-17-1), the month allowed to regularise a payment made without an order
(circ. 93/82 §2.1.8), the year-end. So that a test of January runs in
November, nobody calls `timezone.now()` for a business date: they ask this
module. The setting `CAISSE_HORLOGE` (an ISO date or date-time, also read
from the environment variable of the same name) freezes the clock; tests
set it with `figer()` or the `horloge` fixture.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterator

from django.conf import settings
from django.utils import timezone

_PILE: list[datetime.datetime] = []


def _instant(valeur: datetime.date | datetime.datetime | str) -> datetime.datetime:
    if isinstance(valeur, str):
        valeur = (
            datetime.datetime.fromisoformat(valeur)
            if "T" in valeur or " " in valeur
            else datetime.date.fromisoformat(valeur)
        )
    if not isinstance(valeur, datetime.datetime):
        # A date alone is taken at ten in the morning, a working hour.
        valeur = datetime.datetime.combine(valeur, datetime.time(10, 0))
    if timezone.is_naive(valeur):
        valeur = timezone.make_aware(valeur)
    return valeur


def maintenant() -> datetime.datetime:
    """The present instant: frozen when a test or the setting says so."""
    if _PILE:
        return _PILE[-1]
    fixe = getattr(settings, "CAISSE_HORLOGE", "")
    if fixe:
        return _instant(fixe)
    return timezone.now()


def aujourdhui() -> datetime.date:
    """Today's date in the fund's time zone."""
    return timezone.localdate(maintenant())


@contextlib.contextmanager
def figer(valeur: datetime.date | datetime.datetime | str) -> Iterator[datetime.datetime]:
    """Freeze the clock at `valeur` for the duration of the block."""
    instant = _instant(valeur)
    _PILE.append(instant)
    try:
        yield instant
    finally:
        _PILE.pop()
