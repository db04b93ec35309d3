import contextlib
import datetime
import os

import pytest
from django.conf import settings

from comptes_annuels.defaut import charger_correspondances
from comptes_annuels.models import Correspondance, Rubrique
from core import horloge as horloge_caisse
from depenses.models import PlanControleDepense
from depenses.plan_controle import charger_plan_controle_depenses
from ledger.models import Compte, Journal
from ledger.plan import charger_plan
from personnes.models import Fonction
from recettes.models import PlanControle
from recettes.plan_controle import charger_plan_controle
from reglementation.donnees import charger_reglementation
from reglementation.models import Parametre, RegleRattachement
from tests.clients import ClientAvecJeton
from tests.factories import personne

# The suite's today: a mid-year working day, far from the période complémentaire
# and the year-end. Many fixtures date their entries in the first half of the
# current year, so the suite holds on this day (whatever the real date); the
# tests of January and year-end move the clock with the `horloge` fixture.
# CAISSE_HORLOGE_TESTS changes the day for exploration only.
HORLOGE_TESTS = os.environ.get("CAISSE_HORLOGE_TESTS", "2026-06-15")


# Set when this conftest is imported, before pytest loads the conftests below
# it (a targeted run loads tests/<app>/conftest.py before pytest_configure), so
# that module-level dates (AUJOURD_HUI) and the live server's threads read the
# same frozen day.
settings.CAISSE_HORLOGE = HORLOGE_TESTS
# Production hashes at a million PBKDF2 iterations; tests create hundreds of
# users and re-check a password at every signature. MD5 is for tests only.
settings.PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    *settings.PASSWORD_HASHERS,
]


@pytest.fixture
def client():
    """Django's test client, except that a POST without the form's one-time
    token gets a fresh valid one for the person logged in (`tests/clients.py`):
    the page tests post their data as the rendered form would. The tests of the
    tokens themselves (tests/core/test_jetons*.py) post with Django's plain
    `Client`, which adds nothing."""
    return ClientAvecJeton()


@pytest.fixture(autouse=True, scope="session")
def horloge_figee():
    """The whole suite runs on one frozen day (HORLOGE_TESTS)."""
    with horloge_caisse.figer(HORLOGE_TESTS) as instant:
        yield instant


@pytest.fixture
def horloge():
    """Move the clock within a test: `horloge(datetime.date(annee + 1, 1, 20))`.

    Each call freezes the clock at a new day until the end of the test."""
    with contextlib.ExitStack() as pile:

        def figer(valeur):
            return pile.enter_context(horloge_caisse.figer(valeur))

        yield figer


@pytest.fixture(autouse=True)
def plan_comptable(request):
    """The chart, journals, dated rules and plan de contrôle come from data
    migrations; transactional tests empty every table after them, so reload
    them where a test needs the db."""
    if "django_db" not in {m.name for m in request.node.iter_markers()} and not any(
        f in request.fixturenames for f in ("db", "transactional_db")
    ):
        return
    request.getfixturevalue(
        "db" if "transactional_db" not in request.fixturenames else "transactional_db"
    )
    charger_plan(Compte, Journal)
    if not RegleRattachement.objects.exists():
        charger_reglementation(Parametre, RegleRattachement)
    charger_plan_controle(PlanControle)
    charger_plan_controle_depenses(PlanControleDepense)


@pytest.fixture
def comptable(db):
    return personne("comptable", Fonction.AGENT_COMPTABLE)


@pytest.fixture
def directrice(db):
    return personne("directrice", Fonction.DIRECTEUR)


@pytest.fixture
def auditeur(db):
    return personne("auditeur", Fonction.AUDITEUR)


@pytest.fixture
def annee():
    return horloge_caisse.aujourdhui().year


@pytest.fixture
def exercice(comptable, annee):
    from ledger.services import exercice_ouvrir

    return exercice_ouvrir(acting_user=comptable, annee=annee)


