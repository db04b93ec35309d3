"""The demo fund's surveillance on 30 November 2026: the lease expiring in a
few months that the agent comptable has still to announce, a mortgage
inscription securing cotisations lapsing within six months (the directeur's
to follow, circ. 93/82 §2.0.4),
the quarterly list of the claims not recovered, and the état nominatif of the
first half-year sent on 20 July, before 1 August."""

import datetime

import pytest

from accueil.demo import charger_demo
from comptes_annuels.defaut import charger_correspondances
from comptes_annuels.models import Correspondance, Rubrique
from recouvrement.a_echoir import COMPTABLE, DIRECTEUR, a_echoir
from recouvrement.models_surveillance import EnvoiEtatNominatif, EnvoiListe, Garantie
from recouvrement.surveillance_garanties import de_cotisations

pytestmark = pytest.mark.django_db
D = datetime.date


def test_la_surveillance_de_la_demo_au_30_novembre(horloge):
    charger_correspondances(Rubrique, Correspondance)
    jour = D(2026, 11, 30)
    horloge(jour)
    assert charger_demo(aujourd_hui=jour) > 0
    comptable = {e.nature: e for e in a_echoir(jour, COMPTABLE)}
    assert "28/02/2027" in comptable["Bail, contrat, titre"].quoi
    hypotheque = Garantie.objects.get(nature="hypotheque")
    assert hypotheque.peremption_le == D(2027, 5, 27)
    # It secures cotisations: the agent comptable does not watch it (« sauf en
    # matière de cotisations », circ. 93/82 §2.0.4); it is on the directeur's list.
    assert de_cotisations(hypotheque)
    assert "Inscription hypothécaire" not in comptable
    pour_directeur = {e.nature: e for e in a_echoir(jour, DIRECTEUR)}["Inscription hypothécaire"]
    assert pour_directeur.le == D(2027, 5, 27) and "garantit des cotisations" in pour_directeur.quoi
    envoi = EnvoiEtatNominatif.objects.get(annee=2026, semestre=1)
    assert (envoi.arrete_au, envoi.envoye_le, envoi.en_retard) == (
        D(2026, 6, 30),
        D(2026, 7, 20),
        False,
    )
    assert envoi.debiteurs >= 1
    assert [e.le for e in EnvoiListe.objects.order_by("le")] == [
        D(2026, 4, 1),
        D(2026, 7, 1),
        D(2026, 10, 1),
    ]
    directeur = [e.nature for e in a_echoir(jour, DIRECTEUR)]
    # Every half-year ended is sent; the second of 2026 has not ended.
    assert "État nominatif semestriel" not in directeur
    assert not EnvoiEtatNominatif.objects.filter(en_retard=True).exists()
