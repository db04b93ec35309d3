"""Transfers the bank returned, and the bank details corrected before paying again.

- `Retour`: the bank sent back one of our transfers (camt.053/054 entry with
  the reversal indicator, bank transaction code PMNT/ICDT/RRTN, or an ISO
  20022 return reason such as AC04). One per payment (`paiement` unique).
  It records the reason (code and French label, the bank's additional
  information), the statement line if the return came by statement, the
  counter-entry (journal TR: account of funds / creditor's account), the
  payment mention the order carried before it went back to *visé*, who and
  when. Append-only.
- `CorrectionCoordonnees`: the agent comptable's correction of the bank
  details of a returned transfer's beneficiary (creditor or opposing party):
  the next payment by transfer of that line (and opposing party) uses it; or
  of an order's line never returned whose IBAN the bank returned on another
  transfer for a reason about the account (`ligne`, no `retour`).
  Append-only: a mistaken correction is followed by another; the last counts.

PostgreSQL keeps them (`migrations/sql/0016_retours.sql`, LG380-LG389): a
return mirrors its payment (same order, amount, counter-entry with the
payment's end-to-end id as piece); an ordre de dépense leaves *payé* for
*visé*, its mention cleared, only in the transaction that records a return
of one of its payments; of a line's payments to one beneficiary at most one
is not returned, and the non-returned payments of a line never exceed it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from tresorerie.models import MONTANT

__all__ = ["Retour", "CorrectionCoordonnees"]


class Retour(models.Model):
    paiement = models.OneToOneField(
        "tresorerie.Paiement", on_delete=models.PROTECT, related_name="retour"
    )
    ordre = models.ForeignKey(
        "depenses.OrdreDepense", on_delete=models.PROTECT, related_name="retours"
    )
    montant = models.DecimalField(**MONTANT)
    motif = models.CharField("motif de retour (code ISO)", max_length=35, blank=True)
    motif_libelle = models.CharField("motif de retour", max_length=255)
    motif_info = models.CharField("information de la banque", max_length=255, blank=True)
    ligne_releve = models.ForeignKey(
        "tresorerie.LigneReleve",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="retours",
        verbose_name="ligne du relevé",
    )
    ecriture = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        related_name="+",
        verbose_name="contre-écriture",
    )
    date = models.DateField("retourné le")
    mention = models.JSONField("mention de paiement effacée", default=dict, blank=True)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    cree_le = models.DateTimeField("enregistré le", db_default=Now())
    # Set by PostgreSQL (txid_current()): the transaction that may take the
    # order back to « visé » on the strength of this return.
    # With the server run (`tx_serveur`, timestamptz, a column of PostgreSQL
    # only, sql/0018_retours_restauration.sql): ids restart on a restored dump.
    transaction = models.BigIntegerField(editable=False, null=True, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "virement retourné"
        verbose_name_plural = "virements retournés"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(montant__gt=0), name="retour_montant_positif"
            ),
        ]

    def __str__(self) -> str:
        return f"Retour du virement {self.paiement.bout_en_bout if self.paiement_id else ''}"


class CorrectionCoordonnees(models.Model):
    # For a returned transfer, or (`retour` empty) for an order's line whose
    # creditor's IBAN the bank returned on another transfer (0018).
    retour = models.ForeignKey(
        Retour, on_delete=models.PROTECT, related_name="corrections", null=True, blank=True
    )
    ligne = models.ForeignKey(
        "depenses.LigneOrdreDepense",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name="ligne de l'ordre de dépense",
    )
    iban = models.CharField(max_length=34)
    bic = models.CharField(max_length=11, blank=True)
    justification = models.TextField()
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateField("corrigé le")
    cree_le = models.DateTimeField("enregistrée le", db_default=Now())

    class Meta:
        ordering = ["-id"]
        verbose_name = "correction de coordonnées bancaires"
        verbose_name_plural = "corrections de coordonnées bancaires"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(justification=""), name="correction_justifiee"
            ),
            models.CheckConstraint(condition=~models.Q(iban=""), name="correction_iban"),
            models.CheckConstraint(
                condition=models.Q(retour__isnull=False, ligne__isnull=True)
                | models.Q(retour__isnull=True, ligne__isnull=False),
                name="correction_retour_ou_ligne",
            ),
        ]

    def __str__(self) -> str:
        if self.retour_id is None:
            return f"Correction des coordonnées de la ligne n° {self.ligne_id}"
        return f"Correction des coordonnées du retour n° {self.retour_id}"
