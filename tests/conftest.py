import contextlib
import datetime
import os
import uuid

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.backends.postgresql.operations import DatabaseOperations
from django.db.models.signals import post_migrate

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
from tests import gabarit
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


# After a transactional test (transaction=True, live_server, caisse_demo)
# Django empties the database with its `flush`: one TRUNCATE of every model's
# table, about 150 tables and 850 relations with their indexes and TOAST, each
# given a new file. That took 1.5 to 3 s per test, even when the test had
# written in five tables. The tests' flush empties only the tables that hold
# rows, with DELETE, triggers set aside for the statement's transaction as the
# superuser's TRUNCATE sets them aside (caisse_refuser lets it through): every
# table ends empty, as before. Past a few thousand rows (a massive import)
# DELETE would be slower than TRUNCATE: Django's TRUNCATE of every table then.
#
# Then the rows of the data migrations the tests need are loaded again,
# committed (`_recharger_apres_vidage`): each test after a transactional one
# no longer reloads them in its own transaction (0.1 to 0.3 s) only for its
# rollback to take them away from the next. When the test left every table
# of those rows exactly as loaded (same rows, same values: same fingerprints)
# they are not emptied to be loaded again.
_SQL_FLUSH_DJANGO = DatabaseOperations.sql_flush
_SUPPRESSION_AU_PLUS = 5000
_REFERENTIEL = (
    Compte,
    Journal,
    Parametre,
    RegleRattachement,
    PlanControle,
    PlanControleDepense,
    Rubrique,
    Correspondance,
    ContentType,
    Permission,
)
# Per database: the fingerprint of each table of _REFERENTIEL as last loaded.
_empreintes: dict[str, dict[str, str]] = {}


def _empreintes_referentiel(connexion) -> dict[str, str]:
    tables = [modele._meta.db_table for modele in _REFERENTIEL]
    with connexion.cursor() as curseur:
        curseur.execute(
            " UNION ALL ".join(
                "SELECT %s, (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                f" FROM {connexion.ops.quote_name(table)} t)"
                for table in tables
            ),
            tables,
        )
        return dict(curseur.fetchall())


def _sql_flush_des_tables_remplies(
    self, style, tables, *, reset_sequences=False, allow_cascade=False
):
    base = self.connection.settings_dict["NAME"]
    if reset_sequences or not tables:
        _empreintes.pop(base, None)
        return _SQL_FLUSH_DJANGO(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    # The reference rows point at each other (a correspondance at its rubrique
    # and its account): they are kept only if every table of them is intact,
    # else all are emptied and loaded again.
    intactes = set()
    if (connues := _empreintes.get(base)) and _empreintes_referentiel(self.connection) == connues:
        intactes = set(connues)
    with self.connection.cursor() as curseur:
        curseur.execute(
            " UNION ALL ".join(
                f"SELECT %s, (SELECT count(*) FROM (SELECT FROM {self.quote_name(table)}"
                f" LIMIT {_SUPPRESSION_AU_PLUS + 1}) r)"
                for table in tables
            ),
            list(tables),
        )
        remplies = {
            table: lignes
            for table, lignes in curseur.fetchall()
            if lignes and table not in intactes
        }
    if sum(remplies.values()) > _SUPPRESSION_AU_PLUS:
        _empreintes.pop(base, None)
        return _SQL_FLUSH_DJANGO(self, style, tables, allow_cascade=allow_cascade)
    if not remplies:
        return []
    if set(remplies) & set(_empreintes.get(base, ())):
        _empreintes.pop(base, None)
    return [
        "SET LOCAL session_replication_role = replica",
        *(f"DELETE FROM {self.quote_name(table)}" for table in sorted(remplies)),
    ]


@pytest.fixture(autouse=True, scope="session")
def vidage_des_tables_remplies():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseOperations, "sql_flush", _sql_flush_des_tables_remplies)
        yield


