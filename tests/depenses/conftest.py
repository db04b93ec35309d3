from decimal import Decimal

import pytest

from budget import services as budget


@pytest.fixture
def credits(directrice, exercice):
    budget.credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="6064",
        libelle="Fournitures administratives",
        montant_initial=Decimal("30000.00"),
    )
    return exercice
