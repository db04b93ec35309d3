import datetime
from decimal import Decimal

import pytest

from core import horloge
from depenses import services as d
from personnes.models import Fonction
from recettes import services as r
from tests.factories import MOT_DE_PASSE, personne
from tresorerie.demo import creer_tresorerie_demo

AUJOURD_HUI = horloge.aujourdhui()


@pytest.fixture
def regisseur(db):
    return personne("regisseur", Fonction.REGISSEUR)


# The suite's accounts open empty (no à-nouveaux): an overdraft authorised as
# data lets the tests pay without funding them; tests/tresorerie/test_solde_*.py
# set it back to 0 to test the refusal of a batch the balance does not cover.
DECOUVERT_DES_TESTS = Decimal("1000000.00")
# The compte spécial d'encaissement keeps none: tests fund it with cotisations.
COMPTES_A_DECOUVERT = ("EXECUTION", "BANQUE", "CAISSE", "CDC")


@pytest.fixture
def comptes(comptable, regisseur, exercice):
    from tresorerie.models import CompteDisponibilite

    comptes = creer_tresorerie_demo(
        comptable=comptable, regisseur=regisseur, debut=datetime.date(exercice.annee, 1, 1)
    )
    CompteDisponibilite.objects.filter(code__in=COMPTES_A_DECOUVERT).update(
        decouvert_autorise=DECOUVERT_DES_TESTS
    )
    for code in COMPTES_A_DECOUVERT:
        comptes[code].decouvert_autorise = DECOUVERT_DES_TESTS
    return comptes


def ordre_recette(
    directrice, comptable, lignes=None, nature="autre", imputation="7585", tiers="4671"
):
    """An ordre de recette signed, transmitted and taken in charge."""
    ordre = r.ordre_recette_creer(
        acting_user=directrice,
        saisie=r.SaisieOrdre(
            nature=nature,
            objet="Remboursement de frais de dossier",
            bases_liquidation="Convention du 3 mars",
            compte_imputation=imputation,
            compte_tiers=tiers,
            date_fait=AUJOURD_HUI,
            dates={"liquidation": AUJOURD_HUI, "droits_acquis": AUJOURD_HUI},
            lignes=lignes or [r.LigneDebiteur("Société Orion", "débiteur", "1250.40")],
            type="collectif" if lignes and len(lignes) > 1 else "individuel",
            pieces_references="Convention du 3 mars, au dossier",
        ),
    )
    r.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    r.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
    controles = [r.ControleSaisi(p, True) for p in r.controles_requis(ordre).points]
    return r.ordre_recette_prendre_en_charge(
        acting_user=comptable, ordre=ordre, controles=controles
    )


IBAN = "FR7630006000011234567890189"
BIC = "AGRIFRPPXXX"


def ordre_vise(
    directrice,
    comptable,
    exercice,
    montant="1200.00",
    identifiant="55210055400013",
    creancier="Papeterie Centrale",
    iban=IBAN,
    bic=BIC,
    viser=True,
):
    """An ordre de dépense visaed by the agent comptable (only transmitted
    to him when `viser` is false)."""
    engagement = d.engagement_creer(
        acting_user=directrice,
        exercice=exercice,
        gestion="budgetaire",
        objet="Papeterie du trimestre",
        creancier=creancier,
        compte_imputation="6064",
        montant_engage=montant,
    )
    ordre = d.ordre_depense_creer(
        acting_user=directrice,
        saisie=d.SaisieDepense(
            gestion="budgetaire",
            nature="fournitures",
            objet="Papeterie du trimestre",
            bases_liquidation="Facture n° 118",
            compte_imputation="6064",
            compte_tiers="401",
            date_fait=AUJOURD_HUI,
            dates={"reception": AUJOURD_HUI},
            engagement=engagement,
            lignes=[
                d.LigneCreancier(
                    creancier, "fournisseur", iban, montant, bic=bic, identifiant=identifiant
                )
            ],
            pieces_references="Facture n° 118, au dossier",
        ),
    )
    d.ordre_depense_attester_service_fait(acting_user=directrice, ordre=ordre, le=AUJOURD_HUI)
    d.ordre_depense_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    d.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)
    if not viser:
        return ordre
    return d.ordre_depense_viser(
        acting_user=comptable,
        ordre=ordre,
        appreciations={"imputation": (True, ""), "validite_dette": (True, "")},
    )


@pytest.fixture
def credits(directrice, exercice):
    from budget import services as budget

    budget.credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="6064",
        libelle="Fournitures administratives",
        montant_initial=Decimal("300000.00"),
    )
    return exercice
