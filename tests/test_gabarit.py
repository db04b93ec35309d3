"""The recorded schema the test databases are copied from (tests/gabarit.py)."""

import hashlib

import pytest
from django.db import connection

from tests import gabarit


def test_la_base_enregistree_est_celle_des_migrations_actuelles():
    assert gabarit.entete().get("empreinte") == gabarit.empreinte(), (
        "tests/gabarit/base.sql ne correspond plus aux migrations (une migration, son SQL"
        " ou les données qu'elle charge ont changé) : la suite migre chaque base de test."
        " Produisez-la de nouveau avec `make base-tests` et enregistrez-la."
    )


def test_la_base_de_test_est_copiee_du_gabarit_avec_les_droits_de_la_base(db):
    """The worker's database came from the template, and the database's own
    privilege (no temporary tables, comptes_annuels 0007) is there too."""
    entete = gabarit.entete()
    if gabarit.identite_du_serveur(connection) != (entete["postgresql"], entete["utilisateur"]):
        pytest.skip(
            "serveur d'une autre version ou d'un autre utilisateur : les bases sont migrées"
        )
    modele = connection.settings_dict["TEST"].get("TEMPLATE")
    assert modele is not None, "la base de test a été migrée : voir le test précédent"
    contenu = gabarit.FICHIER.read_bytes()
    assert modele == gabarit.PREFIXE + hashlib.sha256(contenu).hexdigest()[:16]
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT has_database_privilege('caisse_app', current_database(), 'TEMPORARY'),"
            " has_database_privilege('public', current_database(), 'TEMPORARY'),"
            " (SELECT count(*) FROM django_migrations)"
        )
        assert curseur.fetchone() == (False, False, len(_migrations()))


def _migrations():
    from django.db.migrations.loader import MigrationLoader

    return MigrationLoader(None, ignore_no_migrations=True).disk_migrations
