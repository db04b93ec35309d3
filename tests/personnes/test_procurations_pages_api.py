"""Procurations of the fondés de pouvoir through their page and their API
(circ. 93/82 §1.1.1): the directeur records, everyone with a function reads."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from personnes.models import Fonction, Procuration
from tests.personnes.conftest import nommee

pytestmark = pytest.mark.django_db

D = datetime.date
URL = "/api/procurations/"


@pytest.fixture
def fonde(db):
    return nommee("fonde", "Claire", "Roussel", Fonction.FONDE_DE_POUVOIR)


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def test_la_directrice_enregistre_la_procuration_par_la_page(client, directrice, comptable, fonde):
    client.force_login(directrice)
    reponse = client.post(
        reverse("personnes:procurations"),
        {
            "fonde": fonde.pk,
            "debut": "2026-06-01",
            "agreee_le": "2026-05-20",
            "deliberation": "CA 2026-07",
            "actes": "caisse.arreter",
            "montant_max": "3 000",
        },
        follow=True,
    )
    page = reponse.content.decode()
    procuration = Procuration.objects.get()
    assert f"Procuration n° {procuration.pk} de Claire Roussel, du 01/06/2026 enregistrée." in page
    assert "délibération CA 2026-07 du 20/05/2026" in page
    assert "caisse.arreter" in page

    # The auditor reads it, without the form; the same act refused to him.
    auditeur = nommee("auditeur", "Jean", "Morel", Fonction.AUDITEUR)
    client.force_login(auditeur)
    page = client.get(reverse("personnes:procurations")).content.decode()
    assert "CA 2026-07" in page and "Enregistrer une procuration" not in page
    reponse = client.post(reverse("personnes:procurations"), {"fonde": fonde.pk})
    assert reponse.status_code == 403


def test_la_page_dit_le_refus_et_ne_change_rien(client, directrice, comptable, fonde):
    client.force_login(directrice)
    reponse = client.post(
        reverse("personnes:procurations"),
        {
            "fonde": fonde.pk,
            "debut": "2026-06-01",
            "agreee_le": "2026-06-02",
            "deliberation": "CA 2026-07",
        },
    )
    assert reponse.status_code == 400
    assert "elle est donnée après cet agrément" in reponse.content.decode()
    assert not Procuration.objects.exists()


def test_l_api_enregistre_et_relit(directrice, comptable, fonde):
    cree = _api(directrice).post(
        URL,
        {
            "fonde": "fonde",
            "debut": "2026-06-01",
            "fin": "2026-12-31",
            "agreee_le": "2026-05-20",
            "deliberation": "CA 2026-07",
            "actes": "caisse.arreter, paiement.payer",
            "montant_max": "3000",
        },
        format="json",
    )
    assert cree.status_code == 201, cree.json()
    donnees = cree.json()
    assert (donnees["fonde"], donnees["fonde_nom"], donnees["agent_comptable"]) == (
        "fonde",
        "Claire Roussel",
        "comptable",
    )
    assert donnees["actes"] == ["caisse.arreter", "paiement.payer"]
    assert donnees["montant_max"] == "3000.00"

    liste = _api(comptable).get(URL).json()
    lignes = liste["results"] if isinstance(liste, dict) else liste
    assert [p["id"] for p in lignes] == [donnees["id"]]
    detail = _api(comptable).get(f"{URL}{donnees['id']}/").json()
    assert detail["deliberation"] == "CA 2026-07"

    refus = _api(comptable).post(URL, {"fonde": "fonde"}, format="json")
    assert refus.status_code == 403
    assert "Seul le directeur enregistre la procuration" in refus.json()["message"]
    assert Procuration.objects.count() == 1
