"""The régies' pages, documents and API: the régisseur's home page and acts,
what he does not see (another régie: 404), the auditor reads and does nothing,
the PDFs' text, the lists in CSV and PDF, the API's acts."""

import datetime
import subprocess
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from tests.tresorerie.test_regies import autre_regie, creer_regie, encaisser, solde
from tresorerie.models import ArreteRegie, ControleRegie, Encaissement, VersementRegie
from tresorerie.services import regies_caisse as rc

pytestmark = pytest.mark.django_db


@pytest.fixture
def regie(directrice, comptable, comptes):
    return creer_regie(directrice, comptable, comptes["REGIE"])


def texte_pdf(contenu: bytes) -> str:
    """The document's text as pdftotext reads it, spaces made plain."""
    assert contenu.startswith(b"%PDF")
    texte = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=contenu, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(texte.replace("\u00a0", " ").split())


def api(utilisateur) -> APIClient:
    client = APIClient()
    client.force_authenticate(utilisateur)
    return client


def test_l_accueil_du_regisseur_offre_ses_actes_et_son_encaisse(client, regisseur, regie):
    encaisser(regisseur, regie, "120.00")
    client.force_login(regisseur)
    page = client.get("/").content.decode()
    assert "Ma régie : Régie de recettes de l&#x27;accueil" in page
    assert "120,00\u00a0€" in page and "500,00\u00a0€" in page
    for acte in ("encaisser une recette", "verser à l'agent comptable", "arrêter ma régie"):
        assert acte in page
    assert "lire les rapports de contrôle" in page


def test_le_regisseur_encaisse_arrete_et_verse_par_ses_pages(
    client, regisseur, regie, comptable, horloge
):
    client.force_login(regisseur)
    operation = regie.operations.get(libelle="Frais de duplicata")
    reponse = client.post(
        f"/tresorerie/regies/{regie.pk}/actes/encaisser/",
        {
            "operation": operation.pk,
            "moyen": "numeraire",
            "montant": "12,50",
            "payeur": "M. Petit",
            "objet": "Duplicata d'attestation",
        },
        follow=True,
    )
    assert "Encaissement de 12,50\u00a0€ enregistré ; quittance n° Q2026-R-0001" in (
        reponse.content.decode()
    )
    reponse = client.post(
        f"/tresorerie/regies/{regie.pk}/actes/arreter/",
        {"coupure_10": "1", "coupure_2": "1", "coupure_0_50": "1"},
        follow=True,
    )
    page = reponse.content.decode()
    assert "Régie arrêtée au 15/06/2026 : concordance" in page, page[:3000]
    # the day arrêté, the page offers no act of that day any more and says until when
    assert "Elle rouvre le mardi 16/06/2026" in page
    for titre in ("Encaisser une recette", "Verser à l&#x27;agent comptable", "Arrêter ma régie"):
        assert titre not in page
    reponse = client.post(f"/tresorerie/regies/{regie.pk}/actes/verser/", {}, follow=True)
    assert "le versement attendra le jour ouvré suivant" in reponse.content.decode()
    assert not VersementRegie.objects.exists()
    horloge(datetime.date(2026, 6, 16))
    reponse = client.post(f"/tresorerie/regies/{regie.pk}/actes/verser/", {}, follow=True)
    assert "Versement BV-" in reponse.content.decode()
    versement = VersementRegie.objects.get()
    # he cannot receive it himself, even by posting the agent comptable's form
    refus = client.post(
        f"/tresorerie/regies/versements/{versement.pk}/recevoir/", {"destination": 1}
    )
    assert refus.status_code == 403
    # the bordereau
    texte = texte_pdf(client.get(f"/tresorerie/regies/versements/{versement.pk}/pdf/").content)
    assert "Bordereau de versement de la régie" in texte and "12,50" in texte
    assert "douze euros et cinquante centimes" in texte.lower()
    arrete = ArreteRegie.objects.get()
    texte = texte_pdf(client.get(f"/tresorerie/regies/arretes/{arrete.pk}/pdf/").content)
    assert "Arrêté journalier de la régie" in texte and "Concordance" in texte


def test_le_regisseur_ne_voit_rien_d_une_autre_regie(
    client, regisseur, regie, directrice, comptable, exercice
):
    collegue, annexe = autre_regie(directrice, comptable, exercice)
    encaisser(collegue, annexe, "30.00")
    versement = rc.regie_verser(acting_user=collegue, regie=annexe)
    client.force_login(regisseur)
    assert client.get(f"/tresorerie/regies/{annexe.pk}/").status_code == 404
    assert client.get(f"/tresorerie/regies/versements/{versement.pk}/pdf/").status_code == 404
    assert client.get(f"/tresorerie/regies/{annexe.pk}/versements.csv").status_code == 404
    assert client.post(f"/tresorerie/regies/{annexe.pk}/actes/verser/", {}).status_code == 404
    liste = client.get("/tresorerie/regies/liste.csv").content.decode()
    assert "accueil" in liste and "annexe" not in liste
    # through the API
    a = api(regisseur)
    assert a.get(f"/api/tresorerie/regies/{annexe.pk}/").status_code == 404
    assert [r["id"] for r in a.get("/api/tresorerie/regies/").json()["results"]] == [regie.pk]
    assert a.post(f"/api/tresorerie/regies/{annexe.pk}/verser/", {}).status_code == 404
    assert a.get("/api/tresorerie/regies-versements/").json()["results"] == []
    # his own régie
    assert client.get(f"/tresorerie/regies/{regie.pk}/").status_code == 200


