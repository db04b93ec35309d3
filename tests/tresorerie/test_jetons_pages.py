"""Money does not leave, nor come in, twice through a page sent again (issue 10,
point 10): the treasury's forms carry their one-time token (core.jetons).

Posted with Django's plain `Client`, which adds no token (the suite's `client`
fixture adds one to every POST that has none)."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from core import jetons
from ledger.models import Ecriture
from recettes import services as r
from recettes.models import OrdreRecette
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_recette, ordre_vise
from tresorerie import services as t
from tresorerie.models import Encaissement, LotPaiement, Paiement, Quittance
from tresorerie.selectors import solde_comptable

pytestmark = pytest.mark.django_db

DEJA = "Ce formulaire a déjà été envoyé : l&#x27;acte n&#x27;a pas été enregistré une seconde fois."


def connecte(utilisateur) -> Client:
    client = Client()
    client.force_login(utilisateur)
    return client


def jeton_de(page: str) -> str:
    trouve = re.search(rf'name="{jetons.CHAMP}" value="([^"]+)"', page)
    assert trouve, "le formulaire ne porte pas de jeton"
    return trouve.group(1)


def encaissement(comptes, ordre, jeton=None, montant_1="1250,40") -> dict:
    donnees = {
        "compte": comptes["CAISSE"].pk,
        "moyen": "numeraire",
        "montant": "1 250,40",
        "payeur": "Société Orion",
        "objet": f"Règlement de l'ordre de recette n° {ordre.reference}",
        "date": AUJOURD_HUI.isoformat(),
        "ligne_1": ordre.lignes.get().pk,
        "montant_1": montant_1,
    }
    if jeton is not None:
        donnees[jetons.CHAMP] = jeton
    return donnees


# --- Encaissements (core.actes.soumettre) --------------------------------------------------


def test_un_encaissement_renvoye_n_est_enregistre_qu_une_fois(directrice, comptable, comptes):
    ordre = ordre_recette(directrice, comptable)
    client = connecte(comptable)
    jeton = jeton_de(client.get(reverse("tresorerie:encaissements")).content.decode())

    premier = client.post(reverse("tresorerie:encaissements"), encaissement(comptes, ordre, jeton))
    recu = Encaissement.objects.get()
    assert premier["Location"] == reverse("tresorerie:encaissement", args=[recu.pk])

    # Back to the form, sent again: refused, shown the receipt recorded the first time.
    second = client.post(
        reverse("tresorerie:encaissements"), encaissement(comptes, ordre, jeton), follow=True
    )
    assert second.redirect_chain == [(reverse("tresorerie:encaissement", args=[recu.pk]), 302)]
    assert DEJA in second.content.decode()
    assert Encaissement.objects.count() == 1 and Quittance.objects.count() == 1
    assert Ecriture.objects.filter(journal__code="TR").count() == 1
    assert solde_comptable("531", AUJOURD_HUI) == Decimal("1250.40")
    assert r.reste_a_recouvrer(OrdreRecette.objects.get(pk=ordre.pk)) == Decimal("0.00")


def test_un_encaissement_refuse_laisse_le_formulaire_utilisable(directrice, comptable, comptes):
    ordre = ordre_recette(directrice, comptable)
    client = connecte(comptable)
    jeton = jetons.emettre(comptable)

    # More allocated to the debtor than he owes: the service refuses, nothing is recorded.
    refuse = client.post(
        reverse("tresorerie:encaissements"),
        {**encaissement(comptes, ordre, jeton, montant_1="1300"), "montant": "1300"},
    )
    assert refuse.status_code == 400
    assert "dépasseraient la créance" in refuse.content.decode()
    assert not Encaissement.objects.exists()

    corrige = client.post(reverse("tresorerie:encaissements"), encaissement(comptes, ordre, jeton))
    assert corrige.status_code == 302
    assert Encaissement.objects.count() == 1


@pytest.mark.parametrize("jeton", [None, "faux", "autre"])
def test_un_encaissement_sans_jeton_valide_est_refuse(directrice, comptable, comptes, jeton):
    ordre = ordre_recette(directrice, comptable)
    if jeton == "faux":
        jeton = jetons.emettre(comptable)[:-2] + "xx"
    elif jeton == "autre":
        jeton = jetons.emettre(directrice)
    avant = Ecriture.objects.count()

    reponse = connecte(comptable).post(
        reverse("tresorerie:encaissements"), encaissement(comptes, ordre, jeton)
    )

    assert reponse.status_code == 400
    assert "Rien n&#x27;a été enregistré." in reponse.content.decode()
    assert not Encaissement.objects.exists() and not Quittance.objects.exists()
    assert Ecriture.objects.count() == avant
    assert solde_comptable("531", AUJOURD_HUI) == Decimal("0.00")


# --- A payment batch (core.actes.soumettre) ------------------------------------------------


def test_un_lot_de_paiement_renvoye_ne_paie_pas_deux_fois(directrice, comptable, comptes, credits):
    ordre = ordre_vise(directrice, comptable, credits, montant="1200.00")
    # Funds on the account the batch leaves from.
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["EXECUTION"],
        moyen="virement",
        montant="5000.00",
        payeur="Caisse des dépôts",
        objet="Approvisionnement",
    )
    client = connecte(comptable)
    jeton = jeton_de(client.get(reverse("tresorerie:paiements")).content.decode())
    donnees = {
        "ordres": [ordre.pk],
        "compte": comptes["EXECUTION"].pk,
        "moyen": "virement",
        "le": AUJOURD_HUI.isoformat(),
        jetons.CHAMP: jeton,
    }

    premier = client.post(reverse("tresorerie:paiements"), donnees)
    lot = LotPaiement.objects.get()
    assert premier["Location"] == reverse("tresorerie:lot", args=[lot.pk])

    second = client.post(reverse("tresorerie:paiements"), donnees, follow=True)
    assert second.redirect_chain == [(reverse("tresorerie:lot", args=[lot.pk]), 302)]
    assert DEJA in second.content.decode()
    assert LotPaiement.objects.count() == 1 and Paiement.objects.count() == 1
    assert solde_comptable(comptes["EXECUTION"].compte.numero, AUJOURD_HUI) == Decimal("3800.00")


# --- An internal transfer (the treasury's `agir`) ------------------------------------------


def test_un_virement_interne_renvoye_n_est_passe_qu_une_fois(comptable, comptes):
    client = connecte(comptable)
    jeton = jeton_de(client.get(reverse("tresorerie:tableau")).content.decode())
    donnees = {
        "acte": "virement",
        "virement-de": comptes["CDC"].pk,
        "virement-vers": comptes["EXECUTION"].pk,
        "virement-montant": "1 500,00",
        jetons.CHAMP: jeton,
    }

    assert client.post(reverse("tresorerie:tableau"), donnees)["Location"] == reverse(
        "tresorerie:tableau"
    )
    second = client.post(reverse("tresorerie:tableau"), donnees, follow=True)

    assert second.redirect_chain == [(reverse("tresorerie:tableau"), 302)]
    assert DEJA in second.content.decode()
    assert solde_comptable(comptes["EXECUTION"].compte.numero, AUJOURD_HUI) == Decimal("1500.00")


def test_un_virement_sans_jeton_est_refuse(comptable, comptes):
    reponse = connecte(comptable).post(
        reverse("tresorerie:tableau"),
        {
            "acte": "virement",
            "virement-de": comptes["CDC"].pk,
            "virement-vers": comptes["EXECUTION"].pk,
            "virement-montant": "1 500,00",
        },
    )
    assert reponse.status_code == 400
    assert "Ce formulaire ne porte pas de jeton d&#x27;envoi" in reponse.content.decode()
    assert not Ecriture.objects.exists()
