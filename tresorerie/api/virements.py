"""Internal transfers and bank fees."""

from __future__ import annotations

from rest_framework import status

from core.actes import api_acte
from tresorerie import actes
from tresorerie.api.saisies import (
    EcritureCreeeSerializer,
    FraisSaisieSerializer,
    VirementSaisieSerializer,
)


def _ecriture_creee(ecriture) -> dict:
    return {"ecriture": f"{ecriture.journal.code}-{ecriture.numero}", "ecriture_id": ecriture.pk}


VirementInterneApi = api_acte(
    actes.VIREMENT_INTERNE,
    entree=VirementSaisieSerializer,
    sortie=_ecriture_creee,
    reponse=EcritureCreeeSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Virer des fonds entre deux comptes de l'organisme (tirage sur la Caisse des dépôts, "
    "nivellement d'un compte spécial d'encaissement ; circ. 93/82 §2.2.0)",
)
FraisBancairesApi = api_acte(
    actes.FRAIS_BANCAIRES,
    entree=FraisSaisieSerializer,
    sortie=_ecriture_creee,
    reponse=EcritureCreeeSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Comptabiliser des frais bancaires (627) ; ceux d'un compte spécial d'encaissement "
    "vont au compte externe désigné (circ. 93/82 §2.2.0.3)",
)
