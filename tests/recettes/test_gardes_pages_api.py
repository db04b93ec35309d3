import shutil
import subprocess

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core import horloge
from recettes import services as s
from recettes.models import OrdreRecette
from tests.factories import MOT_DE_PASSE
from tests.fichiers import pdf
from tests.recettes.test_services import creer, signe_et_transmis, tous_conformes
from tests.savepoint import refus_sql

AUJOURD_HUI = horloge.aujourdhui()


def _refus_sql(sql, message, parametres=()):
    """PostgreSQL refuses `sql`, run in a savepoint of the test (tests.savepoint)."""
    refus_sql(lambda cur: cur.execute(sql, parametres), message)


@pytest.mark.django_db
def test_un_ordre_signe_ne_se_modifie_pas_meme_en_sql(directrice, exercice):
    ordre = creer(directrice)
    s.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    _refus_sql(
        "UPDATE recettes_ordrerecette SET montant = 1.00, objet = 'falsifié' WHERE id = %s",
        "est signé : son contenu ne peut plus être modifié",
        [ordre.pk],
    )
    _refus_sql(
        "UPDATE recettes_ligneordrerecette SET montant = 1.00 WHERE ordre_id = %s",
        "n'est plus un brouillon",
        [ordre.pk],
    )
    _refus_sql(
        "UPDATE recettes_ordrerecette SET etat = 'pris_en_charge' WHERE id = %s",
        "Passage de l'état « signe » à « pris_en_charge » interdit",
        [ordre.pk],
    )
    _refus_sql(
        "DELETE FROM recettes_ordrerecette WHERE id = %s",
        "Un ordre de recette ne se supprime pas",
        [ordre.pk],
    )
    _refus_sql(
        "UPDATE recettes_signature SET qualite = 'Directeur' WHERE ordre_id = %s",
        "Une signature ne se modifie ni ne se supprime",
        [ordre.pk],
    )
    relu = OrdreRecette.objects.get(pk=ordre.pk)
    assert (relu.objet, relu.etat, str(relu.montant)) == (
        "Remboursement de frais de dossier",
        "signe",
        "1250.40",
    )
    assert s.empreinte_contenu(relu) == relu.empreinte_contenu


@pytest.mark.django_db
def test_la_base_refuse_un_numero_d_ordre_qui_saute(directrice, exercice):
    creer(directrice)
    _refus_sql(
        """INSERT INTO recettes_ordrerecette (exercice_id, numero, type, nature, objet, bases_liquidation,
               compte_imputation_id, compte_tiers_id, montant, date_fait, article_rattachement, critere_rattachement,
               limite_emission, pieces_references, etat, cree_par_id, cree_le, empreinte_contenu, motif_rejet,
               motif_abandon)
           SELECT exercice_id, 5, type, nature, objet, bases_liquidation, compte_imputation_id, compte_tiers_id,
               montant, date_fait, article_rattachement, critere_rattachement, limite_emission, '', 'brouillon',
               cree_par_id, now(), '', '', '' FROM recettes_ordrerecette LIMIT 1""",
        "le suivant porte le numéro 2 (reçu 5)",
    )
    _refus_sql(
        "UPDATE recettes_compteurordre SET dernier_numero = 9",
        "doit égaler le dernier numéro donné (1)",
    )
    assert list(OrdreRecette.objects.values_list("numero", flat=True)) == [1]


@pytest.mark.django_db
def test_parapheur_signe_plusieurs_ordres_d_une_saisie(client, directrice, comptable, exercice):
    ordres = [creer(directrice, objet=f"Frais n° {n}") for n in range(3)]
    client.force_login(directrice)
    page = client.get(reverse("recettes:parapheur")).content.decode()
    assert all(o.reference in page for o in ordres)
    reponse = client.post(
        reverse("recettes:parapheur"),
        {
            "ordres": [o.pk for o in ordres[:2]],
            "mot_de_passe": MOT_DE_PASSE,
            "transmettre": "1",
        },
        follow=True,
    )
    contenu = reponse.content.decode()
    assert "2 ordre(s) signé(s)" in contenu
    etats = dict(OrdreRecette.objects.values_list("pk", "etat"))
    assert [etats[o.pk] for o in ordres] == ["transmis", "transmis", "brouillon"]


@pytest.mark.django_db
def test_parapheur_mauvais_mot_de_passe(client, directrice, exercice):
    ordre = creer(directrice)
    client.force_login(directrice)
    reponse = client.post(
        reverse("recettes:parapheur"), {"ordres": [ordre.pk], "mot_de_passe": "x"}, follow=True
    )
    assert "Mot de passe incorrect" in reponse.content.decode()
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "brouillon"


@pytest.mark.django_db
def test_le_comptable_prend_en_charge_depuis_la_page(client, directrice, comptable, exercice):
    ordre = signe_et_transmis(directrice)
    client.force_login(comptable)
    file_ = client.get(reverse("recettes:a_prendre_en_charge")).content.decode()
    assert ordre.reference in file_ and "à contrôler" in file_
    donnees = {f"controle_{i}": "conforme" for i, _ in enumerate(s.controles_requis(ordre).points)}
    reponse = client.post(
        reverse("recettes:prendre_en_charge", args=[ordre.pk]), donnees, follow=True
    )
    assert f"Ordre n° {ordre.reference} pris en charge." in reponse.content.decode()
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "pris_en_charge"


