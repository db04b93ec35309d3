"""The act a page or the API is running, for the guards the service calls.

`core.actes` runs each act within `en_cours(codes)`: the act's own name and
its droit's code. A guard deep in a service that names no act (the posting
of a payment through the ledger, a helper shared by several acts) reads
`codes_en_cours()` to know which act it serves: a fondé de pouvoir's
procuration limited to some acts is checked against it
(`personnes.permissions_comptable`).
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar

_EN_COURS: ContextVar[frozenset[str]] = ContextVar("acte_en_cours", default=frozenset())


@contextlib.contextmanager
def en_cours(*codes: str | None):
    jeton = _EN_COURS.set(frozenset(c for c in codes if c))
    try:
        yield
    finally:
        _EN_COURS.reset(jeton)


def codes_en_cours() -> frozenset[str]:
    """The codes of the act being run by a page or the API (empty outside one)."""
    return _EN_COURS.get()
