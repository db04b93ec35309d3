"""The auditors' reads served by a read-only replica (issue 16, point 7).

A second embedded cluster, in streaming replication, is started for this
module: a dedicated primary (its own initdb, which receives a pg_dump of the
worker's test database: a base backup of the suite's cluster would copy every
other database it holds, benchmarks included), and its standby made with
`pg_basebackup -R -X stream` while the primary is still empty (small), hot
standby; the restored database reaches it by streaming. For the module, the alias `default`
points at that primary and the alias `replique` at the standby (a mirror of
`default`: Django neither creates nor flushes anything there).

The proof that the auditor reads the standby: replay is paused, an entry is
posted on the primary; the auditor's balance (page and API) does not show it
yet, the comptable's does; replay resumes and the auditor sees it.

Two clusters started, a dump restored: about 15 s on an idle machine, more under
load. Both are stopped and their folders removed at the end, failure or not.
"""

from __future__ import annotations

import copy
import logging
import os
import shutil
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import DatabaseError, connections, router
from django.test.utils import CaptureQueriesContext
from psycopg import sql
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core import replique
from ledger.integrite import verifier_integrite
from ledger.models import Compte, Ecriture
from ledger.services import LigneSaisie, ecriture_passer
from tests.postgres import binaire, conninfo

ALIASES = ["default", replique.ALIAS]
pytestmark = pytest.mark.django_db(transaction=True, databases=ALIASES)

UTILISATEUR_SYSTEME = "pgserver" if os.geteuid() == 0 else None


def _dossier(prefixe: str) -> Path:
    # As root, the server runs as pgserver's user, who must reach the folder:
    # /var/tmp's parents are traversable (config/embedded.py).
    dossier = Path(
        tempfile.mkdtemp(prefix=prefixe, dir="/var/tmp" if UTILISATEUR_SYSTEME else None)
    )
    if UTILISATEUR_SYSTEME:
        shutil.chown(dossier, UTILISATEUR_SYSTEME, UTILISATEUR_SYSTEME)
    return dossier


def _conninfo(reglages: dict, **modifs) -> str:
    params = {
        "dbname": reglages["NAME"],
        "user": reglages["USER"],
        "host": reglages["HOST"] or None,
        "port": reglages["PORT"] or None,
    }
    params.update(modifs)
    return conninfo(**params)


def _sauvegarder(dossier: Path) -> subprocess.Popen:
    """pg_dump of the worker's test database, started in the background."""
    source = connections["default"].settings_dict
    return subprocess.Popen(
        [
            binaire("pg_dump"),
            "--format=custom",
            f"--file={dossier / 'caisse.dump'}",
            _conninfo(source),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _copier_la_base(primaire, nom: str, dossier: Path, sauvegarde: subprocess.Popen) -> None:
    """The dump of `_sauvegarder`, restored under the same name on `primaire`."""
    with psycopg.connect(_conninfo(connections["default"].settings_dict)) as conn:
        roles = [
            r
            for (r,) in conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' AND rolname <> current_user"
            )
        ]
    assert sauvegarde.wait() == 0, "pg_dump a échoué"
    with psycopg.connect(primaire.get_uri(), autocommit=True) as conn:
        for role in roles:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(nom)))
    restauration = subprocess.run(
        [
            binaire("pg_restore"),
            "--exit-on-error",
            f"--dbname={primaire.get_uri(nom)}",
            dossier / "caisse.dump",
        ],
        capture_output=True,
        text=True,
    )
    assert restauration.returncode == 0, restauration.stderr


def _demarrer_la_replique(primaire, dossier: Path) -> None:
    """pg_basebackup -R -X stream of `primaire` into `dossier`, then start it (hot standby)."""
    socket_primaire = str(primaire.get_postmaster_info().socket_dir)
    subprocess.run(
        [
            binaire("pg_basebackup"),
            f"--pgdata={dossier}",
            "--write-recovery-conf",
            "--wal-method=stream",
            "--checkpoint=fast",
            f"--host={socket_primaire}",
            "--username=postgres",
        ],
        check=True,
        capture_output=True,
        user=UTILISATEUR_SYSTEME,
    )
    # The primary's socket lock came with the copy (its socket, a special file, did not).
    for verrou in dossier.glob(".s.PGSQL.*"):
        verrou.unlink()
    subprocess.run(
        [
            binaire("pg_ctl"),
            "-D",
            str(dossier),
            "-w",
            "-t",
            "30",
            "-l",
            str(dossier / "journal"),
            "-o",
            f"-h '' -k {dossier} -c hot_standby=on",
            "start",
        ],
        check=True,
        capture_output=True,
        user=UTILISATEUR_SYSTEME,
    )


