"""A lot's commit-time check runs once: the entries it checked take no more lines.

Someone with SQL access to the application's role could fire the deferred
balance check early (SET CONSTRAINTS … IMMEDIATE), then add a line to an entry
it had found balanced: nothing checked that entry again at COMMIT (found in
review, issue 16). Migration 0020 closes the checked entries (LG047).

Each test runs in the test's transaction (tests.savepoint): the deferred
checks fire by SET CONSTRAINTS ALL IMMEDIATE, as at COMMIT.
"""

from decimal import Decimal

import psycopg
import pytest

from ledger.models import Ecriture, Ligne
from tests.ledger.sql_brut import compte_id, inserer_ecriture
from tests.savepoint import curseur_en_savepoint

pytestmark = pytest.mark.django_db

EQUILIBREE = [("531", "10.00", "0"), ("5122", "0", "10.00")]


def _controle_anticipe(cur) -> None:
    cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cur.execute("SET CONSTRAINTS ALL DEFERRED")


def test_une_ligne_ajoutee_apres_le_controle_anticipe_est_refusee(exercice, comptable, jour):
    with pytest.raises(psycopg.Error) as refus, curseur_en_savepoint() as cur:
        cur.execute("SET LOCAL ROLE caisse_app")
        ident = inserer_ecriture(
            cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE
        )
        _controle_anticipe(cur)
        cur.execute(
            "INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit)"
            " VALUES (%s, %s, %s, %s, 999, 0)",
            [ident, exercice.pk, jour, compte_id(cur, "531")],
        )
    assert refus.value.sqlstate == "LG047"
    assert refus.value.diag.message_primary == (
        "Une écriture déjà contrôlée (équilibre, nombre de lignes) ne peut plus recevoir de "
        "ligne : passez une nouvelle écriture."
    )
    assert Ecriture.objects.count() == 0 and Ligne.objects.count() == 0


def test_le_controle_anticipe_ne_gene_pas_les_ecritures_suivantes(exercice, comptable, jour):
    """The import fires each packet's check early, then writes the next packet:
    new entries of the same transaction still take their lines, and are checked."""
    with curseur_en_savepoint() as cur:
        cur.execute("SET LOCAL ROLE caisse_app")
        for _ in range(2):
            inserer_ecriture(
                cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE
            )
            _controle_anticipe(cur)
    assert Ecriture.objects.count() == 2
    assert sum(Ligne.objects.values_list("debit", flat=True)) == Decimal("20.00")


def test_une_ecriture_desequilibree_apres_controle_anticipe_reste_refusee(
    exercice, comptable, jour
):
    """The second entry, unbalanced, is still checked at COMMIT (its own lot)."""
    with pytest.raises(psycopg.Error) as refus, curseur_en_savepoint() as cur:
        cur.execute("SET LOCAL ROLE caisse_app")
        inserer_ecriture(
            cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE
        )
        _controle_anticipe(cur)
        inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("531", "10.00", "0"), ("5122", "0", "9.00")],
        )
    assert refus.value.sqlstate == "LG031"
    assert Ecriture.objects.count() == 0


def test_le_registre_des_controles_est_en_ajout_seul(exercice, comptable, jour):
    with curseur_en_savepoint() as cur:
        inserer_ecriture(
            cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE
        )
        _controle_anticipe(cur)
        avant = cur.execute("SELECT count(*) FROM ledger_lot_controle").fetchone()[0]
        assert avant >= 1
        cur.execute("SET LOCAL ROLE caisse_app")
        for sql in (
            "DELETE FROM ledger_lot_controle",
            "UPDATE ledger_lot_controle SET premier_id = 0",
            "TRUNCATE ledger_lot_controle",
        ):
            cur.execute("SAVEPOINT essai")
            with pytest.raises(psycopg.Error) as refus:
                cur.execute(sql)
            cur.execute("ROLLBACK TO SAVEPOINT essai")
            assert refus.value.sqlstate == "42501", sql  # no privilege
        assert cur.execute("SELECT count(*) FROM ledger_lot_controle").fetchone()[0] == avant
        cur.execute("RESET ROLE")
