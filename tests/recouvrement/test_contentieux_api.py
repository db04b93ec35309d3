"""The API of the contentious recovery: every act a typed POST, the refusals
as `{code, message}` in French, the agent comptable refused at the edge, the
claims and the bailiffs' register as GET."""

import datetime

import pytest
from rest_framework.test import APIClient

from recouvrement.models import Creance, Debiteur
from recouvrement.models_contentieux import MiseEnDemeure

pytestmark = pytest.mark.django_db
J = datetime.date
BASE = "/api/recouvrement"


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def test_le_parcours_contentieux_par_l_api(directrice, ordre_cotisation, horloge):
    ligne = ordre_cotisation.lignes.get()
    api = _api(directrice)
    horloge(J(2026, 6, 16))
    reponse = api.post(
        f"{BASE}/contentieux/mises-en-demeure/", {"lignes": [ligne.pk]}, format="json"
    )
    assert reponse.status_code == 201, reponse.json()
    mise = reponse.json()
    assert (mise["montant"], mise["lignes"]) == ("2400.00", [ligne.pk])
    debiteur = Debiteur.objects.get()
    reponse = api.post(
        f"{BASE}/contentieux/debiteurs/{debiteur.pk}/qualifier/",
        {"regime": "obligatoire", "forme": "entreprise"},
        format="json",
    )
    assert reponse.status_code == 201 and reponse.json()["regime"] == "obligatoire"
    reponse = api.post(
        f"{BASE}/contentieux/mises-en-demeure/{mise['id']}/avis-reception/",
        {"le": "2026-06-16"},
        format="json",
    )
    assert reponse.json()["fin_delai"] == "2026-07-16"
    horloge(J(2026, 7, 16))
    reponse = api.post(
        f"{BASE}/contentieux/creances/{ligne.pk}/poursuite/",
        {"type": "contrainte", "description": "Contrainte"},
        format="json",
    )
    assert reponse.status_code in (400, 409), reponse.json()
    assert "à compter du 17/07/2026" in reponse.json()["message"]
    horloge(J(2026, 7, 17))
    reponse = api.post(
        f"{BASE}/contentieux/creances/{ligne.pk}/poursuite/",
        {"type": "autre", "description": "Saisie-attribution sur compte bancaire"},
        format="json",
    )
    assert reponse.status_code == 201, reponse.json()
    poursuite = reponse.json()
    assert poursuite["type_libelle"].startswith("autre procédure")
    reponse = api.post(
        f"{BASE}/huissiers/inscrire/",
        {
            "nom": "Maître Dupuis",
            "etude": "Étude Dupuis",
            "adresse": "Valmont",
            "iban": "FR7630004000031234567890143",
            "convention_depuis": "2026-01-01",
        },
        format="json",
    )
    assert reponse.status_code == 201, reponse.json()
    huissier = reponse.json()["id"]
    reponse = api.post(
        f"{BASE}/contentieux/poursuites/{poursuite['id']}/actes-huissier/",
        {"huissier": huissier, "le": "2026-07-17", "nature": "Saisie-attribution", "cout": "0"},
        format="json",
    )
    assert reponse.status_code == 201, reponse.json()
    acte = reponse.json()
    reponse = api.post(
        f"{BASE}/contentieux/actes-huissier/{acte['id']}/resultat/",
        {"le": "2026-07-17", "resultat": "Saisie fructueuse", "somme_recouvree": "2400.00"},
        format="json",
    )
    assert reponse.json()["somme_recouvree"] == "2400.00"
    dossiers = api.get(f"{BASE}/contentieux/creances/").json()
    assert [(d["debiteur"], d["stade"]) for d in dossiers] == [
        ("Société Orion", Creance.Stade.POURSUITE.label)
    ]
    dossier = api.get(f"{BASE}/contentieux/creances/{ligne.pk}/").json()
    assert dossier["poursuites"][0]["actes_huissier"][0]["resultat"] == "Saisie fructueuse"
    registre = api.get(f"{BASE}/huissiers/").json()
    assert registre[0]["visite_due_le"] == "2026-12-31"


def test_l_agent_comptable_est_refuse_a_l_entree(comptable, ordre_cotisation, horloge):
    horloge(J(2026, 6, 16))
    reponse = _api(comptable).post(
        f"{BASE}/contentieux/mises-en-demeure/",
        {"lignes": [ordre_cotisation.lignes.get().pk]},
        format="json",
    )
    assert reponse.status_code == 403
    assert "Seul le directeur, ou son délégué" in reponse.json()["message"]
    assert not MiseEnDemeure.objects.exists()
