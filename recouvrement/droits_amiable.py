"""The droits of amicable recovery (`personnes.droits`): the first gate of each
act; the service checks again who recovers the claim (D253-16 al. 1: the
directeur for cotisations and majorations, the agent comptable for the
others) and the separation of ordonnateur and comptable (circ. 93/82 §2.4.0)."""

from __future__ import annotations

from personnes.droits import droit
from personnes.models import Fonction

COMPTABLES = {Fonction.AGENT_COMPTABLE, Fonction.FONDE_DE_POUVOIR}
RECOUVRANTS = COMPTABLES | {Fonction.DIRECTEUR}

REFUS_AMIABLE = (
    "Seul l'agent comptable (ou son fondé de pouvoir) relance les débiteurs et accorde les délais "
    "de paiement, et le directeur pour les cotisations et les majorations de retard (article "
    "D253-16 ; circulaire 93/82 §2.0.5)."
)

RELANCER_DROIT = droit("recouvrement.relancer", RECOUVRANTS, REFUS_AMIABLE)
DELAI_DROIT = droit("recouvrement.delai_accorder", RECOUVRANTS, REFUS_AMIABLE)
DEFAILLANCE_DROIT = droit("recouvrement.defaillance_constater", RECOUVRANTS, REFUS_AMIABLE)
TRANSMETTRE_DROIT = droit(
    "recouvrement.transmettre",
    COMPTABLES,
    "Seul l'agent comptable (ou son fondé de pouvoir) transmet au directeur les échecs du "
    "recouvrement amiable (circulaire 93/82 §2.0.5).",
)
