"""The installation of an agent comptable through its pages, its PDF and its
API (circ. 93/82 §1.1.0): the directeur records, the installed one adds
réserves, everyone with a function reads."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from personnes.models import Fonction, Installation, Reserve
from tests.factories import MOT_DE_PASSE
from tests.personnes.conftest import nommee
from tests.tresorerie.test_pages import page, texte_pdf

pytestmark = pytest.mark.django_db

D = datetime.date
URL = "/api/installations/"


@pytest.fixture
def ancien(db):
    return nommee(
        "ancien", "Jean", "Morel", Fonction.AGENT_COMPTABLE, debut=D(2010, 1, 1), fin=D(2026, 1, 14)
    )


@pytest.fixture
def nouveau(db):
    return nommee("nouveau", "Anne", "Leroy", Fonction.AGENT_COMPTABLE, debut=D(2026, 1, 15))


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


SAISIE = {
    "installe_le": "2026-01-15",
    "solde_caisse": "1 234,56",
    "solde_banque": "250000",
    "observations": "Caisse comptée contradictoirement.",
    "mot_de_passe_entrant": MOT_DE_PASSE,
    "mot_de_passe_sortant": MOT_DE_PASSE,
}


def test_installation_par_la_page_puis_reserve_et_proces_verbal(
    client, directrice, ancien, nouveau
):
    client.force_login(directrice)
    reponse = client.post(
        reverse("personnes:installations"), {**SAISIE, "agent_comptable": nouveau.pk}, follow=True
    )
    texte = page(reponse)
    installation = Installation.objects.get()
    assert "Installation de Anne Leroy le 15/01/2026 enregistrée ; procès-verbal signé." in texte
    assert "Remise de service par Jean Morel." in texte
    assert "Délai ouvert jusqu'au 15/07/2026" in texte
    assert "Formuler une réserve" not in texte  # the directeur does not formulate them

    client.force_login(nouveau)
    reponse = client.post(
        reverse("personnes:reserve", args=[installation.pk]),
        {"formulee_le": "2026-06-01", "objet": "Restes à recouvrer anciens"},
        follow=True,
    )
    texte = page(reponse)
    assert f"Réserve enregistrée sur l'installation n° {installation.pk}." in texte
    assert "Réserve du 01/06/2026 : Restes à recouvrer anciens" in texte

    pdf = texte_pdf(client.get(reverse("personnes:proces_verbal", args=[installation.pk])).content)
    assert "Procès-verbal d'installation et de remise de service" in pdf
    assert (
        "Anne Leroy est installé dans les fonctions d'agent comptable, en remplacement de Jean Morel"
        in pdf
    )
    assert "Solde de la caisse : 1 234,56 €." in pdf
    assert "Solde des comptes bancaires : 250 000,00 €." in pdf
    assert "Réserve du 01/06/2026 : Restes à recouvrer anciens" in pdf


def test_la_page_dit_le_refus_de_signature_et_ne_change_rien(client, directrice, ancien, nouveau):
    client.force_login(directrice)
    reponse = client.post(
        reverse("personnes:installations"),
        {**SAISIE, "agent_comptable": nouveau.pk, "mot_de_passe_sortant": "faux"},
    )
    assert reponse.status_code == 400
    assert "Mot de passe de Jean Morel (agent comptable sortant) incorrect" in page(reponse)
    assert not Installation.objects.exists()


def test_l_auditeur_lit_sans_formulaire_et_l_acte_lui_est_refuse(
    client, directrice, ancien, nouveau
):
    _api(directrice).post(URL, {**SAISIE, "agent_comptable": "nouveau"}, format="json")
    auditeur = nommee("auditeur", "Paul", "Girard", Fonction.AUDITEUR)
    client.force_login(auditeur)
    texte = page(client.get(reverse("personnes:installations")))
    assert "Anne Leroy" in texte and "1 234,56 €" in texte
    assert "Enregistrer une installation" not in texte
    assert client.post(reverse("personnes:installations"), {}).status_code == 403


def test_api_installation_reserve_hors_delai_et_prorogation(horloge, directrice, ancien, nouveau):
    reponse = _api(directrice).post(URL, {**SAISIE, "agent_comptable": "nouveau"}, format="json")
    assert reponse.status_code == 201, reponse.content
    corps = reponse.json()
    assert corps["predecesseur"] == "ancien"
    assert corps["solde_caisse"] == "1234.56"
    assert corps["limite_reserves"] == "2026-07-15"
    pk = corps["id"]

    horloge(D(2026, 8, 1))
    refus = _api(nouveau).post(
        f"{URL}{pk}/reserves/", {"formulee_le": "2026-07-16", "objet": "Stocks"}, format="json"
    )
    assert refus.status_code == 409, refus.content
    assert "hors du délai ouvert du 15/01/2026 au 15/07/2026" in refus.content.decode()
    assert not Reserve.objects.exists()

    # The directeur does not formulate réserves: refused at the edge.
    assert (
        _api(directrice)
        .post(f"{URL}{pk}/reserves/", {"formulee_le": "2026-07-01", "objet": "x"}, format="json")
        .status_code
        == 403
    )

    reponse = _api(nouveau).post(
        f"{URL}{pk}/prorogations/",
        {
            "demandee_le": "2026-07-10",
            "accordee_le": "2026-07-20",
            "accordee_par": "DRASS, lettre n° 42",
            "nouvelle_limite": "2026-09-30",
        },
        format="json",
    )
    assert reponse.status_code == 201, reponse.content
    assert reponse.json()["limite_reserves"] == "2026-09-30"
    reponse = _api(nouveau).post(
        f"{URL}{pk}/reserves/", {"formulee_le": "2026-07-16", "objet": "Stocks"}, format="json"
    )
    assert reponse.status_code == 201, reponse.content
    assert [r["objet"] for r in reponse.json()["reserves"]] == ["Stocks"]
    assert (
        _api(nouveau).get(f"{URL}{pk}/").json()["prorogations"][0]["accordee_par"]
        == "DRASS, lettre n° 42"
    )


def test_schema_openapi_nomme_les_installations(client, directrice):
    client.force_login(directrice)
    schema = client.get("/api/schema/").content.decode()
    for chemin in (
        "/api/installations/",
        "/api/installations/{id}/",
        "/api/installations/{id}/reserves/",
        "/api/installations/{id}/prorogations/",
    ):
        assert chemin in schema
