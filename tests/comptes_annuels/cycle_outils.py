"""The comptes annuels of N−1 at each step after the board, for the tests of
their life (test_cycle_*.py): closed and arrêtés on 2 March N, sent on
20 March, approved by the DRASS on 10 May."""

import datetime

import pytest

from comptes_annuels import services_cycle as cycle
from ledger.services import exercice_ouvrir
from tests.comptes_annuels.conftest import passer
from tests.ledger.cloture_outils import clore

D = datetime.date


@pytest.fixture
def clos(horloge, comptable, exercice):
    """Exercise N−1 (2025 on the suite's clock) closed, its accounts arrêtés
    by the board on 2 March N."""
    a = exercice.annee
    precedent = exercice_ouvrir(acting_user=comptable, annee=a - 1)
    passer(comptable, precedent, D(a - 1, 3, 1), "RE", "4111", "7511", "1000")
    horloge(D(a, 3, 2))
    return clore(precedent, comptable)


@pytest.fixture
def transmis(horloge, directrice, clos):
    horloge(D(clos.annee + 1, 3, 20))
    cycle.transmission_enregistrer(
        acting_user=directrice, exercice=clos, le=D(clos.annee + 1, 3, 20), reference="Envoi 12"
    )
    return clos


@pytest.fixture
def approuve(horloge, directrice, transmis):
    horloge(D(transmis.annee + 1, 5, 10))
    cycle.approbation_enregistrer(
        acting_user=directrice,
        exercice=transmis,
        autorite="drass",
        le=D(transmis.annee + 1, 5, 10),
        reference="Décision DRASS 2026-41",
    )
    return transmis
