import contextlib
import datetime
from decimal import Decimal

import pytest
from django.db import connection

from personnes.models import Delegation, Fonction
from tests.factories import AffectationFactory, UtilisateurFactory

ANNEE = 2025
PREMIER_JANVIER = datetime.date(ANNEE, 1, 1)
TRENTE_ET_UN_DECEMBRE = datetime.date(ANNEE, 12, 31)
LE = datetime.date(ANNEE, 3, 17)


def nommee(login: str, prenom: str, nom: str, fonction: str, **periode):
    utilisateur = UtilisateurFactory(username=login, first_name=prenom, last_name=nom)
    AffectationFactory(utilisateur=utilisateur, fonction=fonction, **periode)
    return utilisateur


@pytest.fixture
def directrice(directrice):
    """The shared fixture, named as in SCENARIOS.md so that messages read true."""
    directrice.first_name, directrice.last_name = "Hélène", "Marchand"
    directrice.save()
    return directrice


@pytest.fixture
def delegue(db):
    return nommee("delegue", "Paul", "Girard", Fonction.DELEGUE)


@pytest.fixture
def fonde(db):
    return nommee("fonde", "Claire", "Roussel", Fonction.FONDE_DE_POUVOIR)


@pytest.fixture
def regisseur(db):
    return nommee("regisseur", "Luc", "Fabre", Fonction.REGISSEUR)


def une_delegation(delegant, delegataire, **champs) -> Delegation:
    """A delegation written straight to the table, in whatever state a test needs.

    Defaults: Paul Girard's delegation of SCENARIOS.md for 2025, notified on 1 January.
    """
    valeurs = {
        "type": Delegation.Type.SIGNATURE,
        "nature": Delegation.Nature.ORDRE_RECETTE,
        "debut": PREMIER_JANVIER,
        "fin": TRENTE_ET_UN_DECEMBRE,
        "montant_max": Decimal("50000.00"),
        "specimen_signature": "P. Girard",
        "notifiee_le": PREMIER_JANVIER,
    }
    valeurs.update(champs)
    return Delegation.objects.create(delegant=delegant, delegataire=delegataire, **valeurs)


@contextlib.contextmanager
def sans_gardes():
    """Rows written as if before the guards of personnes 0003 (a database
    migrated with older rows): the triggers are set aside for the block only,
    so that a test can show what the services still refuse on such data."""
    with connection.cursor() as curseur:
        curseur.execute("SET LOCAL session_replication_role = replica")
        try:
            yield
        finally:
            curseur.execute("SET LOCAL session_replication_role = DEFAULT")
