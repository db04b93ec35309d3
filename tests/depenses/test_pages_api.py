from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from depenses.models import OrdreDepense
from tests.depenses.test_services import AUJOURD_HUI, BIC, IBAN, creer, engager, signe_transmis
from tests.factories import MOT_DE_PASSE
from tests.fichiers import pdf

pytestmark = pytest.mark.django_db


def _donnees(engagement, **modifs):
    donnees = {
        "type": "individuel",
        "gestion": "budgetaire",
        "nature": "fournitures",
        "engagement": engagement.pk,
        "objet": "Ramettes",
        "bases_liquidation": "Facture 118",
        "date_fait": AUJOURD_HUI.isoformat(),
        "date_reception": AUJOURD_HUI.isoformat(),
        "creancier_1": "Papeterie Centrale",
        "qualite_1": "fournisseur",
        "iban_1": IBAN,
        "bic_1": BIC,
        "montant_1": "1 200,00",
    }
    donnees.update(modifs)
    return donnees


def test_creer_un_ordre_avec_sa_facture_par_le_formulaire(client, directrice, credits):
    client.force_login(directrice)
    engagement = engager(directrice, credits)
    facture = SimpleUploadedFile("facture.pdf", pdf("facture"), content_type="application/pdf")
    reponse = client.post(
        reverse("depenses:nouveau"), _donnees(engagement, pieces=[facture]), follow=True
    )
    ordre = OrdreDepense.objects.get()
    assert f"Ordre de dépense n° {ordre.reference} créé" in reponse.content.decode()
    assert ordre.montant == Decimal("1200.00") and ordre.pieces.get().nom == "facture.pdf"
    assert ordre.compte_imputation.numero == "6064" and ordre.acompte == 1


def test_un_iban_faux_ou_une_fausse_piece_ne_creent_rien(client, directrice, credits):
    client.force_login(directrice)
    engagement = engager(directrice, credits)
    reponse = client.post(
        reverse("depenses:nouveau"), _donnees(engagement, iban_1="FR7630006000011234567890188")
    )
    assert reponse.status_code == 400 and "IBAN" in reponse.content.decode()
    faux = SimpleUploadedFile("facture.pdf", b"GIF89a", content_type="application/pdf")
    reponse = client.post(reverse("depenses:nouveau"), _donnees(engagement, pieces=[faux]))
    assert "n&#x27;est pas ce qu&#x27;il prétend être" in reponse.content.decode()
    assert OrdreDepense.objects.count() == 0


def test_l_ecran_de_controle_distingue_le_verifie_et_l_apprecie(
    client, directrice, comptable, credits
):
    ordre = signe_transmis(directrice, creer(directrice, engager(directrice, credits)))
    client.force_login(comptable)
    page = client.get(reverse("depenses:detail", args=[ordre.pk])).content.decode()
    assert page.count("conforme (vérifié)") == 4
    assert 'name="controle_imputation"' in page and 'name="controle_validite_dette"' in page
    reponse = client.post(
        reverse("depenses:viser", args=[ordre.pk]),
        {"controle_imputation": "conforme", "controle_validite_dette": "conforme"},
        follow=True,
    )
    assert f"Ordre n° {ordre.reference} visé." in reponse.content.decode()


def test_le_rapport_des_requisitions_et_le_pdf_du_mandat(
    client, directrice, comptable, auditeur, credits
):
    from depenses import services as s

    ordre = signe_transmis(directrice, creer(directrice, engager(directrice, credits)))
    s.ordre_depense_suspendre(
        acting_user=comptable, ordre=ordre, motif="pieces", explication="Devis absent"
    )
    s.ordre_depense_requerir(
        acting_user=directrice, ordre=ordre, motif="Urgence de service", mot_de_passe=MOT_DE_PASSE
    )
    client.force_login(auditeur)
    rapport = client.get(reverse("depenses:requisitions")).content.decode()
    assert ordre.reference in rapport and "Urgence de service" in rapport
    pdf = client.get(reverse("depenses:pdf", args=[ordre.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_api_des_depenses_de_bout_en_bout(directrice, comptable, credits):
    api = APIClient()
    api.force_authenticate(directrice)
    engagement = api.post(
        "/api/ordres-depense/engagements/creer/",
        {
            "exercice": credits.annee,
            "gestion": "budgetaire",
            "objet": "Ramettes",
            "creancier": "Papeterie Centrale",
            "compte_imputation": "6064",
            "montant": "500.00",
        },
        format="json",
    )
    assert engagement.status_code == 201, engagement.json()
    cree = api.post(
        "/api/ordres-depense/creer/",
        {
            "gestion": "budgetaire",
            "nature": "fournitures",
            "objet": "Ramettes",
            "bases_liquidation": "Facture",
            "compte_imputation": "6064",
            "compte_tiers": "401",
            "date_fait": AUJOURD_HUI.isoformat(),
            "dates": {"reception": AUJOURD_HUI.isoformat()},
            "engagement": engagement.json()["id"],
            "lignes": [
                {
                    "creancier": "Papeterie Centrale",
                    "qualite": "fournisseur",
                    "iban": IBAN,
                    "bic": BIC,
                    "montant": "500.00",
                }
            ],
            "pieces_references": "Facture, au dossier",
        },
        format="json",
    )
    assert cree.status_code == 201, cree.json()
    pk = cree.json()["id"]
    api.post(
        f"/api/ordres-depense/{pk}/service-fait/", {"le": AUJOURD_HUI.isoformat()}, format="json"
    )
    assert (
        api.post(
            f"/api/ordres-depense/{pk}/signer/", {"mot_de_passe": MOT_DE_PASSE}, format="json"
        ).json()["etat"]
        == "signe"
    )
    api.post(f"/api/ordres-depense/{pk}/transmettre/")
    api.force_authenticate(comptable)
    vise = api.post(
        f"/api/ordres-depense/{pk}/viser/",
        {"appreciations": {"imputation": True, "validite_dette": True}},
        format="json",
    )
    assert vise.status_code == 200 and vise.json()["etat"] == "vise"
    refus = api.post(
        f"/api/ordres-depense/{pk}/suspendre/",
        {"motif": "pieces", "explication": "x"},
        format="json",
    )
    assert refus.status_code == 409 and "que s'il est transmis" in refus.json()["message"]
    schema = api.get("/api/schema/", {"format": "json"}).json()["paths"]
    for acte in (
        "signer",
        "viser",
        "suspendre",
        "completer",
        "retirer",
        "requerir",
        "service-fait",
    ):
        assert f"/api/ordres-depense/{{id}}/{acte}/" in schema