def _arreter(dossier: Path) -> None:
    subprocess.run(
        [binaire("pg_ctl"), "-D", str(dossier), "-m", "immediate", "-w", "stop"],
        capture_output=True,
        user=UTILISATEUR_SYSTEME,
    )


@pytest.fixture(scope="module")
def grappes(django_db_setup, django_db_blocker):
    """A dedicated primary and its standby; `default` and `replique` point at them."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    nom = connections["default"].settings_dict["NAME"]
    dossier_primaire = _dossier("caisse-primaire-")
    dossier_replique = _dossier("caisse-replique-")
    travail = Path(tempfile.mkdtemp(prefix="caisse-sauvegarde-"))
    primaire = None
    reglages_default = {
        id(d): d
        for d in (
            connections["default"].settings_dict,
            connections.settings["default"],
            settings.DATABASES["default"],
        )
    }
    hote_d_origine = connections["default"].settings_dict["HOST"]
    try:
        with django_db_blocker.unblock():
            connections.close_all()
            sauvegarde = _sauvegarder(travail)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                primaire = pgserver.get_server(dossier_primaire, cleanup_mode="delete")
            # The standby is copied from the still empty primary (a small base
            # backup); the restored database then reaches it by streaming.
            _demarrer_la_replique(primaire, dossier_replique)
            _copier_la_base(primaire, nom, travail, sauvegarde)
            for d in reglages_default.values():
                d["HOST"] = str(primaire.get_postmaster_info().socket_dir)
            reglages_replique = copy.deepcopy(connections["default"].settings_dict)
            reglages_replique["HOST"] = str(dossier_replique)
            reglages_replique["TEST"] = {**reglages_replique["TEST"], "MIRROR": "default"}
            connections.settings[replique.ALIAS] = reglages_replique
            settings.DATABASES[replique.ALIAS] = reglages_replique
            yield {"primaire": _conninfo(connections["default"].settings_dict)}
    finally:
        with django_db_blocker.unblock():
            connections.close_all()
        connections.settings.pop(replique.ALIAS, None)
        settings.DATABASES.pop(replique.ALIAS, None)
        if hasattr(connections._connections, replique.ALIAS):
            delattr(connections._connections, replique.ALIAS)
        for d in reglages_default.values():
            d["HOST"] = hote_d_origine
        _arreter(dossier_replique)
        if primaire is not None:
            # Stopped at once (no shutdown checkpoint): the folder is removed anyway.
            _arreter(dossier_primaire)
            primaire.cleanup()
        for dossier in (dossier_primaire, dossier_replique, travail):
            shutil.rmtree(dossier, ignore_errors=True)


def _sur_la_replique(requete: str, params=()):
    """A superuser's statement on the standby (replay control), outside Django."""
    reglages = connections[replique.ALIAS].settings_dict
    with psycopg.connect(_conninfo(reglages), autocommit=True) as conn:
        return conn.execute(requete, params).fetchone()


def _attendre_le_rejeu(delai: float = 20.0) -> None:
    """Until the standby has replayed everything the primary has written so far."""
    with connections["default"].cursor() as curseur:
        curseur.execute("SELECT pg_current_wal_lsn()")
        (lsn,) = curseur.fetchone()
    fin = time.monotonic() + delai
    while not _sur_la_replique("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn])[0]:
        assert time.monotonic() < fin, "la réplique ne rattrape pas la base principale"
        time.sleep(0.05)


def _passer(comptable, exercice, jour, montant: str):
    return ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=jour,
        libelle=f"Frais {montant}",
        lignes=[LigneSaisie("627", debit=montant), LigneSaisie("5122", credit=montant)],
    )


def _api_du_jeton(personne) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=personne).key}")
    return api


def _mouvements(api, annee) -> str:
    reponse = api.get("/api/balance/", {"exercice": annee})
    assert reponse.status_code == 200, reponse.content
    return reponse.json()["totaux"]["mouvement_debit"]


