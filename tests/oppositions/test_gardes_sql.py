"""The database's own guards, tried around the ORM with raw SQL and real commits."""

import threading
import time
from decimal import Decimal

import psycopg
import pytest
from django.db import connection, connections

from oppositions import services
from oppositions.models import Imputation, Opposition
from oppositions.services import OppositionDepassee, Part
from tests.ledger.sql_brut import connexion_brute
from tests.oppositions.conftest import AUJOURD_HUI, enregistrer, il_y_a
from tests.savepoint import curseur_en_savepoint, refus_sql

# Refusals run in a savepoint (tests.savepoint); the tests with concurrent
# writers or a second connection are marked transaction=True.
pytestmark = pytest.mark.django_db

INSERER = (
    "INSERT INTO oppositions_imputation (opposition_id, montant, reference, le, par_id)"
    " VALUES (%s, %s, %s, %s, %s)"
)


def _refus_sql(sql, parametres, message):
    """PostgreSQL refuses `sql`, run in a savepoint of the test (tests.savepoint)."""
    erreur = refus_sql(lambda cur: cur.execute(sql, parametres), message)
    assert erreur.sqlstate.startswith("LG") or erreur.sqlstate == "42501"
    return erreur


def _executer(sql, parametres=()):
    with curseur_en_savepoint() as cur:
        cur.execute(sql, parametres)


def part(opposition, montant):
    return Part(
        opposition.opposant,
        opposition.opposant_iban,
        opposition.opposant_bic,
        Decimal(montant),
        opposition.pk,
    )


def test_la_base_refuse_des_versements_au_dela_du_montant_de_l_opposition(comptable):
    opposition = enregistrer(comptable, montant="1000.00")
    _executer(INSERER, [opposition.pk, "600.00", "od:1", AUJOURD_HUI, comptable.pk])

    erreur = _refus_sql(
        INSERER,
        [opposition.pk, "400.01", "od:2", AUJOURD_HUI, comptable.pk],
        f"L'opposition n° {opposition.pk} ne vaut qu'à concurrence de 1000,00 € "
        "(circulaire 93/82 §2.1.5) : 600,00 € ont déjà été versés à l'opposant, il reste "
        "400,00 €, un versement de 400,01 € la dépasserait.",
    )

    assert erreur.sqlstate == "LG703"
    assert list(Imputation.objects.values_list("montant", flat=True)) == [Decimal("600.00")]


def test_la_base_compte_chaque_ligne_d_une_meme_insertion(comptable):
    opposition = enregistrer(comptable, montant="100.00")
    _refus_sql(
        "INSERT INTO oppositions_imputation (opposition_id, montant, reference, le, par_id)"
        " VALUES (%s, 60, 'od:1', %s, %s), (%s, 60, 'od:2', %s, %s)",
        [opposition.pk, AUJOURD_HUI, comptable.pk] * 2,
        "ne vaut qu'à concurrence de 100,00 €",
    )
    assert not Imputation.objects.exists()


def test_la_base_refuse_un_versement_anterieur_a_la_signification(comptable):
    opposition = enregistrer(comptable, signifiee_le=il_y_a(10))
    _refus_sql(
        INSERER,
        [opposition.pk, "10.00", "od:1", il_y_a(11), comptable.pk],
        "une opposition n'a d'effet qu'une fois signifiée (circulaire 93/82 §2.1.5)",
    )
    assert not Imputation.objects.exists()


def test_les_versements_imputes_ne_se_modifient_ni_ne_se_suppriment(comptable):
    opposition = enregistrer(comptable)
    services.imputer(
        acting_user=comptable, part=part(opposition, "10.00"), reference="od:1", le=AUJOURD_HUI
    )
    message = "Un versement imputé sur une opposition ne se modifie ni ne se supprime"
    _refus_sql("UPDATE oppositions_imputation SET montant = 1", [], message)
    _refus_sql("DELETE FROM oppositions_imputation", [], message)
    assert list(Imputation.objects.values_list("montant", flat=True)) == [Decimal("10.00")]


def test_une_opposition_ne_se_supprime_pas(comptable):
    opposition = enregistrer(comptable)
    _refus_sql(
        "DELETE FROM oppositions_opposition WHERE id = %s",
        [opposition.pk],
        "Une opposition ne se supprime pas : elle prend fin par une mainlevée",
    )
    assert Opposition.objects.filter(pk=opposition.pk).exists()


def test_avant_tout_versement_l_opposition_se_corrige(comptable):
    opposition = enregistrer(comptable, montant="1000.00")
    _executer("UPDATE oppositions_opposition SET montant = 1200 WHERE id = %s", [opposition.pk])
    assert Opposition.objects.get(pk=opposition.pk).montant == Decimal("1200.00")


