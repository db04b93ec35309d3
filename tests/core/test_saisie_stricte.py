"""Strict input (issue 14, point 4): amounts only as ASCII digit strings, no
JSON number, bounded texts without NUL, dates within the admitted years,
bounded bodies and JSON depth; each refusal in French, nothing created."""

import datetime
import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, MontantInvalide
from core.money import montant
from core.saisie import borne, texte
from recettes.models import OrdreRecette
from reglementation.selectors import rattachement
from tests.recettes.test_services import AUJOURD_HUI

CREER = "/api/ordres-recette/creer/"


def _corps(**modifs) -> dict:
    ligne = {"debiteur": "Société Orion", "qualite": "débiteur", "montant": "250.00"}
    ligne.update(modifs.pop("ligne", {}))
    corps = {
        "nature": "autre",
        "objet": "Frais de dossier",
        "bases_liquidation": "Convention du 3 mars",
        "compte_imputation": "7585",
        "compte_tiers": "4671",
        "date_fait": AUJOURD_HUI.isoformat(),
        "dates": {"liquidation": AUJOURD_HUI.isoformat()},
        "lignes": [ligne],
    }
    corps.update(modifs)
    return corps


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def _brut(api: APIClient, corps: str | bytes):
    return api.post(CREER, corps, content_type="application/json")


# --- core.money.montant: what a person types ---------------------------------------


@pytest.mark.parametrize(
    ("saisie", "attendu"),
    [
        ("1 234,56 €", "1234.56"),
        ("1\u202f234,56\u00a0€", "1234.56"),
        ("1234.5", "1234.50"),
        ("  42 ", "42.00"),
    ],
)
def test_montant_lit_ce_qu_une_personne_tape(saisie, attendu):
    assert str(montant(saisie)) == attendu


@pytest.mark.parametrize(
    ("saisie", "message"),
    [
        ("1E2", "n'est pas un montant"),
        ("1e12 €", "n'est pas un montant"),
        ("1_000.00", "n'est pas un montant"),
        ("\uff11\uff12\uff13", "s'écrit avec les chiffres 0 à 9"),
        ("\u0661\u0662\u0663", "s'écrit avec les chiffres 0 à 9"),
        ("+12", "ne prend pas de signe"),
        ("-12", "ne peut pas être négatif"),
        ("12,345", "plus de deux décimales"),
        ("12345678901234567", "dépasse le maximum"),
        ("NaN", "n'est pas un nombre"),
        ("1" * 100, "trop long"),
    ],
)
def test_montant_refuse_toute_autre_ecriture_en_francais(saisie, message):
    with pytest.raises(MontantInvalide, match=message):
        montant(saisie)


def test_un_texte_de_service_refuse_les_caracteres_de_controle():
    with pytest.raises(DonneeInvalide, match="caractère de contrôle"):
        texte("Frais\x00 de dossier", "L'objet")
    with pytest.raises(DonneeInvalide, match="ne peut dépasser 200 caractères"):
        texte("x" * 100_000, "Le libellé")


def test_un_texte_lu_par_une_page_garde_ses_lignes_et_reste_borne():
    assert borne("Ligne 1\nLigne 2", "Le motif", longueur=1000) == "Ligne 1\nLigne 2"
    with pytest.raises(DonneeInvalide, match="Le motif ne peut dépasser 1000 caractères"):
        borne("x" * 1001, "Le motif", longueur=1000)
    with pytest.raises(DonneeInvalide, match="caractère de contrôle"):
        borne("a\u202eb", "Le motif", longueur=1000)


