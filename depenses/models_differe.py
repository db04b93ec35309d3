"""D133-2 al. 2: a small arrear of benefits whose payment is deferred to the
end of the exercise (imported by `depenses.models` for Django's registry).

« Le montant [...] en deçà duquel les organismes [...] sont autorisés à
différer le paiement des créances [...] provenant d'une insuffisance ou d'un
non-versement de prestation [...]. Le versement différé doit intervenir au
plus tard à la fin de l'exercice comptable en cours » (article D133-2).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS

__all__ = ["PaiementDiffere"]


class PaiementDiffere(models.Model):
    """The directeur's decision deferring the payment of an ordre de dépense of
    benefits (an arrear below the dated threshold) to the end of its exercise."""

    class Motif(models.TextChoices):
        INSUFFISANCE = "insuffisance", "insuffisance de prestation (rappel)"
        NON_VERSEMENT = "non_versement", "non-versement de prestation"

    ordre = models.OneToOneField(
        "depenses.OrdreDepense", on_delete=models.PROTECT, related_name="differe"
    )
    motif = models.CharField(max_length=16, choices=Motif.choices)
    exercice = models.ForeignKey("ledger.Exercice", on_delete=models.PROTECT, related_name="+")
    echeance = models.DateField("à payer au plus tard le")
    seuil = models.DecimalField(
        "seuil de l'article D133-2 en vigueur", max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES
    )
    decide_le = models.DateField("décidé le")
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    qualite = models.CharField("qualité", max_length=255)

    class Meta:
        ordering = ["echeance", "ordre__numero"]
        verbose_name = "paiement différé (article D133-2)"
        verbose_name_plural = "paiements différés (article D133-2)"

    def __str__(self) -> str:
        return f"Paiement différé de l'ordre n° {self.ordre.reference} au {self.echeance:%d/%m/%Y}"
