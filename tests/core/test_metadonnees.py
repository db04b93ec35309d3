"""OPTIONS on an API route answers in French: the admitted methods and the
schema's address, not DRF's English class name ("Ordre List Api")."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("adresse", "methodes"),
    [
        ("/api/ordres-recette/", ["GET", "HEAD", "OPTIONS"]),
        ("/api/ecritures/passer/", ["OPTIONS", "POST"]),
    ],
)
def test_options_repond_en_francais(comptable, exercice, adresse, methodes):
    api = APIClient()
    api.force_authenticate(comptable)

    reponse = api.options(adresse)

    assert reponse.status_code == 200
    corps = reponse.json()
    assert corps["methodes"] == methodes
    assert corps["schema"] == "/api/schema/"
    assert corps["message"].startswith("Méthodes admises sur cette adresse")
    assert "name" not in corps and "Api" not in reponse.content.decode()


def test_options_sans_authentification_est_refuse_en_francais(exercice):
    reponse = APIClient().options("/api/ordres-recette/")

    assert reponse.status_code in (401, 403)
    assert reponse.json()["message"].startswith("Authentification requise")
