"""The recovery in the demo fund: each part adds its own (SCENARIOS.md)."""

from recouvrement import demo_amiable, demo_contentieux, demo_surveillance


def creer_recouvrement_demo(personnes: dict, exercice, aujourd_hui) -> None:
    """Amicable recovery first, then what the directeur took over, then the watch."""
    demo_amiable.creer_demo(personnes, exercice, aujourd_hui)
    demo_contentieux.creer_demo(personnes, exercice, aujourd_hui)
    demo_surveillance.creer_demo(personnes, exercice, aujourd_hui)
