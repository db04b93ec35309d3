import datetime
from decimal import Decimal

import pytest

from core import horloge
from oppositions import services

# The treasury's accounts and credits, for the payments' tests of this folder.
from tests.tresorerie.conftest import comptes, credits, regisseur  # noqa: E402, F401

AUJOURD_HUI = horloge.aujourdhui()
IBAN_OPPOSANT = "FR7630006000011234567890189"  # Crédit agricole (BIC AGRIFRPP)
BIC_OPPOSANT = "AGRIFRPPXXX"
IBAN_OPPOSANT_2 = "FR1420041010050500013M02606"  # La Banque postale
BIC_OPPOSANT_2 = "PSSTFRPPXXX"
IBAN_CREANCIER = "DE89370400440532013000"  # Commerzbank
BIC_CREANCIER = "COBADEFFXXX"
SIRET = "12345678900012"


def il_y_a(jours: int) -> datetime.date:
    return AUJOURD_HUI - datetime.timedelta(days=jours)


def enregistrer(acting_user, **donnees):
    valeurs = {
        "creancier_nom": "Transports Martin SARL",
        "creancier_identifiant": SIRET,
        "opposant": "Trésor public, SIE de Lyon",
        "opposant_iban": IBAN_OPPOSANT,
        "opposant_bic": BIC_OPPOSANT,
        "nature": "avis_tiers_detenteur",
        "montant": Decimal("1000.00"),
        "signifiee_le": il_y_a(30),
        "reference_acte": "ATD 2026-118",
    }
    valeurs.update(donnees)
    return services.opposition_enregistrer(acting_user=acting_user, **valeurs)


@pytest.fixture
def opposition(comptable):
    return enregistrer(comptable)
