"""A bulk import into a freshly created database commits in seconds (issue 14, point 9).

A new database has never been analysed: the planner knows nothing of the
ledger's tables. The commit-time checks of a posting statement must not depend
on that: 50,000 entries through `ecritures_importer` on a copy of the test
database whose planner statistics are wiped (as right after `migrate`).
A generous statement timeout makes a regression fail instead of hanging.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.models import Sum

from bench.import_masse.ecritures import saisies
from ledger.models import Ecriture, Ligne
from ledger.services import ecritures_importer
from tests.conftest import _cloner, _supprimer, _sur_la_base

NOMBRE = 50_000

pytestmark = pytest.mark.django_db(transaction=True)


def _oublier_les_statistiques() -> None:
    """What a database right after `migrate` looks like to the planner: no
    column statistics, no row count nor page count on any table or index."""
    with connection.cursor() as curseur:
        curseur.execute(
            "DELETE FROM pg_statistic WHERE starelid IN"
            " (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)"
        )
        curseur.execute(
            "UPDATE pg_class SET reltuples = -1, relpages = 0, relallvisible = 0"
            " WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i')"
        )


def test_un_import_massif_dans_une_base_neuve_se_valide_en_secondes(comptable, exercice):
    base = connection.settings_dict["NAME"]
    neuve = f"{base}_neuve"
    _cloner(base, neuve)
    try:
        with _sur_la_base(neuve):
            _oublier_les_statistiques()
            with connection.cursor() as curseur:
                curseur.execute("SET statement_timeout = '120s'")
            debut = time.monotonic()
            # COMMIT runs the deferred checks with no statement timeout: they
            # are fired first by SET CONSTRAINTS, which has one.
            with transaction.atomic():
                importees = ecritures_importer(
                    acting_user=comptable,
                    exercice=exercice.annee,
                    journal="RE",
                    piece="import:base-neuve",
                    ecritures=saisies(NOMBRE, exercice.annee),
                )
                with connection.cursor() as curseur:
                    curseur.execute("SET CONSTRAINTS ALL IMMEDIATE")
            duree = time.monotonic() - debut
            print(f"\n{NOMBRE} écritures importées dans une base neuve en {duree:.1f} s")
            assert importees == NOMBRE
            assert Ecriture.objects.filter(exercice=exercice).count() == NOMBRE
            totaux = Ligne.objects.aggregate(debit=Sum("debit"), credit=Sum("credit"))
            assert totaux["debit"] == totaux["credit"] > Decimal(0)
    finally:
        _supprimer(neuve)