def test_l_auditeur_lit_tout_et_ne_fait_rien(client, auditeur, regisseur, regie):
    encaisser(regisseur, regie, "30.00")
    client.force_login(auditeur)
    page = client.get(f"/tresorerie/regies/{regie.pk}/").content.decode()
    assert "Encaissements de la régie" in page and "<form" not in page.split("<main")[-1]
    assert client.post(f"/tresorerie/regies/{regie.pk}/actes/controler/", {}).status_code == 403
    assert api(auditeur).post(f"/api/tresorerie/regies/{regie.pk}/verser/", {}).status_code == 403
    csv = client.get(f"/tresorerie/regies/{regie.pk}/encaissements.csv").content.decode()
    assert "30,00" in csv and "Q2026-R-0001" in csv
    texte = texte_pdf(client.get(f"/tresorerie/regies/{regie.pk}/encaissements.pdf").content)
    assert "Encaissements de la régie" in texte and "Q2026-R-0001" in texte


def test_l_agent_comptable_controle_et_le_regisseur_lit_le_rapport(
    client, regisseur, regie, comptable
):
    encaisser(regisseur, regie, "40.00")
    client.force_login(comptable)
    reponse = client.post(
        f"/tresorerie/regies/{regie.pk}/actes/controler/",
        {
            "especes_comptees": "35,00",
            "quittance_du": "1",
            "quittance_au": "1",
            "conclusion": "reserves",
            "observations": "Manquant de 5 € à expliquer par le régisseur.",
        },
        follow=True,
    )
    assert "Rapport de contrôle CR-" in reponse.content.decode()
    controle = ControleRegie.objects.get()
    client.force_login(regisseur)
    texte = texte_pdf(client.get(f"/tresorerie/regies/controles/{controle.pk}/pdf/").content)
    for attendu in (
        "Rapport de contrôle de la régie",
        "du n° 1 au n° 1",
        "-5,00",
        "Régie tenue avec des réserves",
        "Manquant de 5 € à expliquer",
    ):
        assert attendu in texte, texte
    csv = client.get(f"/tresorerie/regies/{regie.pk}/controles.csv").content.decode()
    assert "reserves" not in csv and "régie tenue avec des réserves" in csv
    pdf = texte_pdf(client.get(f"/tresorerie/regies/{regie.pk}/controles.pdf").content)
    assert controle.reference in pdf


def test_la_regie_par_l_api_de_la_creation_a_la_reception(
    directrice, comptable, regisseur, comptes
):
    reponse = api(directrice).post(
        "/api/tresorerie/regies/",
        {
            "libelle": "Régie de recettes de l'accueil",
            "type": "recettes",
            "compte": "REGIE",
            "regisseur": "regisseur",
            "plafond_encaisse": "300",
            "operations": [{"sens": "recette", "libelle": "Frais de duplicata", "compte": "771"}],
        },
        format="json",
    )
    assert reponse.status_code == 201, reponse.json()
    pk = reponse.json()["id"]
    refus = api(directrice).post(
        f"/api/tresorerie/regies/{pk}/decider/",
        {"le": "2026-06-15", "acte_reference": "D-1", "vise_instruction": True},
        format="json",
    )
    assert refus.status_code == 409 and "attend l'avis conforme" in refus.json()["message"]
    assert (
        api(comptable)
        .post(
            f"/api/tresorerie/regies/{pk}/avis/",
            {"favorable": True, "le": "2026-06-15"},
            format="json",
        )
        .status_code
        == 200
    )
    decision = api(directrice).post(
        f"/api/tresorerie/regies/{pk}/decider/",
        {"le": "2026-06-15", "acte_reference": "D-1", "vise_instruction": True},
        format="json",
    )
    assert decision.json()["etat"] == "creee"
    operation = decision.json()["operations"][0]["id"]
    recu = api(regisseur).post(
        f"/api/tresorerie/regies/{pk}/encaisser/",
        {"operation": operation, "montant": "20.00", "payeur": "M. Petit", "objet": "Duplicata"},
        format="json",
    )
    assert recu.status_code == 201, recu.json()
    assert Encaissement.objects.get().ecriture.passee_par == regisseur
    verse = api(regisseur).post(f"/api/tresorerie/regies/{pk}/verser/", {}, format="json")
    assert verse.status_code == 201 and verse.json()["montant"] == "20.00"
    v = verse.json()["id"]
    refus = api(regisseur).post(
        f"/api/tresorerie/regies-versements/{v}/recevoir/", {"destination": "CAISSE"}, format="json"
    )
    assert refus.status_code == 403
    recu = api(comptable).post(
        f"/api/tresorerie/regies-versements/{v}/recevoir/", {"destination": "CAISSE"}, format="json"
    )
    assert recu.status_code == 200 and recu.json()["etat"] == "recu"
    assert (solde("541"), solde("531")) == (Decimal("0.00"), Decimal("20.00"))


