"""Control and invisible characters in the texts of an API body (C0/C1 but
tab and line breaks, bidirectional overrides and isolates, U+FEFF) are refused
by the parsers with a French 400 naming the field; nothing reaches the
immutable ledger. The pages' check (`core.saisie.texte`) refuses the same set."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide
from core.saisie import texte
from ledger.models import Ecriture

pytestmark = pytest.mark.django_db

PASSER = "/api/ecritures/passer/"


def saisie(annee, libelle) -> dict:
    return {
        "exercice": annee,
        "journal": "OD",
        "date": f"{annee}-06-10",
        "libelle": libelle,
        "lignes": [{"compte": "627", "debit": "12.30"}, {"compte": "5122", "credit": "12.30"}],
    }


@pytest.mark.parametrize(
    ("libelle", "point"),
    [("\u202e\u200b\ufeff  ", "U+202E"), ("a\u0001\u001b[31mb", "U+0001"), ("x\ufeffy", "U+FEFF")],
)
def test_un_libelle_d_ecriture_avec_un_caractere_de_controle_est_refuse(
    comptable, exercice, libelle, point
):
    api = APIClient()
    api.force_authenticate(comptable)

    reponse = api.post(PASSER, saisie(exercice.annee, libelle), format="json")

    assert reponse.status_code == 400, reponse.content
    corps = reponse.json()
    assert corps["code"] == "corps_invalide"
    assert corps["message"] == (
        f"Le champ « libelle » contient un caractère de contrôle ou invisible ({point}), "
        "refusé : retapez le texte."
    )
    assert not Ecriture.objects.exists()


def test_une_tabulation_et_des_retours_a_la_ligne_restent_admis(comptable, exercice):
    api = APIClient()
    api.force_authenticate(comptable)

    reponse = api.post(PASSER, saisie(exercice.annee, "Frais\tbancaires\r\njuin"), format="json")

    assert reponse.status_code == 201, reponse.content


def test_un_champ_de_formulaire_avec_un_caractere_bidi_est_refuse(comptable):
    jeton = Token.objects.create(user=comptable)
    client = Client(HTTP_AUTHORIZATION=f"Token {jeton.key}")

    reponse = client.post(
        "/api/mandats/",
        "mandataire=comptable&objet=controle%E2%80%AEsnoc",
        content_type="application/x-www-form-urlencoded",
    )

    assert reponse.status_code == 400
    assert reponse.json()["message"] == (
        "Le champ « objet » contient un caractère de contrôle ou invisible (U+202E), "
        "refusé : retapez le texte."
    )


@pytest.mark.parametrize("valeur", ["\u202eabc", "a\u0001b", "a\ufeffb", "a\u2066b"])
def test_les_pages_refusent_le_meme_ensemble(valeur):
    with pytest.raises(DonneeInvalide, match="caractère de contrôle"):
        texte(valeur, "Le libellé")
