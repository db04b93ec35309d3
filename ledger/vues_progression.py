"""The progress of long operations on the pages (`core.progression`).

The acts of the year-end run in the request that asks for them, synchronously:
the page that sent the form waits, then shows the act's result as every other
act does. What the agent comptable sees meanwhile is this page, reachable from
the home page and the exercises' page (which shows the operations under way
too): the steps done so far with their counts and durations, read from the
rows that the operation commits through its own connection; it refreshes
itself every 2 seconds without JavaScript (`<meta http-equiv="refresh">`)
while an operation runs. A finished operation shows its result and duration,
a failed one its French refusal, one whose process died or whose transaction
rolled back « interrompue ». Why synchronous rather than a thread started by
the view: a thread outlives its request only as long as the worker process of
a WSGI server does (a recycled or timed-out worker loses it), and it would
need its own transaction and its own handling of the form's one-time token;
the request itself is the one unit every server runs to its end.

Only those who may do the act (its droit in the catalogue) see its progress,
and the person who started it.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from core import progression
from personnes.acces import fonction_requise
from personnes.droits import CATALOGUE

RAFRAICHIR = 2  # seconds between two refreshes of a page while an operation runs


def visible(operation: progression.Operation, utilisateur) -> bool:
    if operation.utilisateur_id is not None and operation.utilisateur_id == utilisateur.pk:
        return True
    droit = CATALOGUE.get(operation.droit)
    return droit is not None and droit.accorde(utilisateur)


def visibles(utilisateur, *, cible: str | None = None, limite: int = 30):
    """The latest operations `utilisateur` may follow, newest first."""
    return [
        operation
        for operation in progression.operations(cible=cible, limite=limite)
        if visible(operation, utilisateur)
    ]


@fonction_requise
def operations(request):
    liste = visibles(request.user)
    return render(
        request,
        "ledger/operations.html",
        {
            "operations": liste,
            "rafraichir": RAFRAICHIR if any(o.en_cours for o in liste) else None,
        },
    )


@fonction_requise
def operation(request, pk: int):
    trouvees = progression.operations(ids=[pk], limite=1)
    if not trouvees or not visible(trouvees[0], request.user):
        raise Http404("Aucune opération de ce numéro ne vous est visible.")
    suivie = trouvees[0]
    return render(
        request,
        "ledger/operation.html",
        {"o": suivie, "rafraichir": RAFRAICHIR if suivie.en_cours else None},
    )
