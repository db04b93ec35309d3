"""Entries and lines partitioned by exercise keep every guard (issue 16, point 7).

ledger_ecriture and ledger_ligne are partitioned by LIST (exercice_id)
(ledger/migrations/sql/0016_partitions.sql). These tests check that rows land
in their exercise's partition, that the application's role cannot go around
the parents' statement triggers through a partition, and that the foreign
keys of other applications, now existence checks, still refuse a missing
entry or line. The other guards (balance, numbering, chain, closed exercise)
are retried here under the application's role on the partitioned tables.
"""

from __future__ import annotations

import pytest
from django.db import connection

from core.exceptions import RegleComptableViolee, erreur_base
from ledger.models import Ecriture, Exercice
from ledger.services import LigneSaisie, ecriture_passer
from tests.ledger.sql_brut import compte_id, inserer_ecriture
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db

EQUILIBREE = [("531", "10.00", "0"), ("5122", "0", "10.00")]


def _passer(comptable, exercice, jour, montant="10.00") -> Ecriture:
    return ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=jour,
        libelle="Partition",
        lignes=[LigneSaisie("531", debit=montant), LigneSaisie("5122", credit=montant)],
    )


def _partition(table: str, ident: int) -> str:
    with connection.cursor() as cur:
        cur.execute(f"SELECT tableoid::regclass::text FROM {table} WHERE id = %s", [ident])
        return {r[0] for r in cur.fetchall()}


def _role(cur):
    cur.execute("SET LOCAL ROLE caisse_app")


def test_ecritures_et_lignes_vont_dans_la_partition_de_leur_exercice(
    comptable, exercice, jour, horloge
):
    ecriture = _passer(comptable, exercice, jour)
    assert _partition("ledger_ecriture", ecriture.pk) == {f"ledger_ecriture_{exercice.annee}"}
    ligne_ids = list(ecriture.lignes.values_list("id", flat=True))
    assert {p for i in ligne_ids for p in _partition("ledger_ligne", i)} == {
        f"ledger_ligne_{exercice.annee}"
    }
    # A new exercise gets its partitions when it is created, whoever creates it.
    with connection.cursor() as cur:
        cur.execute("SET LOCAL ROLE caisse_app")
        cur.execute(
            "INSERT INTO ledger_exercice (annee, etat, ouvert_le) VALUES (%s, 'ouvert', now())"
            " RETURNING id",
            [exercice.annee + 1],
        )
        cur.execute("RESET ROLE")
        cur.execute(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c"
            " WHERE c.relname LIKE %s ORDER BY 1",
            [f"ledger_%_{exercice.annee + 1}"],
        )
        parties = cur.fetchall()
    suivant = Exercice.objects.get(annee=exercice.annee + 1)
    assert parties == [
        (f"ledger_ecriture_{suivant.annee}", f"FOR VALUES IN ('{suivant.pk}')"),
        (f"ledger_ligne_{suivant.annee}", f"FOR VALUES IN ('{suivant.pk}')"),
    ]

    # No DEFAULT partition: an entry or a line for an exercise that does not
    # exist has nowhere to go; PostgreSQL's refusal reads as the ledger's own
    # (LG011), not as "no partition of relation … found for row".
    absent = suivant.pk + 1000

    def ecriture_sans_exercice(cur):
        _role(cur)
        cur.execute(
            "INSERT INTO ledger_ecriture (exercice_id, journal_id, numero, rang, date, libelle,"
            " piece, passee_par_id, passee_le, empreinte_precedente, empreinte)"
            " SELECT %s, id, 1, 1, %s, 'x', '', %s, now(), %s, %s FROM ledger_journal LIMIT 1",
            [absent, jour, comptable.pk, "0" * 64, "a" * 64],
        )

    def ligne_sans_exercice(cur):
        _role(cur)
        cur.execute(
            "INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit)"
            " VALUES (%s, %s, %s, %s, 1, 0)",
            [ecriture.pk, absent, jour, compte_id(cur, "531")],
        )

    for faire, message in [
        (ecriture_sans_exercice, "L'exercice de l'écriture n'existe pas."),
        (ligne_sans_exercice, "L'exercice de la ligne d'écriture n'existe pas."),
    ]:
        erreur = refus_sql(faire, "")
        assert erreur.sqlstate == "23514"
        traduite = erreur_base(erreur)
        assert isinstance(traduite, RegleComptableViolee)
        assert traduite.message == message

    # A CHECK constraint's 23514 on the same tables keeps its own reading.
    def ligne_negative(cur):
        cur.execute(
            "INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit)"
            " VALUES (%s, %s, %s, %s, -1, 0)",
            [ecriture.pk, exercice.pk, jour, compte_id(cur, "531")],
        )

    erreur = refus_sql(ligne_negative, "ligne_montants_au_centime")
    assert erreur.sqlstate == "23514"
    assert erreur_base(erreur) is None


