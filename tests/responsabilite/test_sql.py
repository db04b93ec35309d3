"""PostgreSQL keeps the liability's rows whatever writes to them
(responsabilite/migrations/sql/0001_gardes.sql)."""

import pytest

from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db


def test_une_mise_en_cause_ne_se_modifie_ni_ne_se_supprime(mise):
    refus_sql(
        lambda cur: cur.execute("UPDATE responsabilite_miseencause SET montant = 1"),
        "ne se modifie ni ne se supprime",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM responsabilite_miseencause"),
        "ne se modifie ni ne se supprime",
    )


def test_l_ordre_ne_se_supprime_ni_ne_change_de_montant(ordre):
    refus_sql(
        lambda cur: cur.execute("DELETE FROM responsabilite_ordredebet"), "ne se supprime pas"
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE responsabilite_ordredebet SET montant = 1"),
        "ne se modifie pas",
    )


def test_l_etat_ne_revient_pas_en_arriere(ordre):
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_ordredebet SET etat = 'notifie', accuse_reception_le = emis_le;"
            " UPDATE responsabilite_ordredebet SET etat = 'emis', accuse_reception_le = NULL"
        ),
        "ne passe pas de l'état « notifie » à l'état « emis »",
    )


def test_le_numero_suit_le_dernier_sans_trou(ordre, directrice):
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO responsabilite_ordredebet (annee, numero, mise_en_cause_id,"
            " agent_comptable_id, montant, compte, emis_le, emis_par_id, etat)"
            " SELECT annee, 3, mise_en_cause_id, agent_comptable_id, 1, '531', emis_le,"
            " emis_par_id, 'emis' FROM responsabilite_ordredebet"
        ),
        "sans trou",
    )


def test_l_avis_de_reception_s_enregistre_une_fois(ordre):
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_ordredebet SET etat = 'notifie', accuse_reception_le = emis_le;"
            " UPDATE responsabilite_ordredebet SET accuse_reception_le = emis_le + 1"
        ),
        "s'enregistrent une fois",
    )


def test_un_ordre_ne_nait_pas_notifie(ordre):
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO responsabilite_ordredebet (annee, numero, mise_en_cause_id,"
            " agent_comptable_id, montant, compte, emis_le, emis_par_id, etat,"
            " accuse_reception_le)"
            " SELECT annee, 2, mise_en_cause_id, agent_comptable_id, 1, '531', emis_le,"
            " emis_par_id, 'notifie', emis_le FROM responsabilite_ordredebet"
        ),
        "naît émis",
    )
