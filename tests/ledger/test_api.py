import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.models import JournalAudit
from ledger.models import Ecriture
from tests.factories import MOT_DE_PASSE

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def _saisie(annee, **modifs):
    donnees = {
        "exercice": annee,
        "journal": "OD",
        "date": f"{annee}-06-30",
        "libelle": "Frais bancaires",
        "lignes": [{"compte": "627", "debit": "12.30"}, {"compte": "5122", "credit": "12.30"}],
    }
    donnees.update(modifs)
    return donnees


def test_un_jeton_s_obtient_avec_identifiant_et_mot_de_passe(api, auditeur, exercice):
    reponse = api.post("/api/jeton/", {"username": "auditeur", "password": MOT_DE_PASSE})
    assert reponse.status_code == 200
    jeton = reponse.json()["token"]
    assert Token.objects.get(user=auditeur).key == jeton
    api.credentials(HTTP_AUTHORIZATION=f"Token {jeton}")
    assert api.get("/api/exercices/").json()["results"][0]["annee"] == exercice.annee


def test_sans_authentification_l_api_refuse_en_francais(api, exercice):
    reponse = api.get("/api/exercices/")
    assert reponse.status_code in (401, 403)
    assert reponse.json()["message"].startswith("Authentification requise : connectez-vous")


def test_le_comptable_passe_une_ecriture_par_l_api(api, comptable, exercice):
    api.force_authenticate(comptable)
    reponse = api.post("/api/ecritures/passer/", _saisie(exercice.annee), format="json")
    assert reponse.status_code == 201, reponse.json()
    corps = reponse.json()
    assert (corps["journal"], corps["numero"], corps["exercice"]) == ("OD", 1, exercice.annee)
    assert [(ligne["compte"], ligne["debit"], ligne["credit"]) for ligne in corps["lignes"]] == [
        ("627", "12.30", "0.00"),
        ("5122", "0.00", "12.30"),
    ]
    assert len(corps["empreinte"]) == 64


@pytest.mark.parametrize(
    ("modifs", "statut", "code", "message"),
    [
        (
            {
                "lignes": [
                    {"compte": "627", "debit": "12.30"},
                    {"compte": "5122", "credit": "12.31"},
                ]
            },
            400,
            "ecriture_desequilibree",
            "n'est pas équilibrée",
        ),
        (
            {
                "lignes": [
                    {"compte": "627", "debit": "12.305"},
                    {"compte": "5122", "credit": "12.305"},
                ]
            },
            400,
            "montant_invalide",
            "plus de deux décimales",
        ),
        (
            {"lignes": [{"compte": "627", "debit": "-5"}, {"compte": "5122", "credit": "-5"}]},
            400,
            "montant_invalide",
            "ne peut pas être négatif",
        ),
        ({"exercice": 1990}, 400, "donnee_invalide", "L'exercice 1990 n'existe pas."),
        ({"date": "1990-01-01"}, 400, "exercice_invalide", "hors de l'exercice"),
        ({"journal": "ZZ"}, 400, "donnee_invalide", "Le journal « ZZ » n'existe pas."),
    ],
)
def test_une_saisie_fausse_par_l_api_est_refusee_sans_rien_ecrire(
    api, comptable, exercice, modifs, statut, code, message
):
    api.force_authenticate(comptable)
    audit_avant = JournalAudit.objects.count()
    reponse = api.post("/api/ecritures/passer/", _saisie(exercice.annee, **modifs), format="json")
    assert reponse.status_code == statut
    assert reponse.json()["code"] == code
    assert message in reponse.json()["message"]
    assert Ecriture.objects.count() == 0
    assert JournalAudit.objects.count() == audit_avant


def test_l_auditeur_lit_mais_ne_passe_rien(api, auditeur, exercice):
    api.force_authenticate(auditeur)
    reponse = api.post("/api/ecritures/passer/", _saisie(exercice.annee), format="json")
    assert reponse.status_code == 403
    assert "Seul l'agent comptable" in reponse.json()["message"]
    assert api.post("/api/ecritures/passer/", {}, format="json").status_code == 403
    assert Ecriture.objects.count() == 0
    assert api.get("/api/comptes/", {"classe": 5}).json()["count"] >= 7


def test_la_balance_par_l_api_est_equilibree(api, comptable, auditeur, exercice):
    api.force_authenticate(comptable)
    api.post("/api/ecritures/passer/", _saisie(exercice.annee), format="json")
    api.force_authenticate(auditeur)
    corps = api.get("/api/balance/", {"exercice": exercice.annee}).json()
    assert corps["equilibree"] is True
    assert corps["totaux"]["mouvement_debit"] == corps["totaux"]["mouvement_credit"] == "12.30"
    assert {ligne["numero"] for ligne in corps["lignes"]} == {"627", "5122"}
    erreur = api.get(
        "/api/balance/", {"exercice": exercice.annee, "au": f"{exercice.annee + 1}-01-05"}
    ).json()
    assert erreur["code"] == "donnee_invalide"
    assert "comprise dans l'exercice" in erreur["message"]


def test_contrepasser_et_grand_livre_par_l_api(api, comptable, exercice):
    api.force_authenticate(comptable)
    ident = api.post("/api/ecritures/passer/", _saisie(exercice.annee), format="json").json()["id"]
    inverse = api.post(f"/api/ecritures/{ident}/contrepasser/").json()
    assert inverse["contrepasse"] == ident
    encore = api.post(f"/api/ecritures/{ident}/contrepasser/")
    assert encore.status_code == 409 and "déjà été contrepassée" in encore.json()["message"]
    livre = api.get("/api/grand-livre/", {"exercice": exercice.annee, "compte": "627"}).json()
    assert [ligne["solde"] for ligne in livre["lignes"]] == ["12.30", "0.00"]


def test_periode_complementaire_refusee_avant_la_fin_de_l_annee(api, comptable, exercice):
    api.force_authenticate(comptable)
    # The exercise fixture is the current year: its 31 December is still ahead.
    reponse = api.post(f"/api/exercices/{exercice.annee}/periode-complementaire/")
    assert reponse.status_code == 409
    assert f"qu'après le 31/12/{exercice.annee}" in reponse.json()["message"]
    assert api.get(f"/api/exercices/{exercice.annee}/").json()["etat"] == "ouvert"


def test_le_schema_openapi_decrit_les_actes(api):
    reponse = api.get("/api/schema/", {"format": "json"})
    assert reponse.status_code == 200
    chemins = reponse.json()["paths"]
    for chemin in (
        "/api/ecritures/passer/",
        "/api/ecritures/{id}/contrepasser/",
        "/api/balance/",
        "/api/exercices/{annee}/clore/",
        "/api/integrite/",
    ):
        assert chemin in chemins
