"""Demo data of the surveillance part of recovery (the demo fund of SCENARIOS.md)."""


def creer_demo(personnes: dict, exercice, aujourd_hui) -> None:
    """Nothing yet."""
