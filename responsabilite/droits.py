"""The droits of the agent comptable's liability: the first gate of each act
(`personnes.droits`), declared once and shared by `actes`, `actes_reglement`
and `actes_drass`, which build the acts on them."""

from __future__ import annotations

from personnes.droits import TOUTES, droit
from personnes.models import Fonction
from responsabilite import services, services_decharge, services_sursis

DIRECTEUR = {Fonction.DIRECTEUR}

LIRE_DROIT = droit(
    "responsabilite.lire",
    TOUTES,
    "Vous devez exercer une fonction dans l'organisme pour lire le registre des débets.",
)
MISE_EN_CAUSE_DROIT = droit("responsabilite.mise_en_cause", DIRECTEUR, services.REFUS_DIRECTEUR)
EMETTRE_DROIT = droit("responsabilite.ordre_emettre", DIRECTEUR, services.REFUS_DIRECTEUR)
SUIVRE_DROIT = droit("responsabilite.ordre_suivre", DIRECTEUR, services.REFUS_DIRECTEUR)
COMPTABILISER_DROIT = droit(
    "responsabilite.comptabiliser",
    {Fonction.AGENT_COMPTABLE, Fonction.FONDE_DE_POUVOIR},
    "Seul l'agent comptable (ou son fondé de pouvoir) passe les écritures (circulaire 93/82 "
    "§1.1.1).",
)

# The sursis de versement (§6.2): the agent comptable asks for it on his own
# débet — whatever function he holds now, the service checks that the débet
# is his —; the directeur records the decision on it.
SURSIS_DEMANDER_DROIT = droit(
    "responsabilite.sursis_demander", TOUTES, services_sursis.REFUS_DEMANDEUR
)
SURSIS_DECIDER_DROIT = droit(
    "responsabilite.sursis_decider",
    DIRECTEUR,
    "Seul le directeur enregistre la décision sur le sursis de versement de l'agent comptable "
    "(circulaire 93/82 §6.2).",
)
# The décharge and the remise gracieuse (§6.2): the agent comptable requests
# them on his own débet (the service checks it is his); the directeur records
# the board's decision and the ministers' approval.
DEMANDE_DROIT = droit("responsabilite.demande_deposer", TOUTES, services_decharge.REFUS_DEMANDEUR)
DEMANDE_DECIDER_DROIT = droit(
    "responsabilite.demande_decider",
    DIRECTEUR,
    "Seul le directeur enregistre la décision du conseil d'administration et l'approbation "
    "des ministres sur la décharge ou la remise gracieuse de l'agent comptable (circulaire "
    "93/82 §6.2).",
)
