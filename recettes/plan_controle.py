"""The starter plan de contrôle (circ. 93/82 §2.0.1): editable by the agent comptable.

The agent comptable is dispensed from checking the assiette and liquidation of
cotisations (circ. §2.0.1.0): those are sampled; the other recettes are
controlled exhaustively, rents and interest above a threshold.
"""

from decimal import Decimal

POINTS_COMMUNS = [
    "Qualité du signataire (délégation valide à la date)",
    "Exercice et compte d'imputation",
    "Pièces justificatives (existence, conformité, réalité)",
]

PLAN = [
    (
        "cotisation",
        "sondage",
        None,
        5,
        ["Qualité du signataire (délégation valide à la date)", "Exercice et compte d'imputation"],
    ),
    (
        "majoration",
        "sondage",
        None,
        10,
        ["Qualité du signataire (délégation valide à la date)", "Exercice et compte d'imputation"],
    ),
    (
        "penalite",
        "sondage",
        None,
        20,
        ["Qualité du signataire (délégation valide à la date)", "Exercice et compte d'imputation"],
    ),
    (
        "loyer",
        "selectif",
        Decimal("5000.00"),
        100,
        [*POINTS_COMMUNS, "Conformité au bail (terme, montant)"],
    ),
    ("interets", "selectif", Decimal("5000.00"), 100, [*POINTS_COMMUNS, "Calcul des intérêts"]),
    ("vente", "exhaustif", None, 100, [*POINTS_COMMUNS, "Acte de vente et prix"]),
    (
        "condamnation",
        "exhaustif",
        None,
        100,
        [*POINTS_COMMUNS, "Caractère définitif de la décision"],
    ),
    ("recuperation_indu", "exhaustif", None, 100, [*POINTS_COMMUNS, "Calcul de l'indu"]),
    (
        "travaux_fournitures",
        "exhaustif",
        None,
        100,
        [*POINTS_COMMUNS, "Réception des travaux ou fournitures"],
    ),
    (
        "autre",
        "exhaustif",
        None,
        100,
        [*POINTS_COMMUNS, "Exactitude de la liquidation (bases et calcul)"],
    ),
]


def charger_plan_controle(PlanControle) -> None:
    for nature, mode, seuil, taux, points in PLAN:
        PlanControle.objects.get_or_create(
            nature=nature,
            defaults={"mode": mode, "seuil": seuil, "taux": taux, "points": "\n".join(points)},
        )
