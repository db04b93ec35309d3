"""The database's guards on the credits, tried with raw SQL around the ORM and
real commits: what someone with SQL access could attempt."""

from decimal import Decimal

import pytest
from django.db import connection

from budget import selectors
from budget.models import Credit, ModificationCredit, MouvementCredit
from budget.services import credit_engager, credit_modifier, credit_ordonnancer
from core import horloge
from tests.savepoint import curseur_en_savepoint, refus_sql

pytestmark = pytest.mark.django_db

D = Decimal
NBSP = "\u00a0"


def _refus_sql(sql, message, parametres=(), role=None):
    """PostgreSQL refuses `sql`, run in a savepoint of the test (tests.savepoint)."""

    def faire(cur):
        if role:
            cur.execute(f"SET ROLE {role}")
        cur.execute(sql, parametres)

    return refus_sql(faire, message)


def _sql(sql, parametres=()):
    with curseur_en_savepoint() as cur:
        cur.execute(sql, parametres)


@pytest.fixture
def engage(directrice, exercice, fournitures):
    """1 000,00 engaged and 400,00 ordered on 6064 (1 200,00 opened)."""
    credit_engager(
        acting_user=directrice,
        exercice=exercice,
        compte_numero="6064",
        montant=D("1000.00"),
        reference="ordre_depense:1",
    )
    credit_ordonnancer(
        acting_user=directrice,
        exercice=exercice,
        compte_numero="6064",
        montant=D("400.00"),
        reference="ordre_depense:1",
    )
    return fournitures


def _figures(credit):
    return selectors.situation(credit=credit)


def test_un_mouvement_ne_se_modifie_ni_ne_se_supprime(engage):
    avant = _figures(engage)
    erreur = _refus_sql(
        "UPDATE budget_mouvementcredit SET montant = 1 WHERE credit_id = %s",
        "Un mouvement de crédit ne se modifie ni ne se supprime",
        [engage.pk],
    )
    assert erreur.sqlstate == "LG001"
    _refus_sql(
        "DELETE FROM budget_mouvementcredit WHERE credit_id = %s",
        "Un mouvement de crédit ne se modifie ni ne se supprime",
        [engage.pk],
    )
    assert MouvementCredit.objects.count() == 2
    assert _figures(engage) == avant


def test_une_modification_ne_se_modifie_ni_ne_se_supprime(directrice, engage):
    credit_modifier(
        acting_user=directrice, credit=engage, montant="100", motif="DM 1", le=horloge.aujourdhui()
    )
    for sql in (
        "UPDATE budget_modificationcredit SET montant = 5000",
        "DELETE FROM budget_modificationcredit",
    ):
        _refus_sql(sql, "Une décision modificative de crédits ne se modifie ni ne se supprime")
    assert ModificationCredit.objects.get().montant == D("100.00")
    assert _figures(engage).ouvert == D("1300.00")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE budget_credit SET engage = 0 WHERE id = %s",
        "UPDATE budget_credit SET ordonnance = 0, engage = 500 WHERE id = %s",
        "UPDATE budget_credit SET modifications = 1000000 WHERE id = %s",
        "UPDATE budget_credit SET paye = 100 WHERE id = %s",
    ],
)
def test_les_totaux_ne_se_modifient_pas_directement(engage, sql):
    avant = _figures(engage)
    erreur = _refus_sql(
        sql,
        "Les totaux du crédit 6064 sont tenus par la base à partir de ses mouvements et "
        "modifications : ils ne se modifient pas directement.",
        [engage.pk],
    )
    assert erreur.sqlstate == "LGB01"
    assert _figures(engage) == avant


def test_le_montant_initial_et_le_chapitre_ne_se_modifient_pas(engage):
    for sql in (
        "UPDATE budget_credit SET montant_initial = 5000 WHERE id = %s",
        "UPDATE budget_credit SET chapitre = '606' WHERE id = %s",
    ):
        _refus_sql(
            sql,
            "L'exercice, le chapitre et le montant initial du crédit 6064 ne se modifient pas : "
            "passez une décision modificative.",
            [engage.pk],
        )
    # the label may be corrected
    _sql("UPDATE budget_credit SET libelle = 'Fournitures de bureau' WHERE id = %s", [engage.pk])
    assert Credit.objects.get(pk=engage.pk).libelle == "Fournitures de bureau"


def test_la_base_refuse_un_engagement_au_dela_du_disponible(directrice, engage):
    # given 200,00 available, a writer that skips the service
    erreur = _refus_sql(
        "INSERT INTO budget_mouvementcredit (credit_id, nature, montant, reference, par_id)"
        " VALUES (%s, 'engagement', 250, 'sql', %s)",
        f"Crédits insuffisants au chapitre 6064 (Fournitures administratives) : les "
        f"engagements (1{NBSP}250,00{NBSP}€) dépasseraient les crédits ouverts "
        f"(1{NBSP}200,00{NBSP}€) (circulaire 93/82 §2.1.2).",
        [engage.pk, directrice.pk],
    )
    assert erreur.sqlstate == "LGB04"
    assert _figures(engage).engage == D("1000.00")


