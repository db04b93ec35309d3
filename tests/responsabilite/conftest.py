"""Fixtures of the agent comptable's liability: a mise en cause recorded by the
directrice against the agent comptable in office, and its ordre de recette."""

import datetime
from decimal import Decimal

import pytest

from responsabilite import services

D = datetime.date


@pytest.fixture
def mise(directrice, comptable, exercice, annee):
    return services.mise_en_cause_enregistrer(
        acting_user=directrice,
        auteur="conseil_commission",
        decide_le=datetime.date(annee, 6, 1),
        faits_le=datetime.date(annee, 3, 15),
        motifs="Manquant constaté par la commission de contrôle",
        montant=Decimal("1234.56"),
    )


@pytest.fixture
def ordre(directrice, mise):
    return services.ordre_debet_emettre(acting_user=directrice, mise_en_cause=mise, compte="531")


@pytest.fixture
def banque(comptable, exercice):
    from ledger.models import Compte
    from tresorerie.models import CompteDisponibilite

    return CompteDisponibilite.objects.create(
        code="BANQUE",
        libelle="Compte externe, banque",
        nature="externe",
        compte=Compte.objects.get(numero="5122"),
        ouvert_le=D(exercice.annee, 1, 1),
    )


def debet_de_mille(directrice, comptable, annee):
    mise = services.mise_en_cause_enregistrer(
        acting_user=directrice,
        auteur="conseil_commission",
        decide_le=D(annee, 6, 1),
        faits_le=D(annee, 3, 15),
        motifs="Paiement à tort à un faux créancier",
        montant=Decimal("1000.00"),
    )
    ordre = services.ordre_debet_emettre(acting_user=directrice, mise_en_cause=mise, compte="4671")
    return services.ordre_debet_comptabiliser(acting_user=comptable, ordre=ordre)


@pytest.fixture
def mille(directrice, comptable, exercice, annee):
    return debet_de_mille(directrice, comptable, annee)
