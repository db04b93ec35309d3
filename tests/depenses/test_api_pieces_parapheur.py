"""The API creates an ordre de dépense with its invoice; the parapheur signs
both kinds of order with one password entry."""

import hashlib
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from depenses.models import OrdreDepense, PieceDepense
from recettes.models import OrdreRecette
from tests.depenses.test_services import AUJOURD_HUI, BIC, IBAN, creer, engager
from tests.factories import MOT_DE_PASSE
from tests.fichiers import pdf
from tests.recettes.test_services import creer as creer_recette

pytestmark = pytest.mark.django_db

FACTURE = pdf("facture 118")


def _corps(engagement) -> dict:
    return {
        "gestion": "budgetaire",
        "nature": "fournitures",
        "objet": "Ramettes",
        "bases_liquidation": "Facture 118",
        "compte_imputation": "6064",
        "compte_tiers": "401",
        "date_fait": AUJOURD_HUI.isoformat(),
        "dates": {"reception": AUJOURD_HUI.isoformat()},
        "engagement": engagement.pk,
        "lignes": [
            {
                "creancier": "Papeterie Centrale",
                "qualite": "fournisseur",
                "iban": IBAN,
                "bic": BIC,
                "montant": "1200.00",
            }
        ],
    }


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def test_l_api_cree_un_ordre_de_depense_avec_sa_facture(directrice, credits):
    engagement = engager(directrice, credits)
    facture = SimpleUploadedFile("facture.pdf", FACTURE, content_type="application/pdf")
    reponse = _api(directrice).post(
        "/api/ordres-depense/creer/",
        {"saisie": json.dumps(_corps(engagement)), "pieces": [facture]},
        format="multipart",
    )
    assert reponse.status_code == 201, reponse.json()
    ordre = OrdreDepense.objects.get()
    assert ordre.montant == 1200 and ordre.engagement == engagement
    assert ordre.pieces.get().sha256 == hashlib.sha256(FACTURE).hexdigest()
    assert [p["nom"] for p in reponse.json()["pieces"]] == ["facture.pdf"]


def test_l_api_refuse_une_fausse_facture_et_ne_cree_rien(directrice, credits):
    engagement = engager(directrice, credits)
    faux = SimpleUploadedFile("facture.pdf", b"GIF89a", content_type="application/pdf")
    reponse = _api(directrice).post(
        "/api/ordres-depense/creer/",
        {"saisie": json.dumps(_corps(engagement)), "pieces": [faux]},
        format="multipart",
    )
    assert reponse.status_code == 400
    assert reponse.json()["message"] == (
        "Le fichier « facture.pdf » n'est pas ce qu'il prétend être : son contenu n'est pas un PDF."
    )
    assert OrdreDepense.objects.count() == 0 and PieceDepense.objects.count() == 0


def test_l_auditeur_n_engage_pas(auditeur, credits):
    reponse = _api(auditeur).post(
        "/api/ordres-depense/engagements/creer/",
        {
            "exercice": credits.annee,
            "gestion": "budgetaire",
            "objet": "Papeterie",
            "creancier": "Papeterie Centrale",
            "compte_imputation": "6064",
            "montant": "100.00",
        },
        format="json",
    )
    assert reponse.status_code == 403
    assert reponse.json()["message"] == (
        "Seul l'ordonnateur (le directeur ou son délégué) peut engager une dépense "
        "(circulaire 93/82 §2.1)."
    )


def test_le_parapheur_signe_et_transmet_les_deux_sortes_d_une_saisie(client, directrice, credits):
    depense = creer(directrice, engager(directrice, credits))
    recette = creer_recette(directrice)
    client.force_login(directrice)
    page = client.get(reverse("recettes:parapheur")).content.decode()
    assert depense.reference in page and recette.reference in page
    reponse = client.post(
        reverse("recettes:parapheur"),
        {
            "ordres": [recette.pk],
            "ordres_depense": [depense.pk],
            "mot_de_passe": MOT_DE_PASSE,
            "transmettre": "1",
        },
        follow=True,
    )
    contenu = reponse.content.decode()
    assert f"1 ordre(s) signé(s) : {recette.reference}." in contenu
    assert f"1 ordre(s) de dépense signé(s) : {depense.reference}." in contenu
    assert OrdreRecette.objects.get(pk=recette.pk).etat == "transmis"
    assert OrdreDepense.objects.get(pk=depense.pk).etat == "transmis"
