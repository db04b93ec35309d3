"""The acts of the oppositions register, as pages and the API see them."""

from __future__ import annotations

from core.actes import Acte
from oppositions import services
from personnes.droits import droit
from personnes.selectors import FONCTIONS_COMPTABLES

# An opposition is valid only when served on the agent comptable (circ. 93/82 §2.1.5).
ENREGISTRER_DROIT = droit(
    "opposition.enregistrer",
    FONCTIONS_COMPTABLES,
    "Seul l'agent comptable enregistre une opposition : elle n'est valable que faite "
    "entre ses mains (circulaire 93/82 §2.1.5).",
)
MAINLEVEE_DROIT = droit(
    "opposition.mainlevee",
    FONCTIONS_COMPTABLES,
    "Seul l'agent comptable (ou son fondé de pouvoir) enregistre une mainlevée.",
)

ENREGISTRER = Acte(
    "opposition.enregistrer",
    lambda utilisateur, _objet, d: services.opposition_enregistrer(acting_user=utilisateur, **d),
    ENREGISTRER_DROIT,
    lambda opposition, _d: (
        f"Opposition n° {opposition.pk} enregistrée : les paiements à "
        f"{opposition.creancier_nom} passent d'abord par l'opposant."
    ),
)
MAINLEVEE = Acte(
    "opposition.mainlevee",
    lambda utilisateur, opposition, d: services.opposition_mainlevee(
        acting_user=utilisateur, opposition=opposition, le=d["le"]
    ),
    MAINLEVEE_DROIT,
    lambda opposition, d: (
        f"Mainlevée de l'opposition n° {opposition.pk} enregistrée au {d['le']:%d/%m/%Y}."
    ),
)
