"""The ledger's guards hold on a dump restored onto a new cluster (issue 14, point 7).

The test database is dumped with pg_dump and restored onto a fresh embedded
cluster (its own initdb, so its transaction ids start again); there, under
the application's role, the raw-SQL tampering of tests/ledger/test_invariants_sql.py
is tried again and refused with the same codes. The last case forces what a
new cluster would one day do by itself: a posted entry stored with the very
transaction id the tampering transaction has.

About 10 s: initdb and start of the second cluster, dump, restore. The
cluster is stopped and its folder removed at the end.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import tempfile
import warnings
from pathlib import Path

import psycopg
import pytest
from django.db import transaction
from django.utils import timezone
from psycopg import sql

from ledger.models import BalanceFigee, Exercice, LigneBalanceFigee
from ledger.services import LigneSaisie, ecriture_passer
from tests.ledger.sql_brut import connexion_brute, inserer_ecriture, parametres
from tests.postgres import binaire, conninfo

pytestmark = pytest.mark.django_db(transaction=True)

ZERO = "0.00"


def _conninfo(params: dict) -> str:
    return conninfo(**params)


@pytest.fixture
def grappe_neuve():
    """A second embedded PostgreSQL cluster, new (initdb), removed afterwards."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

        # As root, pgserver runs the server as another user, who must reach the
        # folder: /var/tmp's parents are traversable (config/embedded.py).
        parent = "/var/tmp" if os.geteuid() == 0 else None
        dossier = Path(tempfile.mkdtemp(prefix="caisse-restauration-", dir=parent))
        serveur = pgserver.get_server(dossier, cleanup_mode="delete")
    try:
        yield serveur
    finally:
        serveur.cleanup()
        shutil.rmtree(dossier, ignore_errors=True)


def _sauvegarder_et_restaurer(serveur, dossier: Path) -> str:
    """pg_dump of the test database, pg_restore into a new base of `serveur`;
    returns the restored base's URI."""
    sauvegarde = dossier / "caisse.dump"
    with connexion_brute() as conn:
        # The roles the dump grants to (caisse_app, and any a test left): roles
        # belong to the cluster, not to the dump, and are created first.
        roles = [
            nom
            for (nom,) in conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' AND rolname <> current_user"
            )
        ]
    subprocess.run(
        [binaire("pg_dump"), "--format=custom", f"--file={sauvegarde}", _conninfo(parametres())],
        check=True,
        capture_output=True,
    )
    with psycopg.connect(serveur.get_uri(), autocommit=True) as conn:
        existants = {nom for (nom,) in conn.execute("SELECT rolname FROM pg_roles")}
        for nom in set(roles) - existants:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(nom)))
        conn.execute("CREATE DATABASE restauree")
    uri = serveur.get_uri(database="restauree")
    restauration = subprocess.run(
        [binaire("pg_restore"), "--exit-on-error", f"--dbname={uri}", str(sauvegarde)],
        capture_output=True,
        text=True,
    )
    assert restauration.returncode == 0, restauration.stderr
    return uri


def _refus(conn, sqlstate: str, faire) -> None:
    """`faire(cur)` in a transaction of the application's role, committed:
    PostgreSQL must refuse it with `sqlstate`."""
    with pytest.raises(psycopg.Error) as erreur, conn.transaction(), conn.cursor() as cur:
        cur.execute("SET LOCAL ROLE caisse_app")
        faire(cur)
    assert erreur.value.sqlstate == sqlstate, erreur.value


