"""Writes to the credits: one function per act, each atomic and audited.

The ordres de dépense call `credit_engager`, `credit_liberer`,
`credit_ordonnancer` and `credit_payer` inside their own transaction for the
gestions budgétaires; whether an expense must find a credit (the gestions
techniques need none) is their decision. Each service opens its own atomic
block (a savepoint when nested), locks the credit row, checks the rule so the
person acting reads a precise French message, then lets PostgreSQL have the
last word (`migrations/sql/0002_gardes.sql`). A refusal leaves the outer
transaction usable.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from django.db import DatabaseError, IntegrityError, transaction

from budget.exceptions import CreditAbsent, CreditsInsuffisants, MouvementCreditInvalide
from budget.models import Credit, ModificationCredit, MouvementCredit
from budget.permissions import (
    exiger_comptable_credit,
    exiger_directeur,
    exiger_pouvoir_credit,
)
from budget.selectors import Situation, exercice_de, situation_de
from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    ExerciceClos,
    MontantInvalide,
    relever_erreur_base,
)
from core.money import ESPACE_INSECABLE, format_euros, montant
from core.verrous import verrouiller
from ledger.models import Compte, Exercice

__all__ = [
    "Situation",
    "credit_engager",
    "credit_liberer",
    "credit_modifier",
    "credit_ordonnancer",
    "credit_ouvrir",
    "credit_payer",
    "credit_depayer",
    "credit_pour",
]

CIRCULAIRE_DISPOSITION = "circulaire 93/82 §2.1.2"
CIRCULAIRE_ENCHAINEMENT = "circulaire 93/82 §2.1.0"
CHAPITRE = re.compile(r"^[1-8][0-9]{0,11}$")
Nature = MouvementCredit.Nature
UNIQUE_VIOLATION = "23505"


def _designation(credit: Credit) -> str:
    return f"au chapitre {credit.chapitre} ({credit.libelle})"


def _exiger_exercice_non_clos(exercice: Exercice) -> None:
    if exercice.etat == Exercice.Etat.CLOS:
        raise ExerciceClos(
            f"L'exercice {exercice.annee} est clos : ses crédits ne s'ouvrent ni ne bougent plus."
        )


def _numero_compte(compte_numero) -> str:
    numero = str(compte_numero or "").strip()
    if not CHAPITRE.match(numero):
        raise DonneeInvalide(
            f"« {compte_numero} » n'est pas un numéro de compte du plan comptable "
            "(des chiffres, le premier de 1 à 8)."
        )
    return numero


def _reference(reference) -> str:
    texte = str(reference or "").strip()
    if not texte:
        raise DonneeInvalide(
            "La référence du mouvement de crédit est obligatoire (par exemple "
            "« ordre_depense:2026-00012 ») : elle relie le crédit à l'acte qui le consomme."
        )
    if len(texte) > 120:
        raise DonneeInvalide("La référence du mouvement de crédit dépasse 120 caractères.")
    return texte


def _etat(credit: Credit) -> dict:
    return {
        "chapitre": credit.chapitre,
        "ouvert": credit.ouvert,
        "engage": credit.engage,
        "ordonnance": credit.ordonnance,
        "paye": credit.paye,
        "disponible": credit.disponible,
    }


def credit_pour(*, exercice: Exercice | int, compte_numero: str) -> Credit | None:
    """The credit covering an expense account: the one whose chapter is the
    longest prefix of the account number; None if no credit covers it."""
    exercice = exercice_de(exercice)
    numero = _numero_compte(compte_numero)
    prefixes = [numero[:n] for n in range(1, len(numero) + 1)]
    candidats = Credit.objects.filter(exercice=exercice, chapitre__in=prefixes)
    return max(candidats, key=lambda c: len(c.chapitre), default=None)


def _mouvoir(
    *,
    acting_user,
    exercice,
    compte_numero,
    montant_saisi,
    reference,
    nature: str,
    liberation: bool = False,
) -> Situation:
    acte = {
        Nature.ENGAGEMENT: "libérer des crédits" if liberation else "engager des crédits",
        Nature.ORDONNANCEMENT: "annuler un ordonnancement"
        if liberation
        else "ordonnancer sur un crédit",
        Nature.PAIEMENT: "annuler un paiement sur un crédit"
        if liberation
        else "payer sur un crédit",
    }[nature]
    valeur = montant(montant_saisi, libelle="Le montant du mouvement de crédit")
    numero = _numero_compte(compte_numero)
    # Engaging and ordering are the ordonnateur's acts, within his own powers
    # today; paying on the credit follows the agent comptable's payment.
    if nature == Nature.PAIEMENT:
        exiger_comptable_credit(acting_user, acte)
    else:
        exiger_pouvoir_credit(acting_user, acte, montant=valeur, compte_numero=numero)
    reference = _reference(reference)
    exercice = exercice_de(exercice)
    try:
        with transaction.atomic():
            trouve = credit_pour(exercice=exercice, compte_numero=numero)
            if trouve is None:
                raise CreditAbsent(
                    f"Aucun crédit n'est ouvert à l'exercice {exercice.annee} pour le compte "
                    f"{numero} : une dépense des gestions budgétaires ne s'engage pas sans "
                    f"crédit ({CIRCULAIRE_DISPOSITION} et §2.1.9).",
                    details={"exercice": exercice.annee, "compte": numero},
                )
            credit = verrouiller(Credit.objects.select_related("exercice"), trouve.pk)
            _exiger_exercice_non_clos(credit.exercice)
            avant = _etat(credit)
            details = {
                "chapitre": credit.chapitre,
                "compte": numero,
                "demande": str(valeur),
            }
            if nature == Nature.ENGAGEMENT and not liberation and valeur > credit.disponible:
                raise CreditsInsuffisants(
                    f"Crédits insuffisants {_designation(credit)} : disponible "
                    f"{format_euros(credit.disponible)}, demandé {format_euros(valeur)} "
                    f"({CIRCULAIRE_DISPOSITION}).",
                    details={**details, "disponible": str(credit.disponible)},
                )
            if nature == Nature.ENGAGEMENT and liberation:
                reste = credit.engage - credit.ordonnance
                if valeur > reste:
                    raise MouvementCreditInvalide(
                        f"Libération refusée {_designation(credit)} : engagé non encore "
                        f"ordonnancé {format_euros(reste)}, demandé {format_euros(valeur)} ; "
                        f"ce qui est ordonnancé ne se libère pas ({CIRCULAIRE_ENCHAINEMENT}).",
                        details={**details, "engage_non_ordonnance": str(reste)},
                    )
            if nature == Nature.ORDONNANCEMENT and liberation:
                reste = credit.ordonnance - credit.paye
                if valeur > reste:
                    raise MouvementCreditInvalide(
                        f"Annulation d'ordonnancement refusée {_designation(credit)} : ordonnancé non "
                        f"encore payé {format_euros(reste)}, demandé {format_euros(valeur)} ; ce qui est "
                        f"payé ne se désordonnance pas ({CIRCULAIRE_ENCHAINEMENT}).",
                        details={**details, "ordonnance_non_paye": str(reste)},
                    )
            if nature == Nature.ORDONNANCEMENT and not liberation:
                reste = credit.engage - credit.ordonnance
                if valeur > reste:
                    raise MouvementCreditInvalide(
                        f"Ordonnancement refusé {_designation(credit)} : engagé non encore "
                        f"ordonnancé {format_euros(reste)}, demandé {format_euros(valeur)} ; "
                        f"on n'ordonnance que ce qui est engagé ({CIRCULAIRE_ENCHAINEMENT}).",
                        details={**details, "engage_non_ordonnance": str(reste)},
                    )
            if nature == Nature.PAIEMENT and liberation and valeur > credit.paye:
                raise MouvementCreditInvalide(
                    f"Annulation de paiement refusée {_designation(credit)} : payé "
                    f"{format_euros(credit.paye)}, demandé {format_euros(valeur)} ; on n'annule "
                    "que ce qui a été payé.",
                    details={**details, "paye": str(credit.paye)},
                )
            if nature == Nature.PAIEMENT and not liberation:
                reste = credit.ordonnance - credit.paye
                if valeur > reste:
                    raise MouvementCreditInvalide(
                        f"Paiement refusé {_designation(credit)} : ordonnancé non encore payé "
                        f"{format_euros(reste)}, demandé {format_euros(valeur)} ; on ne paie que "
                        f"ce qui est ordonnancé ({CIRCULAIRE_ENCHAINEMENT}).",
                        details={**details, "ordonnance_non_paye": str(reste)},
                    )
            mouvement = MouvementCredit.objects.create(
                credit=credit,
                nature=nature,
                montant=-valeur if liberation else valeur,
                reference=reference,
                par=acting_user,
            )
            credit.refresh_from_db(fields=["modifications", "engage", "ordonnance", "paye"])
            audit(
                acting_user,
                _ANNULATIONS[nature] if liberation else f"credit.{_PARTICIPES[nature]}",
                credit,
                avant=avant,
                apres={
                    **_etat(credit),
                    "mouvement": mouvement.pk,
                    "nature": nature,
                    "montant": mouvement.montant,
                    "compte": numero,
                    "reference": reference,
                },
            )
            return situation_de(credit)
    except DatabaseError as exc:
        relever_erreur_base(exc)


_ANNULATIONS = {
    Nature.ENGAGEMENT: "credit.libere",
    Nature.ORDONNANCEMENT: "credit.desordonnance",
    Nature.PAIEMENT: "credit.paiement_annule",
}

_PARTICIPES = {
    Nature.ENGAGEMENT: "engage",
    Nature.ORDONNANCEMENT: "ordonnance",
    Nature.PAIEMENT: "paye",
}


def credit_engager(
    *, acting_user, exercice, compte_numero: str, montant: Decimal, reference: str
) -> Situation:
    """Engage an expense of the gestions budgétaires against its credit.

    Circ. 93/82 §2.1.2: the agent comptable checks "la disposition des
    crédits"; §2.1.9: not even a réquisition overrides "absence ou
    insuffisance de crédits". Refuses with `CreditAbsent` when no credit
    covers the account, `CreditsInsuffisants` when the amount exceeds what is
    available. The credit row is locked until commit, so two engagements that
    together exceed it cannot both pass.
    """
    return _mouvoir(
        acting_user=acting_user,
        exercice=exercice,
        compte_numero=compte_numero,
        montant_saisi=montant,
        reference=reference,
        nature=Nature.ENGAGEMENT,
    )


def credit_liberer(*, acting_user, exercice, compte_numero, montant, reference) -> Situation:
    """Release part or all of an engagement (reduced or cancelled): a negative
    engagement. What is already ordered cannot be released (circ. 93/82 §2.1.0)."""
    return _mouvoir(
        acting_user=acting_user,
        exercice=exercice,
        compte_numero=compte_numero,
        montant_saisi=montant,
        reference=reference,
        nature=Nature.ENGAGEMENT,
        liberation=True,
    )


def credit_ordonnancer(*, acting_user, exercice, compte_numero, montant, reference) -> Situation:
    """Record the ordonnancement of an engaged expense: never more than engaged
    and not yet ordered (circ. 93/82 §2.1.0: the order follows the engagement
    and the liquidation)."""
    return _mouvoir(
        acting_user=acting_user,
        exercice=exercice,
        compte_numero=compte_numero,
        montant_saisi=montant,
        reference=reference,
        nature=Nature.ORDONNANCEMENT,
    )


def credit_desordonnancer(*, acting_user, exercice, compte_numero, montant, reference) -> Situation:
    """Cancel the ordonnancement of an order withdrawn before payment (circ.
    93/82 §2.1.9: the directeur may withdraw a suspended order); the
    engagement stays, available for a new order."""
    return _mouvoir(
        acting_user=acting_user,
        exercice=exercice,
        compte_numero=compte_numero,
        montant_saisi=montant,
        reference=reference,
        nature=Nature.ORDONNANCEMENT,
        liberation=True,
    )


def credit_payer(*, acting_user, exercice, compte_numero, montant, reference) -> Situation:
    """Record the payment of an ordered expense: never more than ordered and
    not yet paid (circ. 93/82 §2.1.0, §2.1.6)."""
    return _mouvoir(
        acting_user=acting_user,
        exercice=exercice,
        compte_numero=compte_numero,
        montant_saisi=montant,
        reference=reference,
        nature=Nature.PAIEMENT,
    )


def credit_depayer(*, acting_user, exercice, compte_numero, montant, reference) -> Situation:
    """Undo the payment of an ordered expense whose transfer the bank returned
    (tresorerie.services.retours): a negative payment, never more than paid;
    the expense stays ordered, to be paid again (circ. 93/82 §2.1.6).
    PostgreSQL keeps the payments of a credit non-negative (LGB07)."""
    return _mouvoir(
        acting_user=acting_user,
        exercice=exercice,
        compte_numero=compte_numero,
        montant_saisi=montant,
        reference=reference,
        nature=Nature.PAIEMENT,
        liberation=True,
    )


def credit_ouvrir(*, acting_user, exercice, chapitre, libelle, montant_initial) -> Credit:
    """Open the credit of a chapter for an exercise (directeur, circ. 93/82 §2.1).

    The chapter is an account number prefix that at least one account of the
    chart starts with; one credit per chapter and exercise; changes come by
    `credit_modifier`, never by altering the initial amount.
    """
    exiger_directeur(acting_user, "ouvrir un crédit")
    exercice = exercice_de(exercice)
    chapitre = str(chapitre or "").strip()
    if not CHAPITRE.match(chapitre):
        raise DonneeInvalide(
            f"Le chapitre « {chapitre} » doit être un préfixe de numéro de compte "
            "(des chiffres, le premier de 1 à 8), par exemple 606 ou 6064."
        )
    if not Compte.objects.filter(numero__startswith=chapitre).exists():
        raise DonneeInvalide(
            f"Aucun compte du plan comptable ne commence par {chapitre} : le chapitre d'un "
            "crédit regroupe des comptes d'imputation existants."
        )
    libelle = str(libelle or "").strip()
    if not libelle:
        raise DonneeInvalide("Le libellé du crédit est obligatoire.")
    if len(libelle) > 200:
        raise DonneeInvalide("Le libellé du crédit dépasse 200 caractères.")
    initial = montant(montant_initial, libelle="Le montant initial", strictement_positif=False)
    deja = (
        f"Un crédit est déjà ouvert au chapitre {chapitre} pour l'exercice {exercice.annee} : "
        "modifiez-le par une décision modificative."
    )
    try:
        with transaction.atomic():
            # The exercise itself, FOR NO KEY UPDATE rather than verrouiller's FOR
            # UPDATE: a closure in flight is waited for, while the inserts that
            # merely reference the exercise (their FOR KEY SHARE) go on.
            exercice = Exercice.objects.select_for_update(no_key=True).get(pk=exercice.pk)
            _exiger_exercice_non_clos(exercice)
            if Credit.objects.filter(exercice=exercice, chapitre=chapitre).exists():
                raise DonneeInvalide(deja)
            credit = Credit.objects.create(
                exercice=exercice, chapitre=chapitre, libelle=libelle, montant_initial=initial
            )
            audit(
                acting_user,
                "credit.ouvert",
                credit,
                apres={
                    "exercice": exercice.annee,
                    "chapitre": chapitre,
                    "libelle": libelle,
                    "montant_initial": initial,
                },
            )
            return credit
    except IntegrityError as exc:
        if getattr(exc.__cause__, "sqlstate", None) == UNIQUE_VIOLATION:
            # Opened by someone else between our check and our insert.
            raise DonneeInvalide(deja) from exc
        relever_erreur_base(exc)
    except DatabaseError as exc:
        relever_erreur_base(exc)


def _montant_signe(valeur) -> Decimal:
    """A signed, non-zero amount: "-1 500,00", Decimal("-1500"), 2000."""
    libelle = "Le montant de la modification"
    negatif = False
    if isinstance(valeur, str):
        texte = valeur.strip().replace("\u2212", "-")
        negatif = texte.startswith("-")
        valeur = texte.lstrip("+-").strip()
    elif isinstance(valeur, (Decimal, int)) and not isinstance(valeur, bool):
        negatif = valeur < 0
        valeur = abs(valeur)
    absolu = montant(valeur, libelle=libelle, strictement_positif=False)
    if absolu == 0:
        raise MontantInvalide(
            f"{libelle} ne peut pas être nul : une décision modificative augmente (montant "
            f"positif) ou réduit (montant négatif, par exemple -1{ESPACE_INSECABLE}000,00) "
            "les crédits."
        )
    return -absolu if negatif else absolu


def credit_modifier(*, acting_user, credit: Credit, montant, motif, le: datetime.date) -> Credit:
    """Record a décision modificative or a virement de crédits (directeur).

    A positive amount opens more credits, a negative one withdraws some; the
    credits opened never fall below what is already engaged (circ. 93/82
    §2.1.2: credits available are never negative).
    """
    exiger_directeur(acting_user, "modifier un crédit")
    valeur = _montant_signe(montant)
    motif = str(motif or "").strip()
    if not motif:
        raise DonneeInvalide(
            "Le motif de la modification est obligatoire (décision modificative ou virement)."
        )
    if not isinstance(le, datetime.date) or isinstance(le, datetime.datetime):
        raise DonneeInvalide("La date de la décision doit être une date.")
    if le > horloge.aujourdhui():
        raise DonneeInvalide(
            f"La décision ne peut pas être datée du {le:%d/%m/%Y}, postérieur à aujourd'hui."
        )
    try:
        with transaction.atomic():
            credit = verrouiller(Credit.objects.select_related("exercice"), credit.pk)
            _exiger_exercice_non_clos(credit.exercice)
            avant = _etat(credit)
            nouvel_ouvert = credit.ouvert + valeur
            if nouvel_ouvert < credit.engage:
                raise CreditsInsuffisants(
                    f"Réduction refusée {_designation(credit)} : les crédits ouverts passeraient "
                    f"à {format_euros(nouvel_ouvert)}, en dessous des engagements de "
                    f"{format_euros(credit.engage)} ; libérez d'abord des engagements "
                    f"({CIRCULAIRE_DISPOSITION}).",
                    details={"chapitre": credit.chapitre, "engage": str(credit.engage)},
                )
            modification = ModificationCredit.objects.create(
                credit=credit, montant=valeur, motif=motif, decidee_le=le, par=acting_user
            )
            credit.refresh_from_db(fields=["modifications", "engage", "ordonnance", "paye"])
            audit(
                acting_user,
                "credit.modifie",
                credit,
                avant=avant,
                apres={
                    **_etat(credit),
                    "modification": modification.pk,
                    "montant": valeur,
                    "motif": motif,
                    "decidee_le": le,
                },
            )
            return credit
    except DatabaseError as exc:
        relever_erreur_base(exc)
