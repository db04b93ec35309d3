"""The API creates an order with its pièces; the API checks droits at its edge;
the parapheur signs and transmits, and a refused transmission is a message."""

import dataclasses
import hashlib
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import TransitionInterdite
from ordres import parapheur
from personnes.models import Fonction
from recettes import services as s
from recettes.models import OrdreRecette, PieceJustificative
from recettes.parapheur import RECETTES, parapheur_signer
from tests.factories import MOT_DE_PASSE, UtilisateurFactory, personne
from tests.fichiers import pdf
from tests.recettes.test_services import AUJOURD_HUI, creer, signe_et_transmis

pytestmark = pytest.mark.django_db

CORPS = {
    "nature": "autre",
    "objet": "Frais de dossier",
    "bases_liquidation": "Convention du 3 mars",
    "compte_imputation": "7585",
    "compte_tiers": "4671",
    "date_fait": AUJOURD_HUI.isoformat(),
    "dates": {"liquidation": AUJOURD_HUI.isoformat()},
    "lignes": [{"debiteur": "Société Orion", "qualite": "débiteur", "montant": "250.00"}],
}
PDF = pdf("convention signee")


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def test_l_api_cree_un_ordre_avec_sa_piece_pdf(directrice, exercice):
    # given a convention in PDF sent with the order, multipart
    fichier = SimpleUploadedFile("convention.pdf", PDF, content_type="application/pdf")
    # when
    reponse = _api(directrice).post(
        "/api/ordres-recette/creer/",
        {"saisie": json.dumps(CORPS), "pieces": [fichier]},
        format="multipart",
    )
    # then the order is created with its pièce, stored under its SHA-256 and listed
    assert reponse.status_code == 201, reponse.json()
    ordre = OrdreRecette.objects.get()
    piece = ordre.pieces.get()
    assert piece.nom == "convention.pdf" and piece.sha256 == hashlib.sha256(PDF).hexdigest()
    assert piece.fichier.open("rb").read() == PDF
    assert [p["nom"] for p in reponse.json()["pieces"]] == ["convention.pdf"]
    relu = _api(directrice).get(f"/api/ordres-recette/{ordre.pk}/").json()
    assert relu["pieces"][0]["sha256"] == piece.sha256 and relu["montant"] == "250.00"


def test_l_api_refuse_un_faux_pdf_et_ne_cree_rien(directrice, exercice):
    faux = SimpleUploadedFile("convention.pdf", b"GIF89a", content_type="application/pdf")
    reponse = _api(directrice).post(
        "/api/ordres-recette/creer/",
        {"saisie": json.dumps(CORPS), "pieces": [faux]},
        format="multipart",
    )
    assert reponse.status_code == 400
    assert reponse.json()["message"] == (
        "Le fichier « convention.pdf » n'est pas ce qu'il prétend être : "
        "son contenu n'est pas un PDF."
    )
    assert OrdreRecette.objects.count() == 0 and PieceJustificative.objects.count() == 0


def test_l_api_cree_toujours_en_json_sans_piece(directrice, exercice):
    reponse = _api(directrice).post("/api/ordres-recette/creer/", CORPS, format="json")
    assert reponse.status_code == 201 and reponse.json()["pieces"] == []
    assert OrdreRecette.objects.get().montant == 250


def test_l_api_verifie_le_droit_avant_le_service(comptable, auditeur, directrice, exercice):
    # the auditor creates nothing: the catalogue's refusal, nothing created
    refus = _api(auditeur).post("/api/ordres-recette/creer/", CORPS, format="json")
    assert refus.status_code == 403
    assert refus.json()["message"] == "Seul l'ordonnateur émet des ordres de recette."
    assert OrdreRecette.objects.count() == 0
    # the agent comptable does not sign
    ordre = creer(directrice)
    signer = _api(comptable).post(
        f"/api/ordres-recette/{ordre.pk}/signer/", {"mot_de_passe": MOT_DE_PASSE}, format="json"
    )
    assert signer.status_code == 403
    assert signer.json()["message"].startswith("Seul l'ordonnateur (le directeur ou son délégué)")
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "brouillon"


