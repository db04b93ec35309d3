"""Credits of the demo fund: a plausible administrative budget.

Idempotent: a chapter already opened for the exercise is left as it is (its
amount may have been modified since), so the loader can run again.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from budget.models import Credit
from budget.selectors import exercice_de
from budget.services import credit_ouvrir

CREDITS_DEMO = [
    # chapter, label, initial credits
    ("6061", "Eau, énergie", Decimal("20000.00")),
    ("6064", "Fournitures administratives", Decimal("30000.00")),
    ("613", "Locations", Decimal("60000.00")),
    ("615", "Entretien et réparations", Decimal("15000.00")),
    ("622", "Honoraires", Decimal("25000.00")),
    ("626", "Frais postaux et de télécommunications", Decimal("12000.00")),
    ("627", "Services bancaires", Decimal("5000.00")),
    ("205", "Logiciels", Decimal("50000.00")),
]


@transaction.atomic
def creer_credits_demo(*, acting_user, exercice) -> list[Credit]:
    """Open the demo credits missing for the exercise (acting_user: the directeur)."""
    exercice = exercice_de(exercice)
    existants = set(Credit.objects.filter(exercice=exercice).values_list("chapitre", flat=True))
    for chapitre, libelle, montant_initial in CREDITS_DEMO:
        if chapitre in existants:
            continue
        credit_ouvrir(
            acting_user=acting_user,
            exercice=exercice,
            chapitre=chapitre,
            libelle=libelle,
            montant_initial=montant_initial,
        )
    return list(Credit.objects.filter(exercice=exercice).order_by("chapitre"))
