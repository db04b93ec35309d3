"""The interims of the agent comptable through their page and their API
(circ. 93/82 §1.1.2): the directeur or the agent comptable in office records,
everyone with a function reads."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from personnes.models import Fonction, Interim
from tests.factories import UtilisateurFactory
from tests.personnes.conftest import nommee

pytestmark = pytest.mark.django_db

D = datetime.date
URL = "/api/interims/"


@pytest.fixture
def interimaire(db):
    return UtilisateurFactory(username="interimaire", first_name="Marc", last_name="Dumas")


@pytest.fixture
def auditeur(db):
    return nommee("auditeur", "Jean", "Morel", Fonction.AUDITEUR)


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


SAISIE = {
    "utilisateur": "interimaire",
    "nature": "interimaire",
    "debut": "2026-07-01",
    "fin": "2026-12-31",
    "portee": "partiel",
    "attributions": "tresorerie.encaisser, tresorerie.payer",
    "nomme_le": "2026-06-10",
    "deliberation": "CA 2026-07",
}


def test_la_directrice_enregistre_l_interim_par_la_page(
    client, directrice, comptable, interimaire, auditeur
):
    client.force_login(directrice)
    page = client.get(reverse("personnes:interims")).content.decode()
    assert "Enregistrer un intérim de l'agent comptable" in page
    assert '<label for="id_nomme_le">' in page
    reponse = client.post(
        reverse("personnes:interims"), {**SAISIE, "utilisateur": interimaire.pk}, follow=True
    )
    page = reponse.content.decode()
    interim = Interim.objects.get()
    assert (interim.portee, interim.codes, interim.nomme_le) == (
        "partiel",
        ["tresorerie.encaisser", "tresorerie.payer"],
        D(2026, 6, 10),
    )
    assert "Intérim de l&#x27;agent comptable enregistré : Marc Dumas, agent comptable" in page
    assert "tresorerie.encaisser, tresorerie.payer" in page
    assert "délibération CA 2026-07 du 10/06/2026" in page
    assert "du 01/07/2026 au 31/12/2026" in page

    # the auditor reads it, without the form; the act is refused to him
    client.force_login(auditeur)
    page = client.get(reverse("personnes:interims")).content.decode()
    assert "CA 2026-07" in page and "Enregistrer un intérim" not in page
    assert client.post(reverse("personnes:interims"), SAISIE).status_code == 403
    assert Interim.objects.count() == 1


def test_la_page_dit_le_refus_et_ne_change_rien(client, comptable, interimaire):
    client.force_login(comptable)
    reponse = client.post(
        reverse("personnes:interims"),
        {**SAISIE, "utilisateur": interimaire.pk, "nomme_le": "", "deliberation": ""},
    )
    assert reponse.status_code == 400
    assert (
        "L&#x27;agent comptable intérimaire est nommé par le conseil d&#x27;administration"
        in reponse.content.decode()
    )
    assert not Interim.objects.exists()


def test_la_page_est_liee_depuis_les_delegations(client, directrice):
    client.force_login(directrice)
    page = client.get(reverse("personnes:delegations")).content.decode()
    assert f'href="{reverse("personnes:interims")}"' in page


def test_l_api_designe_et_relit(directrice, comptable, interimaire, auditeur):
    cree = _api(comptable).post(URL, SAISIE, format="json")
    assert cree.status_code == 201, cree.json()
    donnees = cree.json()
    assert (donnees["utilisateur"], donnees["utilisateur_nom"], donnees["portee"]) == (
        "interimaire",
        "Marc Dumas",
        "partiel",
    )
    assert donnees["attributions"] == ["tresorerie.encaisser", "tresorerie.payer"]
    assert (donnees["nomme_le"], donnees["deliberation"]) == ("2026-06-10", "CA 2026-07")

    liste = _api(auditeur).get(URL).json()
    lignes = liste["results"] if isinstance(liste, dict) else liste
    assert [i["id"] for i in lignes] == [donnees["id"]]
    assert _api(auditeur).get(f"{URL}{donnees['id']}/").json()["nature"] == "interimaire"
    assert _api(auditeur).get(f"{URL}999999/").status_code == 404

    refus = _api(auditeur).post(URL, SAISIE, format="json")
    assert refus.status_code == 403
    assert (
        "Seuls le directeur ou l'agent comptable enregistrent l'intérim"
        in (refus.json()["message"])
    )

    # the same period again: another interim already runs (409)
    conflit = _api(directrice).post(URL, SAISIE, format="json")
    assert conflit.status_code == 409
    assert conflit.json()["message"].startswith(
        "Un intérim de l'agent comptable court déjà sur cette période"
    )

    # no board decision for an intérimaire (400)
    invalide = _api(directrice).post(
        URL,
        {**SAISIE, "debut": "2027-01-01", "fin": "2027-03-31", "nomme_le": None},
        format="json",
    )
    assert invalide.status_code == 400
    assert invalide.json()["message"].startswith(
        "L'agent comptable intérimaire est nommé par le conseil d'administration"
    )
    assert Interim.objects.count() == 1
