"""The auditors' page: rules in force at a date, and every version."""

import datetime

import pytest
from django.urls import reverse

from core import horloge
from reglementation.models import RegleRattachement
from tests.factories import UtilisateurFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.reglementation.urls")]


def test_l_auditeur_lit_les_regles_en_vigueur_avant_le_22_mars_1997(client, auditeur):
    client.force_login(auditeur)

    reponse = client.get(reverse("reglementation:regles"), {"le": "1997-03-21"})

    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "En vigueur le 21/03/1997" in page
    en_vigueur = reponse.context["regles"]
    assert (
        len(en_vigueur) == RegleRattachement.objects.filter(fin=datetime.date(1997, 3, 21)).count()
    )
    assert all("antérieure au 22 mars 1997" in r.article for r in en_vigueur)
    cotisation_autre = next(
        r for r in en_vigueur if r.nature == "cotisation" and r.regime == "autres organismes"
    )
    assert cotisation_autre.critere == "date d'encaissement"
    assert cotisation_autre.delai == "10 jours"
    assert cotisation_autre.debut_connu is False
    assert "date non fournie par les textes" in page


def test_la_page_montre_toutes_les_versions_et_les_parametres(client, auditeur):
    client.force_login(auditeur)

    reponse = client.get(reverse("reglementation:regles"), {"le": "2026-11-23"})

    page = reponse.content.decode()
    assert len(reponse.context["regles_versions"]) == RegleRattachement.objects.count() == 50
    assert "D253-17-1 al. 1 (rédaction du 22 mars 1997)" in page
    assert "D253-17 al. 1 et 3 (rédaction antérieure au 22 mars 1997)" in page
    assert "circulaire DSS/F 93/82 §2.1.7 8°" in page
    assert "2 mois" in page and "1 mois" in page
    assert '<th scope="col">Date qui détermine l\'exercice</th>' in page
    parametres = {p.cle: p.valeur for p in reponse.context["parametres"]}
    assert parametres == {
        "caisse_nationale": "non",
        "transmission_comptes_annuels": "03-31",
        "transmission_comptes_annuels_caisse_nationale": "04-30",
        "regime_organisme": "general",
        "seuil_d133_2": "15.24",
        "seuil_approbation_decharge": "0.00",
        "titre_agent_comptable": "directeur comptable et financier",
    }


def test_une_date_invalide_est_signalee_en_francais(client, auditeur):
    client.force_login(auditeur)

    reponse = client.get(reverse("reglementation:regles"), {"le": "31/02/2026"})

    assert reponse.status_code == 200
    assert "Saisissez une date valide" in reponse.content.decode()
    assert reponse.context["le"] == horloge.aujourdhui()


def test_la_page_tient_en_peu_de_requetes(client, auditeur, django_assert_max_num_queries):
    client.force_login(auditeur)

    with django_assert_max_num_queries(10):
        reponse = client.get(reverse("reglementation:regles"))

    assert reponse.status_code == 200


def test_un_anonyme_est_renvoye_a_la_connexion(client):
    reponse = client.get(reverse("reglementation:regles"))

    assert reponse.status_code == 302
    assert reponse.url.startswith(reverse("login"))


def test_une_personne_sans_fonction_ne_voit_pas_les_regles(client):
    client.force_login(UtilisateurFactory(username="visiteur"))

    assert client.get(reverse("reglementation:regles")).status_code == 403


def test_les_recettes_precedent_les_depenses_dans_l_ordre_des_natures(client, auditeur):
    client.force_login(auditeur)

    reponse = client.get(reverse("reglementation:regles"), {"le": "2026-01-01"})

    regles = reponse.context["regles"]
    assert [(r.sens, r.nature, r.regime) for r in regles[:2]] == [
        ("recette", "cotisation", "organismes visés à l'article D253-1"),
        ("recette", "cotisation", "autres organismes"),
    ]
    assert regles[-1].nature == "autre dépense des gestions budgétaires"
    sens = [r.sens for r in regles]
    assert sens == sorted(sens, key=["recette", "dépense"].index)
    assert sens.count("recette") == 13 and sens.count("dépense") == 12