@pytest.fixture
def jour(annee):
    return datetime.date(annee, 3, 15)


# The demo year, loaded once into a template database and cloned for each test.
#
# Loading it posts a few thousand entries through the services (seconds);
# `CREATE DATABASE … TEMPLATE` copies the result in a fraction of that. Each
# test that asks for `caisse_demo` runs on its own fresh copy (so a test that
# signs, pays or imports leaves nothing behind), then the connection settings
# point back at the ordinary test database.


def _connexion_serveur():
    """A connection to the cluster's maintenance database, outside any test base."""
    from django.db import connection

    return connection._nodb_cursor()


def _sans_autres_sessions(nom: str) -> None:
    """Close our connections to `nom`, and end any a thread of ours left open
    (a live-server request, a concurrency test): a template must be idle."""
    from django.db import connections

    connections.close_all()
    with _connexion_serveur() as curseur:
        curseur.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [nom],
        )


def _cloner(source: str, cible: str) -> None:
    _sans_autres_sessions(source)
    with _connexion_serveur() as curseur:
        curseur.execute(f'DROP DATABASE IF EXISTS "{cible}" WITH (FORCE)')
        curseur.execute(f'CREATE DATABASE "{cible}" TEMPLATE "{source}"')
        # A database's own privileges are not copied from its template: no
        # temporary tables for the application, as migration comptes_annuels
        # 0007 decided for the source.
        curseur.execute(f'REVOKE TEMPORARY ON DATABASE "{cible}" FROM PUBLIC, caisse_app')


def _supprimer(nom: str) -> None:
    with _connexion_serveur() as curseur:
        curseur.execute(f'DROP DATABASE IF EXISTS "{nom}" WITH (FORCE)')


@contextlib.contextmanager
def _sur_la_base(nom: str):
    """Point every connection (this thread's, the live server's) at base `nom`."""
    from django.db import connections

    reglages = {
        id(d): d
        for d in (
            connections["default"].settings_dict,
            connections.settings["default"],
            settings.DATABASES["default"],
        )
    }
    ancien = connections["default"].settings_dict["NAME"]
    connections.close_all()
    for d in reglages.values():
        d["NAME"] = nom
    try:
        yield
    finally:
        connections.close_all()
        for d in reglages.values():
            d["NAME"] = ancien


@pytest.fixture(scope="session")
def _modele_demo(django_db_setup, django_db_blocker):
    """The template database holding the demo year as of the suite's today."""
    from django.db import connection

    from accueil.demo import charger_demo

    base = connection.settings_dict["NAME"]
    modele = f"{base}_modele_demo"
    with django_db_blocker.unblock():
        _cloner(base, modele)
        with _sur_la_base(modele):
            charger_plan(Compte, Journal)
            if not RegleRattachement.objects.exists():
                charger_reglementation(Parametre, RegleRattachement)
            charger_plan_controle(PlanControle)
            charger_plan_controle_depenses(PlanControleDepense)
            # Data migrations' rows a transactional test may have flushed from the base.
            charger_correspondances(Rubrique, Correspondance)
            ecritures = charger_demo(aujourd_hui=horloge_caisse.aujourdhui())
    yield ecritures
    with django_db_blocker.unblock():
        _supprimer(modele)


@pytest.fixture
def caisse_demo(transactional_db, _modele_demo, django_db_blocker):
    """A fresh copy of the demo fund (SCENARIOS.md) for this test; returns
    the number of entries the demo posted. The test runs outside a wrapping
    transaction, on its own database, which is dropped afterwards."""
    from django.db import connection

    base = connection.settings_dict["NAME"]
    copie = f"{base}_demo"
    with django_db_blocker.unblock():
        _cloner(f"{base}_modele_demo", copie)
    with _sur_la_base(copie):
        yield _modele_demo
    with django_db_blocker.unblock():
        _supprimer(copie)
