import datetime

import pytest

from comptes_annuels.defaut import charger_correspondances
from comptes_annuels.models import Correspondance, Rubrique
from ledger.services import LigneSaisie, ecriture_passer, exercice_ouvrir

D = datetime.date


@pytest.fixture(autouse=True)
def correspondances(plan_comptable, request):
    """The default mapping (a data migration; transactional tests empty the tables)."""
    if any(f in request.fixturenames for f in ("db", "transactional_db", "caisse_demo")):
        charger_correspondances(Rubrique, Correspondance)


def passer(comptable, exercice, date, journal, debit, credit, montant):
    return ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal=journal,
        date=date,
        libelle="Écriture de test",
        lignes=[LigneSaisie(debit, debit=montant), LigneSaisie(credit, credit=montant)],
    )


@pytest.fixture
def livres(comptable, exercice):
    """A small ledger: N−1 (a cotisation, a charge) and N (opening, cotisations,
    receipt, a charge, two provisions, an off-balance commitment)."""
    a = exercice.annee
    precedent = exercice_ouvrir(acting_user=comptable, annee=a - 1)
    passer(comptable, precedent, D(a - 1, 3, 1), "RE", "4111", "7511", "1000")
    passer(comptable, precedent, D(a - 1, 4, 1), "DE", "6064", "401", "200")
    passer(comptable, exercice, D(a, 1, 1), "AN", "5122", "102", "1000000")
    passer(comptable, exercice, D(a, 2, 10), "RE", "4111", "7511", "12345.67")
    passer(comptable, exercice, D(a, 3, 5), "TR", "5122", "4111", "10000")
    passer(comptable, exercice, D(a, 5, 20), "DE", "6064", "401", "250.10")
    passer(comptable, exercice, D(a, 5, 30), "OD", "6817", "491", "100")
    passer(comptable, exercice, D(a, 5, 30), "OD", "6815", "151", "50")
    passer(comptable, exercice, D(a, 6, 1), "OD", "801", "802", "500")
    return exercice
