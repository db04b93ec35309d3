"""Frozen balances as pages, PDF, CSV, XLSX and API (circ. 93/82 §3.2)."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from ledger.models import BalanceFigee, EnvoiBalance
from ledger.services import LigneSaisie, balance_figer, ecriture_passer
from tests.savepoint import curseur_en_savepoint
from tests.tresorerie.test_pages import page, texte_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def figee(comptable, exercice):
    a = exercice.annee
    for date, journal, debit, credit, montant in [
        (datetime.date(a, 1, 1), "AN", "5122", "102", "1000000"),
        (datetime.date(a, 2, 10), "RE", "4111", "7511", "12345.67"),
        (datetime.date(a, 4, 2), "DE", "6064", "401", "250.10"),
    ]:
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal=journal,
            date=date,
            libelle="Test",
            lignes=[LigneSaisie(debit, debit=montant), LigneSaisie(credit, credit=montant)],
        )
    return balance_figer(
        acting_user=comptable, exercice=exercice, nature="mensuelle", mois=5, demande="DRASS 02/06"
    )


def test_le_comptable_fige_une_balance_depuis_la_page(client, comptable, figee):
    client.force_login(comptable)
    liste = client.get(reverse("ledger:balances_figees", args=[figee.exercice.annee]))
    assert "Balance mensuelle" in page(liste) and "Figer la balance" in page(liste)
    reponse = client.post(
        reverse("ledger:balance_figer", args=[figee.exercice.annee]),
        {"nature": "mensuelle", "mois": "4", "demande": "Organisme national"},
    )
    nouvelle = BalanceFigee.objects.exclude(pk=figee.pk).get()
    assert reponse.url == reverse("ledger:balance_figee", args=[nouvelle.pk])
    assert nouvelle.au == datetime.date(figee.exercice.annee, 4, 30)
    detail = page(client.get(reponse.url))
    assert "Empreinte vérifiée" in detail and nouvelle.empreinte in detail
    assert "12 345,67" in detail


def test_l_auditeur_ne_peut_pas_figer(client, auditeur, figee):
    client.force_login(auditeur)
    client.post(
        reverse("ledger:balance_figer", args=[figee.exercice.annee]),
        {"nature": "mensuelle", "mois": "4", "demande": "x"},
    )
    assert BalanceFigee.objects.count() == 1
    assert "Figer la balance" not in page(
        client.get(reverse("ledger:balances_figees", args=[figee.exercice.annee]))
    )


def test_l_envoi_s_enregistre_et_se_lit_sur_la_page(client, comptable, figee):
    client.force_login(comptable)
    client.post(
        reverse("ledger:balance_envoyer", args=[figee.pk]),
        {"destinataire": "drass", "envoyee_le": "2026-06-15", "reference": "Courrier 42"},
    )
    envoi = EnvoiBalance.objects.get()
    assert envoi.destinataire == "drass" and envoi.reference == "Courrier 42"
    detail = page(client.get(reverse("ledger:balance_figee", args=[figee.pk])))
    assert "Directeur régional des affaires sanitaires et sociales" in detail
    assert "Courrier 42" in detail


def test_la_page_signale_une_balance_alteree(client, auditeur, figee):
    with curseur_en_savepoint() as c:
        c.execute("SET LOCAL session_replication_role = replica")
        c.execute(
            "UPDATE ledger_lignebalancefigee SET solde_debit = solde_debit + 1"
            " WHERE balance_id = %s AND rang = 1",
            [figee.pk],
        )
        c.execute("SET LOCAL session_replication_role = origin")
        client.force_login(auditeur)
        detail = page(client.get(reverse("ledger:balance_figee", args=[figee.pk])))
    assert "Balance altérée" in detail


def test_le_pdf_reprend_la_balance_et_son_empreinte(client, auditeur, figee):
    client.force_login(auditeur)
    reponse = client.get(reverse("ledger:balance_figee_pdf", args=[figee.pk]))
    assert reponse["Content-Type"] == "application/pdf"
    texte = texte_pdf(reponse.content)
    assert "Balance mensuelle" in texte and "arrêtée au 31/05/2026" in texte
    assert "12 345,67" in texte and "7511" in texte
    assert figee.empreinte in texte.replace(" ", "")
    assert "Empreinte vérifiée" in texte


def test_le_csv_donne_les_lignes_et_les_totaux(client, auditeur, figee):
    client.force_login(auditeur)
    contenu = client.get(reverse("ledger:balance_figee_csv", args=[figee.pk])).content.decode()
    lignes = [ligne.split(";") for ligne in contenu.lstrip("\ufeff").splitlines()]
    assert lignes[1] == ["Empreinte SHA-256", figee.empreinte]
    assert lignes[2][0] == "Compte"
    par_compte = {ligne[0]: ligne for ligne in lignes[3:]}
    assert par_compte["7511"][5] == "12345,67" and par_compte["7511"][7] == "12345,67"
    assert lignes[-1][1] == "Total général"
    assert lignes[-1][2] == lignes[-1][3] == "1000000,00"


def test_le_xlsx_se_relit_avec_ses_montants(client, auditeur, figee):
    client.force_login(auditeur)
    reponse = client.get(reverse("ledger:balance_figee_xlsx", args=[figee.pk]))
    feuille = load_workbook(io.BytesIO(reponse.content)).active
    assert feuille["B3"].value == figee.empreinte
    assert [c.value for c in feuille[4]][:2] == ["Compte", "Libellé"]
    rangees = {r[0]: r for r in feuille.iter_rows(min_row=5, values_only=True)}
    assert Decimal(str(rangees["6064"][4])) == Decimal("250.10")
    total = rangees[None]  # an empty cell reads back as None
    assert total[1] == "Total général"
    assert Decimal(str(total[6])) == Decimal(str(total[7])) == figee.solde_debit


def test_l_api_liste_detaille_fige_et_enregistre_l_envoi(comptable, auditeur, figee):
    api = APIClient()
    api.force_authenticate(auditeur)
    annee = figee.exercice.annee
    liste = api.get(f"/api/exercices/{annee}/balances/").json()
    assert liste["results"][0]["empreinte"] == figee.empreinte
    detail = api.get(f"/api/balances/{figee.pk}/").json()
    assert detail["empreinte_verifiee"] is True
    assert {ligne["numero"] for ligne in detail["lignes"]} >= {"5122", "7511", "6064"}
    refus = api.post(f"/api/exercices/{annee}/balances/figer/", {"nature": "mensuelle"})
    assert refus.status_code == 403 and "agent comptable" in refus.json()["message"]
    api.force_authenticate(comptable)
    creee = api.post(
        f"/api/exercices/{annee}/balances/figer/",
        {"nature": "mensuelle", "mois": 4, "demande": "Organisme national"},
        format="json",
    )
    assert creee.status_code == 201 and creee.json()["au"] == f"{annee}-04-30"
    envoi = api.post(
        f"/api/balances/{creee.json()['id']}/envoyer/",
        {"destinataire": "organisme_national", "envoyee_le": f"{annee}-06-15"},
        format="json",
    )
    assert envoi.status_code == 201
    assert envoi.json()["envois"][0]["destinataire"] == "organisme_national"
    refus_date = api.post(
        f"/api/balances/{figee.pk}/envoyer/",
        {"destinataire": "tpg", "envoyee_le": f"{annee}-06-16"},
        format="json",
    )
    assert refus_date.status_code == 400 and "dans le futur" in refus_date.json()["message"]
