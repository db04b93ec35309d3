"""The acts of the liability under the application's PostgreSQL role, as the
served application runs them (`caisse_app`): they lock the rows they act on
(FOR UPDATE needs the UPDATE privilege on a column), and the mise en cause
still never changes."""

import datetime

import pytest
from django.db import connection

from responsabilite import services
from responsabilite.models import MiseEnCause, OrdreDebet
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db
D = datetime.date


def test_sous_le_role_applicatif_l_ordre_s_emet_et_la_mise_en_cause_ne_change_pas(
    directrice, comptable, mise, annee
):
    with connection.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
    try:
        ordre = services.ordre_debet_emettre(
            acting_user=directrice, mise_en_cause=mise, compte="531"
        )
        services.accuse_reception_enregistrer(
            acting_user=directrice, ordre=ordre, le=D(annee, 6, 15)
        )
        services.ordre_debet_comptabiliser(acting_user=comptable, ordre=ordre)
        refus_sql(
            lambda cur: cur.execute("UPDATE responsabilite_miseencause SET montant = 1"),
            "permission denied",
        )
        # the one column it may lock is still refused by the trigger
        refus_sql(
            lambda cur: cur.execute("UPDATE responsabilite_miseencause SET id = id"),
            "ne se modifie",
        )
    finally:
        with connection.cursor() as cur:
            cur.execute("RESET ROLE")
    ordre = OrdreDebet.objects.get()
    assert ordre.etat == OrdreDebet.Etat.NOTIFIE and ordre.ecriture_id is not None
    assert MiseEnCause.objects.get().montant == mise.montant
