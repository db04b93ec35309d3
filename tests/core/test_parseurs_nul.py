"""A NUL character in a form or multipart field of an API body is refused by
the parsers in the API's shape (it reached PostgreSQL, which cannot store it:
a server error found by the schemathesis run on /api/mandats/)."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token


@pytest.mark.parametrize("forme", ["multipart", "formulaire"])
def test_un_champ_avec_un_caractere_nul_est_refuse_en_400(comptable, forme):
    jeton = Token.objects.create(user=comptable)
    client = Client(HTTP_AUTHORIZATION=f"Token {jeton.key}")
    donnees = {"mandataire": "comp\x00table", "objet": "controles"}
    if forme == "multipart":
        reponse = client.post("/api/mandats/", donnees)
    else:
        reponse = client.post(
            "/api/mandats/",
            "mandataire=comp%00table&objet=controles",
            content_type="application/x-www-form-urlencoded",
        )

    assert reponse.status_code == 400
    assert reponse.json()["message"] == "Un champ contient le caractère nul (NUL), refusé."
