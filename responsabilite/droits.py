"""The droits of the agent comptable's liability: the first gate of each act
(`personnes.droits`), declared once and shared by `actes`, `actes_reglement`
and `actes_drass`, which build the acts on them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from personnes.droits import CATALOGUE, TOUTES, Droit, droit
from personnes.models import Fonction
from personnes.selectors import a_une_fonction
from responsabilite import services, services_decharge, services_sursis
from responsabilite.models import MiseEnCause, OrdreDebet

DIRECTEUR = {Fonction.DIRECTEUR}


def est_debiteur(utilisateur) -> bool:
    """Is `utilisateur` the comptable put in question by a mise en cause or an
    ordre de recette? He answers for his management "depuis son installation
    jusqu'à la cessation de ses fonctions" (circ. 93/82 §VI): the débet is
    often found after he left, and he must still read it and ask for a sursis,
    a décharge or a remise gracieuse."""
    if utilisateur is None or not utilisateur.is_authenticated:
        return False
    return (
        MiseEnCause.objects.filter(agent_comptable=utilisateur).exists()
        or OrdreDebet.objects.filter(agent_comptable=utilisateur).exists()
    )


def debiteur_seulement(utilisateur) -> bool:
    """A debtor holding no function in the fund today (a former agent
    comptable): he reads only his own débets."""
    return not a_une_fonction(utilisateur) and est_debiteur(utilisateur)


@dataclass(frozen=True)
class DroitDuDebiteur(Droit):
    """A droit of the functions, and of the debtor of a débet whatever he
    holds today (the service checks that the débet is his)."""

    def accorde(self, utilisateur, le: datetime.date | None = None) -> bool:
        return super().accorde(utilisateur, le) or est_debiteur(utilisateur)


def droit_du_debiteur(code: str, fonctions, refus: str) -> DroitDuDebiteur:
    """Declare, once in `CATALOGUE`, a droit the debtor holds too."""
    if code in CATALOGUE:
        raise ValueError(f"Le droit « {code} » est déjà déclaré.")
    entree = DroitDuDebiteur(code, frozenset(fonctions), refus)
    CATALOGUE[code] = entree
    return entree


LIRE_DROIT = droit_du_debiteur(
    "responsabilite.lire",
    TOUTES,
    "Vous devez exercer une fonction dans l'organisme, ou être l'agent comptable visé par un "
    "débet, pour lire le registre des débets.",
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
# is his, and the former agent comptable keeps it (`DroitDuDebiteur`) —; the directeur records the decision on it.
SURSIS_DEMANDER_DROIT = droit_du_debiteur(
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
DEMANDE_DROIT = droit_du_debiteur(
    "responsabilite.demande_deposer", TOUTES, services_decharge.REFUS_DEMANDEUR
)
DEMANDE_DECIDER_DROIT = droit(
    "responsabilite.demande_decider",
    DIRECTEUR,
    "Seul le directeur enregistre la décision du conseil d'administration et l'approbation "
    "des ministres sur la décharge ou la remise gracieuse de l'agent comptable (circulaire "
    "93/82 §6.2).",
)
