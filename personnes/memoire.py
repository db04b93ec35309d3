"""Who holds what, read once per request.

One act asks the same questions several times: the visa of an ordre de
dépense checks the agent comptable's functions, the interim in force and the
separation of functions in the plan de contrôle's draw, then again in the
visa itself, then once more when the entry is posted (bench/http: ~80
queries a visa, a third of them the same reads of `personnes_affectation`
and `personnes_interim`). Within one request the answers are kept here, by
their arguments (the user's id, the day); every check still runs on them.

The memory lives for one request only (`MemoireDeRequete`, a middleware):
never across requests, never outside one (services called by commands and
tests read the database each time). A write to the rows it keeps
(affectation, interim, procuration, through `save` or `delete`) ends it for
the rest of the request: a request that changes who holds what reads the
database from then on, and a write undone by a rollback leaves nothing kept.
"""

from __future__ import annotations

import copy
import functools
from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save

# None: no request, or a request that wrote to the rows kept (reads go to the database).
_MEMOIRE: ContextVar[dict | None] = ContextVar("personnes_memoire", default=None)


class MemoireDeRequete:
    """The middleware giving each request its own memory, dropped with it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        jeton = _MEMOIRE.set({})
        try:
            return self.get_response(request)
        finally:
            _MEMOIRE.reset(jeton)


def memorise(fonction):
    """Keep `fonction`'s answer for its arguments within the request.

    The arguments are the key as given (a user stands for his id, a moment for
    itself), so each caller passes them as the reads need them. The answer is
    copied on the way out: a caller may change the list it gets."""

    @functools.wraps(fonction)
    def enveloppe(*args):
        memoire = _MEMOIRE.get()
        cle = _cle(fonction, args) if memoire is not None else None
        if cle is None:
            return fonction(*args)
        if cle not in memoire:
            memoire[cle] = fonction(*args)
        return copy.copy(memoire[cle])

    return enveloppe


def _cle(fonction, args) -> tuple | None:
    """The key of a call: a row stands for its model and id; None when one has
    no id yet (an unsaved user, an anonymous one), which is never kept."""
    cle = [fonction.__module__, fonction.__qualname__]
    for valeur in args:
        if hasattr(valeur, "_meta"):
            if valeur.pk is None:
                return None
            cle.append((valeur._meta.label, valeur.pk))
        elif getattr(valeur, "is_anonymous", False):
            return None
        else:
            cle.append(valeur)
    return tuple(cle)


def oublier(**_kwargs) -> None:
    """A row kept was written: no memory for the rest of the request."""
    if _MEMOIRE.get() is not None:
        _MEMOIRE.set(None)


def brancher() -> None:
    """Connect `oublier` to the writes of the rows kept (from `PersonnesConfig.ready`)."""
    from personnes.models import Affectation, Interim, Procuration

    for modele in (Affectation, Interim, Procuration):
        post_save.connect(oublier, sender=modele, dispatch_uid=f"memoire_{modele.__name__}")
        post_delete.connect(oublier, sender=modele, dispatch_uid=f"memoire_{modele.__name__}_d")