# --- The API: through the creation of an ordre de recette ---------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("valeur", "message"),
    [
        ("1E2", "n'est pas un montant"),
        ("1_000.00", "n'est pas un montant"),
        ("\uff11\uff12\uff13", "s'écrit avec les chiffres 0 à 9"),
        ("\u0661\u0662\u0663", "s'écrit avec les chiffres 0 à 9"),
        ("1e12 €", "n'est pas un montant"),
        ("250.001", "plus de deux décimales"),
        (250, 'doit être une chaîne de chiffres, par exemple "1234.56"'),
        (True, 'doit être une chaîne de chiffres, par exemple "1234.56"'),
    ],
)
def test_l_api_refuse_un_montant_mal_ecrit_et_ne_cree_rien(directrice, exercice, valeur, message):
    reponse = _api(directrice).post(CREER, _corps(ligne={"montant": valeur}), format="json")
    assert reponse.status_code == 400, reponse.json()
    erreur = reponse.json()
    assert erreur["code"] == "montant_invalide"
    assert message in erreur["message"]
    assert message in erreur["details"]["lignes"]["0"]["montant"][0]
    assert OrdreRecette.objects.count() == 0


@pytest.mark.django_db
def test_l_api_accepte_un_montant_en_chaine_et_le_rend_a_deux_decimales(directrice, exercice):
    reponse = _api(directrice).post(CREER, _corps(ligne={"montant": "1234.5"}), format="json")
    assert reponse.status_code == 201, reponse.json()
    assert reponse.json()["montant"] == "1234.50"


@pytest.mark.django_db
def test_un_nombre_a_virgule_json_est_refuse_ou_qu_il_soit(directrice, exercice):
    corps = json.dumps(_corps()).replace('"250.00"', "250.5")
    reponse = _brut(_api(directrice), corps)
    assert reponse.status_code == 400
    assert reponse.json()["code"] == "corps_invalide"
    assert reponse.json()["message"].startswith("Nombre à virgule refusé (250.5)")
    assert set(reponse.json()) == {"code", "message", "details"}
    assert OrdreRecette.objects.count() == 0


@pytest.mark.django_db
def test_un_libelle_de_cent_mille_caracteres_est_refuse(directrice, exercice):
    api = _api(directrice)
    # beyond any text the JSON parser admits
    reponse = api.post(CREER, _corps(objet="x" * 100_000), format="json")
    assert reponse.status_code == 400
    assert reponse.json()["message"] == "Un texte dépasse 10\u202f000 caractères."
    # beyond what the field admits (the model's 255)
    reponse = api.post(CREER, _corps(objet="x" * 256), format="json")
    assert reponse.status_code == 400
    assert "255" in reponse.json()["details"]["objet"][0]
    assert OrdreRecette.objects.count() == 0


@pytest.mark.django_db
def test_un_caractere_nul_dans_une_chaine_json_est_refuse(directrice, exercice):
    reponse = _api(directrice).post(CREER, _corps(objet="Frais\x00"), format="json")
    assert reponse.status_code == 400
    assert reponse.json()["message"] == "Un texte contient le caractère nul (NUL), refusé."
    assert OrdreRecette.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("profondeur", [33, 100_000])
def test_un_json_trop_imbrique_est_un_refus_francais(directrice, exercice, profondeur):
    reponse = _brut(_api(directrice), "[" * profondeur + "]" * profondeur)
    assert reponse.status_code == 400
    assert reponse.json()["code"] == "corps_invalide"
    assert "imbriqué trop profondément" in reponse.json()["message"]


@pytest.mark.django_db
def test_un_json_illisible_est_un_refus_francais(directrice, exercice):
    reponse = _brut(_api(directrice), '{"objet": ')
    assert reponse.status_code == 400
    assert reponse.json()["message"].startswith("Le corps de la requête n'est pas un JSON valide")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "modifs",
    [
        {"date_fait": "9999-12-31"},
        {"dates": {"liquidation": "9999-12-31"}},
        {"date_fait": "1850-01-01"},
    ],
)
def test_une_date_hors_des_annees_admises_est_refusee(directrice, exercice, modifs):
    reponse = _api(directrice).post(CREER, _corps(**modifs), format="json")
    assert reponse.status_code == 400, reponse.json()
    assert "est hors des dates admises (du 01/01/1900 au 31/12/2199)" in json.dumps(
        reponse.json(), ensure_ascii=False
    )
    assert OrdreRecette.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("valeur", ["20261130", "2026-W48-1", "2026-02-30", 20261130])
