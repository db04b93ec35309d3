"""PostgreSQL keeps the rows of D253-81 whatever writes to them
(responsabilite/migrations/sql/0006_reglement.sql, LG896), and the acts run
under the application's role (`caisse_app`)."""

import datetime

import pytest
from django.db import connection

from responsabilite import services_reglement as reg
from responsabilite.models import Recouvrement
from tests.responsabilite.test_reglement import _decharge_accordee, _recouvrer
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db
D = datetime.date


def test_un_versement_ne_se_modifie_ni_ne_se_supprime_ni_ne_depasse_le_reste(mille, comptable):
    reg.versement_enregistrer(acting_user=comptable, ordre=mille, montant="600", compte="531")
    refus_sql(
        lambda cur: cur.execute("UPDATE responsabilite_versement SET montant = 1"),
        "ne se modifie ni ne se supprime",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM responsabilite_versement"),
        "ne se modifie ni ne se supprime",
    )
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO responsabilite_versement (ordre_id, le, montant, compte, ecriture_id,"
            " enregistre_par_id, enregistre_le) SELECT ordre_id, le, 400.01, compte,"
            " ecriture_id, enregistre_par_id, enregistre_le FROM responsabilite_versement"
        ),
        "ne peut dépasser le reste dû",
    )


def test_un_recouvrement_suit_l_ordre_de_l_article_d253_81(mille, comptable):
    reg.versement_enregistrer(acting_user=comptable, ordre=mille, montant="1000", compte="531")
    r = _recouvrer(comptable, mille, "100")
    assert (r.part_debet, r.part_agent) == (0, 100)
    colonnes = (
        "ordre_id, le, debiteur, montant, compte, part_debet, part_non_valeur, part_decharge,"
        " part_agent, ecriture_id, enregistre_par_id, enregistre_le, reverse_compte"
    )
    # the same 100,00 given to the fund, which bore nothing
    refus_sql(
        lambda cur: cur.execute(
            f"INSERT INTO responsabilite_recouvrement ({colonnes}) SELECT ordre_id, le,"
            " debiteur, 100, compte, 0, 0, 100, 0, ecriture_id, enregistre_par_id,"
            " enregistre_le, '' FROM responsabilite_recouvrement"
        ),
        "se répartit dans l'ordre de l'article D253-81",
    )
    refus_sql(
        lambda cur: cur.execute(
            f"INSERT INTO responsabilite_recouvrement ({colonnes}) SELECT ordre_id, le,"
            " debiteur, 900.01, compte, 0, 0, 0, 900.01, ecriture_id, enregistre_par_id,"
            " enregistre_le, '' FROM responsabilite_recouvrement"
        ),
        "dépasse le reste dû",
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE responsabilite_recouvrement SET part_agent = 99"),
        "ne se modifient pas",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM responsabilite_recouvrement"), "ne se supprime pas"
    )
    r = reg.reversement_enregistrer(acting_user=comptable, recouvrement=r, compte="531")
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_recouvrement SET reverse_le = reverse_le - 1"
        ),
        "qu'une fois",
    )


def test_non_valeur_prise_en_charge_et_notification(mille, comptable, directrice):
    demande = _decharge_accordee(comptable, directrice, mille, "300")
    reg.prise_en_charge_comptabiliser(acting_user=comptable, demande=demande)
    refus_sql(
        lambda cur: cur.execute("UPDATE responsabilite_demande SET ecriture_id = NULL"),
        "se comptabilise une fois",
    )
    nv = reg.non_valeur_enregistrer(
        acting_user=directrice,
        ordre=mille,
        conseil_le=D(2026, 6, 15),
        deliberation="n° 40",
        montant="700",
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE responsabilite_nonvaleur SET montant = 1"),
        "ne se modifie pas",
    )
    refus_sql(lambda cur: cur.execute("DELETE FROM responsabilite_nonvaleur"), "ne se supprime pas")
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO responsabilite_nonvaleur (ordre_id, conseil_le, deliberation, montant,"
            " enregistre_par_id, enregistre_le) SELECT ordre_id, conseil_le, deliberation,"
            " 0.01, enregistre_par_id, enregistre_le FROM responsabilite_nonvaleur"
        ),
        "ne peut dépasser le reste dû",
    )
    reg.non_valeur_comptabiliser(acting_user=comptable, non_valeur=nv)
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_nonvaleur SET ecriture_id = (SELECT ecriture_id FROM"
            " responsabilite_ordredebet)"
        ),
        "se comptabilise une fois",
    )
    reg.notification_association_enregistrer(
        acting_user=directrice, ordre=mille, le=D(2026, 6, 15), association="AFCM", reference="n"
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_notificationassociation SET association = 'X'"
        ),
        "ne se modifie ni ne se supprime",
    )


def test_les_actes_sous_le_role_applicatif(mille, comptable, directrice):
    demande = _decharge_accordee(comptable, directrice, mille, "300")
    with connection.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
    try:
        reg.prise_en_charge_comptabiliser(acting_user=comptable, demande=demande)
        reg.versement_enregistrer(acting_user=comptable, ordre=mille, montant="600", compte="531")
        nv = reg.non_valeur_enregistrer(
            acting_user=directrice,
            ordre=mille,
            conseil_le=D(2026, 6, 15),
            deliberation="n° 41",
            montant="100",
        )
        reg.non_valeur_comptabiliser(acting_user=comptable, non_valeur=nv)
        r = _recouvrer(comptable, mille, "450")
        reg.reversement_enregistrer(acting_user=comptable, recouvrement=r, compte="531")
        reg.notification_association_enregistrer(
            acting_user=directrice,
            ordre=mille,
            le=D(2026, 6, 15),
            association="AFCM",
            reference="Lettre du ministre",
        )
        refus_sql(
            lambda cur: cur.execute("UPDATE responsabilite_versement SET montant = 1"),
            "permission denied",
        )
        refus_sql(
            lambda cur: cur.execute("DELETE FROM responsabilite_recouvrement"),
            "permission denied",
        )
    finally:
        with connection.cursor() as cur:
            cur.execute("RESET ROLE")
    r = Recouvrement.objects.get()
    assert (r.part_debet, r.part_non_valeur, r.part_decharge, r.part_agent) == (0, 100, 300, 50)
    assert r.reverse_compte == "531"