def charger_referentiel() -> None:
    """The rows of the data migrations the tests need: the chart and journals,
    the dated rules, both plans de contrôle, the comptes annuels' mapping
    (each loader creates only what is missing)."""
    charger_plan(Compte, Journal)
    if not RegleRattachement.objects.exists():
        charger_reglementation(Parametre, RegleRattachement)
    charger_plan_controle(PlanControle)
    charger_plan_controle_depenses(PlanControleDepense)
    charger_correspondances(Rubrique, Correspondance)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, django_db_blocker):
    """Each worker's test database is a copy of the migrated schema recorded in
    tests/gabarit/base.sql (see tests/gabarit.py), when it matches the migrations."""
    from django.db import connection

    with django_db_blocker.unblock():
        modele = gabarit.preparer(connection)
    if modele is not None:
        for reglages in (settings.DATABASES["default"], connection.settings_dict):
            reglages.setdefault("TEST", {})["TEMPLATE"] = modele


def _recharger_apres_vidage(sender, using, **kwargs):
    """`migrate` and `flush` end with post_migrate, sent for each application
    in turn: at the last one (content types and permissions are back), the
    data migrations' rows are loaded again if a table of them was emptied,
    and their fingerprints noted."""
    from django.db import connections

    if using != "default":
        return
    connexion = connections[using]
    if connexion.settings_dict["NAME"] not in _empreintes:
        if connexion.settings_dict.get("TEST", {}).get("TEMPLATE"):
            with connexion.cursor() as curseur:
                gabarit.droits_de_la_base(curseur)
        charger_referentiel()
        _empreintes[connexion.settings_dict["NAME"]] = _empreintes_referentiel(connexion)


post_migrate.connect(
    _recharger_apres_vidage,
    # post_migrate goes to the applications that have models, in their order.
    sender=[a for a in apps.get_app_configs() if a.models_module is not None][-1],
    dispatch_uid="tests.recharger_apres_vidage",
    weak=False,
)


