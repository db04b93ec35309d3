"""The demo of amicable recovery: a first batch of reminders, a claim under a
payment delay, a claim handed to the directrice at stage TRANSMISE."""

import datetime
from decimal import Decimal

import pytest

from recouvrement import amiable_lecture as lecture
from recouvrement.demo_amiable import creer_demo
from recouvrement.models import Acte, Creance, DelaiPaiement, LotRelances

pytestmark = pytest.mark.django_db


def test_la_demo_du_recouvrement_amiable(directrice, comptable, exercice):
    aujourd_hui = datetime.date(2026, 6, 15)
    creer_demo({"directrice": directrice, "comptable": comptable}, exercice, aujourd_hui)
    lot = LotRelances.objects.get()
    assert lot.le == datetime.date(2026, 4, 2)
    assert sorted(lot.lettres.values_list("debiteur__nom", flat=True)) == [
        "M. Garnier",
        "M. Petit",
        "Mme Durand",
    ]
    garnier = Creance.objects.get(debiteur__nom="M. Garnier")
    assert garnier.stade == Creance.Stade.TRANSMISE
    assert garnier.responsable == Creance.Responsable.DIRECTEUR
    assert garnier.transmise_le == datetime.date(2026, 4, 14)
    durand = Creance.objects.get(debiteur__nom="Mme Durand")
    delai = durand.delais.get()
    assert durand.stade == Creance.Stade.DELAI and delai.etat == DelaiPaiement.Etat.EN_COURS
    assert delai.montant == Decimal("480.00") and delai.accorde_le == datetime.date(2026, 6, 10)
    assert lecture.suivi(delai, aujourd_hui).respecte
    assert Creance.objects.get(debiteur__nom="M. Petit").stade == Creance.Stade.RELANCE
    assert Acte.objects.filter(type=Acte.Type.RELANCE).count() == 3
    # Run again: nothing more.
    creer_demo({"directrice": directrice, "comptable": comptable}, exercice, aujourd_hui)
    assert LotRelances.objects.count() == 1
