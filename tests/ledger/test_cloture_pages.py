"""The year-end on the exercises' page and in the API; a visaed ordre de
dépense of N paid in N+1 once N is closed and its à-nouveaux posted."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from budget.selectors import situation
from budget.services import credit_pour as budget_credit_pour
from ledger.models import ArreteComptes, Ecriture, Exercice
from ledger.services import a_nouveaux_passer
from tests.ledger.cloture_outils import clore
from tests.ledger.test_cloture import figer, passer
from tests.tresorerie.conftest import comptes, credits, ordre_vise, regisseur  # noqa: F401
from tests.tresorerie.test_pages import page
from tresorerie import services as t
from tresorerie.selectors import solde_comptable

pytestmark = pytest.mark.django_db

D = datetime.date


def test_la_periode_complementaire_s_ouvre_apres_le_31_decembre(
    client, comptable, exercice, horloge
):
    n = exercice.annee
    client.force_login(comptable)
    horloge(D(n, 12, 31))
    texte = page(client.get(reverse("ledger:exercices")))
    assert f"Période complémentaire à ouvrir après le 31/12/{n}." in texte
    assert "Ouvrir la période complémentaire" not in texte
    horloge(D(n + 1, 1, 1))
    assert "Ouvrir la période complémentaire" in page(client.get(reverse("ledger:exercices")))


@pytest.fixture
def en_janvier(comptable, exercice, horloge):
    passer(comptable, exercice, D(exercice.annee, 2, 1), "RE", "4111", "7511", "500")
    horloge(D(exercice.annee + 1, 1, 20))
    client = APIClient()
    client.force_authenticate(comptable)
    reponse = client.post(f"/api/exercices/{exercice.annee}/periode-complementaire/")
    assert reponse.status_code == 200
    return exercice


def test_la_page_mene_la_fin_d_exercice(client, comptable, directrice, en_janvier, horloge):
    n = en_janvier.annee
    url = reverse("ledger:exercices")
    client.force_login(comptable)
    texte = page(client.get(url))
    assert "Balance après inventaire : à figer" in texte
    assert f"Passer le résultat {n}" not in texte  # not before the balance après inventaire
    figer(comptable, en_janvier)
    texte = page(client.get(url))
    assert f"Passer le résultat {n}" in texte
    reponse = client.post(reverse("ledger:exercice_transition", args=[n, "resultat"]))
    assert reponse.status_code == 302
    texte = page(client.get(url))
    assert f"Résultat de l'exercice {n} passé." in texte
    assert "Résultat (excédent de 500,00 €) : passé (OD-1" in texte
    assert f"Enregistrer l'arrêté des comptes {n}" not in texte  # the directeur's act

    client.force_login(directrice)
    assert f"Enregistrer l'arrêté des comptes {n}" in page(client.get(url))
    client.post(
        reverse("ledger:exercice_transition", args=[n, "arrete"]),
        {"arrete_le": f"{n + 1}-01-19", "deliberation": "", "affectation": "report_a_nouveau"},
    )
    assert not ArreteComptes.objects.exists()  # refused: no délibération
    client.post(
        reverse("ledger:exercice_transition", args=[n, "arrete"]),
        {
            "arrete_le": f"{n + 1}-01-19",
            "deliberation": "CA n° 4",
            "affectation": "report_a_nouveau",
        },
    )
    texte = page(client.get(url))
    assert f"Arrêté des comptes {n} par le conseil enregistré." in texte
    assert "le 19/01/" in texte and "délibération CA n° 4" in texte

    client.force_login(comptable)
    texte = page(client.get(url))
    assert f"fin de la période complémentaire : à partir du 01/03/{n + 1}" in texte
    assert "Clore l'exercice" not in texte  # not while a délai runs
    reponse = client.post(reverse("ledger:exercice_transition", args=[n, "cloturer"]), follow=True)
    assert f"court jusqu'au 28/02/{n + 1}" in page(reponse)
    assert Exercice.objects.get(pk=en_janvier.pk).etat == Exercice.Etat.COMPLEMENTAIRE
    horloge(D(n + 1, 3, 1))
    assert "Clore l'exercice" in page(client.get(url))
    client.post(reverse("ledger:exercice_transition", args=[n, "cloturer"]))
    assert Exercice.objects.get(pk=en_janvier.pk).etat == Exercice.Etat.CLOS
    assert f"Passer les à-nouveaux {n + 1}" in page(client.get(url))
    client.post(reverse("ledger:exercice_transition", args=[n, "a-nouveaux"]))
    texte = page(client.get(url))
    assert f"À-nouveaux de l'exercice {n + 1} passés." in texte
    assert f"À-nouveaux {n + 1} : passés" in texte


def test_l_api_de_la_fin_d_exercice(comptable, directrice, en_janvier, horloge):
    n = en_janvier.annee
    api, ordonnateur = APIClient(), APIClient()
    api.force_authenticate(comptable)
    ordonnateur.force_authenticate(directrice)
    refus = api.post(f"/api/exercices/{n}/resultat/")
    assert refus.status_code == 409
    assert "balance après inventaire" in refus.json()["message"]
    figer(comptable, en_janvier)
    assert ordonnateur.post(f"/api/exercices/{n}/resultat/").status_code == 403
    etapes = api.post(f"/api/exercices/{n}/resultat/").json()
    assert etapes["resultat"] == "500.00" and etapes["resultat_passe"]
    assert etapes["ecriture_resultat"] == "OD-1"
    arrete = {"arrete_le": f"{n + 1}-01-19", "deliberation": "CA n° 4"}
    assert api.post(f"/api/exercices/{n}/arrete/", arrete, format="json").status_code == 403
    etapes = ordonnateur.post(f"/api/exercices/{n}/arrete/", arrete, format="json").json()
    assert etapes["arrete"]["affectation"] == "report_a_nouveau"
    assert etapes["arrete"]["enregistre_par"] == "directrice"
    refus = api.post(f"/api/exercices/{n}/clore/")
    assert refus.status_code == 409 and f"court jusqu'au 28/02/{n + 1}" in refus.json()["message"]
    assert etapes["clore_a_partir_du"] == f"{n + 1}-03-01"
    horloge(D(n + 1, 3, 1))
    assert api.post(f"/api/exercices/{n}/clore/").json()["etat"] == "clos"
    etapes = api.post(f"/api/exercices/{n}/a-nouveaux/").json()
    assert etapes["clos"] and etapes["a_nouveaux"]
    assert api.get(f"/api/exercices/{n}/cloture/").json() == etapes
    assert Ecriture.objects.filter(exercice__annee=n + 1, journal__code="AN").count() == 1


# The payment of a visaed order of N, once N is closed, settles a debt of N
# carried by the à-nouveaux; no credit of the closed exercise moves.
@pytest.mark.usefixtures("credits")
def test_un_ordre_vise_de_n_se_paie_en_n_plus_1(comptable, directrice, exercice, horloge, request):
    n = exercice.annee
    ordre = ordre_vise(directrice, comptable, exercice, montant="300.00")
    banque = request.getfixturevalue("comptes")["BANQUE"]
    banque_au_31 = solde_comptable(banque.compte.numero, D(n, 12, 31))
    horloge(D(n + 1, 1, 20))
    clore(exercice, comptable)
    a_nouveaux_passer(acting_user=comptable, exercice=exercice)
    assert solde_comptable(banque.compte.numero, D(n + 1, 1, 2)) == banque_au_31

    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=banque)

    ordre.refresh_from_db()
    assert ordre.etat == "paye"
    assert lot.ecriture.exercice.annee == n + 1
    assert solde_comptable(banque.compte.numero, D(n + 1, 1, 20)) == banque_au_31 - Decimal("300")
    # the credit of N keeps the figures of its closing
    credit = budget_credit_pour(exercice=exercice, compte_numero="6064")
    assert situation(credit=credit).paye == Decimal("0.00")
