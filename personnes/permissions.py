"""Predicates on who may do what, used by services and views alike.

`pouvoir_ordonnateur` is the one place that decides whether someone may act
as ordonnateur on a given day (sign, issue, correct, transmit, engage,
attest, reduce, requisition...), and in what capacity; the orders print that
capacity (`Capacite.qualite`) under the signature. `exiger_pouvoir_ordonnateur`
is the guard every act of the ordonnateur calls with its nature, amount and
account(s), at the act's date.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from core import horloge
from core.exceptions import (
    DelegationInvalide,
    DonneeInvalide,
    DroitInsuffisant,
    SeparationDesFonctions,
)
from core.money import format_euros
from core.money import montant as montant_valide
from personnes.models import Affectation, Delegation, Fonction
from personnes.models import nom_de as _nom
from personnes.permissions_comptable import (  # noqa: F401 (the guards' one address)
    exiger_comptable,
    exiger_dans_procuration,
    refus_comptable,
)
from personnes.selectors import (
    FONCTIONS_ORDONNATRICES,
    affectations_de,
    delegations_en_vigueur,
    delegations_recues,
    fonctions_cote_comptable_le,
    fonctions_le,
)

CIRCULAIRE_DELEGATION = "circulaire 93/82 §1.0"
CIRCULAIRE_SEPARATION = "séparation des fonctions, circulaire 93/82 §2.4.0 et §1.1.1"


def refus_ordonnateur(acte: str, source: str) -> str:
    """The refusal of an act of the ordonnateur to whoever holds neither his
    function nor any delegation: the services and the catalogue say it alike."""
    return f"Seul l'ordonnateur (le directeur ou son délégué) peut {acte} ({source})."


# --- The ordonnateur's powers --------------------------------------------------


@dataclass(frozen=True)
class Capacite:
    """In what capacity someone acts as ordonnateur: shown on the signed order."""

    utilisateur: object
    qualite: (
        str  # "Directeur", or "Délégué du directeur (délégation de signature n° 3 du 01/01/2026)"
    )
    delegation: Delegation | None


# Checks of a delegation, in the order they are tried. When no delegation
# covers the act, the refusal names the delegation that went furthest down
# this list: the reason that really stands in the way.
REGLES = (
    "nature",
    "compte",
    "periode",
    "retrait",
    "notification",
    "delegant",
    "delegataire",
    "plafond",
)


def _de(acte: str) -> str:
    """« de signer », « d'engager une dépense »."""
    return "d'" if acte[:1].lower() in "aeéèêiîouyh" else "de "


