"""The directeur's pages of contentious recovery, without JavaScript: the list,
a claim's page and its forms (mise en demeure, avis de réception, contrainte,
bailiff's act, result), the bailiffs' register, the letters as PDF, the lists
as CSV and PDF; the auditor reads and has no form; a refusal on the page is
the service's French message."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from budget import services as budget
from recouvrement import contentieux as c
from recouvrement import contentieux_huissiers as h
from recouvrement.models import Creance
from recouvrement.models_contentieux import MiseEnDemeure, Poursuite
from recouvrement.models_huissiers import ActeHuissier
from tests.recouvrement.test_contentieux import _qualifier
from tests.tresorerie.test_pages import page as page_brute
from tests.tresorerie.test_pages import texte_pdf

pytestmark = pytest.mark.django_db
J = datetime.date


def page(reponse) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page_brute(reponse)).split())


@pytest.fixture
def orion(directrice, ordre_cotisation):
    ligne = ordre_cotisation.lignes.get()
    _qualifier(directrice, ligne)
    return ligne


def test_de_la_mise_en_demeure_a_l_acte_d_huissier_par_les_pages(
    client, directrice, exercice, orion, horloge
):
    budget.credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="622",
        libelle="Honoraires",
        montant_initial="1000.00",
    )
    client.force_login(directrice)
    horloge(J(2026, 6, 16))
    texte = page(client.get(reverse("recouvrement:contentieux")))
    assert "Recouvrement contentieux" in texte
    assert "Société Orion" in texte and "Adresser la mise en demeure" in texte
    url = reverse("recouvrement:contentieux_creance", args=[orion.pk])
    texte = page(
        client.post(
            reverse("recouvrement:contentieux_mise_en_demeure", args=[orion.pk]),
            {"creances": [orion.pk]},
            follow=True,
        )
    )
    mise = MiseEnDemeure.objects.get()
    assert f"Mise en demeure n° {mise.reference} enregistrée" in texte
    situation = reverse("recouvrement:situation", args=[mise.debiteur_id])
    assert f'href="{situation}"' in client.get(url).content.decode()
    lettre = texte_pdf(
        client.get(
            reverse("recouvrement:contentieux_lettre_mise_en_demeure", args=[mise.pk])
        ).content
    )
    assert "Lettre recommandée avec demande d'avis de réception" in lettre
    assert "2 400,00 €" in lettre
    assert "selon les procédures prévues par le code de la sécurité sociale" in " ".join(
        lettre.split()
    )
    assert "trente jours" in lettre and "commission de recours amiable" in lettre
    horloge(J(2026, 6, 20))
    texte = page(
        client.post(
            reverse("recouvrement:contentieux_avis_reception", args=[mise.pk]),
            {"le": "2026-06-18"},
            follow=True,
        )
    )
    assert "le délai de trente jours court jusqu'au 18/07/2026" in texte
    # Day 30: the page says no, with the dates.
    horloge(J(2026, 7, 18))
    texte = page(
        client.post(
            reverse("recouvrement:contentieux_poursuite", args=[orion.pk]),
            {"type": "contrainte", "description": "Contrainte n° 12"},
            follow=True,
        )
    )
    assert "n'est possible qu'à compter du 19/07/2026" in texte
    assert not Poursuite.objects.exists()
    horloge(J(2026, 7, 19))
    texte = page(
        client.post(
            reverse("recouvrement:contentieux_poursuite", args=[orion.pk]),
            {"type": "contrainte", "description": "Contrainte n° 12"},
            follow=True,
        )
    )
    assert "Contrainte enregistrée le 19/07/2026" in texte
    huissier = h.huissier_inscrire(
        acting_user=directrice,
        nom="Maître Dupuis",
        etude="Étude Dupuis",
        adresse="Valmont",
        iban="FR7630004000031234567890143",
        convention_depuis=J(2026, 1, 1),
    )
    poursuite = Poursuite.objects.get()
    texte = page(
        client.post(
            reverse("recouvrement:contentieux_acte_huissier", args=[poursuite.pk]),
            {
                "huissier": huissier.pk,
                "le": "2026-07-19",
                "nature": "Signification de la contrainte",
                "cout": "86,40",
            },
            follow=True,
        )
    )
    acte = ActeHuissier.objects.get()
    assert f"l'ordre de dépense n° {acte.ordre_depense.reference}" in texte
    assert "Signification de la contrainte" in texte and "86,40 €" in texte
    texte = page(
        client.post(
            reverse("recouvrement:contentieux_resultat", args=[acte.pk]),
            {"le": "2026-07-19", "resultat": "Signifiée à personne", "somme_recouvree": "0"},
            follow=True,
        )
    )
    assert "Résultat de l'acte d'huissier enregistré." in texte
    assert Creance.objects.get().stade == Creance.Stade.POURSUITE
    texte = page(client.get(url))
    assert "Journal des actes de la créance" in texte and "Signifiée à personne" in texte
    csv = client.get(reverse("recouvrement:contentieux_document", args=["csv"])).content.decode()
    assert "Société Orion;" in csv and "2 400,00".replace(" ", "\xa0") in csv
    pdf = texte_pdf(client.get(reverse("recouvrement:contentieux_document", args=["pdf"])).content)
    assert "Recouvrement contentieux au 19/07/2026" in pdf and "Société Orion" in pdf


def test_l_auditeur_lit_sans_formulaire(client, auditeur, directrice, orion, horloge):
    horloge(J(2026, 6, 16))
    c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion])
    client.force_login(auditeur)
    texte = page(client.get(reverse("recouvrement:contentieux_creance", args=[orion.pk])))
    assert "Mise en demeure n° MED-2026-" in texte
    assert "Enregistrer l'avis de réception" not in texte
    registre = page_brute(client.get(reverse("recouvrement:huissiers")))
    assert 'method="post" action="/recouvrement/' not in registre
    reponse = client.post(
        reverse("recouvrement:contentieux_avis_reception", args=[MiseEnDemeure.objects.get().pk]),
        {"le": "2026-06-16"},
        follow=True,
    )
    assert "Seul le directeur, ou son délégué" in page(reponse)
    assert MiseEnDemeure.objects.get().avis_reception_le is None


def test_le_registre_des_huissiers_et_ses_documents(client, directrice, horloge):
    client.force_login(directrice)
    texte = page(
        client.post(
            reverse("recouvrement:huissier_inscrire"),
            {
                "nom": "Maître Dupuis",
                "etude": "Étude Dupuis",
                "adresse": "3 rue du Palais, Valmont",
                "iban": "FR76 3000 4000 0312 3456 7890 143",
                "convention_depuis": "2026-01-01",
            },
            follow=True,
        )
    )
    assert "Maître Dupuis inscrit au registre des huissiers." in texte
    assert "visite due au plus tard le 30/06/2026" in texte
    huissier = h.Huissier.objects.get()
    texte = page(
        client.post(
            reverse("recouvrement:huissier_visite", args=[huissier.pk]),
            {"le": "2026-06-12", "compte_rendu": "Point sur les contraintes en cours"},
            follow=True,
        )
    )
    assert "visité le 12/06/2026" in texte
    pdf = texte_pdf(client.get(reverse("recouvrement:huissiers_document", args=["pdf"])).content)
    assert "Registre des huissiers au 15/06/2026" in pdf and "Maître Dupuis" in pdf
    csv = client.get(reverse("recouvrement:huissiers_document", args=["csv"])).content.decode()
    assert "Maître Dupuis;Étude Dupuis" in csv and "12/06/2026" in csv


def test_la_decision_fondee_renvoie_a_la_reduction_de_l_ordre(client, directrice, orion, horloge):
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion])
    c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 16))
    recours = c.recours_saisir(
        acting_user=directrice, mise=mise, saisie_le=J(2026, 6, 16), objet="Double emploi"
    )
    client.force_login(directrice)
    texte = page(
        client.post(
            reverse("recouvrement:contentieux_decision", args=[recours.pk]),
            {"decision": "fondee", "decision_le": "2026-06-16", "reference": "CRA-7"},
            follow=True,
        )
    )
    assert "Décision de la commission enregistrée : réclamation fondée." in texte
    assert "le directeur rectifie l'ordre de recette" in texte
    brut = page_brute(client.get(reverse("recouvrement:contentieux_creance", args=[orion.pk])))
    assert reverse("recettes:detail", args=[orion.ordre_id]) in brut
    assert orion.ordre.reductions.count() == 0
    assert Decimal(orion.montant) == Decimal("2400.00")


def test_l_avis_a_la_caisse_et_la_procedure_collective_par_les_pages(
    client, directrice, ordre_cotisation, horloge
):
    ligne = ordre_cotisation.lignes.get()
    debiteur = _qualifier(directrice, ligne, regime="volontaire", forme="entreprise")
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ligne])
    c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 16))
    client.force_login(directrice)
    horloge(J(2026, 7, 17))
    texte = page(
        client.post(
            reverse("recouvrement:contentieux_avis_caisse", args=[ligne.pk]),
            {"destinataire": "Caisse nationale"},
            follow=True,
        )
    )
    assert "Avis du défaut de paiement à Caisse nationale enregistré" in texte
    avis = Creance.objects.get().avis_caisse
    lettre = texte_pdf(
        client.get(reverse("recouvrement:contentieux_lettre_avis_caisse", args=[avis.pk])).content
    )
    assert "Avis de défaut de paiement des cotisations" in lettre
    assert "régime à titre volontaire" in lettre and "2 400,00 €" in lettre
    texte = page(
        client.post(
            reverse("recouvrement:contentieux_procedure", args=[debiteur.pk]),
            {
                "type": "liquidation",
                "jugement_le": "2026-07-10",
                "tribunal": "Tribunal de commerce de Valmont",
                "mandataire": "Maître Roux",
                "limite_declaration": "2026-09-10",
            },
            follow=True,
        )
    )
    assert (
        "Liquidation judiciaire enregistrée : déclarer la créance au plus tard le 10/09/2026"
        in (texte)
    )
    procedure = debiteur.procedures_collectives.get()
    texte = page(
        client.post(
            reverse("recouvrement:contentieux_declaration", args=[procedure.pk]),
            {"le": "2026-07-15", "montant": "2 400,00", "creances": [Creance.objects.get().pk]},
            follow=True,
        )
    )
    assert "Déclaration de créance enregistrée." in texte
    assert "Créance déclarée le 15/07/2026 : 2 400,00 €" in texte


def test_la_liste_ne_fait_pas_une_requete_par_creance(
    client, directrice, comptable, exercice, horloge
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.recouvrement.conftest import ordre_pris_en_charge

    def ordre(nom):
        return ordre_pris_en_charge(
            directrice,
            comptable,
            debiteur=nom,
            qualite="employeur",
            montant="100.00",
            nature="cotisation",
            imputation="7511",
            tiers="4111",
        ).lignes.get()

    client.force_login(directrice)
    horloge(J(2026, 6, 16))
    premiere = ordre("Société A")
    c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[premiere])
    url = reverse("recouvrement:contentieux")
    with CaptureQueriesContext(connection) as une:
        client.get(url)
    for nom in ("Société B", "Société C", "Société D"):
        c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ordre(nom)])
    with CaptureQueriesContext(connection) as quatre:
        texte = page(client.get(url))
    assert "Société D" in texte
    assert len(quatre) == len(une)


def test_ce_qui_vient_a_echeance_ne_fait_pas_une_requete_par_mise_en_demeure(
    directrice, comptable, exercice, horloge
):
    """The home pages read what falls due: one mise en demeure or four, each
    with its avis de réception, the same number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from recouvrement.a_echoir import DIRECTEUR, a_echoir
    from tests.recouvrement.conftest import ordre_pris_en_charge

    def mise_pour(nom):
        ligne = ordre_pris_en_charge(
            directrice,
            comptable,
            debiteur=nom,
            qualite="employeur",
            montant="100.00",
            nature="cotisation",
            imputation="7511",
            tiers="4111",
        ).lignes.get()
        _qualifier(directrice, ligne)
        mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ligne])
        c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 16))

    horloge(J(2026, 6, 16))
    mise_pour("Société A")
    with CaptureQueriesContext(connection) as une:
        dus = [e for e in a_echoir(J(2026, 7, 1), DIRECTEUR) if e.nature == "Recouvrement forcé"]
    assert [e.debiteur for e in dus] == ["Société A"]
    for nom in ("Société B", "Société C", "Société D"):
        mise_pour(nom)
    with CaptureQueriesContext(connection) as quatre:
        dus = [e for e in a_echoir(J(2026, 7, 1), DIRECTEUR) if e.nature == "Recouvrement forcé"]
    assert sorted(e.debiteur for e in dus) == ["Société A", "Société B", "Société C", "Société D"]
    assert {e.le for e in dus} == {J(2026, 7, 17)}
    assert len(quatre) == len(une)


