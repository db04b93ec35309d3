"""The agent comptable's decision on a creditor's line held for an opposition.

Circ. 93/82 §2.1.5: an opposition stops the payment of the sums the fund
owes to its creditor. When an order's line carries no identifier and only the
creditor's name, or only his IBAN, agrees with an opposition in force
(`oppositions.rapprochement`), nobody can tell for sure whether the line pays
the creditor the opposition stops: its payment is held, « en attente de
décision de l'agent comptable ». He decides, for that line and that
opposition, either to apply the opposition (the opposing party is paid
first, as for a line matched by its identifier) or to lift the doubt (the
creditor is paid in full). One decision per (line, opposition), never changed
(append-only, by PostgreSQL); the payment batch reads it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class DecisionOpposition(models.Model):
    class Decision(models.TextChoices):
        APPLIQUER = "appliquer", "opposition appliquée"
        LEVER = "lever", "doute levé : le créancier est payé"

    ligne = models.ForeignKey(
        "depenses.LigneOrdreDepense",
        on_delete=models.PROTECT,
        related_name="decisions_opposition",
        verbose_name="ligne de l'ordre de dépense",
    )
    opposition = models.ForeignKey(
        "oppositions.Opposition", on_delete=models.PROTECT, related_name="decisions"
    )
    decision = models.CharField("décision", max_length=10, choices=Decision.choices)
    doute = models.TextField("pourquoi le paiement était arrêté")
    motif = models.TextField("motif de la décision")
    par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="décidé par",
    )
    le = models.DateTimeField("décidé le")

    class Meta:
        app_label = "tresorerie"
        ordering = ["-le", "-id"]
        verbose_name = "décision sur une opposition"
        constraints = [
            models.UniqueConstraint(
                fields=["ligne", "opposition"], name="decision_opposition_une_fois"
            ),
            models.CheckConstraint(
                condition=models.Q(decision__in=["appliquer", "lever"]),
                name="decision_opposition_connue",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_decision_display()} : opposition n° {self.opposition_id}, "
            f"ligne n° {self.ligne_id}"
        )
