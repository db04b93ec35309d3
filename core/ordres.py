"""Guards shared by every kind of order (recettes, dépenses): who acts, in which state."""

from __future__ import annotations

from core import horloge
from core.exceptions import DroitInsuffisant, TransitionInterdite


def exiger_ordonnateur(utilisateur, acte: str, *, source: str) -> None:
    """Only the ordonnateur (directeur or délégué) issues and corrects orders."""
    from personnes.selectors import FONCTIONS_ORDONNATRICES, fonctions_le

    if not set(fonctions_le(utilisateur, horloge.aujourdhui())) & FONCTIONS_ORDONNATRICES:
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

    exiger_comptable(utilisateur, horloge.aujourdhui(), acte)
    for signature in ordre.signatures.select_related("signataire"):
        exiger_separation(ordonnateur=signature.signataire, comptable=utilisateur)


def selection_plan(*, mode: str, seuil, taux: int, montant, cle: str) -> tuple[bool, str]:
    """Is this order selected by the plan de contrôle, and why (circ. 93/82
    §2.0.1.1 and §2.1.2.1: exhaustive, selective or sampled by nature)?

    The sample is drawn from a hash of the order's reference, so the draw is
    reproducible and cannot be steered by re-submitting the order.
    """
    import hashlib

    from core.money import format_euros

    if mode == "exhaustif":
        return True, "contrôle exhaustif"
    if mode == "selectif":
        if seuil is None or montant >= seuil:
            return True, f"montant au moins égal au seuil de {format_euros(seuil or 0)}"
        return False, f"montant inférieur au seuil de {format_euros(seuil)}"
    tirage = int(hashlib.sha256(cle.encode()).hexdigest(), 16) % 100
    selectionne = tirage < taux
    return selectionne, f"sondage à {taux} % : ordre {'tiré' if selectionne else 'non tiré'}"


def apposer_signature(utilisateur, ordre, capacite, *, empreinte: str, acte: str) -> None:
    """Sign the order: its content hash, its state, the signature row (who, in
    what capacity, when, what) and the audit row, in the caller's transaction."""

    from core.audit import audit

    ordre.empreinte_contenu = empreinte
    ordre.etat = type(ordre).Etat.SIGNE
    ordre.save(update_fields=["empreinte_contenu", "etat"])
    ordre.signatures.create(
        signataire=utilisateur,
        qualite=capacite.qualite[:255],
        delegation=capacite.delegation,
        signee_le=horloge.maintenant(),
        empreinte_contenu=empreinte,
    )
    audit(
        utilisateur,
        acte,
        ordre,
        avant={"etat": "brouillon"},
        apres={"etat": ordre.etat, "qualite": capacite.qualite, "empreinte": empreinte},
    )
