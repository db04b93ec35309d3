"""The comptes annuels' pages, documents (PDF, CSV) and API, and who may read
or fix the mapping."""

import datetime
import re

import pytest
from rest_framework.test import APIClient

from comptes_annuels.models import Correspondance
from personnes.models import Fonction
from tests.factories import personne
from tests.tresorerie.test_pages import page, texte_pdf

pytestmark = pytest.mark.django_db
D = datetime.date


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def test_l_auditeur_lit_les_comptes_annuels_et_telecharge_le_bilan_en_pdf(client, auditeur, livres):
    client.force_login(auditeur)
    texte = page(client.get(f"/comptes-annuels/{livres.annee}/"))
    assert "Total actif" in texte and "1 012 245,67 €" in texte
    assert "Contrôle : total actif = total passif." in texte
    assert "Contrôle : égal au solde des classes 7 − 6." in texte
    assert "<td>gestion financière</td>" in texte
    # the bilan and compte de résultat show rubrics, not accounts' labels (the
    # annexe, after them, lists the dotations' accounts)
    assert "Dotations aux" not in texte.split("<h2>Annexe</h2>")[0]
    assert "Dotations aux provisions pour risques et charges" in texte
    reponse = client.get(f"/comptes-annuels/{livres.annee}/bilan.pdf")
    assert reponse["Content-Disposition"] == f'attachment; filename="bilan_{livres.annee}.pdf"'
    pdf = texte_pdf(reponse.content)
    assert f"Bilan de l'exercice {livres.annee}" in pdf
    assert "Total actif" in pdf and "Total passif" in pdf
    # both totals, N and N−1 (pdftotext reads the wrapped labels apart from their rows)
    assert pdf.count("1 012 245,67 € 1 000,00 €") == 2
    assert "Dotations, réserves et report à nouveau (102) 1 000 000,00 € 0,00 €" in pdf
    assert "Chiffres provisoires" in pdf
    resultat = texte_pdf(client.get(f"/comptes-annuels/{livres.annee}/resultat.pdf").content)
    assert "Résultat de l'exercice (produits − charges) : 11 945,57 €" in resultat
    annexe = texte_pdf(client.get(f"/comptes-annuels/{livres.annee}/annexe.pdf").content)
    assert "Règles et méthodes comptables" in annexe and "491" in annexe


def test_les_csv_des_etats(client, directrice, livres):
    client.force_login(directrice)
    a = livres.annee
    bilan = client.get(f"/comptes-annuels/{a}/bilan.csv").content.decode().splitlines()
    assert bilan[0] == f"Partie;Rubrique;Libellé;Gestion;Exercice {a};Exercice {a - 1}"
    assert "Actif;;Total actif;;1012245.67;1000.00" in bilan
    assert "Passif;;Total passif;;1012245.67;1000.00" in bilan
    resultat = client.get(f"/comptes-annuels/{a}/resultat.csv").content.decode().splitlines()
    assert "Charges;CT;Charges de gestion technique;technique;100.00;0.00" in resultat
    assert resultat[-1] == "Résultat;;Résultat de l'exercice (produits − charges);;11945.57;800.00"
    annexe = client.get(f"/comptes-annuels/{a}/annexe.csv").content.decode()
    assert "Provisions;151;Provisions pour risques;0.00;50.00;0.00;50.00" in annexe
    assert client.get(f"/comptes-annuels/{a}/inconnu.csv").status_code == 404


def test_un_regisseur_ne_lit_pas_les_comptes_annuels(client, livres):
    regisseur = personne("regisseur", Fonction.REGISSEUR)
    client.force_login(regisseur)
    assert client.get(f"/comptes-annuels/{livres.annee}/").status_code == 403
    assert client.get(f"/comptes-annuels/{livres.annee}/bilan.pdf").status_code == 403
    reponse = _api(regisseur).get(f"/api/comptes-annuels/{livres.annee}/bilan/")
    assert reponse.status_code == 403
    assert "Seuls l'agent comptable, le directeur et l'auditeur" in reponse.json()["message"]


def test_l_agent_comptable_fixe_une_correspondance_par_la_page(client, comptable, livres):
    client.force_login(comptable)
    assert "Fixer une correspondance" in page(client.get("/comptes-annuels/correspondances/"))
    reponse = client.post(
        "/comptes-annuels/correspondances/",
        {"prefixe": "6064", "rubrique": "CE", "valable_du": f"{livres.annee}-01-01"},
        follow=True,
    )
    texte = page(reponse)
    assert "Les comptes 6064… vont à la rubrique « Charges exceptionnelles »" in texte
    assert Correspondance.objects.filter(prefixe="6064", fixee_par=comptable).count() == 1
    # refused: the form again, status 400, the French reason, nothing changed
    reponse = client.post(
        "/comptes-annuels/correspondances/",
        {"prefixe": "6064", "rubrique": "AL", "valable_du": f"{livres.annee}-02-01"},
    )
    assert reponse.status_code == 400
    assert "les classes 6 et 7 au compte de résultat" in page(reponse)
    assert Correspondance.objects.filter(prefixe="6064").count() == 1


