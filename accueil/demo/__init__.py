"""The demo fund of SCENARIOS.md: its people, a plausible year of entries, and
orders at each step of their life (`annee`, `ordres`)."""

from accueil.demo.annee import DISTRIBUTION, charger_demo, creer_personnes
from accueil.demo.mots_de_passe import mot_de_passe_demo

__all__ = ["DISTRIBUTION", "charger_demo", "creer_personnes", "mot_de_passe_demo"]
