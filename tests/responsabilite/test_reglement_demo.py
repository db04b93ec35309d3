"""The demo's cash shortfall of 17 June goes through the liability's acts:
the arrêté de caisse, the directrice's order, its posting 429 / 4722, and the
agent comptable's payment into the cash on 2 July; the register shows a paid
débet, nothing remains on 429 nor on 4722."""

import datetime
from decimal import Decimal

import pytest

from accueil.demo import charger_demo
from comptes_annuels.defaut import charger_correspondances
from comptes_annuels.models import Correspondance, Rubrique
from ledger.integrite import verifier_integrite
from ledger.models import Ligne
from responsabilite import selectors
from responsabilite.models import OrdreDebet, Versement

pytestmark = pytest.mark.django_db
D = datetime.date


def _solde(numero: str, annee: int) -> Decimal:
    lignes = Ligne.objects.filter(compte__numero=numero, ecriture__exercice__annee=annee)
    return sum((lg.debit - lg.credit for lg in lignes), Decimal("0.00"))


def test_le_manquant_de_juin_de_la_demo_est_un_debet_paye(horloge):
    charger_correspondances(Rubrique, Correspondance)
    jour = D(2026, 11, 30)
    horloge(jour)
    assert charger_demo(aujourd_hui=jour) > 0
    ordre = OrdreDebet.objects.get()
    assert (ordre.montant, ordre.compte, ordre.emis_le) == (
        Decimal("120.00"),
        "4722",
        D(2026, 6, 17),
    )
    assert ordre.mise_en_cause.arrete_caisse.date == D(2026, 6, 17)
    assert ordre.etat == OrdreDebet.Etat.NOTIFIE and ordre.ecriture is not None
    versement = Versement.objects.get()
    assert (versement.le, versement.montant, versement.compte) == (
        D(2026, 7, 2),
        Decimal("120.00"),
        "531",
    )
    (responsable,) = selectors.registre()
    (debet,) = responsable.debets
    assert (debet.du, debet.paye, debet.reste, debet.ouvert) == (
        Decimal("120.00"),
        Decimal("120.00"),
        0,
        False,
    )
    assert debet.poursuite_personnelle
    assert _solde("429", 2026) == 0 and _solde("4722", 2026) == 0
    rapport = verifier_integrite()
    assert rapport.intact, rapport.anomalies
