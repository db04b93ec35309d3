import re
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from budget.demo import creer_credits_demo
from budget.models import Credit, ModificationCredit
from budget.services import credit_engager, credit_ordonnancer, credit_payer
from core import horloge

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.budget.urls")]

NBSP = "\u00a0"


@pytest.fixture
def consomme(directrice, comptable, exercice, fournitures):
    """6064: 1 200,00 opened, 1 000,00 engaged, 800,00 ordered, 500,00 paid."""
    for service, user, montant in (
        (credit_engager, directrice, "1000"),
        (credit_ordonnancer, directrice, "800"),
        (credit_payer, comptable, "500"),
    ):
        service(
            acting_user=user,
            exercice=exercice,
            compte_numero="6064",
            montant=montant,
            reference="ordre_depense:1",
        )
    return fournitures


def _page(client, user, exercice):
    client.force_login(user)
    reponse = client.get(reverse("budget:credits"), {"exercice": exercice.annee})
    assert reponse.status_code == 200
    return reponse.content.decode()


def test_l_auditeur_lit_les_chiffres_sans_formulaire(client, auditeur, exercice, consomme):
    page = _page(client, auditeur, exercice)

    ligne = page.split('<th scope="row">', 1)[1].split("</tr>", 1)[0]
    assert "6064" in ligne and "Fournitures administratives" in ligne
    cellules = [c.split("<", 1)[0] for c in ligne.split('<td class="montant">')[1:]]
    assert cellules == [
        f"1{NBSP}200,00",  # initial
        "0,00",  # modifications
        f"1{NBSP}200,00",  # opened
        f"1{NBSP}000,00",  # engaged
        "800,00",  # ordered
        "500,00",  # paid
        "200,00",  # available
    ]
    assert f"1{NBSP}200,00{NBSP}€" in page.split("<tfoot>")[1]  # totals
    assert f"Crédits des gestions budgétaires — exercice {exercice.annee}" in page
    assert '<th scope="col" class="montant">Disponibles</th>' in page
    assert "Ouvrir un crédit" not in page
    assert reverse("budget:ouvrir") not in page
    assert reverse("budget:modifier") not in page


def test_la_directrice_voit_les_formulaires(client, directrice, exercice, consomme):
    page = _page(client, directrice, exercice)
    assert "Ouvrir un crédit" in page
    assert f'action="{reverse("budget:ouvrir")}"' in page
    assert f'action="{reverse("budget:modifier")}"' in page
    assert '<label for="ouvrir_montant_initial">' in page
    identifiants = re.findall(r'\bid="([^"]+)"', page)
    assert len(identifiants) == len(set(identifiants))


def test_la_page_se_lit_en_peu_de_requetes(
    client, auditeur, directrice, exercice, django_assert_max_num_queries
):
    creer_credits_demo(acting_user=directrice, exercice=exercice)
    client.force_login(auditeur)
    with django_assert_max_num_queries(10):
        reponse = client.get(reverse("budget:credits"), {"exercice": exercice.annee})
    assert reponse.content.decode().count('<td class="montant">') == 8 * 7 + 7


def test_sans_fonction_rien_n_est_visible(client, exercice):
    from tests.factories import UtilisateurFactory

    client.force_login(UtilisateurFactory(username="visiteur"))
    assert client.get(reverse("budget:credits")).status_code == 403


def test_un_exercice_inconnu_est_signale(client, auditeur, exercice):
    client.force_login(auditeur)
    reponse = client.get(reverse("budget:credits"), {"exercice": "1901"})
    assert reponse.status_code == 404
    assert "L&#x27;exercice 1901 n&#x27;existe pas." in reponse.content.decode()


def test_la_directrice_ouvre_un_credit_par_la_page(client, directrice, exercice):
    client.force_login(directrice)
    reponse = client.post(
        reverse("budget:ouvrir"),
        {
            "exercice": exercice.annee,
            "chapitre": "613",
            "libelle": "Locations",
            "montant_initial": "60 000,00",
        },
        follow=True,
    )
    assert reponse.redirect_chain[-1][0].endswith(f"?exercice={exercice.annee}")
    assert "Crédit ouvert au chapitre 613 (Locations)" in reponse.content.decode()
    credit = Credit.objects.get(chapitre="613")
    assert credit.montant_initial == Decimal("60000.00")


def test_un_montant_illisible_ne_cree_rien(client, directrice, exercice):
    client.force_login(directrice)
    reponse = client.post(
        reverse("budget:ouvrir"),
        {
            "exercice": exercice.annee,
            "chapitre": "613",
            "libelle": "Locations",
            "montant_initial": "beaucoup",
        },
    )
    assert reponse.status_code == 400
    assert "Le montant initial « beaucoup » n&#x27;est pas un nombre." in reponse.content.decode()
    assert not Credit.objects.exists()


def test_l_auditeur_ne_peut_pas_ouvrir(client, auditeur, exercice):
    client.force_login(auditeur)
    reponse = client.post(
        reverse("budget:ouvrir"),
        {"exercice": exercice.annee, "chapitre": "613", "libelle": "L", "montant_initial": "1"},
    )
    assert reponse.status_code == 403
    assert not Credit.objects.exists()