def test_la_balance_de_l_auditeur_vient_de_la_replique(
    grappes, client, comptable, directrice, auditeur, exercice, annee, jour
):
    _passer(comptable, exercice, jour, "100.00")
    api_auditeur = _api_du_jeton(auditeur)
    api_comptable = _api_du_jeton(comptable)
    _attendre_le_rejeu()
    with connections[replique.ALIAS].cursor() as curseur:
        curseur.execute("SELECT pg_is_in_recovery()")
        assert curseur.fetchone()[0] is True

    # Replay paused: what the primary commits now is not on the standby.
    _sur_la_replique("SELECT pg_wal_replay_pause()")
    try:
        _passer(comptable, exercice, jour, "23.00")
        with CaptureQueriesContext(connections[replique.ALIAS]) as sur_la_replique:
            assert _mouvements(api_auditeur, annee) == "100.00"
            client.force_login(auditeur)
            page = client.get("/comptabilite/balance/", {"exercice": annee})
        assert page.status_code == 200
        # (Read before the next request: Django empties the query log at each request.)
        assert any("ledger_cumul" in q["sql"] for q in sur_la_replique.captured_queries)
        assert "100,00" in page.text and "123,00" not in page.text
        assert "Lecture sur la réplique : données arrêtées au" in page.text
        # The grand livre too (page, and the CSV streamed after the middlewares).
        livre = {"exercice": annee, "compte": "627"}
        page = client.get("/comptabilite/grand-livre/", livre)
        assert "Frais 100.00" in page.text and "Frais 23.00" not in page.text
        export = client.get("/comptabilite/grand-livre.csv", livre)
        contenu = b"".join(export.streaming_content).decode()
        assert "Frais 100.00" in contenu and "Frais 23.00" not in contenu

        # The comptable and the directrice read the primary, and never the standby.
        with CaptureQueriesContext(connections[replique.ALIAS]) as sur_la_replique:
            assert _mouvements(api_comptable, annee) == "123.00"
            client.force_login(directrice)
            page = client.get("/comptabilite/balance/", {"exercice": annee})
            assert "123,00" in page.text
            assert "Lecture sur la réplique" not in page.text
        assert sur_la_replique.captured_queries == []
    finally:
        _sur_la_replique("SELECT pg_wal_replay_resume()")

    _attendre_le_rejeu()
    assert _mouvements(api_auditeur, annee) == "123.00"

    # The chain, the numbering and the balances recomputed on the standby: intact.
    with (
        replique.lectures_sur_replique(lambda: True),
        CaptureQueriesContext(connections["default"]) as sur_la_principale,
        CaptureQueriesContext(connections[replique.ALIAS]) as sur_la_replique,
    ):
        rapport = verifier_integrite(annee=annee)
    assert rapport.intact, rapport.anomalies
    assert rapport.exercices[0].ecritures == 2
    assert sur_la_replique.captured_queries
    assert sur_la_principale.captured_queries == []


def test_toute_ecriture_sur_la_replique_est_refusee(
    grappes, client, comptable, auditeur, exercice, jour, caplog
):
    _passer(comptable, exercice, jour, "10.00")
    _attendre_le_rejeu()
    replique_ = connections[replique.ALIAS]
    with pytest.raises(DatabaseError) as refus, replique_.cursor() as curseur:
        curseur.execute("UPDATE ledger_compte SET libelle = 'falsifié' WHERE numero = '627'")
    assert refus.value.__cause__.sqlstate == "25006"  # read_only_sql_transaction
    with pytest.raises(DatabaseError):
        Compte.objects.using(replique.ALIAS).create(numero="99999", libelle="intrus", classe=9)
    assert not Compte.objects.filter(numero="99999").exists()

    # In an auditor's request, reads may go to the standby, writes never do: the
    # downloads he makes, his session renewed, all land on the primary (no 500).
    with replique.lectures_sur_replique(lambda: True):
        assert router.db_for_read(Ecriture) == replique.ALIAS
        assert router.db_for_write(Ecriture) == "default"
    client.force_login(auditeur)
    for adresse in ("/comptabilite/balance.pdf", "/comptabilite/balance.csv"):
        reponse = client.get(adresse, {"exercice": exercice.annee})
        assert reponse.status_code == 200, adresse
    # An act of the auditor (a POST) is refused by the droits, on the primary.
    api = _api_du_jeton(auditeur)
    with CaptureQueriesContext(replique_) as sur_la_replique:
        assert api.post("/api/ecritures/passer/", {}, format="json").status_code == 403
    assert sur_la_replique.captured_queries == []

    # The standby unreachable: a warning in the journal, the primary answers.
    reglages = replique_.settings_dict
    hote = reglages["HOST"]
    replique_.close()
    reglages["HOST"] = "/var/tmp/aucune-replique-ici"
    try:
        with caplog.at_level(logging.WARNING, logger="core.replique"):
            page = client.get("/comptabilite/balance/", {"exercice": exercice.annee})
    finally:
        replique_.close()
        reglages["HOST"] = hote
    assert page.status_code == 200
    assert "10,00" in page.text and "Lecture sur la réplique" not in page.text
    assert "Réplique injoignable" in caplog.text
