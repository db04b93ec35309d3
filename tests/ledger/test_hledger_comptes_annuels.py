"""hledger, reading our export of an exercise with its inventory, agrees with
our comptes annuels (issue 11, point 7): `balancesheetequity` with the bilan
(total actif, total passif), `incomestatement` with the compte de résultat
(charges, produits, result), to the cent, before and after the result is
posted to 120 / 129."""

import datetime
import shutil
from decimal import Decimal

import pytest
from django.core.management import call_command

from comptes_annuels.defaut import charger_correspondances
from comptes_annuels.models import Correspondance, Rubrique
from comptes_annuels.selectors import bilan, compte_de_resultat
from inventaire import services as inventaire
from ledger.models import Exercice
from ledger.services import (
    LigneSaisie,
    balance_figer,
    ecriture_passer,
    exercice_ouvrir_periode_complementaire,
)
from tests.factories import MOT_DE_PASSE
from tests.inventaire.test_services import _cotisant
from tests.ledger.cloture_outils import clore
from tests.ledger.test_exports import _hledger, _totaux_csv

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("hledger") is None, reason="hledger n'est pas installé"),
]

D = datetime.date
A = inventaire.Article
MOREL = "Boulangerie Morel"
# The result entry carries its pièce as a tag: an income statement of the
# exercise reads the charges and produits before it, as our compte de résultat.
SANS_RESULTAT = "not:tag:pièce=^resultat:"


@pytest.fixture(autouse=True)
def correspondances(plan_comptable, db):
    """The default mapping (a data migration; transactional tests empty the tables)."""
    charger_correspondances(Rubrique, Correspondance)


def _exercice_avec_inventaire(horloge, directrice, comptable, exercice) -> Exercice:
    n = exercice.annee
    passer = ecriture_passer
    passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=D(n, 1, 2),
        libelle="Dotation initiale",
        lignes=[LigneSaisie("5122", debit="100000"), LigneSaisie("102", credit="100000")],
    )
    _cotisant(directrice, comptable)  # 2 500,00 of cotisations on 4111 for Morel
    passer(
        acting_user=comptable,
        exercice=exercice,
        journal="DE",
        date=D(n, 4, 1),
        libelle="Fournitures",
        lignes=[LigneSaisie("6064", debit="250.10"), LigneSaisie("401", credit="250.10")],
    )
    passer(
        acting_user=comptable,
        exercice=exercice,
        journal="TR",
        date=D(n, 5, 1),
        libelle="Trop-perçu d'un cotisant",
        lignes=[
            LigneSaisie("5122", debit="99.99"),
            LigneSaisie("4112", credit="99.99", tiers="M. Trop-Payé"),
        ],
    )
    horloge(D(n + 1, 1, 2))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    horloge(D(n + 1, 1, 20))
    balance_figer(acting_user=comptable, exercice=exercice, nature="avant_inventaire")
    commun = {"acting_user": comptable, "exercice": exercice, "mot_de_passe": MOT_DE_PASSE}
    inventaire.produits_a_recevoir_constater(
        **commun,
        explication="Moyenne des DSN de décembre",
        articles=[A("Cotisations de décembre", "12500.45", compte="7511")],
    )
    inventaire.creances_douteuses_transferer(
        **commun,
        explication="Redressement judiciaire",
        articles=[A("Cotisations de mai", "2000.00", compte="4111", tiers=MOREL)],
    )
    inventaire.provisions_depreciation_constituer(
        **commun,
        methode="individuelle",
        explication="Situation du débiteur",
        articles=[A("Cotisations de mai", "1333.33", tiers=MOREL)],
    )
    inventaire.provisions_risques_constituer(
        **commun,
        explication="Contentieux prud'homal",
        donnees_historiques="2019-2024 : 40 % des demandes accordées",
        articles=[A("Prud'hommes, M. Petit", "3000.00")],
    )
    inventaire.charges_a_payer_constater(
        **commun,
        explication="Facture non parvenue",
        articles=[A("Électricité de décembre", "1500.07", compte="6061", tiers="EDF")],
    )
    balance_figer(acting_user=comptable, exercice=exercice, nature="apres_inventaire")
    return Exercice.objects.get(pk=exercice.pk)


def _hledger_totaux(tmp_path, exercice):
    fichier = tmp_path / f"{exercice.annee}.journal"
    call_command("exporter_journal", str(exercice.annee), "--sortie", str(fichier))
    _hledger(fichier, "check", "--strict")
    bse = _totaux_csv(_hledger(fichier, "balancesheetequity", "-O", "csv"))
    bs = _totaux_csv(_hledger(fichier, "balancesheet", "-O", "csv"))
    assert bs["Assets"] == bse["Assets"]
    is_ = _totaux_csv(_hledger(fichier, "incomestatement", SANS_RESULTAT, "-O", "csv"))
    return bse, is_


def _comparer(bse, is_, exercice):
    b, cr = bilan(exercice), compte_de_resultat(exercice)
    assert b.equilibre and not b.non_rattaches
    zero = Decimal(0)
    # Actif: every account typed asset, 491 net of the claims as the bilan shows them.
    assert bse["Assets"] == b.total_gauche.n
    # Passif: liabilities and equity (the result once posted to 120 / 129), and
    # the result not yet posted, which hledger shows as the sheet's net.
    assert bse.get("Liabilities", zero) + bse.get("Equity", zero) + bse["Net"] == (b.total_droite.n)
    assert is_["Revenues"] == cr.total_droite.n
    assert is_.get("Expenses", zero) == cr.total_gauche.n
    assert is_["Net"] == cr.resultat.n == cr.resultat_classes.n
    return b, cr


def test_hledger_egale_bilan_et_compte_de_resultat_avant_et_apres_le_resultat(
    tmp_path, horloge, directrice, comptable, exercice
):
    n = _exercice_avec_inventaire(horloge, directrice, comptable, exercice)

    # Before the result is posted: hledger's net is the result, not yet in class 1.
    bse, is_ = _hledger_totaux(tmp_path, n)
    b, cr = _comparer(bse, is_, n)
    assert bse["Net"] == cr.resultat.n == b.resultat.n
    # Produits 2 500,00 + 12 500,45; charges 250,10 + 1 333,33 + 3 000,00 + 1 500,07.
    assert cr.total_droite.n == Decimal("15000.45")
    assert cr.total_gauche.n == Decimal("6083.50")
    assert cr.resultat.n == Decimal("8916.95")
    # 5122 100 099,99 + 4111 500,00 + 416 2 000,00 + 418 12 500,45 − 491 1 333,33,
    # and 4112 in credit (a cotisant's overpayment) on the actif as a negative
    # asset, in both: − 99,99.
    assert b.total_gauche.n == Decimal("113667.12")

    # After: the result sits on 120, hledger's sheet balances; the statements still agree.
    clos = clore(n, comptable)
    bse, is_ = _hledger_totaux(tmp_path, clos)
    _comparer(bse, is_, clos)
    assert bse["Net"] == 0
    assert bse["Equity"] == Decimal("100000.00") + Decimal("8916.95")
    assert compte_de_resultat(clos).resultat.n == Decimal("8916.95")
    assert bilan(clos).total_droite.n == Decimal("113667.12")
