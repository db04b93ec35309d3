"""One way to lock the rows an act changes.

An act locks the row it transitions before checking its guard (STYLE: lock,
check, change, audit). `of=("self",)` keeps PostgreSQL from also locking the
rows joined by `select_related` (the exercise, shared accounts), so that
unrelated acts never wait on each other.
"""

from __future__ import annotations

from django.db import connection, models


def verrouiller(source, pk=None, **filtres):
    """Lock and return one row, read afresh: `verrouiller(OrdreRecette, ordre.pk)`,
    `verrouiller(Carnet.objects.select_related("compte"), pk)` or
    `verrouiller(CompteurOrdre, exercice=exercice)`."""
    if pk is not None:
        filtres["pk"] = pk
    return verrouiller_tous(source).get(**filtres)


def verrouiller_tous(source) -> models.QuerySet:
    """The queryset (or model's rows) locked `FOR NO KEY UPDATE OF` its own table only.

    An act changes the columns of the rows it locks, never their key: `NO KEY`
    is the lock PostgreSQL's own UPDATE takes. It still excludes every other
    act's lock, but not the `KEY SHARE` a foreign-key check takes, so that a
    writer committing a row that refers to the locked one (a receipt on the
    account a payment batch holds) does not deadlock with it."""
    queryset = source if isinstance(source, models.QuerySet) else source._default_manager.all()
    return queryset.select_for_update(of=("self",), no_key=True)


def partager(source, pk) -> None:
    """Share-lock one row until commit (`FOR SHARE`): acts that only read it
    (an order signed in its exercise) never wait on each other, but the act
    that changes it (the exercise's closure, `FOR UPDATE`) waits for them, and
    they for it, reading it afresh afterwards."""
    modele = source.model if isinstance(source, models.QuerySet) else source
    table = connection.ops.quote_name(modele._meta.db_table)
    colonne = connection.ops.quote_name(modele._meta.pk.column)
    with connection.cursor() as curseur:
        curseur.execute(f"SELECT 1 FROM {table} WHERE {colonne} = %s FOR SHARE", [pk])