@pytest.mark.django_db
def test_creer_un_ordre_collectif_avec_piece_par_le_formulaire(client, directrice, exercice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(directrice)
    donnees = {
        "type": "collectif",
        "nature": "cotisation",
        "objet": "Cotisations de novembre",
        "bases_liquidation": "Déclarations sociales nominatives de novembre",
        "date_fait": AUJOURD_HUI.isoformat(),
        "date_droits_acquis": AUJOURD_HUI.isoformat(),
        "debiteur_1": "Boulangerie Morel",
        "qualite_1": "employeur",
        "identifiant_1": "41234567800018",
        "montant_1": "2 500,00",
        "debiteur_2": "Hôtel du Lac",
        "qualite_2": "employeur",
        "montant_2": "812,35",
        "pieces": [SimpleUploadedFile("etat.pdf", pdf("etat"), content_type="application/pdf")],
    }
    reponse = client.post(reverse("recettes:nouveau"), donnees, follow=True)
    contenu = reponse.content.decode()
    ordre = OrdreRecette.objects.get()
    assert f"Ordre de recette n° {ordre.reference} créé" in contenu
    assert (
        str(ordre.montant) == "3312.35" and ordre.lignes.count() == 2 and ordre.pieces.count() == 1
    )
    assert ordre.compte_imputation.numero == "7511" and ordre.compte_tiers.numero == "4111"
    assert "D253-17-1" in ordre.article_rattachement


@pytest.mark.django_db
def test_un_faux_pdf_au_formulaire_ne_cree_rien(client, directrice, exercice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(directrice)
    donnees = {
        "type": "individuel",
        "nature": "autre",
        "objet": "x",
        "bases_liquidation": "y",
        "compte_imputation": "771",
        "date_fait": AUJOURD_HUI.isoformat(),
        "date_liquidation": AUJOURD_HUI.isoformat(),
        "debiteur_1": "Orion",
        "qualite_1": "débiteur",
        "montant_1": "10",
        "pieces": [SimpleUploadedFile("faux.pdf", b"GIF89a", content_type="application/pdf")],
    }
    reponse = client.post(reverse("recettes:nouveau"), donnees)
    assert reponse.status_code == 400
    assert "n&#x27;est pas ce qu&#x27;il prétend être" in reponse.content.decode()
    assert OrdreRecette.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils absent")
def test_le_pdf_de_l_ordre_porte_le_montant_en_lettres_et_la_signature(
    client, directrice, comptable, exercice, tmp_path
):
    ordre = signe_et_transmis(directrice)
    s.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=tous_conformes(ordre)
    )
    client.force_login(comptable)
    fichier = tmp_path / "ordre.pdf"
    fichier.write_bytes(client.get(reverse("recettes:pdf", args=[ordre.pk])).content)
    texte = subprocess.run(
        ["pdftotext", str(fichier), "-"], capture_output=True, text=True, check=True
    ).stdout
    texte = " ".join(texte.split())
    assert f"Ordre de recette individuel n° {ordre.reference}" in texte
    assert "mille deux cent cinquante euros et quarante centimes" in texte
    assert "Société Orion" in texte and "7585" in texte
    assert "Directeur" in texte and ordre.empreinte_contenu[:20] in texte
    assert "Pris en charge le" in texte


@pytest.mark.django_db
def test_api_de_bout_en_bout_et_refus_en_francais(directrice, comptable, auditeur, exercice):
    api = APIClient()
    api.force_authenticate(directrice)
    corps = {
        "nature": "autre",
        "objet": "Frais",
        "bases_liquidation": "Convention",
        "compte_imputation": "7585",
        "compte_tiers": "4671",
        "date_fait": AUJOURD_HUI.isoformat(),
        "dates": {"liquidation": AUJOURD_HUI.isoformat()},
        "lignes": [{"debiteur": "Orion", "qualite": "débiteur", "montant": "99.99"}],
        "pieces_references": "Convention, au dossier",
    }
    cree = api.post("/api/ordres-recette/creer/", corps, format="json")
    assert cree.status_code == 201, cree.json()
    pk = cree.json()["id"]
    refus = api.post(f"/api/ordres-recette/{pk}/transmettre/")
    assert refus.status_code == 409 and "que s'il est signé" in refus.json()["message"]
    assert (
        api.post(
            f"/api/ordres-recette/{pk}/signer/", {"mot_de_passe": MOT_DE_PASSE}, format="json"
        ).json()["etat"]
        == "signe"
    )
    api.post(f"/api/ordres-recette/{pk}/transmettre/")
    api.force_authenticate(auditeur)
    interdit = api.post(
        f"/api/ordres-recette/{pk}/prendre-en-charge/", {"controles": []}, format="json"
    )
    assert interdit.status_code == 403
    api.force_authenticate(comptable)
    points = s.controles_requis(OrdreRecette.objects.get(pk=pk)).points
    pris = api.post(
        f"/api/ordres-recette/{pk}/prendre-en-charge/",
        {"controles": [{"point": p, "conforme": True} for p in points]},
        format="json",
    )
    assert pris.status_code == 200 and pris.json()["etat"] == "pris_en_charge"
    assert pris.json()["reste_a_recouvrer"] == "99.99"
    schema = api.get("/api/schema/", {"format": "json"}).json()["paths"]
    for acte in (
        "signer",
        "transmettre",
        "prendre-en-charge",
        "rejeter",
        "reduire",
        "abandonner",
        "reprendre",
    ):
        assert f"/api/ordres-recette/{{id}}/{acte}/" in schema
