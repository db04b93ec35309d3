"""The test databases start from the migrated schema, recorded in `tests/gabarit/base.sql`.

Migrating a test database took each worker of the suite about 45 s of CPU:
Django renders its model states again at every operation of the 150
migrations (24 000 model classes built), and the suite's workers each did it.
As Rails loads its `schema.rb` instead of replaying its migrations, the suite
loads the result of the migrations, dumped by `pg_dump` from a database that
`migrate` built (`make base-tests`), into a template database of the cluster
once (`preparer`), and Django creates each worker's test database from that
template (`CREATE DATABASE … TEMPLATE`, settings TEST["TEMPLATE"]). Its
`migrate` then finds every migration applied and only sends post_migrate.

The file records a fingerprint of what the migrations are made of: every
migration module Django loads (ours and the installed packages'), the SQL
files they run, and the modules and data the data migrations read. When the
fingerprint no longer matches (a migration was added or changed), the suite
migrates as before, and `tests/test_gabarit.py` fails until the file is
produced again: the file can be stale, the tests never run on a stale schema.

What a dump does not carry is applied after each copy (`droits_de_la_base`):
the database's own privileges, which a template does not pass on either, and
the role the grants name, which is the cluster's.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

from tests.postgres import binaire, conninfo

RACINE = Path(__file__).resolve().parent.parent
FICHIER = RACINE / "tests" / "gabarit" / "base.sql"
# What the data migrations read besides Python modules.
DONNEES = ("ledger/data/plan_comptable.csv",)
PREFIXE = "caisse_gabarit_"
# The database `make base-tests` migrates and dumps (not a PREFIXE: never dropped as an old template).
PRODUCTION = "caisse_base_tests_production"

# The cluster's role the grants of ledger 0005 name (created there if missing).
SQL_ROLE = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
        CREATE ROLE caisse_app NOLOGIN;
    END IF;
END $$;
"""


def _modules_du_projet(fichier: Path) -> set[Path]:
    """The project's modules a file imports, at any depth of the file (a data
    migration imports its loader inside its function), and theirs in turn."""
    vus: set[Path] = set()
    a_lire = [fichier]
    while a_lire:
        arbre = ast.parse(a_lire.pop().read_text(encoding="utf-8"))
        for noeud in ast.walk(arbre):
            if isinstance(noeud, ast.Import):
                noms = [alias.name for alias in noeud.names]
            elif isinstance(noeud, ast.ImportFrom) and noeud.module and not noeud.level:
                noms = [noeud.module]
            else:
                continue
            for nom in noms:
                for chemin in (
                    RACINE / (nom.replace(".", "/") + ".py"),
                    RACINE / nom.replace(".", "/") / "__init__.py",
                ):
                    if chemin.exists() and chemin not in vus:
                        vus.add(chemin)
                        a_lire.append(chemin)
    return vus


def empreinte() -> str:
    """sha256 of what the migrated schema is made of: the migrations as Django
    loads them (ours and the installed packages'), their SQL files, the
    project's modules they import (core.sql, the loaders of the data
    migrations, the SQL names of oppositions.identifiants…) and the data
    those read, and Django's version (its schema editor writes the DDL)."""
    import django
    from django.db.migrations.loader import MigrationLoader

    chargeur = MigrationLoader(None, ignore_no_migrations=True)
    fichiers: dict[str, Path] = {}
    for migration in chargeur.disk_migrations.values():
        module = Path(sys.modules[migration.__module__].__file__)
        fichiers[migration.__module__] = module
        if module.is_relative_to(RACINE):
            for importe in _modules_du_projet(module):
                fichiers[str(importe.relative_to(RACINE))] = importe
    for sql in RACINE.glob("*/migrations/sql/*.sql"):
        fichiers[str(sql.relative_to(RACINE))] = sql
    for donnee in DONNEES:
        fichiers[donnee] = RACINE / donnee
    condense = hashlib.sha256(f"django {django.__version__}\0".encode())
    for nom in sorted(fichiers):
        condense.update(nom.encode() + b"\0" + fichiers[nom].read_bytes() + b"\0")
    return condense.hexdigest()


def entete(chemin: Path = FICHIER) -> dict[str, str]:
    """The `-- clé: valeur` lines at the top of the recorded file."""
    valeurs = {}
    try:
        with chemin.open(encoding="utf-8") as fichier:
            for ligne in fichier:
                if not (trouve := re.match(r"-- (\w+): (.*)$", ligne.rstrip("\n"))):
                    break
                valeurs[trouve[1]] = trouve[2]
    except FileNotFoundError:
        pass
    return valeurs


def _identite(curseur) -> tuple[str, str]:
    curseur.execute("SELECT current_setting('server_version_num')::int / 10000, current_user")
    majeure, utilisateur = curseur.fetchone()
    return str(majeure), utilisateur


