"""Refusals of the credits, in the domain tree of `core.exceptions`.

The ordres de dépense code catches `CreditsInsuffisants` to tell "absence ou
insuffisance de crédits" (circ. 93/82 §2.1.9: the one refusal a réquisition
cannot override) from the other errors; `CreditAbsent` is one of them.
"""

from __future__ import annotations

from core.exceptions import ApplicationError


class CreditsInsuffisants(ApplicationError):
    """Engaging more than the credits available (circ. 93/82 §2.1.2, §2.1.9)."""

    code = "credits_insuffisants"
    statut_http = 409
    message_defaut = "Crédits insuffisants (circulaire 93/82 §2.1.2)."


class CreditAbsent(CreditsInsuffisants):
    """No credit covers the account: the "absence de crédits" of §2.1.9."""

    code = "credit_absent"
    message_defaut = "Aucun crédit n'est ouvert pour ce compte (circulaire 93/82 §2.1.2)."


class MouvementCreditInvalide(ApplicationError):
    """Ordering beyond what is engaged, paying beyond what is ordered, releasing
    what is already ordered (circ. 93/82 §2.1.0: engagement, then liquidation
    and ordonnancement, then payment)."""

    code = "mouvement_credit_invalide"
    statut_http = 409
    message_defaut = "Ce mouvement de crédit n'est pas possible (circulaire 93/82 §2.1.0)."
