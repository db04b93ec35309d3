from decimal import Decimal

import pytest

from budget.services import credit_ouvrir


@pytest.fixture
def fournitures(directrice, exercice):
    """6064 Fournitures administratives, 1 200,00 € opened."""
    return credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="6064",
        libelle="Fournitures administratives",
        montant_initial=Decimal("1200.00"),
    )
