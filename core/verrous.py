"""One way to lock the rows an act changes.

An act locks the row it transitions before checking its guard (STYLE: lock,
check, change, audit). `of=("self",)` keeps PostgreSQL from also locking the
rows joined by `select_related` (the exercise, shared accounts), so that
unrelated acts never wait on each other.
"""

from __future__ import annotations

from django.db import models


def verrouiller(source, pk=None, **filtres):
    """Lock and return one row, read afresh: `verrouiller(OrdreRecette, ordre.pk)`,
    `verrouiller(Carnet.objects.select_related("compte"), pk)` or
    `verrouiller(CompteurOrdre, exercice=exercice)`."""
    if pk is not None:
        filtres["pk"] = pk
    return verrouiller_tous(source).get(**filtres)


def verrouiller_tous(source) -> models.QuerySet:
    """The queryset (or model's rows) locked `FOR UPDATE OF` its own table only."""
    queryset = source if isinstance(source, models.QuerySet) else source._default_manager.all()
    return queryset.select_for_update(of=("self",))
