"""Predicates on who may do what, used by services and views alike.

`pouvoir_ordonnateur` is the one place that decides whether someone may sign
an ordre de recette or de dépense on a given day, and in what capacity; the
orders print that capacity (`Capacite.qualite`) under the signature.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from core.exceptions import (
    DelegationInvalide,
    DonneeInvalide,
    DroitInsuffisant,
    SeparationDesFonctions,
)
from core.money import format_euros
from core.money import montant as montant_valide
from personnes.models import Delegation, Fonction
from personnes.selectors import (
    FONCTIONS_COMPTABLES,
    delegations_en_vigueur,
    delegations_recues,
    fonctions_cote_comptable_le,
    fonctions_le,
)

CIRCULAIRE_DELEGATION = "circulaire 93/82 §1.0"
CIRCULAIRE_SEPARATION = "séparation des fonctions, circulaire 93/82 §2.4.0 et §1.1.1"


def refus_comptable(acte: str) -> str:
    """The refusal of an act of the books to whoever is not the agent comptable:
    the services and the permission catalogue say the same sentence."""
    return (
        f"Seul l'agent comptable (ou son fondé de pouvoir) peut {acte} : "
        "la tenue de la comptabilité lui est réservée (circulaire 93/82 §1.2)."
    )


def exiger_comptable(utilisateur, jour: datetime.date, acte: str) -> None:
    """The agent comptable alone keeps the books (circ. 93/82 §1.2, §III)."""
    fonctions = set(fonctions_le(utilisateur, jour))
    if not fonctions & FONCTIONS_COMPTABLES:
        raise DroitInsuffisant(refus_comptable(acte), details={"fonctions": sorted(fonctions)})
    if Fonction.DIRECTEUR in fonctions or Fonction.DELEGUE in fonctions:
        raise DroitInsuffisant(
            "Une même personne ne peut être à la fois ordonnateur et comptable "
            "(séparation des fonctions, circulaire 93/82 §2.4.0).",
        )


# --- Signing orders ----------------------------------------------------------


@dataclass(frozen=True)
class Capacite:
    """In what capacity someone signs an order: shown on the signed order."""

    utilisateur: object
    qualite: (
        str  # "Directeur", or "Délégué du directeur (délégation de signature n° 3 du 01/01/2026)"
    )
    delegation: Delegation | None


# Checks of a delegation, in the order they are tried. When no delegation
# covers the act, the refusal names the delegation that went furthest down
# this list: the reason that really stands in the signer's way.
REGLES = ("nature", "compte", "periode", "retrait", "notification", "delegant", "plafond")


def pouvoir_ordonnateur(
    utilisateur, *, nature: str, montant: Decimal, compte_numero: str, le: datetime.date
) -> Capacite:
    """Whether `utilisateur` may sign, on `le`, an order of `nature` for `montant` on that account.

    Circ. 93/82 §1.0: the directeur's signature holds by itself, unless he has
    handed this very power to someone (délégation de pouvoir: he may no longer
    exercise it while it lasts). Anyone else signs only within a delegation of
    the directeur that covers the nature of the operation, the account and the
    amount, on that day, that was notified to the agent comptable, that is not
    withdrawn, and whose delegator is still directeur (a delegation is
    personal: it falls when its author changes). Whoever acts for the agent
    comptable that day never signs as ordonnateur (circ. §2.4.0, §1.1.1).

    Raises `DelegationInvalide` (or `SeparationDesFonctions`) with a French
    message naming the rule; `details["regle"]` names it for programs.
    """
    if nature not in Delegation.Nature.values:
        raise DonneeInvalide(
            f"Nature d'ordre inconnue : « {nature} » (ordre_recette ou ordre_depense)."
        )
    montant = montant_valide(montant, libelle="Le montant de l'ordre")
    compte = str(compte_numero).strip()
    contexte = {"nature": nature, "compte": compte, "montant": str(montant), "le": le.isoformat()}

    cote_comptable = fonctions_cote_comptable_le(utilisateur, le)
    if cote_comptable:
        libelles = ", ".join(Fonction(f).label for f in cote_comptable)
        raise SeparationDesFonctions(
            f"Vous exercez le {le:%d/%m/%Y} une fonction pour l'agent comptable ({libelles}) : "
            f"une même personne ne peut être à la fois ordonnateur et comptable ({CIRCULAIRE_SEPARATION}).",
            details={"regle": "separation", "fonctions": cote_comptable, **contexte},
        )

    if Fonction.DIRECTEUR in fonctions_le(utilisateur, le):
        _exiger_pas_dessaisi(utilisateur, nature=nature, montant=montant, compte=compte, le=le)
        return Capacite(utilisateur=utilisateur, qualite="Directeur", delegation=None)

    delegations = delegations_recues(utilisateur)
    if not delegations:
        raise DelegationInvalide(
            f"Vous n'êtes ni directeur ni délégué du directeur le {le:%d/%m/%Y} : seuls le directeur "
            f"et les agents qui ont reçu de lui une délégation signent les "
            f"{Delegation.Nature(nature).label} ({CIRCULAIRE_DELEGATION}).",
            details={"regle": "aucune_delegation", **contexte},
        )

    directeurs: dict[int, bool] = {}
    meilleur: tuple[int, DelegationInvalide] | None = None
    for delegation in delegations:
        refus = _refus(
            delegation, nature=nature, montant=montant, compte=compte, le=le, directeurs=directeurs
        )
        if refus is None:
            return Capacite(
                utilisateur=utilisateur,
                qualite=(
                    f"Délégué du directeur ({delegation.get_type_display()} n° {delegation.pk} "
                    f"du {delegation.debut:%d/%m/%Y})"
                ),
                delegation=delegation,
            )
        regle, message, details = refus
        rang = REGLES.index(regle)
        if meilleur is None or rang > meilleur[0]:
            erreur = DelegationInvalide(
                message,
                details={"regle": regle, "delegation": delegation.pk, **contexte, **details},
            )
            meilleur = (rang, erreur)
    raise meilleur[1]


def _exiger_pas_dessaisi(utilisateur, *, nature, montant, compte, le) -> None:
    """A délégation de pouvoir in force takes the competence away from its author (§1.0)."""
    for delegation in delegations_en_vigueur(le).filter(
        delegant=utilisateur, type=Delegation.Type.POUVOIR, nature=nature
    ):
        if not delegation.couvre_compte(compte):
            continue
        if delegation.montant_max is not None and montant > delegation.montant_max:
            continue
        raise DelegationInvalide(
            f"Vous avez délégué votre pouvoir sur les {delegation.get_nature_display()} à "
            f"{_nom(delegation.delegataire)} du {delegation.debut:%d/%m/%Y} au "
            f"{delegation.fin:%d/%m/%Y} (délégation de pouvoir n° {delegation.pk}) : vous ne pouvez "
            f"plus exercer cette compétence tant que dure la délégation ({CIRCULAIRE_DELEGATION}).",
            details={
                "regle": "dessaisi_par_delegation_de_pouvoir",
                "delegation": delegation.pk,
                "delegataire": delegation.delegataire_id,
                "nature": nature,
                "compte": compte,
                "montant": str(montant),
                "le": le.isoformat(),
            },
        )


def _refus(
    delegation: Delegation, *, nature, montant, compte, le, directeurs: dict[int, bool]
) -> tuple[str, str, dict] | None:
    """The first rule of `REGLES` this delegation breaks for the act, or None if it covers it."""
    n = delegation.pk
    if delegation.nature != nature:
        return (
            "nature",
            f"Votre délégation n° {n} porte sur les {delegation.get_nature_display()} : elle ne "
            f"vous permet pas de signer les {Delegation.Nature(nature).label} "
            f"({CIRCULAIRE_DELEGATION} : la délégation précise la nature des opérations).",
            {"nature_delegation": delegation.nature},
        )
    if not delegation.couvre_compte(compte):
        return (
            "compte",
            f"Votre délégation n° {n} est limitée aux comptes commençant par "
            f"{', '.join(delegation.prefixes)} : elle ne couvre pas une imputation au compte "
            f"{compte} ({CIRCULAIRE_DELEGATION} : la délégation précise la nature des opérations).",
            {"classes_comptes": delegation.classes_comptes},
        )
    if not delegation.debut <= le <= delegation.fin:
        return (
            "periode",
            f"Votre délégation n° {n} ne vaut que du {delegation.debut:%d/%m/%Y} au "
            f"{delegation.fin:%d/%m/%Y} : elle ne couvre pas un acte du {le:%d/%m/%Y} "
            f"({CIRCULAIRE_DELEGATION} : la délégation précise sa durée).",
            {"debut": delegation.debut.isoformat(), "fin": delegation.fin.isoformat()},
        )
    if delegation.retiree_le is not None and delegation.retiree_le <= le:
        return (
            "retrait",
            f"Votre délégation n° {n} a été retirée le {delegation.retiree_le:%d/%m/%Y} : elle ne "
            f"vaut plus pour un acte du {le:%d/%m/%Y} ({CIRCULAIRE_DELEGATION}).",
            {"retiree_le": delegation.retiree_le.isoformat()},
        )
    if delegation.notifiee_le is None:
        return (
            "notification",
            f"Votre délégation n° {n} n'a pas été notifiée à l'agent comptable : elle ne peut pas "
            f"être exercée avant de l'être ({CIRCULAIRE_DELEGATION} : les délégations de signature "
            "sont notifiées à l'agent comptable).",
            {"notifiee_le": None},
        )
    if delegation.notifiee_le > le:
        return (
            "notification",
            f"Votre délégation n° {n} n'a été notifiée à l'agent comptable que le "
            f"{delegation.notifiee_le:%d/%m/%Y} : elle ne vaut pas pour un acte du {le:%d/%m/%Y} "
            f"({CIRCULAIRE_DELEGATION} : les délégations de signature sont notifiées à l'agent "
            "comptable).",
            {"notifiee_le": delegation.notifiee_le.isoformat()},
        )
    if delegation.delegant_id not in directeurs:
        directeurs[delegation.delegant_id] = Fonction.DIRECTEUR in fonctions_le(
            delegation.delegant, le
        )
    if not directeurs[delegation.delegant_id]:
        return (
            "delegant",
            f"Votre délégation n° {n} vous a été donnée par {_nom(delegation.delegant)}, qui n'est "
            f"plus directeur le {le:%d/%m/%Y} : une délégation a un caractère personnel et tombe "
            f"d'elle-même quand le délégant change ({CIRCULAIRE_DELEGATION}).",
            {"delegant": delegation.delegant_id},
        )
    if delegation.montant_max is not None and montant > delegation.montant_max:
        return (
            "plafond",
            f"Le montant de {format_euros(montant)} dépasse le plafond de "
            f"{format_euros(delegation.montant_max)} de votre délégation n° {n} "
            f"({CIRCULAIRE_DELEGATION}).",
            {"plafond": str(delegation.montant_max)},
        )
    return None


def exiger_separation(*, ordonnateur, comptable) -> None:
    """The one who signed an order as ordonnateur never acts on it as comptable.

    Circ. 93/82 §2.4.0 (séparation de l'ordonnateur et de l'agent comptable)
    and §1.1.1 (no one exercises both delegations on the same activity).
    `ordonnateur` may be a user or the `Capacite` returned by
    `pouvoir_ordonnateur`.
    """
    if isinstance(ordonnateur, Capacite):
        ordonnateur = ordonnateur.utilisateur
    if ordonnateur is None or comptable is None:
        return
    if getattr(ordonnateur, "pk", None) is None or getattr(comptable, "pk", None) is None:
        return
    if ordonnateur.pk == comptable.pk:
        raise SeparationDesFonctions(
            f"{_nom(ordonnateur)} a signé cet ordre comme ordonnateur : une même personne ne peut "
            f"pas en être aussi le comptable ({CIRCULAIRE_SEPARATION}).",
            details={"regle": "separation", "utilisateur": ordonnateur.pk},
        )


def _nom(utilisateur) -> str:
    return utilisateur.get_full_name() or utilisateur.get_username()
