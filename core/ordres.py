"""Guards shared by every kind of order (recettes, dépenses): who acts, in which state."""

from __future__ import annotations

from django.utils import timezone

from core.exceptions import DroitInsuffisant, TransitionInterdite


def exiger_ordonnateur(utilisateur, acte: str, *, source: str) -> None:
    """Only the ordonnateur (directeur or délégué) issues and corrects orders."""
    from personnes.selectors import FONCTIONS_ORDONNATRICES, fonctions_le

    if not set(fonctions_le(utilisateur, timezone.localdate())) & FONCTIONS_ORDONNATRICES:
        raise DroitInsuffisant(
            f"Seul l'ordonnateur (le directeur ou son délégué) peut {acte} ({source})."
        )


def exiger_etat(ordre, etats: set[str], acte: str) -> None:
    """Refuse an act out of order, naming the order, its state and the states it needs."""
    if ordre.etat not in etats:
        attendus = ", ".join(sorted(type(ordre).Etat(e).label for e in etats))
        nom = ordre._meta.verbose_name
        raise TransitionInterdite(
            f"L'{nom} n° {ordre.reference} est {ordre.get_etat_display()} : on ne peut le {acte} "
            f"que s'il est {attendus}."
        )


def exiger_comptable_distinct(utilisateur, ordre, acte: str) -> None:
    """The agent comptable acts, and never on an order he signed (circ. 93/82 §2.4.0)."""
    from personnes.permissions import exiger_comptable, exiger_separation

    exiger_comptable(utilisateur, timezone.localdate(), acte)
    for signature in ordre.signatures.select_related("signataire"):
        exiger_separation(ordonnateur=signature.signataire, comptable=utilisateur)
