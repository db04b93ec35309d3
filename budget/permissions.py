"""Who may open and modify credits: the directeur, who executes the budget.

Moving a credit (engaging, ordering, paying) is decided by the caller, the
ordres de dépense, which check the signer's power (`pouvoir_ordonnateur`) and
the agent comptable's function themselves; here it only takes someone who
holds a function in the fund.
"""

from __future__ import annotations

import datetime

from rest_framework.permissions import BasePermission

from core import horloge
from core.exceptions import DroitInsuffisant
from personnes.models import Fonction
from personnes.selectors import fonctions_actuelles, fonctions_le

CIRCULAIRE_CREDITS = "circulaire 93/82 §2.1"


def est_directeur(utilisateur, jour: datetime.date | None = None) -> bool:
    return Fonction.DIRECTEUR in fonctions_le(utilisateur, jour or horloge.aujourdhui())


def exiger_directeur(utilisateur, acte: str) -> None:
    """The directeur engages the fund's expenses within the budget (circ. 93/82 §2.1):
    opening and modifying its credits is his act."""
    if not est_directeur(utilisateur):
        raise DroitInsuffisant(
            f"Seul le directeur peut {acte} : il exécute le budget de gestion "
            f"administrative et engage les dépenses dans la limite des crédits ({CIRCULAIRE_CREDITS}).",
        )


def exiger_fonction(utilisateur, acte: str) -> None:
    if not getattr(utilisateur, "pk", None) or not fonctions_actuelles(utilisateur):
        raise DroitInsuffisant(
            f"Vous n'exercez aucune fonction dans l'organisme : vous ne pouvez pas {acte}."
        )


class EstDirecteur(BasePermission):
    """API edge: only the directeur opens and modifies credits (checked again,
    with the same message, in the services)."""

    message = (
        "Seul le directeur ouvre et modifie les crédits : il exécute le budget de gestion "
        f"administrative ({CIRCULAIRE_CREDITS})."
    )

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and est_directeur(request.user))
