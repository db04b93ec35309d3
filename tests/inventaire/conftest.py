import datetime

import pytest

from ledger.models import Exercice
from ledger.services import exercice_ouvrir_periode_complementaire
from tests.depenses.conftest import credits  # noqa: F401 (fixture)

D = datetime.date


@pytest.fixture
def periode(horloge, comptable, exercice) -> Exercice:
    """Exercise N in its période complémentaire, N+1 open, the clock on 20 January N+1."""
    horloge(D(exercice.annee + 1, 1, 2))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    horloge(D(exercice.annee + 1, 1, 20))
    return Exercice.objects.get(pk=exercice.pk)
