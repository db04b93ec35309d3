"""The agent comptable's amicable recovery (D253-16 al. 1; circ. 93/82 §2.0,
§2.0.5): reminders sent in batches, payment delays granted on the debtor's
written request, and their échéancier.

- A batch of reminders (`LotRelances`) is numbered per year, dated, made by
  one person; it holds one letter per debtor (`LettreRelance`), and each
  letter lists that debtor's claims reminded (`LigneRelance`), each with its
  rank (1re, 2e relance…) and the reste à recouvrer on the day.
- A payment delay (`DelaiPaiement`) is granted "sous sa propre responsabilité,
  au débiteur qui justifie par écrit sa demande" (§2.0.5): the debtor's letter
  (its date, its reference and/or the file) is part of it. Its instalments
  (`Echeance`) sum to the reste of the claim on the day of the grant
  (PostgreSQL checks it at COMMIT, migration 0002).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS

__all__ = ["DelaiPaiement", "Echeance", "LettreRelance", "LigneRelance", "LotRelances"]

_MONTANT = {"max_digits": MAX_DIGITS, "decimal_places": DECIMAL_PLACES}


class LotRelances(models.Model):
    """A batch of reminders: one letter per debtor."""

    annee = models.PositiveSmallIntegerField("année")
    numero = models.PositiveIntegerField("numéro")
    le = models.DateField("date des lettres")
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    qualite = models.CharField("qualité du signataire", max_length=255)
    cree_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-annee", "-numero"]
        verbose_name = "lot de relances"
        verbose_name_plural = "lots de relances"
        constraints = [
            models.UniqueConstraint(fields=["annee", "numero"], name="lot_relances_numero")
        ]

    def __str__(self) -> str:
        return f"Lot de relances n° {self.reference}"

    @property
    def reference(self) -> str:
        return f"{self.annee}-{self.numero:04d}"


class LettreRelance(models.Model):
    """One debtor's letter in a batch, listing his claims reminded."""

    lot = models.ForeignKey(LotRelances, on_delete=models.PROTECT, related_name="lettres")
    debiteur = models.ForeignKey(
        "recouvrement.Debiteur", on_delete=models.PROTECT, related_name="lettres_relance"
    )
    rang = models.PositiveSmallIntegerField(help_text="le rang le plus élevé de ses créances")
    total = models.DecimalField("total restant dû", **_MONTANT)

    class Meta:
        ordering = ["lot", "debiteur__nom", "id"]
        verbose_name = "lettre de relance"
        constraints = [
            models.UniqueConstraint(fields=["lot", "debiteur"], name="lettre_relance_par_debiteur")
        ]

    def __str__(self) -> str:
        return f"Lettre de relance à {self.debiteur.nom} (lot {self.lot.reference})"

    @property
    def rang_libelle(self) -> str:
        return rang_libelle(self.rang)


class LigneRelance(models.Model):
    """A claim reminded in a letter, its rank and its reste that day."""

    lettre = models.ForeignKey(LettreRelance, on_delete=models.PROTECT, related_name="lignes")
    creance = models.ForeignKey(
        "recouvrement.Creance", on_delete=models.PROTECT, related_name="relances"
    )
    rang = models.PositiveSmallIntegerField()
    reste = models.DecimalField("reste à recouvrer", **_MONTANT)
    acte = models.OneToOneField(
        "recouvrement.Acte", on_delete=models.PROTECT, related_name="ligne_relance"
    )

    class Meta:
        ordering = ["lettre", "id"]
        verbose_name = "créance relancée"
        constraints = [
            models.UniqueConstraint(fields=["creance", "rang"], name="relance_rang_unique"),
            models.CheckConstraint(condition=models.Q(reste__gt=0), name="relance_reste_positif"),
        ]

    def __str__(self) -> str:
        return f"{rang_libelle(self.rang)} de la créance n° {self.creance_id}"

    @property
    def rang_libelle(self) -> str:
        return rang_libelle(self.rang)


def rang_libelle(rang: int) -> str:
    return "1re relance" if rang == 1 else f"{rang}e relance"


class DelaiPaiement(models.Model):
    """A payment delay granted by the agent comptable on the debtor's written request."""

    class Etat(models.TextChoices):
        EN_COURS = "en_cours", "en cours"
        DEFAILLANT = "defaillant", "défaillance constatée"
        SOLDE = "solde", "soldé"

    creance = models.ForeignKey(
        "recouvrement.Creance", on_delete=models.PROTECT, related_name="delais"
    )
    demande_le = models.DateField("date de la demande écrite du débiteur")
    demande_reference = models.CharField(
        "référence de la demande écrite", max_length=120, blank=True
    )
    demande_fichier = models.FileField(upload_to="recouvrement/demandes/", blank=True)
    demande_sha256 = models.CharField(max_length=64, blank=True)
    motif = models.TextField("motif invoqué par le débiteur", blank=True)
    accorde_le = models.DateField("accordé le")
    accorde_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    qualite = models.CharField("qualité de qui l'accorde", max_length=255)
    montant = models.DecimalField("montant échelonné", **_MONTANT)
    etat = models.CharField("état", max_length=12, choices=Etat.choices, default=Etat.EN_COURS)
    defaillance_le = models.DateField("défaillance constatée le", null=True, blank=True)

    class Meta:
        ordering = ["-accorde_le", "-id"]
        verbose_name = "délai de paiement"
        verbose_name_plural = "délais de paiement"
        constraints = [
            models.CheckConstraint(condition=models.Q(montant__gt=0), name="delai_montant_positif"),
            models.CheckConstraint(
                condition=~models.Q(demande_reference="") | ~models.Q(demande_fichier=""),
                name="delai_demande_ecrite",
                violation_error_message="Le délai de paiement suppose la demande écrite du débiteur.",
            ),
            models.UniqueConstraint(
                fields=["creance"],
                condition=models.Q(etat="en_cours"),
                name="un_delai_en_cours_par_creance",
            ),
        ]

    def __str__(self) -> str:
        return f"Délai de paiement n° {self.pk} accordé le {self.accorde_le:%d/%m/%Y}"


class Echeance(models.Model):
    """One instalment of the échéancier of a payment delay."""

    delai = models.ForeignKey(DelaiPaiement, on_delete=models.PROTECT, related_name="echeances")
    rang = models.PositiveSmallIntegerField()
    le = models.DateField("à payer le")
    montant = models.DecimalField(**_MONTANT)

    class Meta:
        ordering = ["delai", "rang"]
        verbose_name = "échéance"
        constraints = [
            models.UniqueConstraint(fields=["delai", "rang"], name="echeance_rang_unique"),
            models.CheckConstraint(
                condition=models.Q(montant__gt=0), name="echeance_montant_positif"
            ),
        ]

    def __str__(self) -> str:
        return f"Échéance n° {self.rang} du {self.le:%d/%m/%Y}"
