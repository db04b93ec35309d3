"""The act a page or the API is running, for the guards the service calls.

`core.actes` runs each act within `en_cours(codes)`: the act's own name and
its droit's code. A guard deep in a service that names no act (the posting
of a payment through the ledger, a helper shared by several acts) reads
`codes_en_cours()` to know which act it serves: a fondé de pouvoir's
procuration limited to some acts is checked against it
(`personnes.permissions_comptable`).

`prealable_fait(utilisateur, objet)` marks the act's `prealable` as already
run, committed, for that person and object in this request: the service,
which calls it too for a caller that did not, need not run it a second time.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar

_EN_COURS: ContextVar[frozenset[str]] = ContextVar("acte_en_cours", default=frozenset())
_PREALABLE: ContextVar[tuple | None] = ContextVar("prealable_fait", default=None)


def _cle(utilisateur, objet) -> tuple:
    return (getattr(utilisateur, "pk", None), type(objet), getattr(objet, "pk", None))


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


@contextlib.contextmanager
def prealable_fait(utilisateur, objet):
    """Within it, `prealable_deja_fait(utilisateur, objet)` is true: the act's
    prealable has run and committed for them in this request (`core.actes`)."""
    jeton = _PREALABLE.set(_cle(utilisateur, objet))
    try:
        yield
    finally:
        _PREALABLE.reset(jeton)


def prealable_deja_fait(utilisateur, objet) -> bool:
    """Has the act being run already run its prealable for this person and object?"""
    return objet is not None and _PREALABLE.get() == _cle(utilisateur, objet)