def test_une_date_s_ecrit_aaaa_mm_jj(directrice, exercice, valeur):
    reponse = _api(directrice).post(CREER, _corps(date_fait=valeur), format="json")
    assert reponse.status_code == 400
    assert reponse.json()["details"]["date_fait"][0].startswith("La date")


@pytest.mark.django_db
def test_les_regles_datees_refusent_une_date_lointaine_sans_deborder():
    lointaine = datetime.date(9999, 12, 31)
    with pytest.raises(DonneeInvalide, match="hors des dates admises"):
        rattachement(
            sens="recette",
            nature="autre",
            date_fait=lointaine,
            dates={"liquidation": lointaine},
        )


@pytest.mark.django_db
def test_un_corps_trop_volumineux_est_un_413_au_format_de_l_api(directrice, exercice):
    corps = json.dumps(_corps(objet="x" * 3_000_000))
    reponse = _brut(_api(directrice), corps)
    assert reponse.status_code == 413
    assert reponse.json() == {
        "code": "corps_trop_volumineux",
        "message": "Le corps de la requête dépasse la taille admise (2,5 Mo).",
        "details": {},
    }
    # multipart: the order's JSON field past the same cap
    reponse = _api(directrice).post(
        CREER, {"saisie": json.dumps(_corps(objet="x" * 3_000_000))}, format="multipart"
    )
    assert reponse.status_code == 413
    assert reponse.json()["code"] == "corps_trop_volumineux"
    assert OrdreRecette.objects.count() == 0


@pytest.mark.django_db
def test_un_formulaire_aux_champs_trop_nombreux_est_un_refus_francais(directrice, exercice):
    corps = "&".join(f"champ{rang}=1" for rang in range(1_001))
    reponse = _api(directrice).post(CREER, corps, content_type="application/x-www-form-urlencoded")
    assert reponse.status_code == 400
    assert reponse.json() == {
        "code": "corps_invalide",
        "message": "Formulaire refusé : il compte plus de 1\u202f000 champs.",
        "details": {},
    }
    assert OrdreRecette.objects.count() == 0


# --- The pages ----------------------------------------------------------------------


def _page(**modifs) -> dict:
    donnees = {
        "type": "individuel",
        "nature": "autre",
        "objet": "Frais de dossier",
        "bases_liquidation": "Convention du 3 mars",
        "compte_imputation": "771",
        "date_fait": AUJOURD_HUI.isoformat(),
        "date_liquidation": AUJOURD_HUI.isoformat(),
        "debiteur_1": "Orion",
        "qualite_1": "débiteur",
        "montant_1": "10",
    }
    donnees.update(modifs)
    return donnees


@pytest.mark.django_db
def test_la_page_lit_un_montant_tape_avec_espaces_et_euro(client, directrice, exercice):
    client.force_login(directrice)
    reponse = client.post(reverse("recettes:nouveau"), _page(montant_1="1 234,56 €"))
    assert reponse.status_code == 302, reponse.content.decode()[:2000]
    assert str(OrdreRecette.objects.get().montant) == "1234.56"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("modifs", "message"),
    [
        ({"montant_1": "1E2"}, "n&#x27;est pas un montant"),
        ({"montant_1": "\uff11\uff12"}, "s&#x27;écrit avec les chiffres 0 à 9"),
        ({"date_fait": "9999-12-31"}, "est hors des dates admises"),
        ({"objet": "Frais\x00"}, "caractère nul"),
    ],
)
def test_la_page_refuse_en_francais_et_ne_cree_rien(client, directrice, exercice, modifs, message):
    client.force_login(directrice)
    reponse = client.post(reverse("recettes:nouveau"), _page(**modifs))
    assert reponse.status_code == 400
    assert message in reponse.content.decode()
    assert OrdreRecette.objects.count() == 0
