import pytest

from reglementation.donnees import charger_reglementation
from reglementation.models import Parametre, RegleRattachement


@pytest.fixture(autouse=True)
def reglementation_chargee(request):
    """The rows come from a data migration; a transactional test elsewhere in the
    session empties every table after it, so reload them when they are gone."""
    if "django_db" not in {m.name for m in request.node.iter_markers()}:
        return
    request.getfixturevalue("db")
    if not RegleRattachement.objects.exists():
        charger_reglementation(Parametre, RegleRattachement)