def pouvoir_ordonnateur(
    utilisateur,
    *,
    nature: str,
    montant: Decimal | None,
    compte_numero: str | None,
    le: datetime.date,
    acte: str | None = None,
) -> Capacite:
    """Whether `utilisateur` may act as ordonnateur on `le`, on an order of
    `nature` for `montant` on that account (`acte` names the act in the
    refusals; signing by default).

    Circ. 93/82 §1.0: the directeur acts by himself, unless he has handed this
    very power to someone (délégation de pouvoir: he may no longer exercise it
    while it lasts). Anyone else acts only within a delegation of the
    directeur that covers the nature of the operation, the account and the
    amount, on that day, that was notified to the agent comptable, that is not
    withdrawn, whose delegator is still directeur and whose delegate is still
    the one it was given to: a delegation is personal and falls when either
    changes. The delegate "changes" when the affectation as délégué du
    directeur he held on the delegation's first day is no longer the one he
    holds on the act's day (it ended; or he took another function and a new
    affectation): see `_refus`. Whoever acts for the agent comptable that day
    (circ. §2.4.0, §1.1.1), or for the tutelle that controls the fund, never
    acts as ordonnateur.

    `montant` and `compte_numero` may be None when the act has not yet fixed
    them (the first gate of an order's creation): the ceiling and the accounts
    are then checked once they are known.

    Raises `DelegationInvalide` (or `SeparationDesFonctions`) with a French
    message naming the rule; `details["regle"]` names it for programs.
    """
    if nature not in Delegation.Nature.values:
        raise DonneeInvalide(
            f"Nature d'ordre inconnue : « {nature} » (ordre_recette ou ordre_depense)."
        )
    if montant is not None:
        montant = montant_valide(montant, libelle="Le montant de l'ordre")
    compte = None if compte_numero is None else str(compte_numero).strip()
    contexte = {
        "nature": nature,
        "compte": compte,
        "montant": None if montant is None else str(montant),
        "le": le.isoformat(),
    }

    cote_comptable = fonctions_cote_comptable_le(utilisateur, le)
    if cote_comptable:
        libelles = ", ".join(Fonction(f).label for f in cote_comptable)
        raise SeparationDesFonctions(
            f"Vous exercez le {le:%d/%m/%Y} une fonction pour l'agent comptable ({libelles}) : "
            f"une même personne ne peut être à la fois ordonnateur et comptable ({CIRCULAIRE_SEPARATION}).",
            details={"regle": "separation", "fonctions": cote_comptable, **contexte},
        )
    fonctions = fonctions_le(utilisateur, le)
    if Fonction.AUDITEUR in fonctions:
        raise SeparationDesFonctions(
            f"Vous exercez le {le:%d/%m/%Y} la fonction d'auditeur (tutelle) : celui qui contrôle "
            "l'organisme n'agit pas pour son directeur, qui ne délègue qu'à « certains agents de "
            f"l'organisme » ({CIRCULAIRE_DELEGATION}).",
            details={"regle": "tutelle", "fonctions": [Fonction.AUDITEUR], **contexte},
        )

    if Fonction.DIRECTEUR in fonctions:
        _exiger_pas_dessaisi(utilisateur, nature=nature, montant=montant, compte=compte, le=le)
        return Capacite(utilisateur=utilisateur, qualite="Directeur", delegation=None)

    delegations = delegations_recues(utilisateur, partagees=True)
    if not delegations:
        qui = (
            f"Vous êtes délégué du directeur le {le:%d/%m/%Y} mais n'avez reçu de lui aucune "
            "délégation"
            if Fonction.DELEGUE in fonctions
            else f"Vous n'êtes ni directeur ni délégué du directeur le {le:%d/%m/%Y}"
        )
        quoi = (
            f"signent les {Delegation.Nature(nature).label}" if acte is None else f"peuvent {acte}"
        )
        raise DelegationInvalide(
            f"{qui} : seuls le directeur et les agents qui ont reçu de lui une délégation "
            f"{quoi} ({CIRCULAIRE_DELEGATION}).",
            details={"regle": "aucune_delegation", **contexte},
        )

    directeurs: dict[int, bool] = {}
    affectations = affectations_de(utilisateur, Fonction.DELEGUE)
    meilleur: tuple[int, DelegationInvalide] | None = None
    for delegation in delegations:
        refus = _refus(
            delegation,
            nature=nature,
            montant=montant,
            compte=compte,
            le=le,
            acte=acte,
            directeurs=directeurs,
            affectations=affectations,
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


def exiger_pouvoir_ordonnateur(
    utilisateur,
    *,
    acte: str,
    source: str,
    nature: str | None = None,
    montant: Decimal | None = None,
    comptes: Iterable[str] = (),
    le: datetime.date | None = None,
) -> Capacite | None:
    """The guard of every act of the ordonnateur, at the act's date (today by
    default): the act is his "dans le cadre de ses pouvoirs propres ou de la
    délégation" (circ. 93/82 §2.1), so it is bound to the actor's own powers
    (`pouvoir_ordonnateur`) for the act's `nature`, `montant` and each of its
    `comptes`, exactly as a signature is.

    Whoever holds neither the directeur's nor the délégué's function that day
    and has received no delegation reads the act's own refusal
    (`refus_ordonnateur`). Without `nature` (an act whose order does not exist
    yet), only that first gate is checked: the caller checks the rest once
    the order is drawn up. Returns the capacity the act is done in.
    """
    le = le or horloge.aujourdhui()
    if not set(fonctions_le(utilisateur, le)) & FONCTIONS_ORDONNATRICES and not (
        getattr(utilisateur, "pk", None) and utilisateur.delegations_recues.exists()
    ):
        raise DroitInsuffisant(refus_ordonnateur(acte, source))
    if nature is None:
        return None
    capacite = None
    for compte in list(comptes) or [None]:
        capacite = pouvoir_ordonnateur(
            utilisateur, nature=nature, montant=montant, compte_numero=compte, le=le, acte=acte
        )
    return capacite


def _exiger_pas_dessaisi(utilisateur, *, nature, montant, compte, le) -> None:
    """A délégation de pouvoir in force takes the competence away from its author (§1.0).

    With the account or the amount not yet known, only a delegation covering
    every account and every amount takes it away."""
    for delegation in delegations_en_vigueur(le).filter(
        delegant=utilisateur, type=Delegation.Type.POUVOIR, nature=nature
    ):
        if compte is None and delegation.prefixes:
            continue
        if compte is not None and not delegation.couvre_compte(compte):
            continue
        if delegation.montant_max is not None and (
            montant is None or montant > delegation.montant_max
        ):
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
                "montant": None if montant is None else str(montant),
                "le": le.isoformat(),
            },
        )


