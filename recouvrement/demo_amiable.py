"""Demo data of the amiable part of recovery (the demo fund of SCENARIOS.md),
through the services, each act on its own day (`core.horloge.figer`):

- three rents of the premises the fund lets (4671 / 752), taken in charge on
  2 March, due on 10 March, not paid;
- on 2 April, the agent comptable's first batch of reminders, one letter per
  tenant;
- M. Garnier, who did not answer, is handed to the directrice on 14 April
  with the compte rendu of the attempts: his claim waits at stage TRANSMISE
  for her mise en demeure (the contentious part of the demo);
- Mme Durand asked in writing for a delay: the agent comptable granted it a
  few days ago, in three monthly instalments to come.

Nothing is created when the demo's day is before mid-April of the demo year,
or when a batch of reminders already exists.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from core import horloge
from recettes import services as recettes
from recettes.services.emission import SORTE
from recouvrement import amiable
from recouvrement.models import LotRelances

LOCATAIRES = [
    ("M. Petit", "locataire du local commercial, 3 place du Marché", "650.00"),
    ("Mme Durand", "locataire du logement, 12 rue Haute, 1er étage", "480.00"),
    ("M. Garnier", "locataire du garage n° 4, rue Haute", "720.00"),
]


def _loyer(directrice, comptable, annee: int, nom: str, qualite: str, montant: str):
    from ordres.services import signer

    prise_en_charge = datetime.date(annee, 3, 2)
    with horloge.figer(prise_en_charge):
        ordre = recettes.ordre_recette_creer(
            acting_user=directrice,
            saisie=recettes.SaisieOrdre(
                nature="loyer",
                objet=f"Loyer du premier trimestre, {nom}",
                bases_liquidation="Bail au dossier du service immobilier",
                compte_imputation="752",
                compte_tiers="4671",
                date_fait=prise_en_charge,
                dates={
                    "liquidation": prise_en_charge,
                    "contrat": prise_en_charge,
                    "echeance": datetime.date(annee, 3, 10),
                },
                lignes=[recettes.LigneDebiteur(nom, qualite.split(",")[0], montant)],
                type="individuel",
                pieces_references="Bail et avis d'échéance au dossier",
            ),
        )
        # The demo signs as the parapheur does once the password is typed again.
        with transaction.atomic():
            signer(SORTE, directrice, ordre)
        recettes.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
        controles = [
            recettes.ControleSaisi(point, True) for point in recettes.controles_requis(ordre).points
        ]
        recettes.ordre_recette_prendre_en_charge(
            acting_user=comptable, ordre=ordre, controles=controles
        )
    return ordre.lignes.get()


def creer_demo(personnes: dict, exercice, aujourd_hui) -> None:
    annee = exercice.annee
    if aujourd_hui < datetime.date(annee, 4, 20) or LotRelances.objects.exists():
        return
    directrice, comptable = personnes["directrice"], personnes["comptable"]
    lignes = {
        nom: _loyer(directrice, comptable, annee, nom, qualite, montant)
        for nom, qualite, montant in LOCATAIRES
    }
    with horloge.figer(datetime.date(annee, 4, 2)):
        amiable.relances_envoyer(acting_user=comptable, lignes=list(lignes.values()))
    with horloge.figer(datetime.date(annee, 4, 14)):
        amiable.creance_transmettre(
            acting_user=comptable,
            ligne=lignes["M. Garnier"],
            compte_rendu=(
                "Relance du 2 avril restée sans réponse ; le locataire ne répond pas au "
                "téléphone. Échec du recouvrement amiable."
            ),
        )
    accorde_le = max(aujourd_hui - datetime.timedelta(days=5), datetime.date(annee, 4, 15))
    with horloge.figer(accorde_le):
        amiable.delai_accorder(
            acting_user=comptable,
            ligne=lignes["Mme Durand"],
            demande_le=accorde_le - datetime.timedelta(days=3),
            demande_reference=(
                f"Lettre de Mme Durand du {accorde_le - datetime.timedelta(days=3):%d/%m/%Y}"
            ),
            motif="Difficultés passagères : demande à régler en trois mensualités.",
            echeances=[
                amiable.EcheanceSaisie(accorde_le + datetime.timedelta(days=jours), "160.00")
                for jours in (25, 55, 85)
            ],
        )
