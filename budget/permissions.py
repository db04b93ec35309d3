"""The services' own checks of who acts on the credits.

Who may open and modify credits is in the permission catalogue
(`budget.actes`: the directeur), checked by pages and the API at their edge;
the services check it again at the act's date with the act's name. Engaging
credits and ordering on them are acts of the ordonnateur: each is bound to
the actor's own powers that day (`exiger_pouvoir_credit`: the directeur, or a
délégué whose delegation on the ordres de dépense covers the account and the
amount). Paying on a credit is the agent comptable's.
"""

from __future__ import annotations

from decimal import Decimal

from core import horloge
from core.exceptions import DroitInsuffisant
from personnes.models import Delegation, Fonction
from personnes.permissions import exiger_comptable, exiger_pouvoir_ordonnateur
from personnes.selectors import fonctions_le

CIRCULAIRE_CREDITS = "circulaire 93/82 §2.1"


def exiger_directeur(utilisateur, acte: str) -> None:
    """The directeur engages the fund's expenses within the budget (circ. 93/82 §2.1):
    opening and modifying its credits is his act."""
    if Fonction.DIRECTEUR not in fonctions_le(utilisateur, horloge.aujourdhui()):
        raise DroitInsuffisant(
            f"Seul le directeur peut {acte} : il exécute le budget de gestion "
            f"administrative et engage les dépenses dans la limite des crédits ({CIRCULAIRE_CREDITS}).",
        )


def exiger_pouvoir_credit(utilisateur, acte: str, *, montant: Decimal, compte_numero: str) -> None:
    """Engaging, releasing, ordering on a credit: the ordonnateur's acts, "dans
    le cadre de ses pouvoirs propres ou de la délégation" (circ. 93/82 §2.1),
    checked today for the ordres de dépense, that amount and that account."""
    exiger_pouvoir_ordonnateur(
        utilisateur,
        acte=acte,
        source=CIRCULAIRE_CREDITS,
        nature=Delegation.Nature.ORDRE_DEPENSE,
        montant=montant,
        comptes=[compte_numero],
    )


def exiger_comptable_credit(utilisateur, acte: str) -> None:
    """Paying on a credit follows the payment of the order: the agent comptable's act."""
    exiger_comptable(utilisateur, horloge.aujourdhui(), acte)