def test_l_auditeur_lit_tout_et_sans_fonction_on_ne_lit_rien(auditeur, directrice, exercice):
    ordre = creer(directrice)
    assert _api(auditeur).get("/api/ordres-recette/").json()["count"] == 1
    assert _api(auditeur).get(f"/api/ordres-recette/{ordre.pk}/").status_code == 200
    inconnu = UtilisateurFactory(username="sans_fonction")
    for url in ("/api/ordres-recette/", f"/api/ordres-recette/{ordre.pk}/"):
        reponse = _api(inconnu).get(url)
        assert reponse.status_code == 403
        assert reponse.json()["message"] == (
            "Vous devez exercer une fonction dans l'organisme pour accéder à ces données."
        )


def test_la_liste_de_l_api_coute_un_nombre_fixe_de_requetes(
    directrice, comptable, exercice, django_assert_max_num_queries
):
    for n in range(6):
        signe_et_transmis(directrice, objet=f"Frais n° {n}")
    api = _api(comptable)
    with django_assert_max_num_queries(12):
        reponse = api.get("/api/ordres-recette/")
    assert reponse.json()["count"] == 6
    assert {o["reste_a_recouvrer"] for o in reponse.json()["results"]} == {"0.00"}


def test_le_parapheur_signe_et_transmet_chaque_ordre(directrice, exercice):
    ordres = [creer(directrice, objet=f"Frais n° {n}") for n in range(2)]
    resultat = parapheur_signer(
        acting_user=directrice,
        mot_de_passe=MOT_DE_PASSE,
        selection={"ordres": [o.pk for o in ordres]},
        transmettre=True,
    )
    assert [(i.signe, i.transmis, i.message) for i in resultat.issues] == [(True, True, "")] * 2
    assert set(OrdreRecette.objects.values_list("etat", flat=True)) == {"transmis"}


def test_un_refus_de_transmettre_est_un_message_et_l_ordre_reste_signe(
    client, directrice, exercice
):
    # given a transmission that the service refuses (as when the order moved meanwhile)
    def refuser(*, acting_user, ordre):
        raise TransitionInterdite("L'ordre n'est plus signé : on ne peut le transmettre.")

    ordre = creer(directrice)
    parapheur.inscrire(dataclasses.replace(RECETTES, transmettre=refuser))
    try:
        client.force_login(directrice)
        # when the directrice signs and transmits from the parapheur
        reponse = client.post(
            reverse("recettes:parapheur"),
            {"ordres": [ordre.pk], "mot_de_passe": MOT_DE_PASSE, "transmettre": "1"},
            follow=True,
        )
    finally:
        parapheur.inscrire(RECETTES)
    # then no error page: the signature stands and the refusal is the order's message
    contenu = reponse.content.decode()
    assert reponse.status_code == 200
    assert f"1 ordre(s) signé(s) : {ordre.reference}." in contenu
    assert (
        f"Ordre n° {ordre.reference} signé mais non transmis : "
        "L&#x27;ordre n&#x27;est plus signé : on ne peut le transmettre."
    ) in contenu
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "signe"


def test_le_parapheur_sans_selection_le_dit(client, directrice, exercice):
    creer(directrice)
    client.force_login(directrice)
    reponse = client.post(
        reverse("recettes:parapheur"), {"mot_de_passe": MOT_DE_PASSE}, follow=True
    )
    assert "Cochez au moins un ordre à signer." in reponse.content.decode()
    assert OrdreRecette.objects.get().etat == "brouillon"


def test_le_parapheur_est_celui_de_l_ordonnateur(client, exercice):
    client.force_login(personne("agent", Fonction.AUDITEUR))
    reponse = client.get(reverse("recettes:parapheur"))
    assert reponse.status_code == 403


def test_la_page_refuse_un_acte_avec_le_message_du_service(client, comptable, directrice, exercice):
    ordre = creer(directrice)
    client.force_login(comptable)
    reponse = client.post(reverse("recettes:transmettre", args=[ordre.pk]), follow=True)
    assert (
        "Seul l&#x27;ordonnateur (le directeur ou son délégué) peut transmettre un ordre de "
        "recette (art. D253-16, circulaire 93/82 §2.0)."
    ) in reponse.content.decode()
    assert s.OrdreRecette.objects.get(pk=ordre.pk).etat == "brouillon"
