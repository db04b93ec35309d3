"""Oppositions à paiement: record them, release them, and split a payment.

Circ. 93/82 §2.1.5: "Toute saisie-arrêt, opposition, signification ayant
pour objet d'arrêter un paiement doivent être faites entre les mains de
l'agent comptable [...]. L'opposition ne vaut qu'à concurrence de la somme
portée sur l'exploit, elle ne peut avoir d'effet que si elle intervient avant
que la mention de paiement soit portée sur l'ordre de dépense."

The payment code of the ordres de dépense calls, in one transaction:
`oppositions_opposables` (at the date of the payment mention),
`repartir_paiement`, then `imputer` for each share paid to an opposing party.
The database has the last word on the amounts (see `oppositions/models.py`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import DatabaseError, transaction
from django.db.models import DecimalField, F, Q, Sum, Value
from django.db.models.functions import Coalesce

from core import horloge
from core.audit import audit
from core.exceptions import (
    ApplicationError,
    DonneeInvalide,
    TransitionInterdite,
    relever_erreur_base,
)
from core.money import DECIMAL_PLACES, MAX_DIGITS, ZERO, format_euros
from core.money import montant as montant_valide
from core.saisie import date as date_saisie
from core.saisie import texte
from core.verrous import verrouiller, verrouiller_tous
from oppositions.banque import formater_iban, verifier_bic, verifier_iban
from oppositions.identifiants import CleIdentifiant, normaliser_identifiant
from oppositions.models import Imputation, Opposition
from personnes.permissions import exiger_comptable

CIRCULAIRE = "circulaire 93/82 §2.1.5"


class OppositionDepassee(ApplicationError):
    """A payment to the opposing party would go beyond the amount of the act."""

    code = "opposition_depassee"
    statut_http = 409
    message_defaut = (
        f"L'opposition ne vaut qu'à concurrence de la somme portée sur l'acte ({CIRCULAIRE})."
    )


@dataclass(frozen=True)
class Part:
    """One transfer of a split payment: to an opposing party, or to the creditor.

    `opposition_id` is None for the creditor's share.
    """

    beneficiaire: str
    iban: str
    bic: str
    montant: Decimal
    opposition_id: int | None


# --- Reading ------------------------------------------------------------------


def _montant_impute():
    return Coalesce(
        Sum("imputations__montant"),
        Value(ZERO),
        output_field=DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES),
    )


def oppositions_opposables(*, creancier_identifiant: str, le: datetime.date) -> list[Opposition]:
    """The oppositions that stop, on `le`, a payment due to this creditor.

    `le` is the date on which the payment mention is written on the ordre de
    dépense: an opposition has effect only if it reaches the agent comptable
    before that mention (circ. 93/82 §2.1.5). So are returned the oppositions
    served on the agent comptable on or before `le` (`signifiee_le`; one
    served on anyone else is void and is never recorded), not released by
    `le` (no mainlevée dated on or before it), of which something remains
    after the amounts already paid to the opposing party; ordered by date of
    service, then by order of recording.

    Each carries `montant_impute` (the total already paid to the opposing
    party), which `repartir_paiement` reads without querying again. An
    opposition recorded after the payment mention has no effect on that
    payment: the caller passes the mention's date, which is the day it is
    recorded (`tresorerie.services.lot_payer` refuses any other).

    The creditor is matched on the key of `oppositions/identifiants.py`
    (computed by PostgreSQL on both sides): "123 456 789 00012",
    "123.456.789.00012", another SIRET of SIREN 123456789 or the SIREN itself
    find the same oppositions. A line without an identifier is read by
    `oppositions.rapprochement` (name and IBAN, held when in doubt).
    """
    if not isinstance(le, datetime.date) or isinstance(le, datetime.datetime):
        raise DonneeInvalide("La date du paiement doit être une date (jour, mois, année).")
    identifiant = normaliser_identifiant(creancier_identifiant)
    if not identifiant:
        return []
    return list(
        Opposition.objects.filter(
            creancier_cle=CleIdentifiant(Value(identifiant)), signifiee_le__lte=le
        )
        .filter(Q(mainlevee_le__isnull=True) | Q(mainlevee_le__gt=le))
        .annotate(montant_impute=_montant_impute())
        .filter(montant__gt=F("montant_impute"))
        .order_by("signifiee_le", "id")
    )


def reste_opposable(opposition: Opposition) -> Decimal:
    """The act's amount less what was already paid to the opposing party (never below 0).

    Says nothing of dates: whether the opposition stops a given payment
    (served by then, not released) is `oppositions_opposables`'s answer.
    """
    deja = Imputation.objects.filter(opposition_id=opposition.pk).aggregate(
        total=Coalesce(Sum("montant"), Value(ZERO))
    )["total"]
    return max(Decimal(opposition.montant) - Decimal(deja), ZERO).quantize(ZERO)


def _reste_connu(opposition: Opposition) -> Decimal:
    deja = getattr(opposition, "montant_impute", None)
    if deja is None:
        if opposition.pk is None:
            return Decimal(opposition.montant)
        return reste_opposable(opposition)
    return max(Decimal(opposition.montant) - Decimal(deja), ZERO)


def repartir_paiement(
    *,
    montant: Decimal,
    creancier_nom: str,
    creancier_iban: str,
    creancier_bic: str,
    oppositions: list[Opposition],
) -> list[Part]:
    """Split a payment due to a creditor between the opposing parties and the creditor.

    Circ. 93/82 §2.1.5: the opposing parties are paid first, in the order the
    oppositions were served on the agent comptable, each up to what remains
    of its opposition (the amount of the act, less what was already paid); the
    creditor gets the rest, possibly nothing; his share is always the last
    part. The parts add up to `montant` to the cent.

    A pure computation: it writes nothing and, given the oppositions returned
    by `oppositions_opposables` (which carry `montant_impute`, what was already
    paid), reads nothing either; an opposition without that annotation costs
    one query (`reste_opposable`). Which oppositions apply on the payment's
    date is the caller's choice, made with `oppositions.rapprochement` (the
    creditor's key, or the agent comptable's decision for a line held in
    doubt, which may join oppositions served under another identifier). The
    creditor's IBAN may be empty (payment by cheque or in cash, §2.1.6); when
    given, it and the BIC are checked.
    """
    montant = montant_valide(montant, libelle="Le montant du paiement")
    iban = verifier_iban(creancier_iban) if (creancier_iban or "").strip() else ""
    bic = verifier_bic(creancier_bic, iban=iban or None) if (creancier_bic or "").strip() else ""
    vues: set[int] = set()
    parts: list[Part] = []
    restant = montant
    for opposition in sorted(oppositions, key=lambda o: (o.signifiee_le, o.pk or 0)):
        if opposition.pk is not None:
            if opposition.pk in vues:
                raise DonneeInvalide(
                    f"L'opposition n° {opposition.pk} est donnée deux fois : elle ne se paie "
                    "qu'une fois sur un même paiement."
                )
            vues.add(opposition.pk)
        part = min(restant, _reste_connu(opposition))
        if part <= 0:
            continue
        parts.append(
            Part(
                beneficiaire=opposition.opposant,
                iban=opposition.opposant_iban,
                bic=opposition.opposant_bic,
                montant=part,
                opposition_id=opposition.pk,
            )
        )
        restant -= part
    parts.append(
        Part(beneficiaire=creancier_nom, iban=iban, bic=bic, montant=restant, opposition_id=None)
    )
    return parts


# --- Acts -----------------------------------------------------------------------


def _etat(opposition: Opposition) -> dict:
    return {
        "creancier_nom": opposition.creancier_nom,
        "creancier_identifiant": opposition.creancier_identifiant,
        "creancier_iban": opposition.creancier_iban,
        "opposant": opposition.opposant,
        "opposant_iban": opposition.opposant_iban,
        "opposant_bic": opposition.opposant_bic,
        "nature": opposition.nature,
        "montant": opposition.montant,
        "signifiee_le": opposition.signifiee_le,
        "reference_acte": opposition.reference_acte,
        "mainlevee_le": opposition.mainlevee_le,
    }


@transaction.atomic
def opposition_enregistrer(
    *,
    acting_user,
    creancier_nom: str,
    creancier_identifiant: str,
    opposant: str,
    opposant_iban: str,
    opposant_bic: str,
    nature: str,
    montant,
    signifiee_le: datetime.date,
    reference_acte: str = "",
    creancier_iban: str = "",
) -> Opposition:
    """Record an opposition served on the agent comptable (circ. 93/82 §2.1.5).

    Only the agent comptable (or his fondé de pouvoir) records it: an
    opposition made in anyone else's hands is void. It counts up to
    `montant`, the sum written on the act, from `signifiee_le`, the day it
    was served on him, which cannot be in the future.

    The identifier is stored in its normal form (letters and digits, upper
    case: "123.456.789 00012" is "12345678900012"), the creditor's IBAN, when
    known, in its compact form; PostgreSQL derives the matching keys from them
    (`oppositions/identifiants.py`).
    """
    aujourd_hui = horloge.aujourdhui()
    exiger_comptable(
        acting_user, aujourd_hui, "enregistrer une opposition", code="opposition.enregistrer"
    )
    if nature not in Opposition.Nature.values:
        raise DonneeInvalide(
            f"Nature d'opposition inconnue : « {nature} » ({', '.join(Opposition.Nature.values)})."
        )
    creancier_nom = texte(creancier_nom, "Le nom du créancier")
    identifiant = normaliser_identifiant(creancier_identifiant)
    if not identifiant:
        raise DonneeInvalide(
            "L'identifiant du créancier (SIRET, NIR ou autre) est obligatoire : c'est lui qui "
            "rattache l'opposition aux ordres de dépense du créancier."
        )
    if len(identifiant) > 40:
        raise DonneeInvalide("L'identifiant du créancier ne peut dépasser 40 caractères.")
    try:
        iban_creancier = verifier_iban(creancier_iban) if (creancier_iban or "").strip() else ""
    except DonneeInvalide as erreur:
        raise DonneeInvalide(f"IBAN du créancier : {erreur.message}") from None
    opposant = texte(opposant, "Le nom de l'opposant")
    iban = verifier_iban(opposant_iban)
    bic = verifier_bic(opposant_bic, iban=iban)
    somme = montant_valide(montant, libelle="Le montant de l'opposition")
    signifiee_le = date_saisie(signifiee_le, "La date de signification")
    if signifiee_le > aujourd_hui:
        raise DonneeInvalide(
            f"La date de signification ({signifiee_le:%d/%m/%Y}) ne peut pas être postérieure "
            f"à aujourd'hui : c'est le jour où l'acte a été remis à l'agent comptable ({CIRCULAIRE})."
        )
    opposition = Opposition.objects.create(
        creancier_nom=creancier_nom,
        creancier_identifiant=identifiant,
        creancier_iban=iban_creancier,
        opposant=opposant,
        opposant_iban=iban,
        opposant_bic=bic,
        nature=nature,
        montant=somme,
        signifiee_le=signifiee_le,
        reference_acte=texte(
            reference_acte, "La référence de l'acte", obligatoire=False, longueur=120
        ),
        enregistree_par=acting_user,
        enregistree_le=horloge.maintenant(),
    )
    audit(acting_user, "opposition.enregistree", opposition, apres=_etat(opposition))
    return opposition


@transaction.atomic
def opposition_mainlevee(*, acting_user, opposition: Opposition, le: datetime.date) -> Opposition:
    """Record the release (mainlevée) of an opposition, effective from `le` on.

    From that day the opposition no longer stops payments to the creditor
    (circ. 93/82 §2.1.5, a contrario). Recorded once, by the agent comptable;
    not dated before the service, nor in the future, nor before a payment
    already made to the opposing party under it.
    """
    exiger_comptable(
        acting_user,
        horloge.aujourdhui(),
        "enregistrer une mainlevée d'opposition",
        code="opposition.mainlevee",
    )
    opposition = verrouiller(Opposition, opposition.pk)
    le = date_saisie(le, "La date de mainlevée")
    if opposition.mainlevee_le is not None:
        raise TransitionInterdite(
            f"La mainlevée de l'opposition n° {opposition.pk} a déjà été enregistrée au "
            f"{opposition.mainlevee_le:%d/%m/%Y}."
        )
    if le < opposition.signifiee_le:
        raise DonneeInvalide(
            f"La mainlevée ({le:%d/%m/%Y}) ne peut précéder la signification de l'opposition "
            f"à l'agent comptable ({opposition.signifiee_le:%d/%m/%Y})."
        )
    if le > horloge.aujourdhui():
        raise DonneeInvalide(
            f"La mainlevée ne peut pas être datée d'un jour à venir ({le:%d/%m/%Y}) : elle "
            "s'enregistre quand l'agent comptable la reçoit."
        )
    dernier = (
        Imputation.objects.filter(opposition=opposition)
        .order_by("-le")
        .values_list("le", flat=True)
    ).first()
    if dernier is not None and le < dernier:
        raise DonneeInvalide(
            f"Un versement a été fait à l'opposant le {dernier:%d/%m/%Y} au titre de cette "
            f"opposition : sa mainlevée ne peut pas être datée d'avant ({le:%d/%m/%Y})."
        )
    avant = _etat(opposition)
    opposition.mainlevee_le = le
    try:
        with transaction.atomic():
            opposition.save(update_fields=["mainlevee_le"])
    except DatabaseError as exc:
        relever_erreur_base(exc)
    audit(acting_user, "opposition.mainlevee", opposition, avant=avant, apres=_etat(opposition))
    return opposition


def imputer(*, acting_user, part: Part, reference: str, le: datetime.date) -> None:
    """Record that `part` was paid to the opposing party of its opposition.

    The opposition row is locked first, so that two payments made at the same
    time cannot both take what remains of it; the opposition must stop
    payments on `le` (served by then, not released) and what remains of it
    must cover the part (circ. 93/82 §2.1.5: it counts only up to the sum on
    the act). A payment reference is imputed once per opposition.
    """
    try:
        with transaction.atomic():
            _imputer(acting_user=acting_user, part=part, reference=reference, le=le)
    except DatabaseError as exc:
        relever_erreur_base(exc)


def _imputer(*, acting_user, part: Part, reference: str, le: datetime.date) -> None:
    exiger_comptable(acting_user, horloge.aujourdhui(), "imputer un paiement sur une opposition")
    if part.opposition_id is None:
        raise DonneeInvalide(
            "Cette part revient au créancier lui-même : seule la part d'un opposant s'impute "
            "sur une opposition."
        )
    opposition = verrouiller_tous(Opposition).filter(pk=part.opposition_id).first()
    if opposition is None:
        raise DonneeInvalide(f"L'opposition n° {part.opposition_id} n'existe pas.")
    somme = montant_valide(part.montant, libelle="Le montant versé à l'opposant")
    reference = texte(reference, "La référence du paiement", longueur=120)
    le = date_saisie(le, "La date du paiement")
    if part.iban and verifier_iban(part.iban) != opposition.opposant_iban:
        raise DonneeInvalide(
            f"Cette part est virée sur le compte {formater_iban(part.iban)}, qui n'est pas celui "
            f"de l'opposant de l'opposition n° {opposition.pk} "
            f"({formater_iban(opposition.opposant_iban)})."
        )
    if le < opposition.signifiee_le:
        raise TransitionInterdite(
            f"L'opposition n° {opposition.pk} n'a été signifiée à l'agent comptable que le "
            f"{opposition.signifiee_le:%d/%m/%Y} : elle n'a pas d'effet sur un paiement du "
            f"{le:%d/%m/%Y} ({CIRCULAIRE})."
        )
    if opposition.mainlevee_le is not None and opposition.mainlevee_le <= le:
        raise TransitionInterdite(
            f"L'opposition n° {opposition.pk} a fait l'objet d'une mainlevée au "
            f"{opposition.mainlevee_le:%d/%m/%Y} : elle n'arrête plus le paiement du "
            f"{le:%d/%m/%Y}, qui revient au créancier."
        )
    if Imputation.objects.filter(opposition=opposition, reference=reference).exists():
        raise TransitionInterdite(
            f"Le paiement « {reference} » a déjà été imputé sur l'opposition n° {opposition.pk} : "
            "un même paiement ne s'y impute qu'une fois."
        )
    reste = reste_opposable(opposition)
    if somme > reste:
        raise OppositionDepassee(
            f"L'opposition n° {opposition.pk} ne vaut qu'à concurrence de "
            f"{format_euros(opposition.montant)} ({CIRCULAIRE}) : il en reste "
            f"{format_euros(reste)}, un versement de {format_euros(somme)} la dépasserait.",
            details={"opposition": opposition.pk, "reste": str(reste), "montant": str(somme)},
        )
    imputation = Imputation.objects.create(
        opposition=opposition, montant=somme, reference=reference, le=le, par=acting_user
    )
    audit(
        acting_user,
        "opposition.imputation",
        opposition,
        apres={
            "imputation": imputation.pk,
            "montant": somme,
            "reference": reference,
            "le": le,
            "reste": reste - somme,
        },
    )


def imputation_restituer(
    *, acting_user, opposition_id: int, montant, reference: str, retour: str, le: datetime.date
) -> Imputation:
    """Restore to an opposition what was paid to its opposing party when the
    bank returned that transfer: a negative imputation of the same amount,
    referenced `retour:<payment reference>`, so that the opposition stops that
    sum again (circ. 93/82 §2.1.5: it counts up to the sum on the act, and the
    returned sum never reached the opposing party). Refuses more than was
    imputed for that payment; PostgreSQL requires the recorded return
    (tresorerie 0016, LG386)."""
    exiger_comptable(acting_user, horloge.aujourdhui(), "rétablir une opposition")
    somme = montant_valide(montant, libelle="Le montant rétabli sur l'opposition")
    try:
        with transaction.atomic():
            opposition = verrouiller(Opposition, opposition_id)
            imputee = Imputation.objects.filter(opposition=opposition, reference=reference).first()
            if imputee is None or imputee.montant < somme:
                raise DonneeInvalide(
                    f"Le paiement « {reference} » n'a pas versé {format_euros(somme)} à l'opposant "
                    f"de l'opposition n° {opposition.pk} : rien de tel à rétablir."
                )
            imputation = Imputation.objects.create(
                opposition=opposition,
                montant=-somme,
                reference=f"retour:{reference}"[:120],
                le=le,
                par=acting_user,
            )
    except DatabaseError as exc:
        relever_erreur_base(exc)
    audit(
        acting_user,
        "opposition.imputation_retablie",
        opposition,
        apres={
            "imputation": imputation.pk,
            "montant": -somme,
            "reference": imputation.reference,
            "retour": retour,
            "reste": reste_opposable(opposition),
        },
    )
    return imputation