def test_la_directrice_enregistre_une_modification(client, directrice, exercice, consomme):
    client.force_login(directrice)
    donnees = {
        "credit": consomme.pk,
        "montant": "-300,00",
        "motif": "Virement vers 613",
        "le": horloge.aujourdhui().isoformat(),
    }
    # below what is engaged: refused, with the rule
    reponse = client.post(reverse("budget:modifier"), donnees)
    assert reponse.status_code == 400
    assert "Réduction refusée au chapitre 6064" in reponse.content.decode()
    assert not ModificationCredit.objects.exists()

    donnees["montant"] = "-200,00"
    reponse = client.post(reverse("budget:modifier"), donnees, follow=True)
    page = reponse.content.decode()
    assert "Modification enregistrée au chapitre 6064" in page
    assert f"1{NBSP}000,00" in page
    assert ModificationCredit.objects.get().montant == Decimal("-200.00")


def test_le_detail_montre_les_mouvements(client, auditeur, consomme):
    client.force_login(auditeur)
    page = client.get(reverse("budget:credit", args=[consomme.pk])).content.decode()
    assert page.count("ordre_depense:1") == 3
    assert f"200,00{NBSP}€" in page  # available


# --- API ------------------------------------------------------------------------


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_l_api_donne_les_chiffres(auditeur, exercice, consomme):
    reponse = _api(auditeur).get(reverse("api_credits"), {"exercice": exercice.annee})

    assert reponse.status_code == 200
    assert reponse.json() == {
        "exercice": exercice.annee,
        "credits": [
            {
                "credit_id": consomme.pk,
                "exercice": exercice.annee,
                "chapitre": "6064",
                "libelle": "Fournitures administratives",
                "initial": "1200.00",
                "modifications": "0.00",
                "ouvert": "1200.00",
                "engage": "1000.00",
                "ordonnance": "800.00",
                "paye": "500.00",
                "disponible": "200.00",
            }
        ],
        "totaux": {
            "initial": "1200.00",
            "modifications": "0.00",
            "ouvert": "1200.00",
            "engage": "1000.00",
            "ordonnance": "800.00",
            "paye": "500.00",
            "disponible": "200.00",
        },
    }


def test_l_api_detaille_un_credit(auditeur, consomme):
    donnees = _api(auditeur).get(reverse("api_credit", args=[consomme.pk])).json()
    assert donnees["situation"]["disponible"] == "200.00"
    assert [m["nature"] for m in donnees["mouvements"]] == [
        "engagement",
        "ordonnancement",
        "paiement",
    ]


@pytest.mark.parametrize(
    ("parametres", "statut", "message"),
    [
        ({}, 400, "Précisez l'exercice, par exemple ?exercice=2026."),
        ({"exercice": "deux mille"}, 400, "« deux mille » n'est pas une année d'exercice."),
        ({"exercice": "1901"}, 400, "L'exercice 1901 n'existe pas."),
    ],
)
def test_l_api_refuse_en_francais_un_exercice_absent(
    auditeur, exercice, parametres, statut, message
):
    reponse = _api(auditeur).get(reverse("api_credits"), parametres)
    assert reponse.status_code == statut
    assert reponse.json()["message"] == message


def test_l_api_ouvre_un_credit(directrice, exercice):
    reponse = _api(directrice).post(
        reverse("api_credit_ouvrir"),
        {
            "exercice": exercice.annee,
            "chapitre": "205",
            "libelle": "Logiciels",
            "montant_initial": "50000",
        },
        format="json",
    )
    assert reponse.status_code == 201
    assert reponse.json()["disponible"] == "50000.00"
    assert Credit.objects.get().chapitre == "205"


def test_l_api_refuse_l_ouverture_a_l_auditeur(auditeur, exercice):
    reponse = _api(auditeur).post(
        reverse("api_credit_ouvrir"),
        {
            "exercice": exercice.annee,
            "chapitre": "205",
            "libelle": "Logiciels",
            "montant_initial": "1",
        },
        format="json",
    )
    assert reponse.status_code == 403
    assert reponse.json()["message"].startswith("Seul le directeur ouvre et modifie les crédits")
    assert not Credit.objects.exists()


def test_l_api_refuse_un_montant_invalide(directrice, exercice):
    reponse = _api(directrice).post(
        reverse("api_credit_ouvrir"),
        {
            "exercice": exercice.annee,
            "chapitre": "205",
            "libelle": "Logiciels",
            "montant_initial": "-5",
        },
        format="json",
    )
    assert reponse.status_code == 400
    # refused at the API's edge (core.champs_api), before the service
    assert reponse.json() == {
        "code": "montant_invalide",
        "message": "Champ « montant_initial » : Le montant ne peut pas être négatif (-5).",
        "details": {"montant_initial": ["Le montant ne peut pas être négatif (-5)."]},
    }


def test_l_api_enregistre_une_modification(directrice, exercice, consomme):
    api = _api(directrice)
    url = reverse("api_credit_modifier", args=[consomme.pk])

    refus = api.post(url, {"montant": "-300", "motif": "Virement"}, format="json")
    assert refus.status_code == 409
    assert refus.json()["code"] == "credits_insuffisants"
    assert refus.json()["message"].startswith("Réduction refusée au chapitre 6064")

    reponse = api.post(url, {"montant": "500,00", "motif": "DM n° 2"}, format="json")
    assert reponse.status_code == 200
    assert (reponse.json()["ouvert"], reponse.json()["disponible"]) == ("1700.00", "700.00")
    assert ModificationCredit.objects.get().decidee_le == horloge.aujourdhui()


def test_une_modification_sans_motif_ne_change_rien(client, directrice, exercice, consomme):
    client.force_login(directrice)
    reponse = client.post(
        reverse("budget:modifier"),
        {"credit": consomme.pk, "montant": "100", "motif": "", "le": horloge.aujourdhui()},
    )
    assert reponse.status_code == 400
    assert "Ce champ est obligatoire." in reponse.content.decode()
    assert not ModificationCredit.objects.exists()
