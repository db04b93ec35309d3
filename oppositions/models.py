"""Oppositions à paiement served on the agent comptable.

Design overview
===============

What this app owns
------------------
- `Opposition`: a saisie-attribution, avis à tiers détenteur, opposition
  administrative or other signification that stops the payment of sums the
  fund owes to one of its creditors and has them paid to the opposing party.
  Circ. 93/82 §2.1.5: it is void unless served on the agent comptable
  himself (`signifiee_le` is the date it reached him); it counts only up to
  the amount written on the act (`montant`); it has effect only if it comes
  before the payment mention is written on the ordre de dépense. A
  *mainlevée* releases it from `mainlevee_le` on. The creditor is matched on
  `creancier_cle`, computed by PostgreSQL from `creancier_identifiant`
  (SIRET, SIREN, NIR or another identifier, stored in its normal form) with
  the rule the ordres de dépense's lines are read with
  (`oppositions/identifiants.py`: a SIRET counts as its SIREN, a NIR without
  its key); a line without an identifier is matched on the creditor's name
  (`creancier_nom_cle`) and IBAN (`creancier_iban`, when the act or the
  fund's files give it), and held for the agent comptable's decision when
  only one of them agrees (`oppositions/rapprochement.py`).
- `Imputation`: an amount paid to the opposing party out of a payment due to
  the creditor, with the reference of the payment (for instance
  `ordre_depense:2026-00012`). The sum of an opposition's imputations is what
  it has already taken; the rest still stops payments. A transfer to the
  opposing party that the bank returned is restored by a negative imputation
  (reference `retour:<end-to-end id>`), so the opposition stops that sum again.

How the other apps use it
-------------------------
When the agent comptable pays an ordre de dépense, the payment code asks
`services.oppositions_opposables` for the creditor at the date of the
payment mention, splits the payment with `services.repartir_paiement` (the
opposing parties first, in order of service, each up to what remains of its
opposition; the creditor gets the rest) and records each opposing party's
share with `services.imputer`. Circ. §2.1.9: a réquisition does not oblige
the agent comptable to pay while an opposition is in his hands; the
depenses app asks the same selector.

Invariants, enforced by PostgreSQL (`migrations/sql/0002_gardes.sql`)
--------------------------------------------------------------------
1. Amounts are strictly positive and in cents; a release is not dated before
   the service (CHECK constraints).
2. The imputations of an opposition never add up to more than its amount.
   The trigger locks the opposition row before summing, so two payments
   committed at the same time cannot both take the last euros (READ
   COMMITTED, Django's level: the second waits for the first and then sees
   its imputation; SERIALIZABLE would refuse one of them).
3. An imputation is not dated before the opposition was served.
4. Imputations are append-only; oppositions are never deleted (statement
   triggers; the application's role `caisse_app` has no UPDATE nor DELETE on
   imputations).
5. Once an imputation exists, an opposition's amount, creditor (name,
   identifier, IBAN) and date of service never change; a recorded mainlevée
   never changes.
6. The identifier and the creditor's IBAN are stored in their normal form
   (letters and digits, upper case; `migrations/sql/0003_gardes.sql`); the
   matching keys are generated columns, so no writer can store a key that
   disagrees with the identifier.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS
from oppositions.identifiants import CleIdentifiant, CleNom


class Opposition(models.Model):
    class Nature(models.TextChoices):
        SAISIE_ATTRIBUTION = "saisie_attribution", "saisie-attribution"
        AVIS_TIERS_DETENTEUR = "avis_tiers_detenteur", "avis à tiers détenteur"
        OPPOSITION_ADMINISTRATIVE = "opposition_administrative", "opposition administrative"
        AUTRE = "autre", "autre opposition ou signification"

    creancier_nom = models.CharField("créancier de la caisse", max_length=200)
    creancier_identifiant = models.CharField(
        "identifiant du créancier",
        max_length=40,
        help_text="SIRET, SIREN, NIR ou autre identifiant : celui que portent les ordres de dépense.",
    )
    creancier_iban = models.CharField(
        "IBAN du créancier",
        max_length=34,
        blank=True,
        default="",
        help_text="S'il est connu : il rattache à l'opposition les lignes sans identifiant.",
    )
    creancier_cle = models.GeneratedField(
        expression=CleIdentifiant("creancier_identifiant"),
        output_field=models.TextField(),
        db_persist=True,
        verbose_name="clé de rapprochement du créancier",
    )
    creancier_nom_cle = models.GeneratedField(
        expression=CleNom("creancier_nom"),
        output_field=models.TextField(),
        db_persist=True,
        verbose_name="nom du créancier, forme comparée",
    )
    opposant = models.CharField("opposant", max_length=200)
    opposant_iban = models.CharField("IBAN de l'opposant", max_length=34)
    opposant_bic = models.CharField("BIC de l'opposant", max_length=11)
    nature = models.CharField("nature", max_length=30, choices=Nature.choices)
    montant = models.DecimalField(
        "montant porté sur l'acte", max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES
    )
    signifiee_le = models.DateField("signifiée à l'agent comptable le")
    reference_acte = models.CharField("référence de l'acte", max_length=120, blank=True)
    mainlevee_le = models.DateField("mainlevée le", null=True, blank=True)
    enregistree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="enregistrée par",
    )
    enregistree_le = models.DateTimeField("enregistrée le")

    class Meta:
        ordering = ["signifiee_le", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(montant__gt=0), name="opposition_montant_positif"
            ),
            models.CheckConstraint(
                condition=models.Q(mainlevee_le__isnull=True)
                | models.Q(mainlevee_le__gte=models.F("signifiee_le")),
                name="opposition_mainlevee_apres_signification",
            ),
            models.CheckConstraint(
                condition=~models.Q(creancier_identifiant=""),
                name="opposition_creancier_identifie",
            ),
        ]
        indexes = [
            models.Index(
                fields=["creancier_identifiant", "signifiee_le"], name="opposition_creancier"
            ),
            models.Index(fields=["creancier_cle"], name="opposition_cle"),
        ]

    def __str__(self) -> str:
        return f"Opposition n° {self.pk} de {self.opposant} sur {self.creancier_nom}"

    @property
    def active(self) -> bool:
        """Not released (whatever remains of it)."""
        return self.mainlevee_le is None


class Imputation(models.Model):
    opposition = models.ForeignKey(Opposition, on_delete=models.PROTECT, related_name="imputations")
    montant = models.DecimalField(
        "montant versé à l'opposant", max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES
    )
    reference = models.CharField(
        "paiement",
        max_length=120,
        help_text="Paiement d'origine, par exemple « ordre_depense:2026-00012 ».",
    )
    le = models.DateField("payé le")
    par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="imputé par",
    )

    class Meta:
        ordering = ["opposition", "le", "id"]
        constraints = [
            # Negative: a payment to the opposing party that the bank returned,
            # restored to the opposition (tresorerie.services.retours; PostgreSQL
            # requires the recorded return, tresorerie 0016, LG386).
            models.CheckConstraint(
                condition=~models.Q(montant=0), name="imputation_montant_non_nul"
            ),
            models.UniqueConstraint(
                fields=["opposition", "reference"], name="imputation_un_paiement_une_fois"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.montant} € sur l'opposition n° {self.opposition_id} ({self.reference})"
