"""What becomes of a débet once it is posted to 429 (article D253-81):

- al. 1: the agent comptable covers it from his own money (`Versement`,
  531 or 512x / 429), and may then pursue the debtor personally;
- al. 2: the sums granted in décharge or remise gracieuse are borne by the
  fund's budget (`Demande.ecriture`: 6712 / 429 up to what the order leaves
  there, `Demande.prise_429`; the surplus, which the agent comptable had
  already paid, / 4672 in his name, `Demande.prise_agent`, paid back to him
  once, `Demande.rembourse_ecriture`);
- al. 3: the minister notifies the association de cautionnement mutuel of the
  débet its member owes (`NotificationAssociation`);
- al. 4: a sum that cannot be recovered from the agent comptable is admitted
  in non-valeur by the fund (`NonValeur`, the board's decision, then
  6541 / 429);
- al. 5 to 7: later recoveries from the original debtor (`Recouvrement`)
  make good what is still due, then repay « par priorité l'organisme, dans la
  limite des sommes laissées à sa charge », then, « pour le surplus, le
  comptable qui s'est acquitté d'une partie du débet » (4672, paid back to him
  by `Recouvrement.reverse_ecriture`).

Invariants (PostgreSQL, `migrations/sql/0006_reglement.sql` and
`0007_remboursement_decharge.sql`, LG896): the
payments and notifications are never changed nor removed; a non-valeur and a
recovery are never removed, what they record never changes, their posting
(and the recovery's paying back) is recorded once; a prise en charge credits
429 first and gives back to the agent comptable only what he paid, and that
part is paid back to him once; each amount stays within what the débet
allows and a recovery's shares follow D253-81's order to the cent.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS, format_euros

MONTANT = {"max_digits": MAX_DIGITS, "decimal_places": DECIMAL_PLACES}


def _auteur(related_name: str = "+"):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name=related_name
    )


def _ecriture(null: bool = False):
    return models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=null,
        blank=null,
        related_name="+",
    )


class Versement(models.Model):
    """A payment by the agent comptable from his own money (D253-81 al. 1)."""

    ordre = models.ForeignKey(
        "responsabilite.OrdreDebet", on_delete=models.PROTECT, related_name="versements"
    )
    le = models.DateField("versé le")
    montant = models.DecimalField("montant", **MONTANT)
    compte = models.CharField("compte de disponibilités", max_length=20)
    ecriture = _ecriture()
    enregistre_par = _auteur()
    enregistre_le = models.DateTimeField("enregistré le")

    class Meta:
        verbose_name = "versement de l'agent comptable sur ses deniers"
        verbose_name_plural = "versements de l'agent comptable sur ses deniers"
        ordering = ["le", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(montant__gt=0), name="versement_montant"),
        ]

    def __str__(self) -> str:
        return f"Versement du {self.le:%d/%m/%Y} ({format_euros(self.montant)})"


class NonValeur(models.Model):
    """The fund admits in non-valeur what cannot be recovered from the agent
    comptable (D253-81 al. 4): the board's decision, recorded by the
    directeur, then posted 6541 / 429 by the agent comptable."""

    ordre = models.ForeignKey(
        "responsabilite.OrdreDebet", on_delete=models.PROTECT, related_name="non_valeurs"
    )
    conseil_le = models.DateField("décision du conseil du")
    deliberation = models.CharField("délibération", max_length=120)
    montant = models.DecimalField("montant admis en non-valeur", **MONTANT)
    enregistre_par = _auteur()
    enregistre_le = models.DateTimeField("enregistrée le")
    ecriture = _ecriture(null=True)

    class Meta:
        verbose_name = "admission en non-valeur d'un débet"
        verbose_name_plural = "admissions en non-valeur de débets"
        ordering = ["conseil_le", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(montant__gt=0), name="nonvaleur_montant"),
            models.CheckConstraint(
                condition=models.Q(deliberation__regex=r"[^[:space:]]"),
                name="nonvaleur_deliberation",
            ),
        ]

    def __str__(self) -> str:
        return f"Non-valeur de {format_euros(self.montant)} (conseil du {self.conseil_le:%d/%m/%Y})"


class NotificationAssociation(models.Model):
    """The minister's notice of the débet to the association de cautionnement
    mutuel that stands surety for the agent comptable (D253-81 al. 3),
    recorded by the directeur, once per order."""

    ordre = models.OneToOneField(
        "responsabilite.OrdreDebet",
        on_delete=models.PROTECT,
        related_name="notification_association",
    )
    le = models.DateField("notifiée le")
    association = models.CharField("association de cautionnement mutuel", max_length=200)
    reference = models.CharField("référence de la notification", max_length=120)
    enregistre_par = _auteur()
    enregistre_le = models.DateTimeField("enregistrée le")

    class Meta:
        verbose_name = "notification du débet à l'association de cautionnement mutuel"
        verbose_name_plural = "notifications des débets à l'association de cautionnement mutuel"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(association__regex=r"[^[:space:]]")
                & models.Q(reference__regex=r"[^[:space:]]"),
                name="notification_association_remplie",
            ),
        ]

    def __str__(self) -> str:
        return f"Notification à {self.association} du {self.le:%d/%m/%Y} ({self.reference})"


class Recouvrement(models.Model):
    """A sum recovered from the original debtor (D253-81 al. 5 to 7), split
    to the cent: what is still due on the débet (429), then the fund up to
    what it bore (7741 for the non-valeur, 771 for the décharge and the
    remise), then the agent comptable up to what he paid (4672), paid back to
    him by a second act (4672 / 531 or 512x)."""

    ordre = models.ForeignKey(
        "responsabilite.OrdreDebet", on_delete=models.PROTECT, related_name="recouvrements"
    )
    le = models.DateField("recouvré le")
    debiteur = models.CharField("débiteur", max_length=200)
    montant = models.DecimalField("montant recouvré", **MONTANT)
    compte = models.CharField("compte de disponibilités", max_length=20)
    part_debet = models.DecimalField("part du débet restant dû (429)", **MONTANT)
    part_non_valeur = models.DecimalField("part de l'organisme, non-valeur (7741)", **MONTANT)
    part_decharge = models.DecimalField(
        "part de l'organisme, décharge et remise gracieuse (771)", **MONTANT
    )
    part_agent = models.DecimalField("part de l'agent comptable (4672)", **MONTANT)
    ecriture = _ecriture()
    enregistre_par = _auteur()
    enregistre_le = models.DateTimeField("enregistré le")
    # The paying back of the agent comptable's share (4672 / compte).
    reverse_le = models.DateField("reversé à l'agent comptable le", null=True, blank=True)
    reverse_compte = models.CharField(
        "compte du reversement", max_length=20, blank=True, default=""
    )
    reverse_ecriture = _ecriture(null=True)

    class Meta:
        verbose_name = "recouvrement sur le débiteur d'un débet"
        verbose_name_plural = "recouvrements sur les débiteurs des débets"
        ordering = ["le", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(montant__gt=0), name="recouvrement_montant"),
            models.CheckConstraint(
                condition=models.Q(
                    part_debet__gte=0,
                    part_non_valeur__gte=0,
                    part_decharge__gte=0,
                    part_agent__gte=0,
                    montant=models.F("part_debet")
                    + models.F("part_non_valeur")
                    + models.F("part_decharge")
                    + models.F("part_agent"),
                ),
                name="recouvrement_parts",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    reverse_le__isnull=True, reverse_ecriture__isnull=True, reverse_compte=""
                )
                | models.Q(
                    part_agent__gt=0,
                    reverse_le__isnull=False,
                    reverse_ecriture__isnull=False,
                )
                & ~models.Q(reverse_compte=""),
                name="recouvrement_reversement",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"Recouvrement du {self.le:%d/%m/%Y} sur {self.debiteur} ({format_euros(self.montant)})"
        )

    @property
    def part_organisme(self):
        return self.part_non_valeur + self.part_decharge