@pytest.mark.parametrize(
    "changement",
    [
        "montant = 5000",
        "creancier_identifiant = '98765432100019'",
        "creancier_nom = 'Autre SARL'",
        "signifiee_le = signifiee_le - 1",
    ],
)
def test_apres_un_versement_l_opposition_est_figee(comptable, changement):
    opposition = enregistrer(comptable, montant="1000.00")
    services.imputer(
        acting_user=comptable, part=part(opposition, "10.00"), reference="od:1", le=AUJOURD_HUI
    )
    _refus_sql(
        f"UPDATE oppositions_opposition SET {changement} WHERE id = %s",
        [opposition.pk],
        f"Des versements ont déjà été imputés sur l'opposition n° {opposition.pk} : son "
        "montant, son créancier et sa date de signification ne peuvent plus être modifiés",
    )
    relue = Opposition.objects.get(pk=opposition.pk)
    assert (relue.montant, relue.creancier_identifiant, relue.signifiee_le) == (
        Decimal("1000.00"),
        opposition.creancier_identifiant,
        opposition.signifiee_le,
    )


def test_une_mainlevee_enregistree_ne_s_annule_pas(comptable):
    opposition = enregistrer(comptable)
    services.opposition_mainlevee(acting_user=comptable, opposition=opposition, le=il_y_a(1))
    _refus_sql(
        "UPDATE oppositions_opposition SET mainlevee_le = NULL WHERE id = %s",
        [opposition.pk],
        "elle ne se modifie ni ne s'annule",
    )
    assert Opposition.objects.get(pk=opposition.pk).mainlevee_le == il_y_a(1)


@pytest.mark.django_db(transaction=True)
def test_deux_insertions_concurrentes_ne_depassent_pas_l_opposition(comptable):
    """The second transaction waits on the opposition's lock, then sees the first one's row."""
    opposition = enregistrer(comptable, montant="100.00")
    resultat = {}

    with connexion_brute() as premiere, premiere.cursor() as cur:
        cur.execute(INSERER, [opposition.pk, "60.00", "od:1", AUJOURD_HUI, comptable.pk])
        pid_seconde = {}

        def seconde():
            with connexion_brute() as conn, conn.cursor() as cur2:
                pid_seconde["pid"] = conn.info.backend_pid
                try:
                    cur2.execute(
                        INSERER, [opposition.pk, "60.00", "od:2", AUJOURD_HUI, comptable.pk]
                    )
                    conn.commit()
                    resultat["seconde"] = "acceptée"
                except psycopg.Error as exc:
                    resultat["seconde"] = exc.sqlstate

        fil = threading.Thread(target=seconde)
        fil.start()
        attendue = False
        for _ in range(100):
            time.sleep(0.05)
            if "pid" in pid_seconde:
                attente = cur.execute(
                    "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                    [pid_seconde["pid"]],
                ).fetchone()
                if attente and attente[0] == "Lock":
                    attendue = True
                    break
        premiere.commit()
        fil.join(timeout=10)

    assert attendue, "la seconde insertion aurait dû attendre le verrou de l'opposition"
    assert resultat == {"seconde": "LG703"}
    assert list(Imputation.objects.values_list("montant", flat=True)) == [Decimal("60.00")]


@pytest.mark.django_db(transaction=True)
def test_deux_paiements_simultanes_ne_prennent_pas_deux_fois_le_reste(comptable):
    opposition = enregistrer(comptable, montant="100.00")
    depart = threading.Barrier(2)
    issues = {}

    def payer(reference):
        try:
            depart.wait()
            services.imputer(
                acting_user=comptable,
                part=part(opposition, "60.00"),
                reference=reference,
                le=AUJOURD_HUI,
            )
            issues[reference] = "imputé"
        except OppositionDepassee as exc:
            issues[reference] = exc.message
        finally:
            connections.close_all()

    fils = [threading.Thread(target=payer, args=(f"od:{n}",)) for n in (1, 2)]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join(timeout=30)

    assert sorted(issues.values())[-1] == "imputé"
    refus = sorted(issues.values())[0]
    assert "il en reste 40,00\u00a0€, un versement de 60,00\u00a0€ la dépasserait" in refus
    assert list(Imputation.objects.values_list("montant", flat=True)) == [Decimal("60.00")]


@pytest.fixture
def en_role_applicatif():
    with connection.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app'")
        if cur.fetchone() is None:
            pytest.skip("rôle caisse_app absent de cette base")
        cur.execute("SET ROLE caisse_app")
    yield
    with connection.cursor() as cur:
        cur.execute("RESET ROLE")


@pytest.mark.django_db(transaction=True)
def test_sous_le_role_applicatif_on_impute_mais_on_ne_reecrit_rien(comptable, en_role_applicatif):
    opposition = enregistrer(comptable)
    services.imputer(
        acting_user=comptable, part=part(opposition, "10.00"), reference="od:1", le=AUJOURD_HUI
    )
    assert services.reste_opposable(opposition) == Decimal("990.00")

    for sql in (
        "UPDATE oppositions_imputation SET montant = 1",
        "DELETE FROM oppositions_imputation",
        "TRUNCATE oppositions_imputation",
        "DELETE FROM oppositions_opposition",
    ):
        with connexion_brute() as conn:
            with pytest.raises(psycopg.Error) as erreur, conn.cursor() as cur:
                cur.execute("SET ROLE caisse_app")
                cur.execute(sql)
            conn.rollback()
        assert erreur.value.sqlstate == "42501", sql  # insufficient_privilege
    assert list(Imputation.objects.values_list("montant", flat=True)) == [Decimal("10.00")]
