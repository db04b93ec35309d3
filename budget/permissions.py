"""The services' own checks of who acts on the credits.

Who may open and modify credits is in the permission catalogue
(`budget.actes`: the directeur), checked by pages and the API at their edge;
the services check it again at the act's date with the act's name. Moving a
credit (engaging, ordering, paying) is decided by the caller, the ordres de
dépense, which check the signer's power (`pouvoir_ordonnateur`) and the agent
comptable's function themselves; here it only takes someone who holds a
function in the fund.
"""

from __future__ import annotations

from core import horloge
from core.exceptions import DroitInsuffisant
from personnes.models import Fonction
from personnes.selectors import fonctions_actuelles, fonctions_le

CIRCULAIRE_CREDITS = "circulaire 93/82 §2.1"


def exiger_directeur(utilisateur, acte: str) -> None:
    """The directeur engages the fund's expenses within the budget (circ. 93/82 §2.1):
    opening and modifying its credits is his act."""
    if Fonction.DIRECTEUR not in fonctions_le(utilisateur, horloge.aujourdhui()):
        raise DroitInsuffisant(
            f"Seul le directeur peut {acte} : il exécute le budget de gestion "
            f"administrative et engage les dépenses dans la limite des crédits ({CIRCULAIRE_CREDITS}).",
        )


def exiger_fonction(utilisateur, acte: str) -> None:
    if not getattr(utilisateur, "pk", None) or not fonctions_actuelles(utilisateur):
        raise DroitInsuffisant(
            f"Vous n'exercez aucune fonction dans l'organisme : vous ne pouvez pas {acte}."
        )
