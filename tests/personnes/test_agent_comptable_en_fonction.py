"""`agent_comptable_en_fonction`: the titular, or the intérimaire for that period (circ. §1.1.2)."""

import datetime
import zoneinfo

import pytest

from personnes.models import Fonction, Interim
from personnes.selectors import agent_comptable_en_fonction
from tests.personnes.conftest import nommee

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def titulaire(db):
    return nommee(
        "titulaire",
        "Anne",
        "Lefort",
        Fonction.AGENT_COMPTABLE,
        debut=datetime.date(2025, 1, 1),
        fin=datetime.date(2025, 6, 30),
    )


@pytest.fixture
def fonde(db):
    return nommee("fonde", "Claire", "Roussel", Fonction.FONDE_DE_POUVOIR)


def _interim(utilisateur, nature, debut, fin) -> Interim:
    nomination = (
        {"nomme_le": debut, "deliberation": "CA n° 12"}
        if nature == Interim.Nature.INTERIMAIRE
        else {}
    )
    return Interim.objects.create(
        utilisateur=utilisateur, nature=nature, debut=debut, fin=fin, **nomination
    )


def test_le_titulaire_en_poste_de_son_premier_a_son_dernier_jour(titulaire):
    assert agent_comptable_en_fonction(datetime.date(2025, 1, 1)) == titulaire
    assert agent_comptable_en_fonction(datetime.datetime(2025, 6, 30, 23, 59, tzinfo=PARIS)) == (
        titulaire
    )
    assert agent_comptable_en_fonction(datetime.date(2024, 12, 31)) is None
    assert agent_comptable_en_fonction(datetime.datetime(2025, 7, 1, 0, 0, tzinfo=PARIS)) is None


def test_l_instant_se_lit_a_l_heure_de_la_caisse(titulaire):
    # 30 June 22:30 UTC is already 1 July 00:30 in Paris: the titular has left.
    instant = datetime.datetime(2025, 6, 30, 22, 30, tzinfo=datetime.UTC)
    assert agent_comptable_en_fonction(instant) is None
    assert agent_comptable_en_fonction(instant - datetime.timedelta(hours=1)) == titulaire


def test_le_fonde_de_pouvoir_pendant_l_absence_du_titulaire(titulaire, fonde):
    _interim(
        fonde,
        Interim.Nature.FONDE_DE_POUVOIR,
        datetime.date(2025, 3, 10),
        datetime.date(2025, 3, 20),
    )
    assert agent_comptable_en_fonction(datetime.date(2025, 3, 9)) == titulaire
    assert agent_comptable_en_fonction(datetime.datetime(2025, 3, 10, 0, 0, tzinfo=PARIS)) == fonde
    assert agent_comptable_en_fonction(datetime.datetime(2025, 3, 20, 23, 59, tzinfo=PARIS)) == (
        fonde
    )
    assert agent_comptable_en_fonction(datetime.date(2025, 3, 21)) == titulaire


def test_la_vacance_avec_un_interimaire_nomme(titulaire):
    interimaire = nommee("interimaire", "Marc", "Dumas", Fonction.MANDATAIRE)
    _interim(
        interimaire,
        Interim.Nature.INTERIMAIRE,
        datetime.date(2025, 7, 1),
        datetime.date(2025, 12, 31),
    )
    assert agent_comptable_en_fonction(datetime.date(2025, 6, 30)) == titulaire
    assert agent_comptable_en_fonction(datetime.date(2025, 7, 1)) == interimaire
    assert agent_comptable_en_fonction(datetime.date(2025, 12, 31)) == interimaire
    assert agent_comptable_en_fonction(datetime.date(2026, 1, 1)) is None


def test_la_vacance_sans_interimaire(titulaire):
    assert agent_comptable_en_fonction(datetime.date(2025, 8, 1)) is None


def test_le_successeur_installe_le_jour_de_la_remise_de_service(titulaire):
    successeur = nommee(
        "successeur",
        "Jean",
        "Morel",
        Fonction.AGENT_COMPTABLE,
        debut=datetime.date(2025, 6, 30),
    )
    assert agent_comptable_en_fonction(datetime.date(2025, 6, 29)) == titulaire
    assert agent_comptable_en_fonction(datetime.date(2025, 6, 30)) == successeur
    assert agent_comptable_en_fonction(datetime.date(2025, 7, 1)) == successeur
