"""The surveillance's pages: « Échéances du recouvrement » per role (soonest
first, late ones marked), their PDF and CSV, the home pages, the lists the
agent comptable addresses to the directeur (circ. 93/82 §2.0.4, §2.0.5), the
register of the contracts he keeps, and the état nominatif's page, PDF, CSV
and sending (annexe art. 13 al. 7)."""

import datetime
import html
import re

import pytest
from rest_framework.test import APIClient

from recouvrement.models_surveillance import (
    ContratConserve,
    EnvoiEtatNominatif,
    EnvoiListe,
    PeriodiciteListe,
)
from recouvrement.surveillance_listes import prochain_envoi
from tests.recouvrement.surveillance_outils import en_contentieux, pdf_requis, texte_pdf

pytestmark = pytest.mark.django_db


def page(reponse) -> str:
    assert reponse.status_code == 200, reponse.status_code
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", reponse.content.decode())).split())


@pytest.fixture
def contentieux(ordre_loyer, ordre_cotisation, directrice):
    en_contentieux(ordre_loyer, directrice, datetime.date(2026, 6, 5))
    en_contentieux(ordre_cotisation, directrice, datetime.date(2026, 6, 10))


def test_les_echeances_de_la_directrice_en_retard_en_tete(
    client, contentieux, directrice, comptable, auditeur, horloge
):
    ContratConserve.objects.create(
        nature="bail",
        objet="Appartement 12 rue Haute",
        cocontractant="M. et Mme Perrin",
        debut=datetime.date(2024, 1, 1),
        expire_le=datetime.date(2026, 12, 31),
        original="Coffre B-12",
        enregistre_par=comptable,
        enregistre_le=datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC),
    )
    horloge(datetime.date(2026, 8, 3))
    client.force_login(directrice)
    texte = page(client.get("/recouvrement/surveillance/"))
    assert "Échéances du recouvrement" in texte
    etat = texte.index("état nominatif des débiteurs arrêté au 30/06/2026")
    bail = texte.index("expire le 31/12/2026")
    assert etat < bail  # the late one first
    assert "en retard de 2 jours" in texte
    accueil = page(client.get("/"))
    assert "Échéances du recouvrement" in accueil and "en retard de 2 jours" in accueil
    csv = client.get("/recouvrement/surveillance/echeances.csv").content.decode()
    assert csv.splitlines()[1].startswith("01/08/2026;en retard de 2 jours;État nominatif")

    client.force_login(comptable)
    texte = page(client.get("/recouvrement/surveillance/"))
    assert "Informer le directeur de l'expiration au 31/12/2026" in texte
    assert "arrêté au 30/06/2026" not in texte
    assert "Informer le directeur" in page(client.get("/"))

    client.force_login(auditeur)
    texte = page(client.get("/recouvrement/surveillance/"))
    assert "arrêté au 30/06/2026" in texte and "Informer le directeur" in texte
    api = APIClient()
    api.force_authenticate(auditeur)
    items = api.get("/api/recouvrement/echeances/").json()
    # All of them: first the agent comptable's lease notice, due on 30 June.
    assert [(i["jours"], i["qui"]) for i in items[:2]] == [(-34, "comptable"), (-2, "directeur")]


@pdf_requis
def test_les_echeances_en_pdf(client, contentieux, directrice, horloge):
    horloge(datetime.date(2026, 8, 3))
    client.force_login(directrice)
    texte = texte_pdf(client.get("/recouvrement/surveillance/echeances.pdf").content)
    assert "Échéances du recouvrement" in texte and "en retard de 2 jours" in texte