def test_le_role_applicatif_n_a_aucun_droit_sur_les_partitions(exercice):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT c.relname, has_table_privilege('caisse_app', c.oid,"
            " 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')"
            "  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            " WHERE i.inhparent IN ('ledger_ecriture'::regclass, 'ledger_ligne'::regclass)"
        )
        droits = dict(cur.fetchall())
    assert (
        f"ledger_ecriture_{exercice.annee}" in droits and f"ledger_ligne_{exercice.annee}" in droits
    )
    assert not any(droits.values())


@pytest.mark.parametrize(
    "requete",
    [
        "INSERT INTO {ecritures} SELECT * FROM ledger_ecriture LIMIT 1",
        "INSERT INTO {lignes} SELECT * FROM ledger_ligne LIMIT 1",
        "UPDATE {ecritures} SET libelle = 'x'",
        "UPDATE {lignes} SET debit = debit",
        "DELETE FROM {ecritures}",
        "DELETE FROM {lignes}",
        "TRUNCATE {lignes}",
        "TRUNCATE ledger_ligne",
        "SELECT * FROM {ecritures}",
        "ALTER TABLE ledger_ligne DETACH PARTITION {lignes}",
        "ALTER TABLE ledger_ecriture DETACH PARTITION {ecritures}",
        "ALTER TABLE ledger_ligne ATTACH PARTITION {ecritures} FOR VALUES IN (0)",
        "ALTER TABLE {lignes} DISABLE TRIGGER partition_ajout_seul",
    ],
)
def test_une_partition_ne_s_ecrit_ni_ne_se_detache_sous_le_role_applicatif(
    comptable, exercice, jour, requete
):
    _passer(comptable, exercice, jour)
    noms = {
        "ecritures": f"ledger_ecriture_{exercice.annee}",
        "lignes": f"ledger_ligne_{exercice.annee}",
    }

    def faire(cur):
        _role(cur)
        cur.execute(requete.format(**noms))

    erreur = refus_sql(faire, "")
    assert erreur.sqlstate == "42501", erreur  # permission denied / must be owner


@pytest.mark.parametrize(
    ("requete", "message"),
    [
        (
            "INSERT INTO {ecritures} SELECT * FROM ledger_ecriture LIMIT 0",
            "passez par ledger_ecriture",
        ),
        ("INSERT INTO {lignes} SELECT * FROM ledger_ligne LIMIT 0", "passez par ledger_ligne"),
        ("UPDATE {lignes} SET debit = debit", "ne se modifie pas directement"),
        ("DELETE FROM {ecritures}", "ne se modifie pas directement"),
    ],
)
def test_meme_le_proprietaire_n_ecrit_pas_dans_une_partition(
    comptable, exercice, jour, requete, message
):
    """The partitions' own guards hold for the tables' owner too: the parents'
    statement triggers cannot be skipped by naming a partition. (TRUNCATE is
    left to superusers by caisse_refuser, for the test suite's flush, as on
    the parents; the application's role has no TRUNCATE anywhere.)"""
    _passer(comptable, exercice, jour)
    noms = {
        "ecritures": f"ledger_ecriture_{exercice.annee}",
        "lignes": f"ledger_ligne_{exercice.annee}",
    }
    erreur = refus_sql(lambda cur: cur.execute(requete.format(**noms)), message)
    assert erreur.sqlstate == "LG001"


