"""The former agent comptable answers for his management "depuis son
installation jusqu'à la cessation de ses fonctions" (circ. 93/82 §VI): a
débet found after he left is his. Holding no function any more, he still
reads his débet and asks for a sursis de versement, a décharge or a remise
gracieuse (§6.2), by the pages and the API; he records no decision, and
whoever has neither a function nor a débet is refused."""

import datetime
import html

import pytest
from rest_framework.test import APIClient

from personnes.models import Affectation, Fonction
from responsabilite import services
from responsabilite.models import Demande, OrdreDebet
from tests.factories import UtilisateurFactory, personne

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def ancien(comptable, exercice, annee):
    """The agent comptable left on 30 April; his successor took office on 1 May."""
    Affectation.objects.filter(utilisateur=comptable).update(fin=D(annee, 4, 30))
    successeur = personne("successeur", Fonction.AGENT_COMPTABLE)
    Affectation.objects.filter(utilisateur=successeur).update(debut=D(annee, 5, 1))
    return comptable


@pytest.fixture
def ordre_ancien(directrice, ancien, annee):
    """Ordered on 1 June, for facts of 15 March, while he was in office."""
    mise = services.mise_en_cause_enregistrer(
        acting_user=directrice,
        auteur="conseil_commission",
        decide_le=D(annee, 6, 1),
        faits_le=D(annee, 3, 15),
        motifs="Manquant constaté après son départ",
        montant="1234.56",
    )
    return services.ordre_debet_emettre(acting_user=directrice, mise_en_cause=mise, compte="531")


def test_il_est_bien_l_ancien_agent_comptable_vise(ordre_ancien, ancien):
    assert ordre_ancien.agent_comptable == ancien
    assert not Affectation.objects.filter(utilisateur=ancien, fin__isnull=True).exists()


def test_il_lit_son_debet_et_demande_le_sursis_par_la_page(client, ordre_ancien, ancien):
    client.force_login(ancien)
    page = client.get("/responsabilite/")
    assert page.status_code == 200
    texte = html.unescape(page.content.decode())
    assert ordre_ancien.reference in texte
    assert "Demander le sursis de versement" in texte
    assert client.get(f"/responsabilite/ordres/{ordre_ancien.pk}/").status_code == 200
    assert client.get(f"/responsabilite/ordres/{ordre_ancien.pk}/lettre.pdf").status_code == 200
    assert client.get("/responsabilite/document.csv").status_code == 200

    reponse = client.post(
        f"/responsabilite/ordres/{ordre_ancien.pk}/sursis/",
        {"motifs": "Je n'exerce plus et demande un délai"},
        follow=True,
    )
    assert reponse.status_code == 200
    assert (
        f"Demande de sursis de versement de l'ordre {ordre_ancien.reference} enregistrée."
        in html.unescape(reponse.content.decode())
    )
    assert OrdreDebet.objects.get(pk=ordre_ancien.pk).sursis_etat == "demande"


def test_il_demande_la_decharge_par_la_page(client, ordre_ancien, ancien):
    client.force_login(ancien)
    reponse = client.post(
        f"/responsabilite/ordres/{ordre_ancien.pk}/demandes/",
        {"nature": "decharge", "motifs": "Les faits ne me sont pas imputables"},
        follow=True,
    )
    assert reponse.status_code == 200
    assert (
        f"Demande de décharge de responsabilité sur l'ordre {ordre_ancien.reference} enregistrée."
        in html.unescape(reponse.content.decode())
    )
    demande = Demande.objects.get(ordre=ordre_ancien)
    assert (demande.nature, demande.etat, demande.montant_demande) == (
        "decharge",
        Demande.Etat.DEMANDEE,
        ordre_ancien.montant,
    )


