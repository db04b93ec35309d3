"""What the orders themselves say of an account: engaged, ordered, visaed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.money import ZERO
from depenses.models import (
    Engagement,
    OrdreDepense,
)
from ledger.models import Exercice


@dataclass(frozen=True)
class SituationBudgetaire:
    engage: Decimal
    ordonnance: Decimal
    vise: Decimal


def depenses_du_compte(*, exercice: Exercice, compte_numero: str) -> SituationBudgetaire:
    """Engaged, ordered and visaed on an account, from the orders themselves."""
    engagements = Engagement.objects.filter(
        exercice=exercice, compte_imputation__numero__startswith=compte_numero
    )
    ordres = OrdreDepense.objects.filter(
        exercice=exercice, compte_imputation__numero__startswith=compte_numero
    )
    actifs = ordres.exclude(
        etat__in=[
            OrdreDepense.Etat.BROUILLON,
            OrdreDepense.Etat.ABANDONNE,
            OrdreDepense.Etat.RETIRE,
            OrdreDepense.Etat.REMPLACE,
        ]
    )
    vises = actifs.filter(etat__in=[OrdreDepense.Etat.VISE, OrdreDepense.Etat.PAYE])
    return SituationBudgetaire(
        engage=sum((e.montant for e in engagements), ZERO),
        ordonnance=sum((o.montant for o in actifs), ZERO),
        vise=sum((o.montant for o in vises), ZERO),
    )
