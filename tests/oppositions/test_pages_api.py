"""The register's pages and API: read by every function, written by the agent comptable."""

from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core.models import JournalAudit
from oppositions import services
from oppositions.models import Opposition
from oppositions.services import Part
from tests.oppositions.conftest import (
    AUJOURD_HUI,
    BIC_OPPOSANT,
    IBAN_OPPOSANT,
    SIRET,
    enregistrer,
    il_y_a,
)

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.oppositions.urls")]

SAISIE = {
    "creancier_nom": "Transports Martin SARL",
    "creancier_identifiant": "123 456 789 00012",
    "nature": "saisie_attribution",
    "reference_acte": "Acte de Me Lefèvre n° 2026/331",
    "signifiee_le": il_y_a(3).isoformat(),
    "montant": "2 500,00",
    "opposant": "Banque Populaire (créancier saisissant)",
    "opposant_iban": "FR76 3000 6000 0112 3456 7890 189",
    "opposant_bic": "AGRIFRPP",
}


def _imputer(comptable, opposition, montant):
    services.imputer(
        acting_user=comptable,
        part=Part("x", IBAN_OPPOSANT, BIC_OPPOSANT, Decimal(montant), opposition.pk),
        reference=f"ordre_depense:{montant}",
        le=AUJOURD_HUI,
    )


# --- Pages -------------------------------------------------------------------------


def test_le_registre_montre_les_oppositions_en_cours_et_leur_reste(
    client, comptable, django_assert_max_num_queries
):
    en_cours = enregistrer(comptable, montant="1000.00")
    _imputer(comptable, en_cours, "250.00")
    levee = enregistrer(comptable, opposant="Huissier levé", signifiee_le=il_y_a(40))
    services.opposition_mainlevee(acting_user=comptable, opposition=levee, le=il_y_a(2))
    for n in range(5):
        enregistrer(comptable, opposant=f"Opposant {n}")
    client.force_login(comptable)

    with django_assert_max_num_queries(6):
        reponse = client.get(reverse("oppositions:liste"))

    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "Trésor public, SIE de Lyon" in page
    assert '<td class="montant">750,00</td>' in page  # 1 000,00 less 250,00 paid
    assert "FR76 3000 6000 0112 3456 7890 189" in page
    assert "Huissier levé" not in page
    assert "Enregistrer une opposition" in page

    levees = client.get(reverse("oppositions:liste"), {"etat": "levees"}).content.decode()
    assert "Huissier levé" in levees
    assert f"levée le {il_y_a(2):%d/%m/%Y}" in levees
    assert "Trésor public, SIE de Lyon" not in levees


def test_le_directeur_lit_le_registre_sans_pouvoir_enregistrer(client, comptable, directrice):
    enregistrer(comptable)
    client.force_login(directrice)

    reponse = client.get(reverse("oppositions:liste"))
    assert reponse.status_code == 200
    assert "Trésor public, SIE de Lyon" in reponse.content.decode()
    assert "Enregistrer une opposition" not in reponse.content.decode()

    assert client.get(reverse("oppositions:nouvelle")).status_code == 403
    assert client.post(reverse("oppositions:nouvelle"), SAISIE).status_code == 403
    assert Opposition.objects.count() == 1


def test_sans_connexion_on_est_renvoye_a_la_page_de_connexion(client):
    reponse = client.get(reverse("oppositions:liste"))
    assert reponse.status_code == 302
    assert reverse("login") in reponse["Location"]


def test_l_agent_comptable_enregistre_une_opposition_par_le_formulaire(client, comptable):
    client.force_login(comptable)
    assert client.get(reverse("oppositions:nouvelle")).status_code == 200

    reponse = client.post(reverse("oppositions:nouvelle"), SAISIE, follow=True)

    opposition = Opposition.objects.get()
    assert reponse.redirect_chain == [(reverse("oppositions:detail", args=[opposition.pk]), 302)]
    assert (opposition.creancier_identifiant, opposition.montant, opposition.opposant_iban) == (
        SIRET,
        Decimal("2500.00"),
        IBAN_OPPOSANT,
    )
    page = reponse.content.decode()
    assert f"Opposition n° {opposition.pk} enregistrée" in page
    assert "2\u00a0500,00\u00a0€" in page
    assert "enregistrement de l&#x27;opposition" in page