@pytest.mark.parametrize(
    ("requete", "etat"),
    [
        ("UPDATE ledger_ecriture SET libelle = 'x'", "42501"),
        ("DELETE FROM ledger_ecriture", "42501"),
        ("UPDATE ledger_ligne SET debit = debit", "42501"),
        ("DELETE FROM ledger_ligne", "42501"),
    ],
)
def test_les_ecritures_passees_restent_inalterables(comptable, exercice, jour, requete, etat):
    _passer(comptable, exercice, jour)

    def faire(cur):
        _role(cur)
        cur.execute(requete)

    assert refus_sql(faire, "").sqlstate == etat
    # And the owner meets the append-only triggers of the parent.
    assert refus_sql(lambda cur: cur.execute(requete), "").sqlstate == "LG001"


def _sql_role(**kwargs):
    def faire(cur):
        _role(cur)
        inserer_ecriture(cur, **kwargs)

    return faire


def test_les_gardes_de_saisie_tiennent_sur_les_tables_partitionnees(comptable, exercice, jour):
    commun = {"exercice_id": exercice.pk, "user_id": comptable.pk, "date": jour}
    desequilibre = [("531", "10.00", "0"), ("5122", "0", "9.00")]
    assert refus_sql(_sql_role(**commun, lignes=desequilibre), "").sqlstate == "LG031"
    trou = _sql_role(**commun, lignes=EQUILIBREE, decalage_numero=1)
    assert refus_sql(trou, "").sqlstate == "LG020"
    saut = _sql_role(**commun, lignes=EQUILIBREE, decalage_rang=1)
    assert refus_sql(saut, "").sqlstate == "LG021"
    chaine = _sql_role(**commun, lignes=EQUILIBREE, precedente="f" * 64)
    assert refus_sql(chaine, "").sqlstate == "LG022"


def test_une_ligne_d_un_autre_exercice_ou_d_une_autre_date_est_refusee(comptable, exercice, jour):
    autre = Exercice.objects.create(annee=exercice.annee + 1, ouvert_le=exercice.ouvert_le)

    def faire(exercice_ligne, date_ligne):
        def f(cur):
            _role(cur)
            ident = inserer_ecriture(
                cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=[]
            )
            for numero, debit, credit in EQUILIBREE:
                cur.execute(
                    "INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id,"
                    " debit, credit) VALUES (%s, %s, %s, %s, %s, %s)",
                    [ident, exercice_ligne, date_ligne, compte_id(cur, numero), debit, credit],
                )

        return f

    erreur = refus_sql(faire(autre.pk, jour), "porte l'exercice et la date de son écriture")
    assert erreur.sqlstate == "LG046"
    lendemain = jour.replace(day=jour.day + 1)
    assert refus_sql(faire(exercice.pk, lendemain), "").sqlstate == "LG046"


def test_rien_ne_se_passe_dans_un_exercice_clos(comptable, exercice, jour):
    with connection.cursor() as cur:
        cur.execute(
            "UPDATE ledger_exercice SET etat = 'complementaire' WHERE id = %s", [exercice.pk]
        )
        cur.execute("UPDATE ledger_exercice SET etat = 'clos' WHERE id = %s", [exercice.pk])
    faire = _sql_role(exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=EQUILIBREE)
    assert refus_sql(faire, "").sqlstate == "LG012"