def test_la_directrice_ne_fixe_pas_la_correspondance(client, directrice, livres):
    client.force_login(directrice)
    texte = page(client.get("/comptes-annuels/correspondances/"))
    assert "Fixer une correspondance" not in texte and "Disponibilités" in texte
    reponse = client.post(
        "/comptes-annuels/correspondances/",
        {"prefixe": "6064", "rubrique": "CE", "valable_du": f"{livres.annee}-01-01"},
    )
    assert reponse.status_code == 403
    reponse = _api(directrice).post(
        "/api/comptes-annuels/correspondances/",
        {"prefixe": "6064", "rubrique": "CE", "valable_du": f"{livres.annee}-01-01"},
        format="json",
    )
    assert reponse.status_code == 403
    assert "Seul l'agent comptable" in reponse.json()["message"]
    assert not Correspondance.objects.filter(fixee_par__isnull=False).exists()


def test_l_api_lit_les_etats_et_fixe_une_correspondance(comptable, auditeur, livres):
    a = livres.annee
    lecteur = _api(auditeur)
    bilan = lecteur.get(f"/api/comptes-annuels/{a}/bilan/").json()
    assert bilan["equilibre"] is True
    assert bilan["total_actif"]["n"] == bilan["total_passif"]["n"] == "1012245.67"
    cr = lecteur.get(f"/api/comptes-annuels/{a}/compte-de-resultat/").json()
    assert cr["resultat"]["n"] == cr["resultat_classes_7_moins_6"]["n"] == "11945.57"
    assert cr["resultat_verifie"] is True
    annexe = lecteur.get(f"/api/comptes-annuels/{a}/annexe/").json()
    assert [p["compte"] for p in annexe["provisions"]] == ["151", "491"]
    assert lecteur.get("/api/comptes-annuels/1999/bilan/").status_code == 404
    reponse = _api(comptable).post(
        "/api/comptes-annuels/correspondances/",
        {"prefixe": "6064", "rubrique": "CE", "valable_du": f"{a}-01-01"},
        format="json",
    )
    assert reponse.status_code == 201 and reponse.json()["rubrique"] == "CE"
    en_vigueur = {
        c["prefixe"]: c["rubrique"]
        for c in lecteur.get(f"/api/comptes-annuels/correspondances/?le={a}-12-31").json()
    }
    assert en_vigueur["6064"] == "CE" and en_vigueur["5"] == "AL"
    cr = lecteur.get(f"/api/comptes-annuels/{a}/compte-de-resultat/").json()
    assert {c["code"]: c["n"] for c in cr["charges"]}["CE"] == "250.10"


def test_la_page_des_exercices_mene_aux_comptes_annuels(client, comptable, livres):
    client.force_login(comptable)
    texte = page(client.get("/comptabilite/exercices/"))
    assert f'href="/comptes-annuels/{livres.annee}/"' in texte
    assert f"Comptes annuels {livres.annee}" in texte


def test_sans_exercice_precedent_la_colonne_n_moins_1_est_vide(
    client, auditeur, comptable, exercice
):
    """The first exercise kept here has no N−1: its column shows « — » and its
    CSV cells are empty, not zeros that would read as figures."""
    from tests.comptes_annuels.conftest import passer

    a = exercice.annee
    passer(comptable, exercice, D(a, 2, 10), "RE", "4111", "7511", "120")
    client.force_login(auditeur)
    texte = page(client.get(f"/comptes-annuels/{a}/"))
    assert f"Pas d'exercice {a - 1} tenu ici : sa colonne est vide." in texte
    assert re.search(
        r'Total actif</th><td class="montant">120,00.€</td><td class="montant">—</td>', texte
    )
    assert f"(pas d'exercice {a - 1} tenu ici)" in texte
    bilan = client.get(f"/comptes-annuels/{a}/bilan.csv").content.decode().splitlines()
    assert "Actif;;Total actif;;120.00;" in bilan
    resultat = client.get(f"/comptes-annuels/{a}/resultat.csv").content.decode().splitlines()
    assert resultat[-1] == "Résultat;;Résultat de l'exercice (produits − charges);;120.00;"
    api = _api(auditeur).get(f"/api/comptes-annuels/{a}/bilan/").json()
    assert api["total_actif"]["n"] == "120.00" and api["total_actif"]["n1"] is None
