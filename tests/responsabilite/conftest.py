"""Fixtures of the agent comptable's liability: a mise en cause recorded by the
directrice against the agent comptable in office, and its ordre de recette."""

import datetime
from decimal import Decimal

import pytest

from responsabilite import services


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
