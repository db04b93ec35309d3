"""The starter plan de contrôle for expenses (editable by the agent comptable)."""

from decimal import Decimal

PLAN = [
    ("prestation", "sondage", None, 10),
    ("fournitures", "selectif", Decimal("5000.00"), 100),
    ("loyer", "selectif", Decimal("10000.00"), 100),
    ("interets", "selectif", Decimal("5000.00"), 100),
]


def charger_plan_controle_depenses(PlanControleDepense) -> None:
    for nature, mode, seuil, taux in PLAN:
        PlanControleDepense.objects.get_or_create(
            nature=nature, defaults={"mode": mode, "seuil": seuil, "taux": taux}
        )
