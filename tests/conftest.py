import datetime

import pytest
from django.utils import timezone

from depenses.models import PlanControleDepense
from depenses.plan_controle import charger_plan_controle_depenses
from ledger.models import Compte, Journal
from ledger.plan import charger_plan
from personnes.models import Fonction
from recettes.models import PlanControle
from recettes.plan_controle import charger_plan_controle
from reglementation.donnees import charger_reglementation
from reglementation.models import Parametre, RegleRattachement
from tests.factories import personne


@pytest.fixture(autouse=True)
def plan_comptable(request):
    """The chart, journals, dated rules and plan de contrôle come from data
    migrations; transactional tests empty every table after them, so reload
    them where a test needs the db."""
    if "django_db" not in {m.name for m in request.node.iter_markers()} and not any(
        f in request.fixturenames for f in ("db", "transactional_db")
    ):
        return
    request.getfixturevalue(
        "db" if "transactional_db" not in request.fixturenames else "transactional_db"
    )
    charger_plan(Compte, Journal)
    if not RegleRattachement.objects.exists():
        charger_reglementation(Parametre, RegleRattachement)
    charger_plan_controle(PlanControle)
    charger_plan_controle_depenses(PlanControleDepense)


@pytest.fixture
def comptable(db):
    return personne("comptable", Fonction.AGENT_COMPTABLE)


@pytest.fixture
def directrice(db):
    return personne("directrice", Fonction.DIRECTEUR)


@pytest.fixture
def auditeur(db):
    return personne("auditeur", Fonction.AUDITEUR)


@pytest.fixture
def annee():
    return timezone.localdate().year


@pytest.fixture
def exercice(comptable, annee):
    from ledger.services import exercice_ouvrir

    return exercice_ouvrir(acting_user=comptable, annee=annee)


@pytest.fixture
def jour(annee):
    return datetime.date(annee, 3, 15)
