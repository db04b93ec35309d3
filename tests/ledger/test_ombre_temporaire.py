"""A temporary table does not stand in for ours before a guard (issue 14, point 7).

PostgreSQL looks for a relation in the session's temporary schema first when
the search_path does not name pg_temp. Under the application's role someone
could create a temporary `ledger_ecriture` showing a posted entry as "of this
transaction", or a temporary `ledger_ligne` showing balanced lines, and the
guard would read it instead of the real table. Two defences
(comptes_annuels/migrations/sql/0007_chemin_de_recherche.sql):

- the application's role may not create temporary tables at all;
- every guard runs with search_path = pg_catalog, public, pg_temp (pg_temp
  last), so that, should the right come back (a restore onto a new cluster
  grants TEMPORARY to PUBLIC again), the guard still reads the real table.

Each probe is tried against both: as is (refused: no right), then with the
right given back to caisse_app inside the probe's savepoint (refused by the
guard, which read the real table); and once with the guards' search_path
removed, to show that the probe is a real attack (it goes through).
"""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest
from django.db import connection

from ledger.models import Ecriture, Ligne
from ledger.services import LigneSaisie, ecriture_passer
from tests.ledger.sql_brut import compte_id, inserer_ecriture
from tests.savepoint import curseur_en_savepoint, refus_sql

pytestmark = pytest.mark.django_db

CHEMIN = "search_path=pg_catalog, public, pg_temp"
# IMMUTABLE sql functions that read no table and name no type: nothing in them
# can be hidden by a temporary object, and they stay inlinable (migration 0007).
PURES = {
    "budget_euros",
    "oppositions_euros",
    "oppositions_cle_nom",
    "oppositions_cle_identifiant",
    "oppositions_identifiant_normal",
    "personnes_fonction_libelle",
    "personnes_fonction_exclue",
    "personnes_fonction_avec_de",
}
FONCTIONS = """
    SELECT p.oid::regprocedure::text, p.proname, l.lanname, p.provolatile, p.prosrc, p.proconfig
      FROM pg_proc p
      JOIN pg_namespace n ON n.oid = p.pronamespace
      JOIN pg_language l ON l.oid = p.prolang
     WHERE n.nspname = 'public' AND l.lanname IN ('plpgsql', 'sql')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                          AND d.objid = p.oid AND d.deptype = 'e')
"""
SANS_DROIT = "permission denied to create temporary tables"


def _fonctions():
    with connection.cursor() as cur:
        cur.execute(FONCTIONS)
        return cur.fetchall()


def test_toute_fonction_lit_nos_tables_et_jamais_une_table_temporaire():
    fonctions = _fonctions()
    assert len(fonctions) > 50
    sans_chemin = [
        signature
        for signature, nom, _langage, _volatilite, _corps, reglages in fonctions
        if nom not in PURES and CHEMIN not in (reglages or [])
    ]
    # A migration that creates or replaces a function says
    # SET search_path = pg_catalog, public, pg_temp (CREATE OR REPLACE drops it).
    assert sans_chemin == []
    for _signature, nom, langage, volatilite, corps, _reglages in fonctions:
        if nom in PURES:
            # Still pure: no cast to a named type, no table (FROM only over a function).
            assert (langage, volatilite) == ("sql", "i"), nom
            assert "::" not in corps, nom
            assert " from " not in corps.lower() or "from regexp_split_to_table" in corps.lower()


def test_le_role_applicatif_ne_cree_pas_de_table_temporaire():
    with connection.cursor() as cur:
        cur.execute(
            "SELECT has_database_privilege('caisse_app', current_database(), 'TEMPORARY'),"
            " has_database_privilege('public', current_database(), 'TEMPORARY')"
        )
        assert cur.fetchone() == (False, False)

    def creer(cur):
        cur.execute("SET ROLE caisse_app")
        cur.execute("CREATE TEMP TABLE essai (x int)")

    refus_sql(creer, SANS_DROIT)


def _droit_rendu(cur):
    """What a restore onto a new cluster would do: TEMPORARY for everyone."""
    cur.execute("SELECT current_database()")
    base = cur.fetchone()[0]
    cur.execute(
        psycopg.sql.SQL("GRANT TEMPORARY ON DATABASE {} TO caisse_app").format(
            psycopg.sql.Identifier(base)
        )
    )


def _sans_chemin(cur):
    """The guards as they were before migration 0007 (inside the savepoint)."""
    cur.execute(FONCTIONS)
    for signature, *_ in cur.fetchall():
        cur.execute(f"ALTER FUNCTION {signature} RESET search_path")


def _ecriture(comptable, exercice, jour) -> Ecriture:
    return ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=jour,
        libelle="Comptabilisée",
        lignes=[LigneSaisie("531", debit="10.00"), LigneSaisie("5122", credit="10.00")],
    )


