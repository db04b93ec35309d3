"""The situation individuelle of each debtor in contentious recovery (annexe
art. 13 al. 5-6): page, PDF, CSV and API, readable by the tutelle at any time,
who changes nothing; guarantees recorded from it."""

import datetime
import html
import re

import pytest
from rest_framework.test import APIClient

from recouvrement.models import Acte
from recouvrement.models_surveillance import Garantie
from recouvrement.situation import debiteurs_en_contentieux
from tests.factories import personne
from tests.recouvrement.surveillance_outils import en_contentieux, pdf_requis, texte_pdf

pytestmark = pytest.mark.django_db
LE = datetime.date(2026, 6, 10)


def page(reponse) -> str:
    assert reponse.status_code == 200, reponse.status_code
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", reponse.content.decode())).split())


@pytest.fixture
def petit(ordre_loyer, ordre_cotisation, directrice):
    """M. Petit's rent in contentious recovery; Orion's cotisations not yet."""
    creance = en_contentieux(
        ordre_loyer, directrice, LE, libelle="Mise en demeure par LR n° 1A", resultat="AR signé"
    )
    return creance.debiteur


def test_seuls_les_debiteurs_en_contentieux_ont_une_situation(petit):
    assert [d.nom for d in debiteurs_en_contentieux()] == ["M. Petit"]


def test_l_auditeur_lit_la_situation_en_page_pdf_csv_et_api(client, petit, directrice, auditeur):
    Garantie.objects.create(
        debiteur=petit,
        nature="caution",
        montant="600.00",
        objet="Mme Petit, caution",
        prise_le=LE,
        enregistree_par=directrice,
        qualite="directeur",
    )
    client.force_login(auditeur)
    index = page(client.get("/recouvrement/situations/"))
    assert "M. Petit" in index and "Société Orion" not in index
    texte = page(client.get(f"/recouvrement/situations/{petit.pk}/"))
    assert "Mise en demeure par LR n° 1A" in texte and "AR signé" in texte
    assert "600,00 €" in texte and "Mme Petit, caution" in texte
    assert "Enregistrer la garantie" not in texte  # the tutelle changes nothing
    csv = client.get(f"/recouvrement/situations/{petit.pk}/situation.csv").content.decode()
    assert "2026-00001;loyers;Loyer de mars;600,00;600,00;" in csv
    assert "10/06/2026;mise en demeure;Mise en demeure par LR n° 1A;AR signé;;directeur" in csv
    api = APIClient()
    api.force_authenticate(auditeur)
    donnees = api.get(f"/api/recouvrement/situations/{petit.pk}/").json()
    assert donnees["debiteur"]["nom"] == "M. Petit" and donnees["reste"] == "600.00"
    assert [a["type"] for a in donnees["actes"]] == ["transmission", "mise_en_demeure"]
    assert donnees["garanties"][0]["nature"] == "caution"
    assert [d["nom"] for d in api.get("/api/recouvrement/situations/").json()] == ["M. Petit"]
    refus = api.post(
        f"/api/recouvrement/situations/{petit.pk}/garanties/",
        {"nature": "gage", "objet": "x", "montant": "1", "prise_le": "2026-06-10"},
    )
    assert refus.status_code == 403
    assert Garantie.objects.count() == 1


@pdf_requis
def test_le_pdf_de_la_situation_liste_actes_et_garanties(client, petit, auditeur):
    client.force_login(auditeur)
    reponse = client.get(f"/recouvrement/situations/{petit.pk}/situation.pdf")
    assert reponse["Content-Type"] == "application/pdf"
    texte = texte_pdf(reponse.content)
    assert "Situation individuelle de M. Petit" in texte
    assert "Mise en demeure par LR n° 1A" in texte and "transmission au directeur" in texte
    assert "600,00 €" in texte


def test_qui_n_est_ni_directeur_ni_comptable_ni_tutelle_ne_lit_pas(client, petit):
    client.force_login(personne("regisseur", "regisseur"))
    assert client.get(f"/recouvrement/situations/{petit.pk}/").status_code == 403


def test_la_directrice_prend_une_hypotheque_depuis_la_situation(client, petit, directrice):
    client.force_login(directrice)
    creance = petit.creances.get()
    formulaire = client.get(f"/recouvrement/situations/{petit.pk}/").content.decode()
    assert (
        f'<option value="{creance.pk}">ordre n° 2026-00001 : Loyer de mars</option>' in formulaire
    )
    texte = page(
        client.post(
            f"/recouvrement/situations/{petit.pk}/garantie/",
            {
                "nature": "hypotheque",
                "creance": str(creance.pk),
                "objet": "Maison 4 chemin Vert",
                "montant": "600,00",
                "prise_le": "2026-06-10",
                "inscrite_le": "2026-06-10",
                "bureau": "SPF Valmont",
                "peremption_le": "2036-06-10",
            },
            follow=True,
        )
    )
    assert "Garantie enregistrée" in texte and "Maison 4 chemin Vert" in texte
    g = Garantie.objects.get()
    assert (g.bureau, g.qualite, g.creance) == ("SPF Valmont", "directeur", creance)
    assert Acte.objects.filter(debiteur=petit, type="garantie").count() == 1
    texte = page(
        client.post(
            f"/recouvrement/situations/{petit.pk}/garantie/",
            {"nature": "hypotheque", "objet": "x", "montant": "1", "prise_le": "2026-06-10"},
            follow=True,
        )
    )
    assert "Une hypothèque s'enregistre avec la date de son inscription" in texte
    assert Garantie.objects.count() == 1


def test_l_auditeur_est_refuse_la_garantie_par_la_page(client, petit, auditeur):
    client.force_login(auditeur)
    client.post(
        f"/recouvrement/situations/{petit.pk}/garantie/",
        {"nature": "gage", "objet": "x", "montant": "1", "prise_le": "2026-06-10"},
        HTTP_REFERER=f"/recouvrement/situations/{petit.pk}/",
    )
    assert not Garantie.objects.exists()
