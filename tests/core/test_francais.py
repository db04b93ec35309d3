"""The application answers in French, whatever the client asks."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_une_ressource_absente_se_dit_en_francais(comptable):
    api = APIClient()
    api.force_authenticate(comptable)
    reponse = api.get("/api/ordres-depense/999999/")
    assert reponse.status_code == 404
    assert reponse.json() == {
        "code": "not_found",
        "message": (
            "Introuvable : ordre de dépense n° 999999 (ce numéro n'existe pas ou ne vous est "
            "pas ouvert)."
        ),
        "details": {},
    }


def test_un_client_qui_demande_l_anglais_recoit_le_francais(client, comptable):
    api = APIClient()
    reponse = api.get("/api/ordres-depense/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert reponse.status_code in (401, 403)
    assert "Authentication credentials were not provided" not in reponse.json()["message"]
    client.force_login(comptable)
    page = client.post("/comptabilite/saisie/", {}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    texte = page.content.decode()
    assert "This field is required" not in texte
    assert "Ce champ est obligatoire" in texte


def test_chaque_acte_de_l_historique_d_un_ordre_de_la_demo_a_son_libelle(caisse_demo):
    from core.models import JournalAudit
    from core.templatetags.francais import ACTES

    actes = set(
        JournalAudit.objects.filter(acte__startswith="ordre_").values_list("acte", flat=True)
    )
    assert actes, "la démonstration n'a pas d'historique d'ordres"
    assert actes - set(ACTES) == set()