def test_les_autres_creances_du_debiteur_sans_lire_celles_des_autres(
    directrice, comptable, exercice, horloge
):
    """A claim's page offers the debtor's other claims to put in default with
    it: only his lines are read, however many other debtors there are."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from recouvrement import contentieux_lecture as lecture
    from tests.recouvrement.conftest import ordre_pris_en_charge

    def ordre(nom, montant="100.00"):
        return ordre_pris_en_charge(
            directrice,
            comptable,
            debiteur=nom,
            qualite="employeur",
            montant=montant,
            nature="cotisation",
            imputation="7511",
            tiers="4111",
        ).lignes.get()

    premiere, seconde = ordre("Société A"), ordre("Société A", "250.00")
    ordre("Société B")
    horloge(J(2026, 6, 16))
    dossier = lecture.dossier_de(premiere, J(2026, 6, 16))
    with CaptureQueriesContext(connection) as avant:
        autres = lecture.autres_creances(dossier, J(2026, 6, 16))
    assert [(x.ligne.pk, x.reste) for x in autres] == [(seconde.pk, Decimal("250.00"))]
    for nom in ("Société C", "Société D", "Société E"):
        ordre(nom)
    with CaptureQueriesContext(connection) as apres:
        autres = lecture.autres_creances(dossier, J(2026, 6, 16))
    assert [x.ligne.pk for x in autres] == [seconde.pk]
    assert len(apres) == len(avant)
    assert all("Société C" not in q["sql"] for q in apres.captured_queries)
    sql = " ".join(q["sql"] for q in apres.captured_queries)
    assert "Société A" in sql