def test_la_periodicite_les_listes_et_leur_envoi(
    client, contentieux, directrice, comptable, horloge
):
    horloge(datetime.date(2026, 6, 20))  # the claims fell due on 15 June
    client.force_login(comptable)
    texte = page(client.get("/recouvrement/listes/"))
    assert "Liste des débiteurs défaillants" in texte and "périodicité non encore fixée" in texte
    page(
        client.post(
            "/recouvrement/listes/periodicite/",
            {"liste": "irrecouvrees", "mois": "3", "a_compter_du": "2026-07-01"},
            HTTP_REFERER="/recouvrement/listes/",
            follow=True,
        )
    )
    assert not PeriodiciteListe.objects.exists()  # the directeur's act

    client.force_login(directrice)
    texte = page(
        client.post(
            "/recouvrement/listes/periodicite/",
            {"liste": "irrecouvrees", "mois": "3", "a_compter_du": "2026-06-01"},
            follow=True,
        )
    )
    assert "Périodicité fixée" in texte
    assert prochain_envoi("irrecouvrees") == datetime.date(2026, 6, 1)

    client.force_login(comptable)
    csv = client.get("/recouvrement/listes/irrecouvrees.csv").content.decode()
    # Cotisations are left out of the list of claims not recovered (§2.0.5).
    assert "Société Orion" not in csv and "loyers;M. Petit;4671;2026-00001" in csv
    defaillants = client.get("/recouvrement/listes/defaillants.csv").content.decode()
    assert "Société Orion" in defaillants and "M. Petit" in defaillants
    texte = page(
        client.post(
            "/recouvrement/listes/adresser/",
            {"liste": "irrecouvrees", "le": "2026-06-20"},
            follow=True,
        )
    )
    assert "adressée au directeur le 20/06/2026" in texte
    envoi = EnvoiListe.objects.get()
    assert (envoi.nombre, envoi.montant, envoi.qualite) == (1, 600, "agent comptable")
    assert prochain_envoi("irrecouvrees") == datetime.date(2026, 9, 20)


@pdf_requis
def test_la_liste_des_creances_irrecouvrees_en_pdf(client, contentieux, comptable, horloge):
    horloge(datetime.date(2026, 6, 20))
    client.force_login(comptable)
    texte = texte_pdf(client.get("/recouvrement/listes/irrecouvrees.pdf").content)
    assert "Créances irrécouvrées" in texte and "loyers" in texte and "600,00 €" in texte


def test_le_registre_des_contrats_par_la_page(client, comptable, directrice):
    client.force_login(comptable)
    texte = page(
        client.post(
            "/recouvrement/contrats-conserves/nouveau/",
            {
                "nature": "bail",
                "objet": "Appartement 12 rue Haute",
                "cocontractant": "M. et Mme Perrin",
                "debut": "2024-01-01",
                "expire_le": "2026-12-31",
                "preavis_mois": "6",
                "original": "Coffre B-12",
            },
            follow=True,
        )
    )
    assert "enregistré au registre : expire le 31/12/2026" in texte
    contrat = ContratConserve.objects.get()
    texte = page(
        client.post(
            f"/recouvrement/contrats-conserves/{contrat.pk}/informer/",
            {"informe_le": "2026-06-15"},
            follow=True,
        )
    )
    assert "le 15/06/2026" in texte
    client.force_login(directrice)
    texte = page(client.get("/recouvrement/contrats-conserves/"))
    assert "Enregistrer au registre" not in texte and "Coffre B-12" in texte


def test_l_etat_nominatif_par_la_page(client, contentieux, directrice, auditeur, horloge):
    horloge(datetime.date(2026, 7, 20))
    client.force_login(auditeur)
    texte = page(client.get("/recouvrement/etat-nominatif/2026/1/"))
    assert "Mise en demeure (délai de trente jours)" in texte and "Société Orion" in texte
    assert "Encore 12 jours" in texte and "Enregistrer l'envoi" not in texte
    csv = client.get("/recouvrement/etat-nominatif/2026/1/etat.csv").content.decode()
    assert "arrêté au 30/06/2026" in csv and "Société Orion" in csv

    client.force_login(directrice)
    texte = page(client.get("/recouvrement/etat-nominatif/2026/1/"))
    assert "Enregistrer l'envoi de l'état nominatif" in texte
    texte = page(
        client.post(
            "/recouvrement/etat-nominatif/2026/1/adresser/",
            {"envoye_le": "2026-07-20", "reference": "CN-2026-S1"},
            follow=True,
        )
    )
    assert "arrêté au 30/06/2026 enregistré" in texte
    assert EnvoiEtatNominatif.objects.get().reference == "CN-2026-S1"
    texte = page(client.get("/recouvrement/etat-nominatif/"))
    assert "CN-2026-S1" in texte and "dans le délai" in texte


