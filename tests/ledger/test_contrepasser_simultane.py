"""Two reversals of one entry sent at once: the service holds the entry's
reversal lock and checks « déjà contrepassée » before inserting, so the second
gets the service's French refusal naming the entry (`OD-1`), not the database's
unique violation quoting an internal id."""

import threading

import pytest
from django.db import connection, connections, transaction
from rest_framework.test import APIClient

from ledger.models import Ecriture
from tests.core.test_idempotence import _attendre_bloques

DEJA = "L'écriture OD-1 a déjà été contrepassée."


def _client(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def _passer(api, annee) -> int:
    saisie = {
        "exercice": annee,
        "journal": "OD",
        "date": f"{annee}-06-10",
        "libelle": "Frais bancaires",
        "lignes": [{"compte": "627", "debit": "12.30"}, {"compte": "5122", "credit": "12.30"}],
    }
    reponse = api.post("/api/ecritures/passer/", saisie, format="json")
    assert reponse.status_code == 201, reponse.content
    return reponse.json()["id"]


@pytest.mark.django_db(transaction=True)
def test_deux_contrepassations_simultanees_la_seconde_nomme_l_ecriture(comptable, exercice):
    ident = _passer(_client(comptable), exercice.annee)
    reponses = {}

    def contrepasser(nom):
        try:
            reponses[nom] = _client(comptable).post(f"/api/ecritures/{ident}/contrepasser/")
        finally:
            connections.close_all()

    # The exercise's chain held: the first reversal waits on it after its checks,
    # the second on the entry's reversal lock (before its checks).
    with transaction.atomic():
        with connection.cursor() as curseur:
            curseur.execute(
                "SELECT 1 FROM ledger_chaine WHERE exercice_id = %s FOR UPDATE", [exercice.pk]
            )
        fils = [threading.Thread(target=contrepasser, args=(nom,)) for nom in ("a", "b")]
        for f in fils:
            f.start()
        assert _attendre_bloques(2)
    for f in fils:
        f.join(20)

    statuts = sorted(r.status_code for r in reponses.values())
    assert statuts == [201, 409], [r.content for r in reponses.values()]
    refus = next(r.json() for r in reponses.values() if r.status_code == 409)
    assert refus["message"] == DEJA
    assert Ecriture.objects.filter(contrepasse_id=ident).count() == 1


@pytest.mark.django_db
def test_la_seconde_contrepassation_nomme_l_ecriture(comptable, exercice):
    api = _client(comptable)
    ident = _passer(api, exercice.annee)
    assert api.post(f"/api/ecritures/{ident}/contrepasser/").status_code == 201

    encore = api.post(f"/api/ecritures/{ident}/contrepasser/")

    assert encore.status_code == 409
    assert encore.json()["message"] == DEJA
