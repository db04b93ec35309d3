"""Pages, API and PDF of the inventory's états; PostgreSQL freezes an état."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from inventaire.models import EtatInventaire
from ledger.models import Ecriture
from tests.factories import MOT_DE_PASSE
from tests.inventaire.test_services import par
from tests.savepoint import refus_sql
from tests.tresorerie.test_pages import page, texte_pdf

pytestmark = pytest.mark.django_db
D = datetime.date


def test_la_page_etablit_une_provision_forfaitaire_et_son_pdf_liste_articles_et_methode(
    client, comptable, periode
):
    client.force_login(comptable)
    n = periode.annee
    adresse = reverse("inventaire:etablir", args=[n, "provisions_depreciation"])
    assert "Restes à recouvrer" not in page(client.get(adresse))  # no cotisant owes anything
    reponse = client.post(
        adresse,
        {
            "methode": "forfaitaire",
            "explication": "Taux de non-recouvrement observé sur cinq ans",
            "fondement": "Créances des travailleurs indépendants de même ancienneté",
            "articles": "Créances de plus de 2 ans ; 10 000,00 ; 40",
            "mot_de_passe": MOT_DE_PASSE,
        },
    )
    etat = EtatInventaire.objects.get()
    assert reponse.status_code == 302 and reponse.url == reverse("inventaire:etat", args=[etat.pk])
    assert etat.total == Decimal("4000.00") and etat.ecriture.date == D(n, 12, 31)
    texte = texte_pdf(client.get(reverse("inventaire:etat_pdf", args=[etat.pk])).content)
    assert f"État d'inventaire n° {n}-001 : provisions pour dépréciation" in texte
    assert "Estimation forfaitaire" in texte
    assert "Taux de non-recouvrement observé sur cinq ans" in texte
    assert "Créances des travailleurs indépendants de même ancienneté" in texte
    assert "Créances de plus de 2 ans" in texte and "10 000,00 €" in texte and "4 000,00 €" in texte
    assert "Établi et signé le" in texte and etat.empreinte in texte
    liste = page(client.get(reverse("inventaire:etats", args=[n])))
    assert f"{n}-001" in liste and "4 000,00 €" in liste


def test_la_page_refuse_un_mauvais_mot_de_passe_et_ne_change_rien(client, comptable, periode):
    client.force_login(comptable)
    reponse = client.post(
        reverse("inventaire:etablir", args=[periode.annee, "produits_a_recevoir"]),
        {"explication": "DSN", "articles": "7511 ; Décembre ; 100", "mot_de_passe": "faux"},
    )
    assert reponse.status_code == 400 and "Mot de passe incorrect" in page(reponse)
    assert not EtatInventaire.objects.exists()


def test_la_page_de_contrepassation(client, comptable, periode):
    par(comptable, periode)
    client.force_login(comptable)
    reponse = client.post(reverse("inventaire:contrepasser", args=[periode.pk]))
    assert reponse.status_code == 302
    assert (
        Ecriture.objects.filter(exercice__annee=periode.annee + 1, journal__code="IN").count() == 1
    )
    assert "contrepassés le" in page(client.get(reverse("inventaire:etats", args=[periode.annee])))


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def test_l_api_etablit_des_charges_a_payer_lit_et_contrepasse(comptable, periode):
    n = periode.annee
    reponse = _api(comptable).post(
        reverse("api_inventaire_etablir", args=[n, "charges_a_payer"]),
        {
            "explication": "Facture de décembre non parvenue",
            "mot_de_passe": MOT_DE_PASSE,
            "articles": [
                {"libelle": "Électricité", "montant": "250.00", "compte": "6061", "tiers": "EDF"}
            ],
        },
        format="json",
    )
    assert reponse.status_code == 201, reponse.json()
    donnees = reponse.json()
    assert donnees["reference"] == f"{n}-001" and donnees["ecriture"] == "IN-1"
    assert donnees["articles"][0]["compte_credit"] == "408"
    liste = _api(comptable).get(reverse("api_inventaire_etats", args=[n])).json()
    assert [e["total"] for e in liste] == ["250.00"]
    contre = _api(comptable).post(reverse("api_inventaire_contrepasser", args=[n]))
    assert contre.status_code == 201 and contre.json()["ecriture"] == "IN-1"
    again = _api(comptable).post(reverse("api_inventaire_contrepasser", args=[n]))
    assert again.status_code == 409 or again.status_code == 400
    assert "déjà été contrepassés" in again.json()["message"]


def test_l_api_refuse_a_la_directrice(directrice, periode):
    reponse = _api(directrice).post(
        reverse("api_inventaire_etablir", args=[periode.annee, "provisions_risques"]),
        {"explication": "x", "mot_de_passe": "x", "articles": [{"libelle": "x", "montant": "1"}]},
        format="json",
    )
    assert reponse.status_code == 403
    assert "Seul l'agent comptable" in reponse.json()["message"]
    assert not EtatInventaire.objects.exists()


def test_postgresql_fige_l_etat_et_sa_numerotation(comptable, periode):
    etat = par(comptable, periode)
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE inventaire_etatinventaire SET total = 1 WHERE id = %s", [etat.pk]
        ),
        "Un état d'inventaire signé ne se modifie ni ne se supprime",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM inventaire_articleetat WHERE etat_id = %s", [etat.pk]),
        "ne se modifient ni ne se suppriment",
    )
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO inventaire_etatinventaire (exercice_id, numero, nature, methode,"
            " explication, fondement, total, etabli_par_id, etabli_le, qualite, empreinte)"
            " VALUES (%s, 3, 'provisions_risques', 'forfaitaire', 'x', '', 1, %s, now(), 'x', 'x')",
            [periode.pk, comptable.pk],
        ),
        "le suivant porte le n° 2, non 3",
    )
