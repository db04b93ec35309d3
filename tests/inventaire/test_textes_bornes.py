"""A signed état's texts are bounded (4,000 characters) before they reach its
immutable table: by the service, with a French message, and by PostgreSQL."""

import pytest

from core.exceptions import DonneeInvalide
from inventaire import services as s
from inventaire.models import EtatInventaire
from tests.factories import MOT_DE_PASSE
from tests.inventaire.test_services import par
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db

TROP_LONG = "x" * 4001
MESSAGE = "tiennent chacune en 4 000 caractères au plus"


def test_le_service_refuse_une_methode_de_plus_de_4000_caracteres(comptable, periode):
    with pytest.raises(DonneeInvalide, match=MESSAGE):
        par(comptable, periode, explication=TROP_LONG)
    assert not EtatInventaire.objects.exists()


def test_le_service_refuse_une_population_de_plus_de_4000_caracteres(comptable, periode):
    with pytest.raises(DonneeInvalide, match=MESSAGE):
        s.provisions_depreciation_constituer(
            acting_user=comptable,
            exercice=periode,
            methode="forfaitaire",
            explication="Taux de non-recouvrement observé par ancienneté",
            population=TROP_LONG,
            articles=[s.Article("Créances de plus de 2 ans", base="1000.00", taux="60")],
            mot_de_passe=MOT_DE_PASSE,
        )
    assert not EtatInventaire.objects.exists()


def test_postgresql_refuse_un_etat_au_texte_trop_long(comptable, periode):
    etat = par(comptable, periode)
    refus_sql(
        lambda c: c.execute(
            "INSERT INTO inventaire_etatinventaire (exercice_id, numero, nature, methode,"
            " explication, fondement, total, etabli_par_id, etabli_le, qualite, empreinte)"
            " SELECT exercice_id, numero + 1, nature, methode, repeat('x', 4001), fondement,"
            " total, etabli_par_id, etabli_le, qualite, empreinte"
            " FROM inventaire_etatinventaire WHERE id = %s",
            [etat.pk],
        ),
        "etat_textes_bornes",
    )
    assert EtatInventaire.objects.count() == 1
