"""The database guards the rules: raw SQL, around the ORM."""

import datetime

import psycopg
import pytest
from django.db import IntegrityError, connection, transaction

from reglementation.models import Parametre, RegleRattachement

pytestmark = pytest.mark.django_db

INSERER_REGLE = """
    INSERT INTO reglementation_reglerattachement
        (sens, nature, regime, debut, fin, critere, delai_jours, delai_mois, article, libelle)
    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 'essai', 'essai')
"""


def inserer_regle(
    sens, nature, regime, debut, fin=None, critere="liquidation", jours=10, mois=None
):
    with connection.cursor() as cur:
        cur.execute(INSERER_REGLE, [sens, nature, regime, debut, fin, critere, jours, mois])


def refus(fonction, *args, **kwargs) -> str:
    """Run a write that must be refused; return PostgreSQL's message."""
    with pytest.raises(IntegrityError) as erreur, transaction.atomic():
        fonction(*args, **kwargs)
    return str(erreur.value)


def test_une_regle_qui_chevauche_la_version_en_vigueur_est_refusee():
    # given the rule for cotisations of D253-1 funds, in force since 22 March 1997
    avant = RegleRattachement.objects.count()

    # when someone inserts another version for 2000 onwards
    message = refus(
        inserer_regle, "recette", "cotisation", "general", "2000-01-01", None, "encaissement"
    )

    # then PostgreSQL refuses it and nothing changes
    assert "regle_sans_chevauchement" in message
    assert RegleRattachement.objects.count() == avant


def test_une_regle_propre_a_un_regime_ne_peut_chevaucher_une_regle_pour_tous():
    # Loyers have one rule for "tous": a "general" one would make the answer ambiguous.
    message = refus(inserer_regle, "recette", "loyer", "general", "2030-01-01")

    assert "regle_sans_chevauchement" in message


def test_un_chevauchement_d_un_seul_jour_est_refuse():
    # The earlier wording ends on 21 March 1997; a row starting that day overlaps it.
    message = refus(
        inserer_regle, "depense", "prestation", "autre", "1997-03-21", "1997-03-21", "paiement", 0
    )

    assert "regle_sans_chevauchement" in message


def test_une_version_qui_suit_la_precedente_est_acceptee():
    # given the open rule closed on 31 December 2029
    RegleRattachement.objects.filter(sens="depense", nature="loyer", fin__isnull=True).update(
        fin=datetime.date(2029, 12, 31)
    )

    # when the next version starts the day after
    inserer_regle("depense", "loyer", "tous", "2030-01-01", None, "veille_echeance")

    # then both versions are kept
    versions = RegleRattachement.objects.filter(sens="depense", nature="loyer").order_by("debut")
    assert [(v.debut, v.fin) for v in versions][-2:] == [
        (datetime.date(1997, 3, 22), datetime.date(2029, 12, 31)),
        (datetime.date(2030, 1, 1), None),
    ]


@pytest.mark.parametrize(("jours", "mois"), [(10, 1), (None, None)])
def test_une_regle_a_exactement_un_delai(jours, mois):
    message = refus(
        inserer_regle, "recette", "essai", "tous", "2000-01-01", None, "liquidation", jours, mois
    )

    assert "regle_un_seul_delai" in message


def test_une_regle_ne_finit_pas_avant_de_commencer():
    message = refus(inserer_regle, "recette", "essai", "tous", "2000-01-02", "2000-01-01")

    assert "regle_debut_avant_fin" in message


def test_un_critere_inconnu_est_refuse():
    message = refus(inserer_regle, "recette", "essai", "tous", "2000-01-01", None, "au_hasard")

    assert "regle_critere_connu" in message


def test_deux_valeurs_d_un_parametre_ne_se_chevauchent_pas():
    def inserer():
        with connection.cursor() as cur:
            cur.execute(
                "INSERT INTO reglementation_parametre (cle, valeur, debut, fin, article, libelle)"
                " VALUES ('seuil_d133_2', '1.00', '2020-01-01', NULL, 'essai', 'essai')"
            )

    message = refus(inserer)

    assert "parametre_sans_chevauchement" in message
    assert Parametre.objects.filter(cle="seuil_d133_2").count() == 1


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE reglementation_reglerattachement SET delai_jours = 99 WHERE delai_jours = 10",
        "DELETE FROM reglementation_parametre",
        "INSERT INTO reglementation_parametre (cle, valeur, debut, article, libelle)"
        " VALUES ('x', 'y', '2000-01-01', 'a', 'b')",
    ],
)
def test_le_role_applicatif_lit_les_regles_sans_pouvoir_les_changer(sql):
    with connection.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app'")
        if cur.fetchone() is None:
            pytest.skip("rôle caisse_app absent (privilège CREATEROLE refusé à la migration)")
    lues = []
    with pytest.raises(Exception) as erreur, transaction.atomic(), connection.cursor() as cur:
        cur.execute("SET LOCAL ROLE caisse_app")
        cur.execute("SELECT count(*) FROM reglementation_reglerattachement")
        lues.append(cur.fetchone()[0])
        cur.execute(sql)

    assert lues == [RegleRattachement.objects.count()] and lues[0] > 0
    assert isinstance(erreur.value.__cause__, psycopg.errors.InsufficientPrivilege)
    assert "permission denied" in str(erreur.value)
    assert RegleRattachement.objects.filter(delai_jours=99).count() == 0
    assert Parametre.objects.filter(cle="seuil_d133_2").exists()