def test_les_gardes_tiennent_sur_une_copie_restauree_dans_une_grappe_neuve(
    grappe_neuve, tmp_path, comptable, exercice, annee, jour
):
    ecriture = ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=jour,
        libelle="Avant la sauvegarde",
        lignes=[LigneSaisie("531", debit="10.00"), LigneSaisie("5122", credit="10.00")],
    )
    clos = Exercice.objects.create(
        annee=annee - 1,
        etat=Exercice.Etat.CLOS,
        ouvert_le=timezone.now() - datetime.timedelta(days=400),
        complementaire_le=timezone.now() - datetime.timedelta(days=100),
        clos_le=timezone.now() - datetime.timedelta(days=50),
    )
    montants = {
        f"{c}_{s}": ZERO for c in ("ouverture", "mouvement", "solde") for s in ("debit", "credit")
    }
    with transaction.atomic():
        balance = BalanceFigee.objects.create(
            exercice=exercice,
            nature=BalanceFigee.Nature.MENSUELLE,
            au=jour,
            figee_le=timezone.now(),
            figee_par=comptable,
            empreinte="0" * 64,
            **montants,
        )
        LigneBalanceFigee.objects.create(
            balance=balance, rang=1, numero="531", libelle="Caisse", classe=5, **montants
        )

    uri = _sauvegarder_et_restaurer(grappe_neuve, tmp_path)

    with psycopg.connect(uri, autocommit=True) as conn:

        def compte(numero):
            return conn.execute(
                "SELECT id FROM ledger_compte WHERE numero = %s", [numero]
            ).fetchone()[0]

        caisse = compte("531")
        nombre_lignes = conn.execute("SELECT count(*) FROM ledger_ligne").fetchone()[0]
        ligne = (
            "INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit)"
            " VALUES (%s, %s, %s, %s, %s, %s)"
        )
        valeurs = [ecriture.pk, ecriture.exercice_id, ecriture.date, caisse, "5.00", ZERO]

        # A line into the posted entry.
        _refus(conn, "LG041", lambda cur: cur.execute(ligne, valeurs))
        # A posted line changed or removed: the role has no right to, and the
        # tables' owner meets the append-only triggers.
        _refus(conn, "42501", lambda cur: cur.execute("UPDATE ledger_ligne SET debit = debit"))
        _refus(conn, "42501", lambda cur: cur.execute("DELETE FROM ledger_ligne"))
        with pytest.raises(psycopg.Error) as erreur, conn.transaction():
            conn.execute("UPDATE ledger_ligne SET debit = debit")
        assert erreur.value.sqlstate == "LG001"
        with pytest.raises(psycopg.Error) as erreur, conn.transaction():
            conn.execute("DELETE FROM ledger_ecriture")
        assert erreur.value.sqlstate == "LG001"
        # An entry out of sequence, and one into the closed exercise.
        _refus(
            conn,
            "LG020",
            lambda cur: inserer_ecriture(
                cur,
                exercice_id=exercice.pk,
                user_id=comptable.pk,
                date=jour,
                lignes=[("531", "1.00", ZERO), ("5122", ZERO, "1.00")],
                decalage_numero=1,
            ),
        )
        _refus(
            conn,
            "LG012",
            lambda cur: cur.execute(
                """
                INSERT INTO ledger_ecriture (exercice_id, journal_id, numero, rang, date, libelle,
                    piece, passee_par_id, passee_le, empreinte_precedente, empreinte)
                SELECT %s, id, 1, 1, %s, 'dans l''exercice clos', '', %s, now(), %s, %s
                  FROM ledger_journal WHERE code = 'OD'
                """,
                [clos.pk, datetime.date(annee - 1, 6, 1), comptable.pk, "0" * 64, "a" * 64],
            ),
        )
        # A row into the frozen balance.
        _refus(
            conn,
            "LG060",
            lambda cur: cur.execute(
                "INSERT INTO ledger_lignebalancefigee (balance_id, rang, numero, libelle, classe,"
                " ouverture_debit, ouverture_credit, mouvement_debit, mouvement_credit,"
                " solde_debit, solde_credit) VALUES (%s, 2, '5122', 'Banque', 5, 0, 0, 0, 0, 0, 0)",
                [balance.pk],
            ),
        )

        # The day the new cluster's counter reaches the transaction id stored on
        # the posted entry (forced here by the tables' owner, triggers off): a
        # guard comparing transaction ids alone would let the line in.
        def au_meme_identifiant(table: str, ident: int, requete: str, params: list):
            def faire(cur):
                cur.execute("RESET ROLE")
                cur.execute("SET LOCAL session_replication_role = replica")
                cur.execute(f"UPDATE {table} SET tx = pg_current_xact_id() WHERE id = %s", [ident])
                cur.execute("SET LOCAL session_replication_role = origin")
                cur.execute("SET LOCAL ROLE caisse_app")
                cur.execute(requete, params)

            return faire

        _refus(
            conn,
            "LG041",
            au_meme_identifiant("ledger_ecriture", ecriture.pk, ligne, valeurs),
        )
        _refus(
            conn,
            "LG060",
            au_meme_identifiant(
                "ledger_balancefigee",
                balance.pk,
                "INSERT INTO ledger_lignebalancefigee (balance_id, rang, numero, libelle, classe,"
                " ouverture_debit, ouverture_credit, mouvement_debit, mouvement_credit,"
                " solde_debit, solde_credit) VALUES (%s, 2, '5122', 'Banque', 5, 0, 0, 0, 0, 0, 0)",
                [balance.pk],
            ),
        )

        # A temporary ledger_ecriture showing the posted entry as of this
        # transaction (tests/ledger/test_ombre_temporaire.py). Restored without
        # --create, the database has PostgreSQL's default rights again (TEMPORARY
        # for PUBLIC): the guard's own search_path, which the dump carries, keeps
        # it on the real table.
        def ombre(cur):
            cur.execute(
                "CREATE TEMP TABLE ledger_ecriture AS SELECT id, pg_current_xact_id() AS tx,"
                " pg_postmaster_start_time() AS tx_serveur FROM public.ledger_ecriture"
                " WHERE id = %s",
                [ecriture.pk],
            )
            cur.execute(ligne.replace("INTO ", "INTO public."), valeurs)

        droit = "SELECT has_database_privilege('caisse_app', current_database(), 'TEMPORARY')"
        assert conn.execute(droit).fetchone()[0]
        _refus(conn, "LG041", ombre)
        # The restore step of docs/deploiement.md takes the right away again.
        conn.execute("REVOKE TEMPORARY ON DATABASE restauree FROM PUBLIC, caisse_app")
        assert not conn.execute(droit).fetchone()[0]
        _refus(conn, "42501", ombre)

        assert conn.execute("SELECT count(*) FROM ledger_ligne").fetchone()[0] == nombre_lignes
        assert conn.execute("SELECT count(*) FROM ledger_ecriture").fetchone()[0] == 1
