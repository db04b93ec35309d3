"""Each invariant of the ledger is refused by PostgreSQL itself, around the ORM.

These tests write plain SQL on their own connection and COMMIT for real, as
someone with SQL access to the application's role could.
"""

import datetime
from decimal import Decimal

import pytest

from ledger.models import Ecriture, Exercice, Ligne
from ledger.services import LigneSaisie, ecriture_passer
from tests.ledger.sql_brut import compte_id, connexion_brute, inserer_ecriture
from tests.savepoint import refus_sql

# Refusals run in a savepoint (tests.savepoint); tests that COMMIT on their own
# connection, or need an entry committed earlier, are marked transaction=True.
pytestmark = pytest.mark.django_db

EQUILIBREE = [("531", "10.00", "0"), ("5122", "0", "10.00")]


def _nombre_ecritures() -> int:
    return Ecriture.objects.count()


def _refus(sql_fait, message: str):
    """Run `sql_fait(cur)` in a savepoint, deferred checks fired as at COMMIT
    (tests.savepoint); expect `message`."""
    avant = _nombre_ecritures(), Ligne.objects.count()
    erreur = refus_sql(sql_fait, message)
    assert (_nombre_ecritures(), Ligne.objects.count()) == avant
    return erreur


@pytest.mark.django_db(transaction=True)
def test_une_ecriture_equilibree_passee_en_sql_est_acceptee(exercice, comptable, jour):
    with connexion_brute() as conn, conn.cursor() as cur:
        inserer_ecriture(
            cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE
        )
        conn.commit()
    ecriture = Ecriture.objects.get()
    assert (ecriture.numero, ecriture.rang) == (1, 1)
    assert sorted(ecriture.lignes.values_list("debit", "credit")) == [(0, 10), (10, 0)]


def test_une_ligne_au_debit_et_au_credit_est_refusee(exercice, comptable, jour):
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("531", "10.00", "10.00"), ("5122", "0", "10.00"), ("5122", "10.00", "0")],
        ),
        "ligne_un_seul_sens",
    )


def test_une_ligne_a_zero_est_refusee(exercice, comptable, jour):
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("531", "0", "0"), ("531", "10.00", "0"), ("5122", "0", "10.00")],
        ),
        "ligne_un_seul_sens",
    )


def test_un_montant_negatif_est_refuse(exercice, comptable, jour):
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("531", "-10.00", "0"), ("5122", "0", "-10.00")],
        ),
        # Both checks refuse it; PostgreSQL tests CHECK constraints in name order.
        'violates check constraint "ligne_montants_au_centime"',
    )


def test_un_montant_de_plus_de_deux_decimales_est_refuse_et_non_arrondi(exercice, comptable, jour):
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("531", "10.005", "0"), ("5122", "0", "10.005")],
        ),
        "ligne_montants_au_centime",
    )


def test_une_ecriture_desequilibree_est_refusee_au_commit(exercice, comptable, jour):
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("531", "10.00", "0"), ("5122", "0", "9.99")],
        ),
        "n'est pas équilibrée : débits 10.00, crédits 9.99",
    )


def test_une_ecriture_d_une_seule_ligne_est_refusee_au_commit(exercice, comptable, jour):
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("531", "10.00", "0")],
        ),
        "a 1 ligne(s) : il en faut au moins deux",
    )


def test_une_ecriture_sans_ligne_est_refusee_au_commit(exercice, comptable, jour):
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[],
        ),
        "a 0 ligne(s)",
    )


def test_les_ecritures_et_lignes_passees_ne_se_modifient_ni_ne_se_suppriment(
    exercice, comptable, jour
):
    ecriture = ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=jour,
        libelle="Test",
        lignes=[LigneSaisie("531", debit="10.00"), LigneSaisie("5122", credit="10.00")],
    )
    for sql in (
        f"UPDATE ledger_ecriture SET libelle = 'falsifié' WHERE id = {ecriture.pk}",
        f"DELETE FROM ledger_ecriture WHERE id = {ecriture.pk}",
    ):
        _refus(
            lambda cur, sql=sql: cur.execute(sql),
            "Une écriture comptabilisée ne peut être ni modifiée",
        )
    for sql in (
        f"UPDATE ledger_ligne SET debit = 1000 WHERE ecriture_id = {ecriture.pk} AND debit > 0",
        f"DELETE FROM ledger_ligne WHERE ecriture_id = {ecriture.pk}",
    ):
        _refus(lambda cur, sql=sql: cur.execute(sql), "Une ligne d'écriture comptabilisée")
    assert list(ecriture.lignes.values_list("debit", flat=True).order_by("id")) == [10, 0]


@pytest.mark.django_db(transaction=True)
def test_une_ecriture_validee_ne_recoit_plus_de_ligne(exercice, comptable, jour):
    ecriture = ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=jour,
        libelle="Test",
        lignes=[LigneSaisie("531", debit="10.00"), LigneSaisie("5122", credit="10.00")],
    )

    def ajouter(cur):
        for numero, debit, credit in (("531", 5, 0), ("5122", 0, 5)):
            cur.execute(
                "INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    ecriture.pk,
                    ecriture.exercice_id,
                    ecriture.date,
                    compte_id(cur, numero),
                    debit,
                    credit,
                ],
            )

    _refus(ajouter, "ne peut plus recevoir de ligne")
    assert ecriture.lignes.count() == 2