def test_un_iban_faux_est_signale_a_cote_du_champ_et_rien_n_est_enregistre(client, comptable):
    client.force_login(comptable)
    saisie = dict(
        SAISIE, opposant_iban="FR76 3000 6000 0112 3456 7890 188", opposant_bic="DEUTDEFF"
    )

    reponse = client.post(reverse("oppositions:nouvelle"), saisie)

    assert reponse.status_code == 400
    page = reponse.content.decode()
    assert "La clé de l&#x27;IBAN « FR76 3000 6000 0112 3456 7890 188 » est fausse" in page
    assert 'role="alert"' in page
    assert not Opposition.objects.exists()


def test_le_bic_d_un_autre_pays_est_signale(client, comptable):
    client.force_login(comptable)
    reponse = client.post(reverse("oppositions:nouvelle"), dict(SAISIE, opposant_bic="DEUTDEFF"))
    assert reponse.status_code == 400
    assert "ne désignent pas le même pays" in reponse.content.decode()
    assert not Opposition.objects.exists()


def test_une_date_de_signification_a_venir_est_refusee_par_le_service(client, comptable):
    client.force_login(comptable)
    saisie = dict(SAISIE, signifiee_le=il_y_a(-1).isoformat())
    reponse = client.post(reverse("oppositions:nouvelle"), saisie)
    assert reponse.status_code == 400
    assert "ne peut pas être postérieure à aujourd&#x27;hui" in reponse.content.decode()
    assert not Opposition.objects.exists()


def test_l_agent_comptable_enregistre_la_mainlevee_depuis_la_fiche(client, comptable, opposition):
    client.force_login(comptable)
    fiche = client.get(reverse("oppositions:detail", args=[opposition.pk])).content.decode()
    assert "Enregistrer la mainlevée" in fiche

    reponse = client.post(
        reverse("oppositions:mainlevee", args=[opposition.pk]),
        {"le": il_y_a(1).isoformat()},
        follow=True,
    )

    assert Opposition.objects.get(pk=opposition.pk).mainlevee_le == il_y_a(1)
    page = reponse.content.decode()
    assert f"Mainlevée de l&#x27;opposition n° {opposition.pk} enregistrée" in page
    assert f"levée le {il_y_a(1):%d/%m/%Y}" in page
    assert "Enregistrer la mainlevée</button>" not in page


def test_une_mainlevee_refusee_est_expliquee(client, comptable, opposition):
    client.force_login(comptable)
    reponse = client.post(
        reverse("oppositions:mainlevee", args=[opposition.pk]),
        {"le": il_y_a(60).isoformat()},
        follow=True,
    )
    assert "ne peut précéder la signification" in reponse.content.decode()
    assert Opposition.objects.get(pk=opposition.pk).mainlevee_le is None


def test_le_directeur_ne_peut_pas_lever_une_opposition(client, directrice, opposition):
    client.force_login(directrice)
    fiche = client.get(reverse("oppositions:detail", args=[opposition.pk])).content.decode()
    assert "Enregistrer la mainlevée" not in fiche

    reponse = client.post(
        reverse("oppositions:mainlevee", args=[opposition.pk]),
        {"le": il_y_a(1).isoformat()},
        follow=True,
    )
    assert "Seul l&#x27;agent comptable" in reponse.content.decode()
    assert Opposition.objects.get(pk=opposition.pk).mainlevee_le is None


# --- API ---------------------------------------------------------------------------------


@pytest.fixture
def api():
    return APIClient()


def test_l_api_liste_les_oppositions_avec_ce_qui_reste(api, comptable, auditeur):
    opposition = enregistrer(comptable, montant="1000.00")
    _imputer(comptable, opposition, "400.00")
    api.force_authenticate(auditeur)

    reponse = api.get(reverse("api_oppositions"))

    assert reponse.status_code == 200
    (donnees,) = reponse.json()["results"]
    assert donnees["id"] == opposition.pk
    assert (donnees["montant"], donnees["montant_impute"], donnees["reste"]) == (
        "1000.00",
        "400.00",
        "600.00",
    )
    assert donnees["imputations"] == [
        {"montant": "400.00", "reference": "ordre_depense:400.00", "le": AUJOURD_HUI.isoformat()}
    ]


