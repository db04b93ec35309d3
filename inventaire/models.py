"""The year-end inventory: its états and their entries.

Design overview
===============

What this app owns
------------------
- `EtatInventaire`: the numbered état that justifies one inventory entry of
  exercise N (D253-17-2 produits à recevoir, D253-17-3 créances douteuses,
  D253-17-4 provisions pour dépréciation, D253-19-2 charges à payer,
  D253-19-3 provisions pour risques et charges). Its number runs per
  exercise, without a gap; it states its kind, its method (and for a
  forfaitaire assessment the reference population, for a provision for risks
  the historical data it rests on), the agent comptable who signed it and the
  SHA-256 of its content. Its entry is posted on the inventory journal (IN),
  dated 31 December N, with the état's reference as pièce.
- `ArticleEtat`: the items of an état (who or what, the accounts debited and
  credited, the amount; for a forfaitaire provision the base and the rate).
  An item `pour_memoire` is listed and not posted (a visaed ordre de dépense
  unpaid on 31 December is already in its creditor's account).
- The review of the provisions of N−1 (D253-17-4, D253-19-3), an état of
  nature `revue_provisions` whose items say for each provision the amount
  carried, the new assessment and the movement (`inventaire/revue.py`).
- `ContrepassationInventaire`: the reversal, in N+1 dated 1 January, of the
  produits à recevoir and charges à payer of N; one per exercise.

Invariants, kept by PostgreSQL (`migrations/sql/0002_gardes.sql`, LG85x)
------------------------------------------------------------------------
1. An état and its items never change nor go once committed: an item joins
   only an état created in the same transaction (its `tx`).
2. The états of an exercise are numbered 1, 2, 3… without a gap.
3. An exercise's inventory is reversed once (UNIQUE); the reversal row never
   changes.
4. The provisions carried from N−1 (491, 151) are reviewed once at the
   inventory of N (partial UNIQUE): an item of the review states the amount
   carried and the new one, and posts their difference, a reprise (781) or a
   complementary dotation (6817, 6815), or is kept for memory when they are
   equal (CHECK `article_revue_coherente`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS


class EtatInventaire(models.Model):
    class Nature(models.TextChoices):
        PRODUITS_A_RECEVOIR = "produits_a_recevoir", "produits à recevoir"
        CREANCES_DOUTEUSES = "creances_douteuses", "créances douteuses"
        PROVISIONS_DEPRECIATION = "provisions_depreciation", "provisions pour dépréciation"
        CHARGES_A_PAYER = "charges_a_payer", "charges à payer"
        PROVISIONS_RISQUES = "provisions_risques", "provisions pour risques et charges"
        REVUE_PROVISIONS = "revue_provisions", "revue des provisions"

    class Methode(models.TextChoices):
        INDIVIDUELLE = "individuelle", "évaluation débiteur par débiteur"
        FORFAITAIRE = "forfaitaire", "estimation forfaitaire"

    exercice = models.ForeignKey("ledger.Exercice", on_delete=models.PROTECT, related_name="+")
    numero = models.PositiveIntegerField("numéro")
    nature = models.CharField(max_length=30, choices=Nature.choices)
    methode = models.CharField("méthode", max_length=20, choices=Methode.choices)
    explication = models.TextField(
        "méthode d'évaluation",
        help_text="Comment les montants ont été établis : pièces, calcul, sources.",
    )
    fondement = models.TextField(
        "population de référence ou données historiques",
        blank=True,
        help_text="Estimation forfaitaire : la population de créances de même nature retenue ; "
        "provision pour risques : les données historiques précises.",
    )
    total = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    ecriture = models.OneToOneField(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        related_name="etat_inventaire",
    )
    etabli_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    etabli_le = models.DateTimeField("établi et signé le")
    qualite = models.CharField("qualité du signataire", max_length=120)
    empreinte = models.CharField("SHA-256 du contenu signé", max_length=64)
    tx = models.BigIntegerField(editable=False, db_default=models.Func(function="txid_current"))

    class Meta:
        ordering = ["exercice", "numero"]
        constraints = [
            models.UniqueConstraint(fields=["exercice", "numero"], name="etat_inventaire_numero"),
            models.CheckConstraint(condition=models.Q(numero__gte=1), name="etat_numero_positif"),
            models.CheckConstraint(condition=models.Q(total__gt=0), name="etat_total_positif"),
            # The provisions carried from N−1 are reviewed once at the inventory of N.
            models.UniqueConstraint(
                fields=["exercice"],
                condition=models.Q(nature="revue_provisions"),
                name="etat_revue_provisions_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"État d'inventaire {self.reference}"

    @property
    def reference(self) -> str:
        return f"{self.exercice.annee}-{self.numero:03d}"

    @property
    def piece(self) -> str:
        """What the entry names as its pièce justificative."""
        return f"etat_inventaire:{self.reference}"


class ArticleEtat(models.Model):
    etat = models.ForeignKey(EtatInventaire, on_delete=models.PROTECT, related_name="articles")
    rang = models.PositiveSmallIntegerField()
    libelle = models.CharField("libellé", max_length=255)
    tiers = models.CharField(max_length=120, blank=True)
    compte_debit = models.CharField("compte débité", max_length=12)
    compte_credit = models.CharField("compte crédité", max_length=12)
    base = models.DecimalField(
        "créances de référence",
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    taux = models.DecimalField("taux (%)", max_digits=7, decimal_places=4, null=True, blank=True)
    montant = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    pour_memoire = models.BooleanField("pour mémoire", default=False)
    # The review of a provision carried from N−1: its account, its amount
    # carried and the new assessment; `montant` is the movement posted (or,
    # for memory, the amount maintained).
    compte_provision = models.CharField("compte de provision", max_length=12, blank=True)
    precedent = models.DecimalField(
        "montant précédent",
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    nouveau = models.DecimalField(
        "nouveau montant",
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["etat", "rang"]
        constraints = [
            models.UniqueConstraint(fields=["etat", "rang"], name="article_etat_rang"),
            models.CheckConstraint(condition=models.Q(montant__gt=0), name="article_montant_pos"),
            # A review's item moves the provision by the difference, or keeps it for memory.
            models.CheckConstraint(
                condition=models.Q(precedent__isnull=True, nouveau__isnull=True)
                | (
                    models.Q(precedent__gt=0, nouveau__gte=0)
                    & (
                        models.Q(
                            pour_memoire=True,
                            montant=models.F("precedent"),
                            nouveau=models.F("precedent"),
                        )
                        | models.Q(
                            pour_memoire=False,
                            montant=models.F("nouveau") - models.F("precedent"),
                        )
                        | models.Q(
                            pour_memoire=False,
                            montant=models.F("precedent") - models.F("nouveau"),
                        )
                    )
                ),
                name="article_revue_coherente",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.libelle} : {self.montant}"


class ContrepassationInventaire(models.Model):
    """The reversal at the opening of N+1 of the produits à recevoir and charges
    à payer of N (None as entry when N had none)."""

    exercice = models.OneToOneField("ledger.Exercice", on_delete=models.PROTECT, related_name="+")
    ecriture = models.OneToOneField(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateTimeField()

    def __str__(self) -> str:
        return f"Contrepassation de l'inventaire {self.exercice_id}"