def _sonde_a(ecriture_id: int):
    """A temporary ledger_ecriture shows the posted entry as of this transaction;
    then a line into the real posted entry."""

    def faire(cur):
        caisse = compte_id(cur, "531")
        cur.execute("SET ROLE caisse_app")
        cur.execute(
            "CREATE TEMP TABLE ledger_ecriture AS SELECT id, exercice_id, journal_id, date,"
            " pg_current_xact_id() AS tx, pg_postmaster_start_time() AS tx_serveur"
            " FROM public.ledger_ecriture WHERE id = %s",
            [ecriture_id],
        )
        cur.execute(
            "INSERT INTO public.ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit)"
            " SELECT e.id, e.exercice_id, e.date, c, d, k FROM public.ledger_ecriture e,"
            " (VALUES (%s::bigint, 5, 0), (%s::bigint, 0, 5)) v(c, d, k) WHERE e.id = %s",
            [caisse, caisse, ecriture_id],
        )

    return faire


def _sonde_b(exercice, comptable, jour):
    """An unbalanced entry (100.00 against 1.00) whose lines a temporary
    ledger_ligne shows balanced to the commit-time check."""

    def faire(cur):
        cur.execute("SET ROLE caisse_app")
        ident = inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("531", "100.00", "0"), ("5122", "0", "1.00")],
        )
        cur.execute(
            "CREATE TEMP TABLE ledger_ligne AS SELECT * FROM public.ledger_ligne"
            " WHERE ecriture_id = %s",
            [ident],
        )
        cur.execute("UPDATE ledger_ligne SET credit = 100.00 WHERE credit > 0")

    return faire


def _sonde_compte(exercice, comptable, jour):
    """A temporary ledger_compte shows the grouping account 411 as imputable."""

    def faire(cur):
        cur.execute("SET ROLE caisse_app")
        cur.execute("CREATE TEMP TABLE ledger_compte AS SELECT * FROM public.ledger_compte")
        cur.execute("UPDATE ledger_compte SET imputable = true")
        # inserer_ecriture names ledger_ecriture and ledger_ligne, not shadowed here.
        inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("411", "10.00", "0"), ("7511", "0", "10.00")],
        )

    return faire


def _avec(*etapes):
    def faire(cur):
        for etape in etapes:
            etape(cur)

    return faire


def _sondes(comptable, exercice, jour):
    ecriture = _ecriture(comptable, exercice, jour)
    return [
        (_sonde_a(ecriture.pk), "ne peut plus recevoir de ligne"),
        (_sonde_b(exercice, comptable, jour), "n'est pas équilibrée : débits 100.00, crédits 1.00"),
        (_sonde_compte(exercice, comptable, jour), "Le compte 411 est un compte de regroupement"),
    ]


@pytest.mark.django_db(transaction=True)
def test_une_table_temporaire_ne_trompe_aucune_garde(comptable, exercice, jour):
    sondes = _sondes(comptable, exercice, jour)
    avant = Ecriture.objects.count(), Ligne.objects.count()
    for sonde, message in sondes:
        # As deployed: no temporary table for the application.
        refus_sql(sonde, SANS_DROIT)
        # The right given back: the guard reads the real table all the same.
        refus_sql(_avec(_droit_rendu, sonde), message)
    assert (Ecriture.objects.count(), Ligne.objects.count()) == avant


@pytest.mark.django_db(transaction=True)
def test_sans_les_deux_defenses_les_sondes_passeraient(comptable, exercice, jour):
    """The probes are real attacks: with the right and without the guards'
    search_path (inside a savepoint, rolled back), each goes through."""
    for sonde, _message in _sondes(comptable, exercice, jour):
        with pytest.raises(ZeroDivisionError), curseur_en_savepoint() as cur:
            _avec(_droit_rendu, _sans_chemin, sonde)(cur)
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the commit-time checks pass
            raise ZeroDivisionError  # rolls the savepoint back


def _cumuls_apres_une_ecriture(cur, exercice, comptable, jour, *avant) -> tuple:
    """Post an entry under caisse_app beside an empty temporary ledger_cumul;
    (rows of the temporary table, debit total of the real one)."""
    for etape in avant:
        etape(cur)
    cur.execute("SET ROLE caisse_app")
    cur.execute("CREATE TEMP TABLE ledger_cumul (LIKE public.ledger_cumul INCLUDING ALL)")
    inserer_ecriture(
        cur,
        exercice_id=exercice.pk,
        user_id=comptable.pk,
        date=jour,
        lignes=[("531", "7.00", "0"), ("5122", "0", "7.00")],
    )
    cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cur.execute("SELECT count(*) FROM pg_temp.ledger_cumul")
    temporaires = cur.fetchone()[0]
    cur.execute("SELECT sum(debit) FROM public.ledger_cumul WHERE exercice_id = %s", [exercice.pk])
    return temporaires, cur.fetchone()[0]


def test_les_cumuls_d_une_ecriture_vont_dans_la_vraie_table(comptable, exercice, jour):
    """The posting trigger adds the lines to the running totals the balance
    reads: a temporary ledger_cumul would take them (the balance then misses
    the entry). With the right given back, they reach the real table; without
    the guards' search_path, they would not."""
    for etapes, attendu in (
        ((_droit_rendu,), (0, Decimal("7.00"))),
        ((_droit_rendu, _sans_chemin), (2, None)),
    ):
        with pytest.raises(ZeroDivisionError), curseur_en_savepoint() as cur:
            resultat = _cumuls_apres_une_ecriture(cur, exercice, comptable, jour, *etapes)
            raise ZeroDivisionError  # rolls the savepoint back
        assert resultat == attendu