def test_l_api_enregistre_une_opposition_pour_l_agent_comptable(api, comptable):
    api.force_authenticate(comptable)
    saisie = dict(SAISIE, montant="2500.00")

    reponse = api.post(reverse("api_opposition_enregistrer"), saisie, format="json")

    assert reponse.status_code == 201
    assert reponse.json()["creancier_identifiant"] == SIRET
    assert reponse.json()["reste"] == "2500.00"
    assert Opposition.objects.get().opposant_iban == IBAN_OPPOSANT
    assert JournalAudit.objects.filter(acte="opposition.enregistree", acteur=comptable).exists()


def test_l_api_refuse_l_enregistrement_au_directeur(api, directrice):
    api.force_authenticate(directrice)
    reponse = api.post(reverse("api_opposition_enregistrer"), SAISIE, format="json")
    assert reponse.status_code == 403
    # The catalogue's message, the same as the page's (circ. 93/82 §2.1.5).
    assert reponse.json()["message"] == (
        "Seul l'agent comptable enregistre une opposition : elle n'est valable que faite "
        "entre ses mains (circulaire 93/82 §2.1.5)."
    )
    assert not Opposition.objects.exists()


def test_l_api_explique_un_iban_faux(api, comptable):
    api.force_authenticate(comptable)
    saisie = dict(SAISIE, montant="10.00", opposant_iban="FR7630006000011234567890188")
    reponse = api.post(reverse("api_opposition_enregistrer"), saisie, format="json")
    assert reponse.status_code == 400
    assert reponse.json()["code"] == "donnee_invalide"
    assert reponse.json()["message"].startswith("La clé de l'IBAN")
    assert not Opposition.objects.exists()


def test_l_api_enregistre_la_mainlevee_une_seule_fois(api, comptable, opposition):
    api.force_authenticate(comptable)
    url = reverse("api_opposition_mainlevee", args=[opposition.pk])

    reponse = api.post(url, {"le": il_y_a(1).isoformat()}, format="json")
    assert reponse.status_code == 200
    assert (reponse.json()["mainlevee_le"], reponse.json()["reste"]) == (
        il_y_a(1).isoformat(),
        "0.00",
    )

    deuxieme = api.post(url, {"le": AUJOURD_HUI.isoformat()}, format="json")
    assert deuxieme.status_code == 409
    assert deuxieme.json()["code"] == "transition_interdite"
    assert Opposition.objects.get(pk=opposition.pk).mainlevee_le == il_y_a(1)

    levees = api.get(reverse("api_oppositions"), {"etat": "levees"}).json()["results"]
    assert [o["id"] for o in levees] == [opposition.pk]
    assert api.get(reverse("api_oppositions")).json()["results"] == []


def test_l_api_est_fermee_a_qui_n_a_pas_de_fonction(api, opposition):
    assert api.get(reverse("api_oppositions")).status_code in (401, 403)


def test_l_api_enregistre_un_siret_a_points_et_l_iban_du_creancier(api, comptable, auditeur):
    api.force_authenticate(comptable)
    saisie = dict(
        SAISIE,
        montant="2500.00",
        creancier_identifiant="123.456.789-00012",
        creancier_iban="DE89 3704 0044 0532 0130 00",
    )
    reponse = api.post(reverse("api_opposition_enregistrer"), saisie, format="json")
    assert reponse.status_code == 201
    corps = reponse.json()
    assert (corps["creancier_identifiant"], corps["creancier_cle"], corps["creancier_iban"]) == (
        SIRET,
        "123456789",
        "DE89370400440532013000",
    )
    # The register finds it by another establishment of the company.
    api.force_authenticate(auditeur)
    trouvees = api.get(reverse("api_oppositions"), {"recherche": "123 456 789 00099"}).json()
    assert [o["id"] for o in trouvees["results"]] == [corps["id"]]


def test_la_fiche_dit_comment_les_ordres_sont_rattaches(client, comptable):
    opposition = enregistrer(comptable, creancier_identifiant="123 456 789 00012")
    client.force_login(comptable)
    page = client.get(reverse("oppositions:detail", args=[opposition.pk])).content.decode()
    assert "par le SIREN 123456789 : toutes les lignes des établissements de l'entreprise" in page
    assert "sans identifiant, par le nom (le paiement attend alors votre décision)" in page
