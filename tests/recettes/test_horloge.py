"""The fund's clock in the tests: the suite runs on one frozen day, and a test
moves it to January to live the période complémentaire (D253-17)."""

import datetime

import pytest

from core.exceptions import ExerciceInvalide
from core.horloge import aujourdhui, maintenant
from ledger.models import Exercice
from ledger.services import exercice_ouvrir, exercice_ouvrir_periode_complementaire
from recettes import services as s
from recettes.models import OrdreRecette
from tests.conftest import HORLOGE_TESTS
from tests.factories import MOT_DE_PASSE
from tests.recettes.test_services import creer

pytestmark = pytest.mark.django_db


def test_la_suite_vit_un_seul_jour_fige(annee):
    assert aujourdhui() == datetime.date.fromisoformat(HORLOGE_TESTS)
    assert annee == aujourdhui().year
    assert maintenant() == maintenant()  # frozen: it does not tick


def test_la_fixture_horloge_deplace_le_jour_le_temps_du_test(horloge, annee):
    horloge(datetime.date(annee + 1, 1, 8))
    assert aujourdhui() == datetime.date(annee + 1, 1, 8)
    horloge(datetime.date(annee, 12, 31))
    assert aujourdhui() == datetime.date(annee, 12, 31)


def test_l_horloge_revient_au_jour_de_la_suite_apres_le_test(annee):
    # Runs after the previous test (no random order): its clock is gone.
    assert aujourdhui() == datetime.date.fromisoformat(HORLOGE_TESTS)


def _en_janvier(horloge, directrice, comptable, annee, jour):
    """Exercise `annee` in its période complémentaire, the clock on `jour` of January."""
    exercice = exercice_ouvrir(acting_user=comptable, annee=annee)
    horloge(datetime.date(annee + 1, 1, jour))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    return exercice


def test_en_janvier_un_ordre_de_l_exercice_precedent_est_recevable_dans_sa_periode_complementaire(
    horloge, directrice, comptable, annee
):
    exercice = _en_janvier(horloge, directrice, comptable, annee, 8)
    fait = datetime.date(annee, 12, 20)

    ordre = creer(directrice, date_fait=fait, dates={"liquidation": fait})
    s.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)

    ordre = OrdreRecette.objects.get(pk=ordre.pk)
    assert ordre.exercice == exercice and ordre.etat == "signe"
    assert ordre.limite_emission == datetime.date(annee + 1, 1, 10)
    assert "D253-17" in ordre.article_rattachement
    assert Exercice.objects.get(annee=annee).etat == Exercice.Etat.COMPLEMENTAIRE
    assert Exercice.objects.get(annee=annee + 1).etat == Exercice.Etat.OUVERT


def test_apres_la_periode_complementaire_le_brouillon_ne_se_signe_plus_et_l_ordre_va_a_l_exercice_courant(
    horloge, directrice, comptable, annee
):
    _en_janvier(horloge, directrice, comptable, annee, 8)
    fait = datetime.date(annee, 12, 20)
    brouillon = creer(directrice, date_fait=fait, dates={"liquidation": fait})

    horloge(datetime.date(annee + 1, 1, 11))
    refus = (
        f"sa période complémentaire s'est achevée le 10/01/{annee + 1}, il ne peut plus être émis"
    )
    with pytest.raises(ExerciceInvalide, match=f"L'ordre relève de l'exercice {annee} .*{refus}"):
        s.ordre_recette_signer(acting_user=directrice, ordre=brouillon, mot_de_passe=MOT_DE_PASSE)
    # The draft stays unsigned in its exercise; issued again, the order goes to
    # the current exercise (D253-17: the délai decides the exercise).
    brouillon = OrdreRecette.objects.get(pk=brouillon.pk)
    assert (brouillon.etat, brouillon.signatures.count()) == ("brouillon", 0)
    nouveau = creer(directrice, date_fait=fait, dates={"liquidation": fait})
    assert nouveau.exercice.annee == annee + 1
    assert nouveau.motif_rattachement.startswith(f"Rattaché à l'exercice {annee + 1}")
    assert OrdreRecette.objects.filter(exercice__annee=annee).count() == 1