# The files that take longest (--durations=0 on 1/12/2026, 5 s and more), run
# first: `--dist loadfile` hands the files to the workers in collection order,
# and the longest came last (the top-level tests/test_*.py), keeping one worker
# busy alone for a minute or two at the end of the suite. `make test` passes
# --no-loadscope-reorder: xdist would otherwise sort the files by their number
# of tests, which sends the long files of few tests (browser, fuzzing) last.
LONGS_D_ABORD = (
    "tests/test_schemathesis.py",
    "tests/test_navigateur.py",
    "tests/accueil/test_demo_30_novembre.py",
    "tests/test_requetes.py",
    "tests/ordres/test_pouvoirs_separation.py",
    "tests/test_navigateur_recouvrement.py",
    "tests/test_navigateur_responsabilite.py",
    "tests/test_navigateur_fin_exercice.py",
    "tests/recouvrement/test_amiable_navigateur.py",
    "tests/ledger/test_exports.py",
    "tests/test_navigateur_jeton.py",
    "tests/tresorerie/test_documents_lot.py",
    "tests/test_navigateur_regie.py",
    "tests/tresorerie/test_api.py",
    "tests/test_navigateur_pieces.py",
    "tests/test_replique.py",
    "tests/core/test_production.py",
    "tests/test_navigateur_opposition.py",
    "tests/accueil/test_demo_cycle.py",
    "tests/recouvrement/test_contentieux_navigateur.py",
    "tests/tresorerie/test_retours_releve.py",
    "tests/recouvrement/test_amiable.py",
    "tests/tresorerie/test_pages.py",
    "tests/test_navigateur_delegation.py",
    "tests/ledger/test_restauration.py",
    "tests/oppositions/test_paiements_oppositions.py",
    "tests/inventaire/test_reprise_provisions.py",
    "tests/ledger/test_concurrence_integrite.py",
    "tests/tresorerie/test_regies_demo.py",
    "tests/tresorerie/test_demo.py",
    "tests/ledger/test_enregistrement.py",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The longest files first (stable sort: the others keep their order)."""
    rang = {fichier: i for i, fichier in enumerate(LONGS_D_ABORD)}
    items.sort(key=lambda item: rang.get(item.nodeid.partition("::")[0], len(rang)))


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
    from django.db import connection

    if connection.settings_dict["NAME"] in _empreintes:
        # Loaded and committed after the last migrate or flush of this database
        # (`_recharger_apres_vidage`): nothing to reload (30 queries a test).
        return
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


# This run, as every worker of it knows it (xdist's id of the run), or this
# process's own when the suite runs without xdist.
_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex[:16]


@pytest.fixture(scope="session")
def _modele_demo(django_db_setup, django_db_blocker):
    """The template database holding the demo year as of the suite's today
    (its name, and the number of entries the demo posted), loaded once for
    the whole run: the first worker that needs it loads it
    (about 20 s of CPU), the others wait for it and copy it. It outlives the
    workers (one may still copy it when another ends) and is dropped by the
    next run."""
    from django.db import connection

    from accueil.demo import charger_demo

    base = connection.settings_dict["NAME"]
    racine = os.environ.get("CAISSE_TEST_DB", "test_caisse")
    modele = f"{racine}_demo_commun_{_RUN}"
    with django_db_blocker.unblock(), _connexion_serveur() as verrou:
        verrou.execute("SELECT pg_advisory_lock(hashtext(%s))", [racine + "_demo_commun"])
        try:
            verrou.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                [modele],
            )
            if (ligne := verrou.fetchone()) is not None and ligne[0]:
                ecritures = int(ligne[0])
            else:
                verrou.execute(
                    "SELECT datname FROM pg_database WHERE starts_with(datname, %s)",
                    [f"{racine}_demo_commun_"],
                )
                for (ancien,) in verrou.fetchall():
                    _supprimer(ancien)
                _cloner(base, modele)
                with _sur_la_base(modele):
                    # Data migrations' rows a transactional test may have flushed from the base.
                    charger_referentiel()
                    ecritures = charger_demo(aujourd_hui=horloge_caisse.aujourdhui())
                # Noted last: a load cut short is done again.
                verrou.execute(f"COMMENT ON DATABASE \"{modele}\" IS '{int(ecritures)}'")
        finally:
            verrou.execute("SELECT pg_advisory_unlock(hashtext(%s))", [racine + "_demo_commun"])
    yield modele, ecritures


@pytest.fixture(scope="session")
def _modele_demo_30_novembre(django_db_setup, django_db_blocker):
    """The template database holding the demo year as of 30 November 2026
    (loaded once for every test of that day on this worker)."""
    from django.db import connection

    from accueil.demo import charger_demo

    base = connection.settings_dict["NAME"]
    modele = f"{base}_modele_demo_30_novembre"
    jour = datetime.date(2026, 11, 30)
    with django_db_blocker.unblock(), horloge_caisse.figer(jour):
        _cloner(base, modele)
        with _sur_la_base(modele):
            charger_referentiel()
            ecritures = charger_demo(aujourd_hui=jour)
    yield ecritures
    with django_db_blocker.unblock():
        _supprimer(modele)


@pytest.fixture
def caisse_demo_30_novembre(transactional_db, _modele_demo_30_novembre, django_db_blocker):
    """A fresh copy of the demo fund as of 30 November 2026, the clock on that
    day; returns the number of entries the demo posted."""
    from django.db import connection

    base = connection.settings_dict["NAME"]
    copie = f"{base}_demo"
    with django_db_blocker.unblock():
        _cloner(f"{base}_modele_demo_30_novembre", copie)
    with horloge_caisse.figer(datetime.date(2026, 11, 30)), _sur_la_base(copie):
        yield _modele_demo_30_novembre
    with django_db_blocker.unblock():
        _supprimer(copie)


@pytest.fixture
def caisse_demo(transactional_db, _modele_demo, django_db_blocker):
    """A fresh copy of the demo fund (SCENARIOS.md) for this test; returns
    the number of entries the demo posted. The test runs outside a wrapping
    transaction, on its own database, which is dropped afterwards."""
    from django.db import connection

    modele, ecritures = _modele_demo
    copie = f"{connection.settings_dict['NAME']}_demo"
    with django_db_blocker.unblock():
        _cloner(modele, copie)
    with _sur_la_base(copie):
        yield ecritures
    with django_db_blocker.unblock():
        _supprimer(copie)