@pytest.mark.django_db(transaction=True)
def test_le_vidage_des_tables_est_refuse_a_un_role_non_superutilisateur(exercice, comptable, jour):
    with connexion_brute() as conn, conn.cursor() as cur:
        cur.execute(
            "DO $$ BEGIN CREATE ROLE caisse_test_intrus; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
        cur.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO caisse_test_intrus")
        conn.commit()
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=jour,
        libelle="Test",
        lignes=[LigneSaisie("531", debit="10.00"), LigneSaisie("5122", credit="10.00")],
    )

    def vider(cur):
        cur.execute("SET ROLE caisse_test_intrus")
        cur.execute("TRUNCATE ledger_ligne, ledger_ecriture CASCADE")

    erreur = _refus(vider, "")
    assert erreur.sqlstate == "LG001"  # refused by one of our guards, whichever fires first
    assert Ecriture.objects.count() == 1


def test_rien_ne_se_passe_dans_un_exercice_clos(exercice, comptable, jour):
    Exercice.objects.filter(pk=exercice.pk).update(etat=Exercice.Etat.COMPLEMENTAIRE)
    Exercice.objects.filter(pk=exercice.pk).update(etat=Exercice.Etat.CLOS)
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=EQUILIBREE,
        ),
        f"L'exercice {exercice.annee} est clos",
    )


def test_un_exercice_clos_ne_se_rouvre_pas(exercice):
    Exercice.objects.filter(pk=exercice.pk).update(etat=Exercice.Etat.COMPLEMENTAIRE)
    Exercice.objects.filter(pk=exercice.pk).update(etat=Exercice.Etat.CLOS)
    _refus(
        lambda cur: cur.execute("UPDATE ledger_exercice SET etat = 'ouvert'"),
        "ne peut plus être modifié ni rouvert",
    )
    assert Exercice.objects.get(pk=exercice.pk).etat == Exercice.Etat.CLOS


def test_une_date_hors_de_l_exercice_est_refusee(exercice, comptable):
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=datetime.date(exercice.annee + 1, 1, 2),
            lignes=EQUILIBREE,
        ),
        f"hors de l'exercice {exercice.annee}",
    )


def test_un_compte_special_d_encaissement_refuse_frais_et_paiements(exercice, comptable, jour):
    """Credits only, in the bank's sense (circ. 93/82 §2.2.0.2-3): a fee charged
    to 5123 (a credit to it in our books) is refused by the database."""
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("627", "10.00", "0"), ("5123", "0", "10.00")],
        ),
        "le compte 5123 est un compte spécial d'encaissement",
    )


@pytest.mark.django_db(transaction=True)
def test_un_compte_special_d_encaissement_recoit_et_se_nivelle(exercice, comptable, jour):
    """Cotisations come in (debit 5123) and the balance moves to the Caisse des
    dépôts (credit 5123 against a debit to 515): both are accepted."""
    with connexion_brute() as cnx, cnx.cursor() as cur:
        inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("5123", "10.00", "0"), ("7511", "0", "10.00")],
        )
        inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("515", "10.00", "0"), ("5123", "0", "10.00")],
        )
        cnx.commit()
        cur.execute(
            "SELECT sum(debit), sum(credit) FROM ledger_ligne l JOIN ledger_compte c"
            " ON c.id = l.compte_id WHERE c.numero = '5123'"
        )
        assert cur.fetchone() == (Decimal("10.00"), Decimal("10.00"))


def test_un_compte_de_regroupement_refuse_les_lignes(exercice, comptable, jour):
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("411", "10.00", "0"), ("7511", "0", "10.00")],
        ),
        "Le compte 411 est un compte de regroupement",
    )


def test_un_numero_qui_saute_est_refuse(exercice, comptable, jour):
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=EQUILIBREE,
            decalage_numero=1,
        ),
        "Numérotation discontinue : l'écriture suivante du journal doit porter le numéro 1",
    )


@pytest.mark.django_db(transaction=True)
def test_un_numero_en_double_est_refuse(exercice, comptable, jour):
    with connexion_brute() as conn, conn.cursor() as cur:
        inserer_ecriture(
            cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE
        )
        conn.commit()
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=EQUILIBREE,
            decalage_numero=-1,
        ),
        "ecriture_numero_unique",
    )


def test_le_compteur_ne_peut_pas_etre_avance_pour_creer_un_trou(exercice, comptable, jour):
    _refus(
        lambda cur: cur.execute(
            "UPDATE ledger_compteur SET dernier_numero = dernier_numero + 5 WHERE exercice_id = %s",
            [exercice.pk],
        ),
        "Le compteur d'écritures doit égaler le dernier numéro passé",
    )


def test_la_chaine_d_empreintes_doit_etre_continue(exercice, comptable, jour):
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=EQUILIBREE,
            precedente="f" * 64,
        ),
        "Chaîne d'empreintes rompue",
    )
    _refus(
        lambda cur: inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=EQUILIBREE,
            decalage_rang=3,
        ),
        "Chaîne d'empreintes discontinue",
    )


def test_les_cumuls_de_la_balance_ne_se_modifient_pas_directement(exercice, comptable, jour):
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=jour,
        libelle="Test",
        lignes=[LigneSaisie("531", debit="10.00"), LigneSaisie("5122", credit="10.00")],
    )
    _refus(
        lambda cur: cur.execute("UPDATE ledger_cumul SET debit = 0"),
        "Les cumuls des comptes sont tenus par la base",
    )


def test_le_journal_d_audit_est_en_ajout_seul(exercice):
    _refus(
        lambda cur: cur.execute("UPDATE core_journalaudit SET acte = 'effacé'"),
        "Le journal d'audit est en ajout seul",
    )
    _refus(
        lambda cur: cur.execute("DELETE FROM core_journalaudit"),
        "Le journal d'audit est en ajout seul",
    )
