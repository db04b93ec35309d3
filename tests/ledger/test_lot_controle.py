"""A lot's commit-time check runs once: the entries it checked take no more lines.

Someone with SQL access to the application's role could fire the deferred
balance check early (SET CONSTRAINTS … IMMEDIATE), then add a line to an entry
it had found balanced: nothing checked that entry again at COMMIT (found in
review, issue 16). Migration 0020 closes the checked entries (LG047).
"""

from decimal import Decimal

import psycopg
import pytest

from ledger.models import Ecriture, Ligne
from tests.ledger.sql_brut import compte_id, connexion_brute, inserer_ecriture

pytestmark = pytest.mark.django_db(transaction=True)

EQUILIBREE = [("531", "10.00", "0"), ("5122", "0", "10.00")]


def _ligne_en_plus(cur, ecriture_id, exercice_id, jour, debit="999.00"):
    cur.execute(
        "INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit)"
        " VALUES (%s, %s, %s, %s, %s, 0)",
        [ecriture_id, exercice_id, jour, compte_id(cur, "531"), debit],
    )


def test_une_ligne_ajoutee_apres_le_controle_anticipe_est_refusee(exercice, comptable, jour):
    with connexion_brute() as conn, conn.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
        ident = inserer_ecriture(
            cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE
        )
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cur.execute("SET CONSTRAINTS ALL DEFERRED")
        with pytest.raises(psycopg.Error) as refus:
            _ligne_en_plus(cur, ident, exercice.pk, jour)
        conn.rollback()
    assert refus.value.sqlstate == "LG047"
    assert "déjà contrôlée" in refus.value.diag.message_primary
    assert Ecriture.objects.count() == 0 and Ligne.objects.count() == 0


def test_le_controle_anticipe_ne_gene_pas_les_ecritures_suivantes(exercice, comptable, jour):
    """The import fires each packet's check early, then writes the next packet:
    new entries of the same transaction still take their lines, and are checked."""
    with connexion_brute() as conn, conn.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
        inserer_ecriture(
            cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE
        )
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cur.execute("SET CONSTRAINTS ALL DEFERRED")
        inserer_ecriture(
            cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE
        )
        conn.commit()
    assert Ecriture.objects.count() == 2
    assert sum(Ligne.objects.values_list("debit", flat=True)) == Decimal("20.00")


def test_une_ecriture_desequilibree_apres_controle_anticipe_reste_refusee(
    exercice, comptable, jour
):
    """The second entry, unbalanced, is still checked at COMMIT (its own lot)."""
    with connexion_brute() as conn, conn.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
        inserer_ecriture(
            cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE
        )
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cur.execute("SET CONSTRAINTS ALL DEFERRED")
        inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("531", "10.00", "0"), ("5122", "0", "9.00")],
        )
        with pytest.raises(psycopg.Error) as refus:
            conn.commit()
    assert refus.value.sqlstate == "LG031"
    assert Ecriture.objects.count() == 0


def test_le_registre_des_controles_est_en_ajout_seul(exercice, comptable, jour):
    with connexion_brute() as conn, conn.cursor() as cur:
        inserer_ecriture(
            cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE
        )
        conn.commit()
        cur.execute("SELECT count(*) FROM ledger_lot_controle")
        avant = cur.fetchone()[0]
        assert avant >= 1
        cur.execute("SET ROLE caisse_app")
        for sql in (
            "DELETE FROM ledger_lot_controle",
            "UPDATE ledger_lot_controle SET premier_id = 0",
            "TRUNCATE ledger_lot_controle",
        ):
            with pytest.raises(psycopg.Error) as refus:
                cur.execute(sql)
            conn.rollback()
            cur.execute("SET ROLE caisse_app")
            assert refus.value.sqlstate == "42501", sql  # no privilege
        cur.execute("SELECT count(*) FROM ledger_lot_controle")
        assert cur.fetchone()[0] == avant
