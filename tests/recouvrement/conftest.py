"""Fixtures of recovery: a rent claim and a cotisation claim taken in charge."""

import pytest

from recettes import services as r
from tests.factories import MOT_DE_PASSE
from tests.tresorerie.conftest import AUJOURD_HUI, comptes, regisseur  # noqa: F401 (fixtures)


def ordre_pris_en_charge(
    directrice,
    comptable,
    *,
    debiteur: str,
    qualite: str,
    montant: str,
    nature: str,
    imputation: str,
    tiers: str,
    objet: str = "Créance de la caisse",
    le=AUJOURD_HUI,
):
    """An individual ordre de recette signed, transmitted and taken in charge,
    its due date (échéance) on `le`."""
    ordre = r.ordre_recette_creer(
        acting_user=directrice,
        saisie=r.SaisieOrdre(
            nature=nature,
            objet=objet,
            bases_liquidation="Pièces au dossier",
            compte_imputation=imputation,
            compte_tiers=tiers,
            date_fait=le,
            dates={"liquidation": le, "droits_acquis": le, "echeance": le, "contrat": le},
            lignes=[r.LigneDebiteur(debiteur, qualite, montant)],
            type="individuel",
            pieces_references="Pièces au dossier",
        ),
    )
    r.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    r.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
    controles = [r.ControleSaisi(p, True) for p in r.controles_requis(ordre).points]
    return r.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=controles
    )


@pytest.fixture
def ordre_loyer(directrice, comptable, exercice):
    """A rent of 600,00 € owed by M. Petit, taken in charge (4671 / 752)."""
    return ordre_pris_en_charge(
        directrice,
        comptable,
        debiteur="M. Petit",
        qualite="locataire",
        montant="600.00",
        nature="loyer",
        imputation="752",
        tiers="4671",
        objet="Loyer de mars",
    )


@pytest.fixture
def ordre_cotisation(directrice, comptable, exercice):
    """Cotisations of 2 400,00 € owed by Société Orion, taken in charge (4111 / 7511)."""
    return ordre_pris_en_charge(
        directrice,
        comptable,
        debiteur="Société Orion",
        qualite="employeur",
        montant="2400.00",
        nature="cotisation",
        imputation="7511",
        tiers="4111",
        objet="Cotisations de février",
    )
