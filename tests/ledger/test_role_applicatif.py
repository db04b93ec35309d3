"""The application's role owns nothing: what it may not do, PostgreSQL refuses."""

import pytest
from django.db import connection

from ledger.integrite import verifier_integrite
from ledger.models import Ecriture
from ledger.services import LigneSaisie, ecriture_passer
from tests.savepoint import refus_sql

# Under its role the application commits for real (the deferred checks run as
# caisse_app); the refusals need no commit and run in a savepoint.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def en_role_applicatif():
    with connection.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
    yield
    with connection.cursor() as cur:
        cur.execute("RESET ROLE")


def test_l_application_travaille_sous_son_role(comptable, exercice, jour, en_role_applicatif):
    ecriture = ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=jour,
        libelle="Sous caisse_app",
        lignes=[LigneSaisie("531", debit="10.00"), LigneSaisie("5122", credit="10.00")],
    )
    assert ecriture.numero == 1
    assert verifier_integrite().intact


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("ALTER TABLE ledger_ligne DISABLE TRIGGER ligne_ajout_seul", "must be owner"),
        ("ALTER TABLE ledger_ecriture DISABLE TRIGGER ALL", "must be owner"),
        ("DROP TRIGGER ligne_ajout_seul ON ledger_ligne", "must be owner"),
        ("UPDATE ledger_ligne SET debit = debit", "permission denied"),
        ("DELETE FROM ledger_ecriture", "permission denied"),
        ("TRUNCATE ledger_ligne", "permission denied"),
        ("DELETE FROM core_journalaudit", "permission denied"),
        ("DELETE FROM ledger_compteur", "permission denied"),
        ("SET session_replication_role = replica", "permission denied"),
    ],
)
@pytest.mark.django_db
def test_le_role_applicatif_ne_peut_pas_contourner_les_gardes(
    comptable, exercice, jour, sql, message
):
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=jour,
        libelle="Témoin",
        lignes=[LigneSaisie("531", debit="10.00"), LigneSaisie("5122", credit="10.00")],
    )

    def sous_le_role(cur):
        cur.execute("SET ROLE caisse_app")
        cur.execute(sql)

    refus_sql(sous_le_role, message)  # in a savepoint: the role ends with it
    assert Ecriture.objects.count() == 1
    assert verifier_integrite().intact
