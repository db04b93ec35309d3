"""The credits of the gestions budgétaires: what may be spent, and what is.

Design overview
===============

What this app owns
------------------
- `Credit`: for one exercise, the credit opened on a *chapitre*, an account
  number prefix ("606", "6064", "205"). An expense account belongs to the
  credit with the longest matching prefix (`budget.services.credit_pour`).
  It carries the amount voted (`montant_initial`) and running totals that
  only the database writes: the sum of the `ModificationCredit` rows
  (`modifications`) and of the `MouvementCredit` rows by nature (`engage`,
  `ordonnance`, `paye`). Credits *ouverts* = initial + modifications; credits
  *disponibles* = ouverts - engagés.
- `ModificationCredit`: a décision modificative or a virement de crédits,
  signed amount, decided by the directeur.
- `MouvementCredit`: one engagement, ordonnancement or paiement against a
  credit, signed (positive consumes, negative releases: an engagement reduced
  or cancelled), with the reference of the act that caused it
  ("ordre_depense:2026-00012").

Only the gestions budgétaires (administration) are limited by credits
(circ. 93/82 §2.1.2: the agent comptable checks "la disposition des
crédits"; §2.1.9: he refuses a réquisition for "absence ou insuffisance de
crédits"). The gestions techniques (benefits) are not: whether an expense
must find a credit is decided by the caller, this app only provides the
mechanism.

Invariants, enforced by PostgreSQL (`migrations/sql/0002_gardes.sql`)
---------------------------------------------------------------------
1. Movements and modifications are append-only (UPDATE, DELETE, TRUNCATE
   refused); a correction is a new movement of opposite sign.
2. The totals of a credit always equal the sums of its movements and
   modifications: insert triggers add each statement's rows to them, and any
   change of a total that does not match the sums is refused. The exercise,
   chapter and initial amount of a credit never change; a credit that carries
   movements or modifications is never deleted.
3. 0 <= payé <= ordonnancé <= engagé <= ouverts: credits available are never
   negative, nothing is ordered beyond what is engaged, nor paid beyond what
   is ordered (trigger with French messages, and CHECK constraints below).
4. Nothing moves in a *clos* exercise.
5. The application role `caisse_app` has no UPDATE nor DELETE on movements
   and modifications, no DELETE on credits.

Errors raised by these guards use SQLSTATE `LGB01` to `LGB10` (class LG, so
`core.exceptions.erreur_base` translates them).

Concurrency: the services lock the credit row (`core.verrous.verrouiller`, its row only) before
reading what is available, so of two engagements that together exceed the
credit, the second waits for the first and is refused; the database guard
holds even for a writer that does not lock.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from core.money import DECIMAL_PLACES, MAX_DIGITS, ZERO


def _montant(libelle: str, **kwargs) -> models.DecimalField:
    return models.DecimalField(
        libelle, max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, **kwargs
    )


class Credit(models.Model):
    exercice = models.ForeignKey(
        "ledger.Exercice", on_delete=models.PROTECT, related_name="credits"
    )
    chapitre = models.CharField(
        "chapitre",
        max_length=12,
        help_text="Préfixe de numéro de compte : « 606 » couvre 6061, 6064...",
    )
    libelle = models.CharField("libellé", max_length=200)
    montant_initial = _montant("crédits initiaux")
    # Running totals: written only by the database's triggers.
    modifications = _montant("modifications", default=ZERO)
    engage = _montant("engagé", default=ZERO)
    ordonnance = _montant("ordonnancé", default=ZERO)
    paye = _montant("payé", default=ZERO)
    cree_le = models.DateTimeField("ouvert le", db_default=Now())

    class Meta:
        verbose_name = "crédit"
        ordering = ["exercice_id", "chapitre"]
        constraints = [
            models.UniqueConstraint(fields=["exercice", "chapitre"], name="credit_unique_chapitre"),
            models.CheckConstraint(
                condition=models.Q(chapitre__regex=r"^[1-8][0-9]{0,11}$"),
                name="credit_chapitre_chiffres",
            ),
            models.CheckConstraint(
                condition=models.Q(montant_initial__gte=0), name="credit_initial_positif"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    engage__lte=models.F("montant_initial") + models.F("modifications")
                ),
                name="credit_disponible_positif",
            ),
            models.CheckConstraint(
                condition=models.Q(ordonnance__lte=models.F("engage")),
                name="credit_ordonnance_engage",
            ),
            models.CheckConstraint(
                condition=models.Q(paye__lte=models.F("ordonnance")),
                name="credit_paye_ordonnance",
            ),
            models.CheckConstraint(condition=models.Q(paye__gte=0), name="credit_paye_positif"),
        ]

    def __str__(self) -> str:
        return f"Crédit {self.chapitre} {self.libelle}"

    @property
    def ouvert(self) -> Decimal:
        return self.montant_initial + self.modifications

    @property
    def disponible(self) -> Decimal:
        return self.ouvert - self.engage


class ModificationCredit(models.Model):
    """Décision modificative or virement de crédits: signed, never zero."""

    credit = models.ForeignKey(Credit, on_delete=models.PROTECT, related_name="decisions")
    montant = _montant("montant")
    motif = models.TextField("motif")
    decidee_le = models.DateField("décidée le")
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    cree_le = models.DateTimeField("enregistrée le", db_default=Now())

    class Meta:
        verbose_name = "modification de crédit"
        verbose_name_plural = "modifications de crédits"
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(montant=0), name="modificationcredit_montant_non_nul"
            ),
            models.CheckConstraint(
                condition=~models.Q(motif=""), name="modificationcredit_motif_obligatoire"
            ),
        ]

    def __str__(self) -> str:
        return f"Modification de {self.montant} du {self.decidee_le:%d/%m/%Y}"


class MouvementCredit(models.Model):
    class Nature(models.TextChoices):
        ENGAGEMENT = "engagement", "engagement"
        ORDONNANCEMENT = "ordonnancement", "ordonnancement"
        PAIEMENT = "paiement", "paiement"

    credit = models.ForeignKey(Credit, on_delete=models.PROTECT, related_name="mouvements")
    nature = models.CharField("nature", max_length=20, choices=Nature.choices)
    montant = _montant("montant")
    reference = models.CharField("référence", max_length=120)
    cree_le = models.DateTimeField("le", db_default=Now())
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "mouvement de crédit"
        verbose_name_plural = "mouvements de crédits"
        ordering = ["id"]
        indexes = [
            models.Index(fields=["credit", "nature"], name="mouvementcredit_credit_nature"),
            models.Index(fields=["reference"], name="mouvementcredit_reference"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nature__in=["engagement", "ordonnancement", "paiement"]),
                name="mouvementcredit_nature",
            ),
            models.CheckConstraint(
                condition=~models.Q(montant=0), name="mouvementcredit_montant_non_nul"
            ),
            models.CheckConstraint(
                condition=~models.Q(reference=""), name="mouvementcredit_reference_obligatoire"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_nature_display()} de {self.montant} ({self.reference})"