def test_de_la_creation_par_les_pages_a_la_fin_de_la_regie(
    client, directrice, comptable, regisseur, comptes, horloge
):

    from tresorerie.models import Regie

    client.force_login(directrice)
    assert "Projeter une régie" in client.get("/tresorerie/regies/").content.decode()
    reponse = client.post(
        "/tresorerie/regies/",
        {
            "libelle": "Régie d'avances et de recettes de l'accueil",
            "type": "mixte",
            "compte": comptes["REGIE"].pk,
            "regisseur": regisseur.pk,
            "plafond_encaisse": "400",
            "plafond_depense": "30",
            "operations": "recette ; Frais de duplicata ; 771 ; autre\ndépense ; Timbres ; 626",
        },
        follow=True,
    )
    page = reponse.content.decode()
    assert "soumis à l&#x27;avis conforme de l&#x27;agent comptable" in page
    regie = Regie.objects.get()
    assert "Décider la création" not in page  # no avis yet
    client.force_login(comptable)
    page = client.get(f"/tresorerie/regies/{regie.pk}/").content.decode()
    assert "Rendre l&#x27;avis conforme" in page or "Rendre l'avis conforme" in page
    client.post(
        f"/tresorerie/regies/{regie.pk}/actes/avis/",
        {"favorable": "1", "le": "2026-06-15"},
    )
    client.force_login(directrice)
    reponse = client.post(
        f"/tresorerie/regies/{regie.pk}/actes/decider/",
        {"le": "2026-06-15", "acte_reference": "Décision n° 9"},
        follow=True,
    )
    assert "doit viser les dispositions de l&#x27;instruction" in reponse.content.decode()
    client.post(
        f"/tresorerie/regies/{regie.pk}/actes/decider/",
        {"le": "2026-06-15", "acte_reference": "Décision n° 9", "vise_instruction": "on"},
    )
    regie.refresh_from_db()
    assert regie.etat == Regie.Etat.CREEE and regie.plafond_depense == Decimal("30.00")
    # the agent comptable's page: avance, control, remittances, statements
    client.force_login(comptable)
    page = client.get(f"/tresorerie/regies/{regie.pk}/").content.decode()
    for titre in ("Verser une avance à la régie", "Contrôler la régie"):
        assert titre in page
    client.post(
        f"/tresorerie/regies/{regie.pk}/actes/avance/",
        {"montant": "100", "source": comptes["CAISSE"].pk},
    )
    # the régisseur pays, cashes, sends his statement and remits
    client.force_login(regisseur)
    page = client.get(f"/tresorerie/regies/{regie.pk}/").content.decode()
    assert "Payer une dépense" in page and "Encaisser une recette" in page
    timbres = regie.operations.get(libelle="Timbres")
    reponse = client.post(
        f"/tresorerie/regies/{regie.pk}/actes/depenser/",
        {
            "operation": timbres.pk,
            "montant": "31",
            "beneficiaire": "La Poste",
            "objet": "Timbres",
            "piece": "Ticket 1",
        },
        follow=True,
    )
    assert "dépasse le plafond de 30,00" in reponse.content.decode()
    client.post(
        f"/tresorerie/regies/{regie.pk}/actes/depenser/",
        {
            "operation": timbres.pk,
            "montant": "24,40",
            "beneficiaire": "La Poste",
            "objet": "Timbres",
            "piece": "Ticket 2",
        },
    )
    client.post(f"/tresorerie/regies/{regie.pk}/actes/etat/", {})
    etat = regie.etats_depenses.get()
    client.force_login(comptable)
    client.post(f"/tresorerie/regies/etats/{etat.pk}/admettre/", {"observations": "Vu"})
    assert (solde("541"), solde("626")) == (Decimal("75.60"), Decimal("24.40"))
    client.force_login(regisseur)
    client.post(f"/tresorerie/regies/{regie.pk}/actes/verser/", {})
    versement = regie.versements.get()
    client.force_login(comptable)
    client.post(
        f"/tresorerie/regies/versements/{versement.pk}/recevoir/",
        {"destination": comptes["CAISSE"].pk},
    )
    # the end, decided by the directrice once nothing is left
    horloge(datetime.date(2026, 6, 16))
    client.force_login(directrice)
    client.post(
        f"/tresorerie/regies/{regie.pk}/actes/fermer/",
        {"le": "2026-06-16", "reference": "Décision n° 10"},
    )
    regie.refresh_from_db()
    assert regie.etat == Regie.Etat.CLOSE and solde("541") == Decimal("0.00")