def test_une_contrepassation_reste_dans_l_exercice_de_l_ecriture(comptable, exercice, jour):
    from ledger.services import ecriture_contrepasser

    ecriture = _passer(comptable, exercice, jour)
    autre = Exercice.objects.create(annee=exercice.annee + 1, ouvert_le=exercice.ouvert_le)

    def contrepasser(exercice_id, annee):
        def faire(cur):
            _role(cur)
            journal = cur.execute("SELECT id FROM ledger_journal WHERE code = 'OD'").fetchone()[0]
            cur.execute(
                "INSERT INTO ledger_ecriture (exercice_id, journal_id, numero, rang, date, libelle,"
                " piece, passee_par_id, passee_le, contrepasse_id, empreinte_precedente, empreinte)"
                " VALUES (%s, %s, 99, 99, %s, 'x', '', %s, now(), %s, %s, %s)",
                [
                    exercice_id,
                    journal,
                    jour.replace(year=annee),
                    comptable.pk,
                    ecriture.pk,
                    "0" * 64,
                    "a" * 64,
                ],
            )

        return faire

    # Through the parent with contrepasse_id set: refused when the original
    # lives in another exercise.
    erreur = refus_sql(
        contrepasser(autre.pk, autre.annee), "dans l'exercice de l'écriture qu'elle contrepasse"
    )
    assert erreur.sqlstate == "LG017"
    # In its exercise, once; a second reversal is refused by the unique key.
    ecriture_contrepasser(acting_user=comptable, ecriture=ecriture)
    erreur = refus_sql(contrepasser(exercice.pk, exercice.annee), "contrepasse_id")
    assert erreur.sqlstate == "23505"


def test_une_reference_a_une_ecriture_ou_ligne_absente_est_refusee(comptable, exercice, jour):
    ecriture = _passer(comptable, exercice, jour)
    with connection.cursor() as cur:
        cur.execute(
            "SELECT conrelid::regclass::text FROM pg_constraint WHERE contype = 'f'"
            " AND confrelid IN ('ledger_ecriture'::regclass, 'ledger_ligne'::regclass)"
        )
        assert cur.fetchall() == []
        cur.execute(
            "SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%%_existe'"
            " AND tgfoid = 'ledger_reference_existe'::regproc"
        )
        assert cur.fetchone()[0] >= 24

    # The check itself, attached as 0016 attaches it, to a scratch table (a
    # real referencing row, an OrdreDepense, is heavy to build).
    with connection.cursor() as cur:
        cur.execute("CREATE TABLE essai_reference (ecriture_id bigint, ligne_id bigint)")
        cur.execute(
            "CREATE CONSTRAINT TRIGGER ecriture_id_existe AFTER INSERT OR UPDATE OF ecriture_id"
            " ON essai_reference DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
            " EXECUTE FUNCTION ledger_reference_existe('ledger_ecriture', 'ecriture_id')"
        )
        cur.execute(
            "CREATE CONSTRAINT TRIGGER ligne_id_existe AFTER INSERT OR UPDATE OF ligne_id"
            " ON essai_reference DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
            " EXECUTE FUNCTION ledger_reference_existe('ledger_ligne', 'ligne_id')"
        )
    ligne = ecriture.lignes.first()

    def inserer(ecriture_id, ligne_id):
        return lambda cur: cur.execute(
            "INSERT INTO essai_reference VALUES (%s, %s)", [ecriture_id, ligne_id]
        )

    assert refus_sql(inserer(ecriture.pk + 1000, None), "").sqlstate == "LG057"
    assert refus_sql(inserer(None, ligne.pk + 1000), "").sqlstate == "LG058"
    # Existing ones (and NULL) pass.
    with connection.cursor() as cur:
        cur.execute("INSERT INTO essai_reference VALUES (%s, %s)", [ecriture.pk, ligne.pk])
        cur.execute("INSERT INTO essai_reference VALUES (NULL, NULL)")
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cur.execute("SET CONSTRAINTS ALL DEFERRED")
