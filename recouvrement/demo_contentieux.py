"""Demo data of the directeur's contentious recovery (the demo fund of
SCENARIOS.md), through the services, each act on its own day
(`core.horloge.figer`), the demo's today being the real date:

- two bailiffs under the national convention: Maître Dupuis, visited this
  half-year, and Maître Lenoir, whose visit is due by the half-year's end;
- the cotisations of Transports Valmontais (4111 / 7511) taken in charge
  eighty days ago, due ten days later, not paid: the mise en demeure
  received more than thirty days ago, then a contrainte served by Maître
  Dupuis, whose fee (86,40 €) waits as a draft ordre de dépense (622 / 401);
- the Hôtel du Lac, in redressement judiciaire since November of the year
  before: its unpaid cotisations of that year declared to the mandataire.

Nothing is created when the bailiffs' register already has someone, and the
cotisations' file only when the demo year holds its eighty days.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from core import horloge
from ordres.services import signer
from recettes import services as recettes
from recettes.models import LigneOrdreRecette, OrdreRecette
from recettes.services.emission import SORTE
from recouvrement import contentieux, contentieux_huissiers, contentieux_procedures
from recouvrement.contentieux_communs import debut_semestre
from recouvrement.models_huissiers import Huissier
from recouvrement.services import creance_de

J = datetime.timedelta


def _cotisations(directrice, comptable, le: datetime.date, echeance: datetime.date):
    with horloge.figer(le):
        ordre = recettes.ordre_recette_creer(
            acting_user=directrice,
            saisie=recettes.SaisieOrdre(
                nature="cotisation",
                objet=f"Cotisations de {le:%m/%Y}, Transports Valmontais",
                bases_liquidation="Déclaration sociale nominative du mois",
                compte_imputation="7511",
                compte_tiers="4111",
                date_fait=le,
                dates={"droits_acquis": le, "liquidation": le, "echeance": echeance},
                lignes=[recettes.LigneDebiteur("Transports Valmontais", "employeur", "5146.00")],
                type="individuel",
                pieces_references="DSN au dossier du service",
            ),
        )
        with transaction.atomic():
            signer(SORTE, directrice, ordre)
        recettes.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
        controles = [
            recettes.ControleSaisi(point, True) for point in recettes.controles_requis(ordre).points
        ]
        recettes.ordre_recette_prendre_en_charge(
            acting_user=comptable, ordre=ordre, controles=controles
        )
    return LigneOrdreRecette.objects.select_related("ordre").get(ordre_id=ordre.pk)


def _huissiers(directrice, aujourd_hui):
    with horloge.figer(aujourd_hui):
        dupuis = contentieux_huissiers.huissier_inscrire(
            acting_user=directrice,
            nom="Maître Dupuis, huissier",
            etude="SCP Dupuis, huissiers de justice",
            adresse="3 rue du Palais, Valmont",
            iban="FR7630004000031234567890143",
            bic="BNPAFRPPXXX",
            convention_depuis=datetime.date(aujourd_hui.year - 3, 1, 1),
        )
        contentieux_huissiers.huissier_inscrire(
            acting_user=directrice,
            nom="Maître Lenoir, huissier",
            etude="Étude Lenoir",
            adresse="18 avenue de la Gare, Valmont",
            iban="FR7630006000011234567890189",
            bic="AGRIFRPPXXX",
            convention_depuis=datetime.date(aujourd_hui.year - 1, 1, 1),
        )
        contentieux_huissiers.visite_enregistrer(
            acting_user=directrice,
            huissier=dupuis,
            le=max(debut_semestre(aujourd_hui), aujourd_hui - J(days=10)),
            compte_rendu="Revue des contraintes en cours et des dossiers sans suite",
        )
    return dupuis


def _contrainte(directrice, comptable, exercice, aujourd_hui, dupuis) -> None:
    debut = aujourd_hui - J(days=80)
    if debut < exercice.debut:
        return
    ligne = _cotisations(directrice, comptable, debut, debut + J(days=10))
    with horloge.figer(debut + J(days=15)):
        with transaction.atomic():
            creance = creance_de(ligne, debut + J(days=15))
        contentieux.debiteur_qualifier(
            acting_user=directrice,
            debiteur=creance.debiteur,
            regime="obligatoire",
            forme="entreprise",
            adresse="Zone artisanale des Prés, Valmont",
        )
        mise = contentieux.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ligne])
    with horloge.figer(debut + J(days=19)):
        contentieux.avis_reception_enregistrer(
            acting_user=directrice, mise=mise, le=debut + J(days=18)
        )
    le = debut + J(days=55)
    with horloge.figer(le):
        poursuite = contentieux.poursuite_engager(
            acting_user=directrice,
            creance=ligne,
            type="contrainte",
            description="Contrainte décernée par le directeur, signifiée par huissier",
        )
        contentieux_huissiers.acte_huissier_enregistrer(
            acting_user=directrice,
            poursuite=poursuite,
            huissier=dupuis,
            le=le,
            nature="Signification de la contrainte",
            cout="86.40",
        )


def _redressement(directrice, aujourd_hui) -> None:
    """The Hôtel du Lac's unpaid cotisations of the year before (accueil's
    previous year), declared in its redressement judiciaire."""
    ligne = (
        LigneOrdreRecette.objects.filter(
            debiteur="Hôtel du Lac",
            ordre__nature="cotisation",
            ordre__etat=OrdreRecette.Etat.PRIS_EN_CHARGE,
        )
        .select_related("ordre")
        .order_by("id")
        .first()
    )
    if ligne is None:
        return
    annee = ligne.ordre.date_fait.year
    with horloge.figer(aujourd_hui):
        with transaction.atomic():
            creance = creance_de(ligne, aujourd_hui)
        debiteur = contentieux.debiteur_qualifier(
            acting_user=directrice,
            debiteur=creance.debiteur,
            regime="obligatoire",
            forme="entreprise",
            adresse="Route du Lac, Valmont",
        )
        procedure = contentieux_procedures.procedure_ouvrir(
            acting_user=directrice,
            debiteur=debiteur,
            type="redressement",
            jugement_le=datetime.date(annee, 11, 14),
            tribunal="Tribunal de commerce de Valmont",
            mandataire="Maître Roux, mandataire judiciaire",
            limite_declaration=datetime.date(annee + 1, 1, 20),
        )
        contentieux_procedures.declaration_enregistrer(
            acting_user=directrice,
            procedure=procedure,
            le=datetime.date(annee, 12, 18),
            montant_declare=ligne.montant,
            creances=[creance.pk],
        )


def creer_demo(personnes: dict, exercice, aujourd_hui) -> None:
    if Huissier.objects.exists():
        return
    directrice, comptable = personnes["directrice"], personnes["comptable"]
    dupuis = _huissiers(directrice, aujourd_hui)
    _contrainte(directrice, comptable, exercice, aujourd_hui, dupuis)
    _redressement(directrice, aujourd_hui)