@pytest.mark.parametrize(
    ("nature", "montant", "message", "sqlstate"),
    [
        (
            "ordonnancement",
            "600.01",
            "les ordonnancements (1\u00a0000,01\u00a0€) dépasseraient les engagements",
            "LGB05",
        ),
        (
            "paiement",
            "400.01",
            "les paiements (400,01\u00a0€) dépasseraient les ordonnancements",
            "LGB06",
        ),
        (
            "engagement",
            "-600.01",
            "les ordonnancements (400,00\u00a0€) dépasseraient les engagements (399,99\u00a0€)",
            "LGB05",
        ),
        (
            # A negative payment undoes a returned transfer's, recorded in the same
            # act (tresorerie 0016); LGB07 (payé >= 0) stands behind.
            "paiement",
            "-1",
            "ne s'annule que pour un virement retourné par la banque",
            "LG387",
        ),
    ],
)
def test_la_base_garde_l_ordre_des_totaux(directrice, engage, nature, montant, message, sqlstate):
    avant = _figures(engage)
    erreur = _refus_sql(
        "INSERT INTO budget_mouvementcredit (credit_id, nature, montant, reference, par_id)"
        " VALUES (%s, %s, %s, 'sql', %s)",
        message,
        [engage.pk, nature, montant, directrice.pk],
    )
    assert erreur.sqlstate == sqlstate
    assert _figures(engage) == avant


def test_une_insertion_directe_coherente_tient_les_totaux_a_jour(directrice, engage):
    # several movements in one statement, as a bulk import would do
    _sql(
        "INSERT INTO budget_mouvementcredit (credit_id, nature, montant, reference, par_id)"
        " VALUES (%(c)s, 'engagement', 100, 'lot', %(u)s), (%(c)s, 'ordonnancement', 50, 'lot', %(u)s),"
        "        (%(c)s, 'paiement', 30, 'lot', %(u)s)",
        {"c": engage.pk, "u": directrice.pk},
    )
    s = _figures(engage)
    assert (s.engage, s.ordonnance, s.paye, s.disponible) == (
        D("1100"),
        D("450"),
        D("30"),
        D("100"),
    )


def test_une_reduction_directe_sous_les_engagements_est_refusee(directrice, engage):
    _refus_sql(
        "INSERT INTO budget_modificationcredit (credit_id, montant, motif, decidee_le, par_id)"
        " VALUES (%s, -300, 'sql', current_date, %s)",
        "Crédits insuffisants au chapitre 6064",
        [engage.pk, directrice.pk],
    )
    assert _figures(engage).ouvert == D("1200.00")


def test_un_credit_qui_porte_des_mouvements_ne_se_supprime_pas(engage):
    _refus_sql(
        "DELETE FROM budget_credit WHERE id = %s",
        "Le crédit du chapitre 6064 porte des mouvements ou des modifications : il ne peut pas "
        "être supprimé.",
        [engage.pk],
    )
    assert Credit.objects.filter(pk=engage.pk).exists()


def test_un_credit_ne_s_ouvre_pas_avec_des_totaux(exercice):
    _refus_sql(
        "INSERT INTO budget_credit (exercice_id, chapitre, libelle, montant_initial, modifications,"
        " engage, ordonnance, paye) VALUES (%s, '613', 'Locations', 100, 0, 50, 0, 0)",
        "Un crédit s'ouvre sans modification, engagement, ordonnancement ni paiement",
        [exercice.pk],
    )


# --- The application's role -----------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("UPDATE budget_mouvementcredit SET reference = 'x'", "permission denied"),
        ("DELETE FROM budget_mouvementcredit", "permission denied"),
        ("TRUNCATE budget_mouvementcredit", "permission denied"),
        ("UPDATE budget_modificationcredit SET motif = 'x'", "permission denied"),
        ("DELETE FROM budget_credit", "permission denied"),
        ("ALTER TABLE budget_credit DISABLE TRIGGER credit_verifier", "must be owner"),
    ],
)
def test_le_role_applicatif_ne_contourne_pas_les_gardes(engage, sql, message):
    _refus_sql(sql, message, role="caisse_app")
    assert MouvementCredit.objects.count() == 2


def test_l_application_engage_sous_son_role(directrice, exercice, fournitures):
    with connection.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
    try:
        s = credit_engager(
            acting_user=directrice,
            exercice=exercice,
            compte_numero="6064",
            montant=D("100.00"),
            reference="ordre_depense:1",
        )
    finally:
        with connection.cursor() as cur:
            cur.execute("RESET ROLE")
    assert s.disponible == D("1100.00")
