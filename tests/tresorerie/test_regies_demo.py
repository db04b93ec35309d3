"""The demo's régie (SCENARIOS.md: Luc Fabre, login « regisseur »): « Régie de
recettes de l'accueil », created by the directrice after the agent comptable's
avis conforme, a few receipts this month, one remittance received, one
control report; his home page shows it."""

from decimal import Decimal

import pytest
from django.test import Client

from core import horloge
from tresorerie.models import Encaissement, Regie
from tresorerie.services.regies import encaisse

pytestmark = pytest.mark.django_db(transaction=True)


def test_la_regie_de_l_accueil_de_la_demo(caisse_demo):
    regie = Regie.objects.get(libelle="Régie de recettes de l'accueil")
    assert regie.etat == Regie.Etat.CREEE and regie.avis_favorable
    assert regie.avis_par.username == "comptable"
    assert regie.decision_par.username == "directrice"
    assert regie.regisseur.get_full_name() == "Luc Fabre"
    aujourd_hui = horloge.aujourdhui()
    recettes = Encaissement.objects.filter(
        compte=regie.compte, date__year=aujourd_hui.year, date__month=aujourd_hui.month
    )
    assert recettes.count() == 4
    assert all(e.quittances.get().carnet.titulaire == regie.regisseur for e in recettes)
    assert regie.versements.get().etat == "recu"
    assert regie.controles.get().conclusion == "conforme"
    assert 0 < encaisse(regie).theorique <= regie.plafond_encaisse
    client = Client()
    client.force_login(regie.regisseur)
    page = client.get("/").content.decode()
    assert "Ma régie : Régie de recettes de l&#x27;accueil" in page


def test_la_demo_laisse_un_compte_de_regie_libre_pour_une_nouvelle_regie(caisse_demo):
    from tresorerie.models import CompteDisponibilite

    libre = CompteDisponibilite.objects.get(code="REGIE-ANTENNE")
    assert (libre.compte.numero, libre.nature) == ("5412", "regie")
    assert not Regie.objects.filter(compte=libre).exists()
    client = Client()
    client.force_login(Regie.objects.first().decision_par)
    page = client.get("/tresorerie/regies/").content.decode()
    assert "Projeter une régie" in page and 'id="sans-compte"' not in page
    assert f'<option value="{libre.pk}">' in page


def test_la_regie_d_avances_de_la_demo(caisse_demo):
    regie = Regie.objects.get(libelle="Régie d'avances du service intérieur")
    assert (regie.type, regie.etat, regie.compte.compte.numero) == ("avances", "creee", "5413")
    assert regie.avances_versees.get().montant == Decimal("200.00")
    depense = regie.depenses.get()
    assert (depense.montant, depense.beneficiaire) == (Decimal("12.40"), "La Poste")
    assert encaisse(regie).theorique == Decimal("187.60")
