"""The pages, PDFs and API of amicable recovery: the list with its checkboxes
(a batch of reminders without JavaScript), the letters as PDF, a delay granted
from the page with its échéancier lines and the debtor's letter, the hand-over
and the file's PDF, the CSV; the auditor reads and changes nothing."""

import datetime
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from recouvrement import amiable as a
from recouvrement.models import Acte, Creance, DelaiPaiement, LotRelances
from tests.fichiers import pdf

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils absent"),
]

J = datetime.date
LENDEMAIN = J(2026, 6, 16)
DEMANDE = pdf("demande de délai")


def texte_pdf(contenu: bytes) -> str:
    sortie = subprocess.run(
        ["pdftotext", "-", "-"], input=contenu, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(sortie.split())


def _messages(reponse) -> list[str]:
    return [str(m) for m in reponse.context["messages"]] if reponse.context else []


def test_lot_de_relances_depuis_la_page_et_ses_pdf(client, comptable, ordre_loyer, horloge):
    horloge(LENDEMAIN)
    client.force_login(comptable)
    page = client.get(reverse("recouvrement:amiable"))
    assert page.status_code == 200
    html = page.content.decode()
    ligne = ordre_loyer.lignes.get()
    assert f'name="lignes" value="{ligne.pk}"' in html
    assert "600,00" in html
    reponse = client.post(
        reverse("recouvrement:amiable_relancer"), {"lignes": [ligne.pk]}, follow=True
    )
    lot = LotRelances.objects.get()
    assert reponse.redirect_chain[-1][0] == reverse("recouvrement:amiable_lot", args=[lot.pk])
    assert "Lot de relances n° 2026-0001 établi : 1 lettre." in _messages(reponse)
    pdf = client.get(reverse("recouvrement:amiable_lot_pdf", args=[lot.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    texte = texte_pdf(pdf.content)
    assert "1re relance" in texte and "M. Petit" in texte
    assert f"n° {ordre_loyer.reference}" in texte and "600,00" in texte
    assert "Lot de relances n° 2026-0001" in texte and "16/06/2026" in texte
    assert "lettre 1 sur 1" in texte
    assert "la somme suivante, exigible, reste due à l'organisme" in " ".join(texte.split())
    lettre = lot.lettres.get()
    texte = texte_pdf(
        client.get(reverse("recouvrement:amiable_lettre_pdf", args=[lettre.pk])).content
    )
    assert "Total restant dû" in texte and "600,00" in texte


def test_relances_sans_case_cochee_refusees(client, comptable, ordre_loyer, horloge):
    horloge(LENDEMAIN)
    client.force_login(comptable)
    reponse = client.post(
        reverse("recouvrement:amiable_relancer"),
        {},
        HTTP_REFERER="http://testserver" + reverse("recouvrement:amiable"),
        follow=True,
    )
    assert "Choisissez au moins une créance à relancer." in _messages(reponse)
    assert not LotRelances.objects.exists()


def test_delai_depuis_la_page_avec_la_lettre_du_debiteur(client, comptable, ordre_loyer, horloge):
    horloge(LENDEMAIN)
    client.force_login(comptable)
    ligne = ordre_loyer.lignes.get()
    page = client.get(reverse("recouvrement:amiable_creance", args=[ligne.pk]))
    assert "Accorder le délai de paiement" in page.content.decode()
    donnees = {
        "demande_le": "2026-06-10",
        "demande_fichier": SimpleUploadedFile("lettre.pdf", DEMANDE, "application/pdf"),
        "echeance_1_le": "2026-07-15",
        "echeance_1_montant": "200,00",
        "echeance_2_le": "2026-08-15",
        "echeance_2_montant": "400",
    }
    reponse = client.post(
        reverse("recouvrement:amiable_delai", args=[ligne.pk]), donnees, follow=True
    )
    assert "Délai de paiement accordé : 2 échéance(s), 600,00\xa0€." in _messages(reponse)
    delai = DelaiPaiement.objects.get()
    assert [e.montant for e in delai.echeances.all()] == [Decimal("200.00"), Decimal("400.00")]
    lettre = client.get(reverse("recouvrement:amiable_demande", args=[delai.pk]))
    assert lettre.content == DEMANDE
    html = client.get(reverse("recouvrement:amiable_creance", args=[ligne.pk])).content.decode()
    assert "délai de paiement accordé" in html and "à venir" in html


def test_delai_refuse_sur_la_page_avec_un_faux_pdf(client, comptable, ordre_loyer, horloge):
    horloge(LENDEMAIN)
    client.force_login(comptable)
    ligne = ordre_loyer.lignes.get()
    donnees = {
        "demande_le": "2026-06-10",
        "demande_fichier": SimpleUploadedFile("lettre.pdf", b"pas un pdf", "application/pdf"),
        "echeance_1_le": "2026-07-15",
        "echeance_1_montant": "600",
    }
    reponse = client.post(
        reverse("recouvrement:amiable_delai", args=[ligne.pk]), donnees, follow=True
    )
    assert any("n'est pas ce qu'il prétend être" in m for m in _messages(reponse))
    assert not DelaiPaiement.objects.exists()


def test_transmission_depuis_la_page_et_dossier_pdf(client, comptable, ordre_loyer, horloge):
    horloge(LENDEMAIN)
    ligne = ordre_loyer.lignes.get()
    a.relances_envoyer(acting_user=comptable, lignes=[ligne])
    horloge(J(2026, 7, 20))
    client.force_login(comptable)
    reponse = client.post(
        reverse("recouvrement:amiable_transmettre", args=[ligne.pk]),
        {"compte_rendu": "Relance restée sans réponse."},
        follow=True,
    )
    assert (
        "Créance de M. Petit transmise au directeur, seul chargé du recouvrement contentieux."
        in _messages(reponse)
    )
    creance = Creance.objects.get()
    assert creance.responsable == "directeur" and creance.transmise_le == J(2026, 7, 20)
    texte = texte_pdf(
        client.get(reverse("recouvrement:amiable_dossier_pdf", args=[ligne.pk])).content
    )
    assert "Créance transmise pour le recouvrement contentieux" in texte
    assert "Relance restée sans réponse." in texte
    assert "lettre de relance" in texte and "transmission au directeur" in texte
    assert "20/07/2026" in texte
    html = client.get(reverse("recouvrement:amiable_creance", args=[ligne.pk])).content.decode()
    assert "aucun acte de recouvrement amiable n'y est plus possible" in html
    assert "Transmettre la créance au directeur</button>" not in html


def test_la_directrice_est_refusee_sur_un_loyer(client, directrice, ordre_loyer, horloge):
    horloge(LENDEMAIN)
    client.force_login(directrice)
    ligne = ordre_loyer.lignes.get()
    reponse = client.post(
        reverse("recouvrement:amiable_relancer"),
        {"lignes": [ligne.pk]},
        HTTP_REFERER="http://testserver" + reverse("recouvrement:amiable"),
        follow=True,
    )
    assert any("appartient à l'agent comptable (article D253-16" in m for m in _messages(reponse))
    assert not Acte.objects.exists()


def test_liste_csv_et_pdf(client, auditeur, ordre_loyer, ordre_cotisation, horloge):
    horloge(LENDEMAIN)
    client.force_login(auditeur)
    csv = client.get(reverse("recouvrement:amiable_document", args=["csv"])).content.decode()
    lignes = csv.splitlines()
    assert lignes[0].startswith("Débiteur;Qualité;Ordre;Nature;Exigible le;Reste à recouvrer")
    assert any(ligne.startswith("M. Petit;locataire;") and ";600,00;" in ligne for ligne in lignes)
    assert any(";directeur;" in ligne for ligne in lignes if ligne.startswith("Société Orion"))
    texte = texte_pdf(client.get(reverse("recouvrement:amiable_document", args=["pdf"])).content)
    assert "Créances exigibles impayées au 16/06/2026" in texte and "Société Orion" in texte


def test_l_auditeur_lit_et_ne_change_rien(client, auditeur, ordre_loyer, horloge):
    horloge(LENDEMAIN)
    client.force_login(auditeur)
    ligne = ordre_loyer.lignes.get()
    html = client.get(reverse("recouvrement:amiable")).content.decode()
    assert 'name="lignes"' not in html
    html = client.get(reverse("recouvrement:amiable_creance", args=[ligne.pk])).content.decode()
    assert "Accorder le délai" not in html
    client.post(
        reverse("recouvrement:amiable_relancer"),
        {"lignes": [ligne.pk]},
        HTTP_REFERER="http://testserver/",
    )
    assert not LotRelances.objects.exists()
    api = APIClient()
    api.force_authenticate(auditeur)
    assert api.get("/api/recouvrement/amiable/creances/").status_code == 200
    refus = api.post("/api/recouvrement/amiable/relances/", {"lignes": [ligne.pk]}, format="json")
    assert refus.status_code == 403
    assert "relance les débiteurs" in refus.json()["message"]


def test_api_relance_delai_defaillance_transmission(comptable, comptes, ordre_loyer, horloge):
    horloge(LENDEMAIN)
    ligne = ordre_loyer.lignes.get()
    api = APIClient()
    api.force_authenticate(comptable)
    lot = api.post("/api/recouvrement/amiable/relances/", {"lignes": [ligne.pk]}, format="json")
    assert lot.status_code == 201, lot.content
    assert lot.json()["lettres"][0]["lignes"][0]["rang"] == 1
    refus = api.post(
        f"/api/recouvrement/amiable/creances/{ligne.pk}/delai/",
        {"demande_le": "2026-06-12", "echeances": [{"le": "2026-07-01", "montant": "600.00"}]},
        format="json",
    )
    assert refus.status_code == 400
    assert "justifie par écrit sa demande" in refus.json()["message"]
    delai = api.post(
        f"/api/recouvrement/amiable/creances/{ligne.pk}/delai/",
        {
            "demande_le": "2026-06-12",
            "demande_reference": "Courriel du 12/06",
            "echeances": [{"le": "2026-07-01", "montant": "600.00"}],
        },
        format="json",
    )
    assert delai.status_code == 201, delai.content
    pk = delai.json()["id"]
    horloge(J(2026, 7, 2))
    dossier = api.get(f"/api/recouvrement/amiable/creances/{ligne.pk}/").json()
    assert dossier["delais"][0]["en_defaut"] is True
    assert [e["statut"] for e in dossier["delais"][0]["echeances"]] == ["impayée"]
    defaut = api.post(f"/api/recouvrement/amiable/delais/{pk}/defaillance/", format="json")
    assert defaut.status_code == 200 and defaut.json()["etat"] == "defaillant"
    transmise = api.post(
        f"/api/recouvrement/amiable/creances/{ligne.pk}/transmettre/",
        {"compte_rendu": "Échéancier non respecté."},
        format="json",
    )
    assert transmise.status_code == 200
    assert transmise.json()["responsable"] == "directeur"
    assert transmise.json()["stade"] == "transmise"
    types = [
        x["type"]
        for x in api.get(f"/api/recouvrement/amiable/creances/{ligne.pk}/").json()["actes"]
    ]
    assert types == ["demande_delai", "relance", "delai", "defaillance", "transmission"]


def test_l_accueil_mene_au_recouvrement_amiable(client, comptable, exercice):
    client.force_login(comptable)
    html = client.get("/").content.decode()
    assert f'href="{reverse("recouvrement:amiable")}"' in html


def test_defaillance_et_transmission_depuis_la_liste(client, comptable, ordre_loyer, horloge):
    horloge(LENDEMAIN)
    ligne = ordre_loyer.lignes.get()
    client.force_login(comptable)
    html = client.get(reverse("recouvrement:amiable")).content.decode()
    assert f'form="transmettre-{ligne.pk}">Transmettre au directeur (M. Petit)' in html
    assert f'id="transmettre-{ligne.pk}"' in html
    delai = a.delai_accorder(
        acting_user=comptable,
        ligne=ligne,
        demande_le=LENDEMAIN,
        demande_reference="Lettre",
        echeances=[a.EcheanceSaisie(J(2026, 7, 1), "600.00")],
    )
    html = client.get(reverse("recouvrement:amiable")).content.decode()
    assert "Transmettre au directeur (M. Petit)" not in html  # the delay is honoured
    assert "Constater la défaillance" not in html
    horloge(J(2026, 7, 2))
    html = client.get(reverse("recouvrement:amiable")).content.decode()
    assert f'form="defaillance-{delai.pk}">Constater la défaillance (M. Petit)' in html
    reponse = client.post(reverse("recouvrement:amiable_defaillance", args=[delai.pk]), follow=True)
    assert "Défaillance de l'échéancier constatée." in _messages(reponse)
    reponse = client.post(reverse("recouvrement:amiable_transmettre", args=[ligne.pk]), follow=True)
    assert Creance.objects.get().stade == "transmise"


def test_chacun_ne_voit_les_formulaires_que_des_creances_qu_il_recouvre(
    ordre_loyer, ordre_cotisation, comptable, directrice, client, horloge
):
    """D253-16 al. 1: the rent is the agent comptable's, the cotisations the
    directeur's; each page offers each person the acts of his own claims only."""
    horloge(LENDEMAIN)
    client.force_login(comptable)
    page = client.get("/recouvrement/amiable/").content.decode()
    assert "Établir le lot de relances des créances cochées" in page
    assert "Établir le lot de relances des cotisations cochées" not in page
    assert f'value="{ordre_cotisation.lignes.get().pk}"' not in page
    client.force_login(directrice)
    page = client.get("/recouvrement/amiable/").content.decode()
    assert "Établir le lot de relances des cotisations cochées" in page
    assert "Établir le lot de relances des créances cochées" not in page
    assert f'value="{ordre_loyer.lignes.get().pk}"' not in page