def _refus(
    delegation: Delegation,
    *,
    nature,
    montant,
    compte,
    le,
    acte,
    directeurs: dict[int, bool],
    affectations: list[Affectation],
) -> tuple[str, str, dict] | None:
    """The first rule of `REGLES` this delegation breaks for the act, or None if it covers it."""
    n = delegation.pk
    if delegation.nature != nature:
        quoi = f"signer les {Delegation.Nature(nature).label}" if acte is None else acte
        return (
            "nature",
            f"Votre délégation n° {n} porte sur les {delegation.get_nature_display()} : elle ne "
            f"vous permet pas {_de(quoi)}{quoi} "
            f"({CIRCULAIRE_DELEGATION} : la délégation précise la nature des opérations).",
            {"nature_delegation": delegation.nature},
        )
    if compte is not None and not delegation.couvre_compte(compte):
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
    refus_delegataire = _refus_delegataire(delegation, le, affectations)
    if refus_delegataire is not None:
        return refus_delegataire
    if (
        montant is not None
        and delegation.montant_max is not None
        and montant > delegation.montant_max
    ):
        return (
            "plafond",
            f"Le montant de {format_euros(montant)} dépasse le plafond de "
            f"{format_euros(delegation.montant_max)} de votre délégation n° {n} "
            f"({CIRCULAIRE_DELEGATION}).",
            {"plafond": str(delegation.montant_max)},
        )
    return None


def _refus_delegataire(
    delegation: Delegation, le: datetime.date, affectations: list[Affectation]
) -> tuple[str, str, dict] | None:
    """The delegation holds only while its delegate keeps, without a break,
    the affectation as délégué du directeur he held on its first day (circ.
    93/82 §1.0: « si le délégant ou le délégataire change, la délégation qui
    possède un caractère personnel tombe d'elle-même »).

    So it falls the day that affectation ends, whether he leaves the function
    or is moved to another one (a new affectation, even as délégué again, is
    another posting: the directeur delegates anew if he wishes). The
    functions that would make him act for the agent comptable or the tutelle
    cannot be given to him while it lasts (PostgreSQL, personnes 0003)."""
    n = delegation.pk
    tenue = next(
        (a for a in affectations if a.debut <= delegation.debut and (a.fin is None or a.fin >= le)),
        None,
    )
    if tenue is not None:
        return None
    actuelle = next((a for a in affectations if a.valide_le(le)), None)
    motif = (
        f"vous n'êtes plus délégué du directeur le {le:%d/%m/%Y}"
        if actuelle is None
        else (
            "vous n'exercez plus la même affectation de délégué du directeur (la vôtre date du "
            f"{actuelle.debut:%d/%m/%Y})"
        )
    )
    return (
        "delegataire",
        f"Votre délégation n° {n} vous a été donnée le {delegation.debut:%d/%m/%Y} comme délégué "
        f"du directeur ; {motif} : une délégation a un caractère personnel et tombe d'elle-même "
        f"quand le délégataire change ({CIRCULAIRE_DELEGATION}).",
        {"affectation": None if actuelle is None else actuelle.pk},
    )


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


def exiger_pas_comptable_de(ordonnateur, *, comptables: dict, acte: str) -> None:
    """The one who acted on an order for the agent comptable (took it in
    charge, visaed it...) never acts on it as ordonnateur afterwards, even
    after changing function (circ. 93/82 §2.4.0, §1.1.1). `comptables` maps
    each such person to what he did (« a pris l'ordre en charge »)."""
    for comptable, fait in comptables.items():
        if comptable is None or getattr(ordonnateur, "pk", None) is None:
            continue
        if comptable.pk == ordonnateur.pk:
            raise SeparationDesFonctions(
                f"{_nom(ordonnateur)} {fait} pour l'agent comptable : une même personne ne peut "
                f"pas aussi {acte} comme ordonnateur ({CIRCULAIRE_SEPARATION}).",
                details={"regle": "separation", "utilisateur": ordonnateur.pk},
            )