@pdf_requis
def test_l_etat_nominatif_en_pdf(client, contentieux, auditeur, horloge):
    horloge(datetime.date(2026, 7, 20))
    client.force_login(auditeur)
    texte = texte_pdf(client.get("/recouvrement/etat-nominatif/2026/1/etat.pdf").content)
    assert "État nominatif des débiteurs arrêté au 30/06/2026" in texte
    assert "Mise en demeure" in texte and "Société Orion" in texte and "2 400,00 €" in texte


def test_une_liste_adressee_ne_se_modifie_pas(contentieux, comptable, horloge):
    from recouvrement.surveillance_listes import liste_adresser
    from tests.savepoint import refus_sql

    horloge(datetime.date(2026, 6, 20))
    envoi = liste_adresser(
        acting_user=comptable, liste="defaillants", le=datetime.date(2026, 6, 20)
    )
    assert envoi.nombre == 2 and "Société Orion" in envoi.contenu
    message = "Une liste adressée au directeur ne se modifie ni ne se supprime"
    refus_sql(lambda c: c.execute("UPDATE recouvrement_envoiliste SET nombre = 0"), message)
    refus_sql(lambda c: c.execute("DELETE FROM recouvrement_envoiliste"), message)


def test_les_actes_de_la_surveillance_par_l_api(contentieux, directrice, comptable, horloge):
    horloge(datetime.date(2026, 7, 20))
    agent, directeur = APIClient(), APIClient()
    agent.force_authenticate(comptable)
    directeur.force_authenticate(directrice)
    contrat = agent.post(
        "/api/recouvrement/contrats-conserves/",
        {
            "nature": "bail",
            "objet": "Appartement",
            "cocontractant": "M. Perrin",
            "debut": "2024-01-01",
            "expire_le": "2026-12-31",
            "original": "Coffre B-12",
        },
        format="json",
    )
    assert contrat.status_code == 201, contrat.content
    informe = agent.post(
        f"/api/recouvrement/contrats-conserves/{contrat.json()['id']}/informer/",
        {"informe_le": "2026-07-20"},
        format="json",
    )
    assert informe.json()["directeur_informe_le"] == "2026-07-20"
    refus = directeur.post(
        "/api/recouvrement/listes/envois/", {"liste": "defaillants", "le": "2026-07-20"}
    )
    assert refus.status_code == 403 and "Seul l'agent comptable" in refus.json()["message"]
    envoi = directeur.post(
        "/api/recouvrement/etats-nominatifs/envois/",
        {"annee": 2026, "semestre": 1, "envoye_le": "2026-07-20", "reference": "CN-1"},
        format="json",
    )
    assert envoi.status_code == 201 and envoi.json()["debiteurs"] == 2
    deux = directeur.post(
        "/api/recouvrement/etats-nominatifs/envois/",
        {"annee": 2026, "semestre": 1, "envoye_le": "2026-07-20", "reference": "CN-2"},
        format="json",
    )
    assert deux.status_code == 409 and "déjà adressé à la caisse" in deux.json()["message"]
    etat = agent.get("/api/recouvrement/etats-nominatifs/2026/1/").json()
    assert etat["envoi"]["reference"] == "CN-1" and etat["limite"] == "2026-08-01"
    assert {ligne["procedure"] for ligne in etat["lignes"]} == {"mise_en_demeure"}


def test_l_etat_nominatif_reste_sur_l_accueil_de_la_directrice(
    client, contentieux, directrice, comptable, auditeur, horloge
):
    for jour in range(2, 8):  # six leases expiring before 1 August: listed first
        ContratConserve.objects.create(
            nature="bail",
            objet=f"Box n° {jour}",
            cocontractant="M. Perrin",
            debut=datetime.date(2024, 1, 1),
            expire_le=datetime.date(2026, 7, jour),
            original="Coffre",
            enregistre_par=comptable,
            enregistre_le=datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC),
        )
    horloge(datetime.date(2026, 7, 1))
    client.force_login(directrice)
    accueil = page(client.get("/"))
    assert "Box n° 6" in accueil and "Box n° 7" not in accueil  # the first five
    assert "état nominatif des débiteurs arrêté au 30/06/2026" in accueil
    assert "Toutes les échéances du recouvrement (7)" in accueil
    client.force_login(auditeur)
    assert "situations individuelles" in page(client.get("/"))
