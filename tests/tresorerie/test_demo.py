"""The demo fund's treasury: a camt.053 statement reconciles with the demo payments."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from core import horloge
from depenses.models import OrdreDepense
from tresorerie import services as t
from tresorerie.demo import releve_exemple
from tresorerie.models import CompteDisponibilite, Releve
from tresorerie.selectors import etat_rapprochement, restes_a_recouvrer

pytestmark = pytest.mark.django_db


def test_le_releve_de_la_demo_se_rapproche_avec_les_paiements_du_jour(caisse_demo):
    aujourd_hui = horloge.aujourdhui()
    comptable = get_user_model().objects.get(username="comptable")
    banque = CompteDisponibilite.objects.get(code="BANQUE")
    if aujourd_hui.timetuple().tm_yday > 1:
        # Statements up to yesterday were imported and reconciled by the demo;
        # only the bank's fee is left, and the state balances.
        historique = Releve.objects.get(compte=banque)
        assert historique.lignes.filter(rapprochement__isnull=True).count() == 1
    vises = list(OrdreDepense.objects.filter(etat="vise"))
    assert len(vises) == 2
    lot = t.lot_payer(acting_user=comptable, ordres=vises, compte=banque)
    contenu = releve_exemple(banque, aujourd_hui, aujourd_hui)
    releve = t.releve_importer(
        acting_user=comptable, compte=banque, nom_fichier="releve-du-jour.xml", contenu=contenu
    )
    transferts = releve.lignes.filter(reference__startswith=lot.message_id[7:])
    assert transferts.count() == lot.nombre
    assert all(lg.rapprochement.mode == "automatique" for lg in transferts)
    assert releve.lignes.filter(rapprochement__isnull=True).count() == 1  # the fee
    etat = etat_rapprochement(banque)
    assert etat.ecritures_non_rapprochees == []
    assert etat.ecart == Decimal("0.00")
    assert restes_a_recouvrer().ecart_comptable == Decimal("0.00")