def test_il_demande_le_sursis_par_l_api(ordre_ancien, ancien):
    api = APIClient()
    api.force_authenticate(ancien)
    assert api.get("/api/responsabilite/registre/").status_code == 200
    reponse = api.post(
        f"/api/responsabilite/ordres/{ordre_ancien.pk}/sursis/",
        {"motifs": "Je n'exerce plus et demande un délai"},
        format="json",
    )
    assert reponse.status_code in (200, 201), reponse.content
    assert OrdreDebet.objects.get(pk=ordre_ancien.pk).sursis_etat == "demande"
    reponse = api.post(
        f"/api/responsabilite/ordres/{ordre_ancien.pk}/demandes/",
        {"nature": "remise", "motifs": "Situation de famille"},
        format="json",
    )
    # the remise gracieuse comes only after the décharge is refused
    assert reponse.status_code in (400, 409), reponse.content
    reponse = api.post(
        f"/api/responsabilite/ordres/{ordre_ancien.pk}/demandes/",
        {"nature": "decharge", "motifs": "Les faits ne me sont pas imputables"},
        format="json",
    )
    assert reponse.status_code == 201, reponse.content
    assert Demande.objects.filter(ordre=ordre_ancien, nature="decharge").count() == 1


def test_il_ne_lit_que_ses_debets(client, ordre_ancien, ancien, directrice, annee):
    autre = services.mise_en_cause_enregistrer(
        acting_user=directrice,
        auteur="conseil_commission",
        decide_le=D(annee, 6, 1),
        faits_le=D(annee, 5, 20),
        motifs="Manquant du successeur",
        montant="10",
    )
    ordre_autre = services.ordre_debet_emettre(
        acting_user=directrice, mise_en_cause=autre, compte="531"
    )
    assert ordre_autre.agent_comptable.username == "successeur"
    client.force_login(ancien)
    texte = html.unescape(client.get("/responsabilite/").content.decode())
    assert ordre_ancien.reference in texte and ordre_autre.reference not in texte
    assert client.get(f"/responsabilite/ordres/{ordre_autre.pk}/").status_code == 403
    assert client.get(f"/responsabilite/ordres/{ordre_autre.pk}/lettre.pdf").status_code == 403
    reponse = client.post(
        f"/responsabilite/ordres/{ordre_autre.pk}/sursis/", {"motifs": "x"}, follow=True
    )
    assert "Seul l'agent comptable à l'encontre duquel" in html.unescape(reponse.content.decode())
    assert OrdreDebet.objects.get(pk=ordre_autre.pk).sursis_etat == ""
    api = APIClient()
    api.force_authenticate(ancien)
    (ligne,) = api.get("/api/responsabilite/registre/").json()
    assert ligne["utilisateur"] == ancien.username


def test_sans_fonction_ni_debet_tout_est_refuse(client, ordre_ancien):
    passant = UtilisateurFactory(username="passant")
    client.force_login(passant)
    assert client.get("/responsabilite/").status_code == 403
    assert client.get(f"/responsabilite/ordres/{ordre_ancien.pk}/").status_code == 403
    client.post(f"/responsabilite/ordres/{ordre_ancien.pk}/sursis/", {"motifs": "x"})
    assert OrdreDebet.objects.get(pk=ordre_ancien.pk).sursis_etat == ""
    api = APIClient()
    api.force_authenticate(passant)
    assert api.get("/api/responsabilite/registre/").status_code == 403
    reponse = api.post(
        f"/api/responsabilite/ordres/{ordre_ancien.pk}/sursis/", {"motifs": "x"}, format="json"
    )
    assert reponse.status_code == 403


def test_il_n_enregistre_pas_la_decision_du_conseil(client, ordre_ancien, ancien):
    client.force_login(ancien)
    client.post(
        f"/responsabilite/ordres/{ordre_ancien.pk}/demandes/",
        {"nature": "decharge", "motifs": "Les faits ne me sont pas imputables"},
    )
    demande = Demande.objects.get(ordre=ordre_ancien)
    api = APIClient()
    api.force_authenticate(ancien)
    reponse = api.post(
        f"/api/responsabilite/demandes/{demande.pk}/conseil/",
        {"accorde": True, "conseil_le": "2026-06-15", "deliberation": "CA n° 1"},
        format="json",
    )
    assert reponse.status_code == 403
    reponse = api.post(
        f"/api/responsabilite/ordres/{ordre_ancien.pk}/sursis/decision/",
        {"accorde": True, "decide_le": "2026-06-15", "decision": "n° 1"},
        format="json",
    )
    assert reponse.status_code == 403
    demande.refresh_from_db()
    assert (demande.etat, demande.conseil_le) == (Demande.Etat.DEMANDEE, None)
    assert OrdreDebet.objects.get(pk=ordre_ancien.pk).sursis_etat == ""