def produire() -> Path:
    """Migrate a new database, dump it into FICHIER, drop it (`make base-tests`)."""
    from django.core.management import call_command
    from django.db import connection, connections

    nom = PRODUCTION
    with connection._nodb_cursor() as curseur:
        curseur.execute(f'DROP DATABASE IF EXISTS "{nom}" WITH (FORCE)')
        curseur.execute(f'CREATE DATABASE "{nom}"')
        majeure, utilisateur = _identite(curseur)
    ancien = connection.settings_dict["NAME"]
    connections.close_all()
    connection.settings_dict["NAME"] = nom
    try:
        call_command("migrate", verbosity=0, interactive=False)
        parametres = connection.get_connection_params()
        connections.close_all()
    finally:
        connection.settings_dict["NAME"] = ancien
    cible = conninfo(
        dbname=nom,
        **{cle: parametres.get(cle) for cle in ("host", "port", "user", "password")},
    )
    vidage = subprocess.run(
        [binaire("pg_dump"), "--no-owner", "--inserts", "--rows-per-insert=200", "--dbname", cible],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    with connection._nodb_cursor() as curseur:
        curseur.execute(f'DROP DATABASE IF EXISTS "{nom}" WITH (FORCE)')
    # psql's meta-commands (\restrict of recent pg_dump) are not SQL.
    vidage = "\n".join(ligne for ligne in vidage.splitlines() if not ligne.startswith("\\"))
    FICHIER.parent.mkdir(exist_ok=True)
    FICHIER.write_text(
        f"-- empreinte: {empreinte()}\n"
        f"-- postgresql: {majeure}\n"
        f"-- utilisateur: {utilisateur}\n"
        "-- Produit par `make base-tests` (tests/gabarit.py) : ne pas modifier à la main.\n"
        + vidage
        + "\n",
        encoding="utf-8",
    )
    return FICHIER


def identite_du_serveur(connection) -> tuple[str, str]:
    """(major version, user) of the server, as the file's header records them."""
    with connection._nodb_cursor() as curseur:
        return _identite(curseur)


def preparer(connection) -> str | None:
    """The name of the template database holding FICHIER, restored once in this
    cluster; None when the file does not match the migrations, this server's
    major version or its user, or does not restore (the suite then migrates)."""
    import psycopg
    from django.db import DatabaseError

    valeurs = entete()
    if valeurs.get("empreinte") != empreinte():
        return None
    contenu = FICHIER.read_bytes()
    # Named after the file's bytes: a file produced again is restored again.
    nom = PREFIXE + hashlib.sha256(contenu).hexdigest()[:16]
    with connection._nodb_cursor() as curseur:
        if _identite(curseur) != (valeurs.get("postgresql"), valeurs.get("utilisateur")):
            return None
        # The workers of the suite start together: one restores, the others wait.
        curseur.execute("SELECT pg_advisory_lock(hashtext(%s))", [PREFIXE])
        try:
            curseur.execute("SELECT datistemplate FROM pg_database WHERE datname = %s", [nom])
            if (ligne := curseur.fetchone()) is not None and ligne[0]:
                return nom
            curseur.execute(f'DROP DATABASE IF EXISTS "{nom}" WITH (FORCE)')
            curseur.execute(f'CREATE DATABASE "{nom}"')
            parametres = {**connection.get_connection_params(), "dbname": nom}
            try:
                with psycopg.connect(**parametres, autocommit=True) as restauration:
                    restauration.execute(SQL_ROLE)
                    restauration.execute(contenu.decode("utf-8"))
            except psycopg.Error as erreur:
                curseur.execute(f'DROP DATABASE IF EXISTS "{nom}" WITH (FORCE)')
                warnings.warn(
                    f"tests/gabarit/base.sql ne se restaure pas sur ce serveur ({erreur}) :"
                    " chaque base de test est migrée.",
                    stacklevel=2,
                )
                return None
            # Marked a template last: a restore cut short is done again.
            curseur.execute(f'ALTER DATABASE "{nom}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false')
            # The templates of files produced before: nobody connects to a
            # template, and a run on another file would restore its own.
            curseur.execute(
                "SELECT datname FROM pg_database"
                " WHERE starts_with(datname, %s) AND datistemplate AND datname <> %s",
                [PREFIXE, nom],
            )
            for (ancien,) in curseur.fetchall():
                try:
                    curseur.execute(f'ALTER DATABASE "{ancien}" WITH IS_TEMPLATE false')
                    curseur.execute(f'DROP DATABASE "{ancien}"')
                except DatabaseError:  # being copied by another run: left for the next one
                    pass
        finally:
            curseur.execute("SELECT pg_advisory_unlock(hashtext(%s))", [PREFIXE])
    return nom


def droits_de_la_base(curseur) -> None:
    """What comptes_annuels 0007 does to the database itself, which neither a
    dump nor a template carries: no temporary tables for the application."""
    curseur.execute(
        "DO $$ BEGIN"
        " EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());"
        " IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN"
        "  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM caisse_app', current_database());"
        " END IF; END $$"
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    print(f"{produire().relative_to(RACINE)} : empreinte {entete()['empreinte'][:16]}")
