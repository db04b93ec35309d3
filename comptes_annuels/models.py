"""The mapping of accounts to the rubrics of the comptes annuels (circ. 93/82 §IV).

Invariants:
- a rubrique belongs to one statement (`etat`): bilan actif, bilan passif,
  charges or produits; a rubrique of the compte de résultat names its gestion
  (technique, courante, financière, exceptionnelle), one of the bilan none
  (CHECK `rubrique_gestion_selon_etat`);
- a correspondance sends every account whose number begins with `prefixe`
  (digits only, CHECK `correspondance_prefixe_chiffres`) to a rubrique from
  `valable_du`; one row per prefix and date (UNIQUE). The mapping of an
  exercise is, per prefix, the row with the latest `valable_du` not after
  31 December; an account goes to its longest matching prefix. Rows are
  never changed: a new mapping is a new row (PostgreSQL refuses UPDATE and
  DELETE, `migrations/sql/0002_correspondances_figees.sql`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Rubrique(models.Model):
    class Etat(models.TextChoices):
        ACTIF = "actif", "bilan actif"
        PASSIF = "passif", "bilan passif"
        CHARGES = "charges", "charges"
        PRODUITS = "produits", "produits"

    class Gestion(models.TextChoices):
        TECHNIQUE = "technique", "gestion technique"
        COURANTE = "courante", "gestion courante"
        FINANCIERE = "financiere", "gestion financière"
        EXCEPTIONNELLE = "exceptionnelle", "gestion exceptionnelle"

    code = models.CharField(max_length=10, unique=True)
    libelle = models.CharField("libellé", max_length=200)
    etat = models.CharField("état", max_length=10, choices=Etat.choices)
    gestion = models.CharField(max_length=20, choices=Gestion.choices, blank=True)
    ordre = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["etat", "ordre", "code"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(etat__in=["actif", "passif"], gestion="")
                    | (models.Q(etat__in=["charges", "produits"]) & ~models.Q(gestion=""))
                ),
                name="rubrique_gestion_selon_etat",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.libelle}"


class Correspondance(models.Model):
    prefixe = models.CharField("préfixe de compte", max_length=12)
    rubrique = models.ForeignKey(Rubrique, on_delete=models.PROTECT, related_name="comptes")
    valable_du = models.DateField("valable du")
    fixee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    fixee_le = models.DateTimeField("fixée le", null=True, blank=True)

    class Meta:
        ordering = ["prefixe", "-valable_du"]
        constraints = [
            models.UniqueConstraint(
                fields=["prefixe", "valable_du"], name="correspondance_unique_par_date"
            ),
            models.CheckConstraint(
                condition=models.Q(prefixe__regex=r"^[1-8][0-9]{0,11}$"),
                name="correspondance_prefixe_chiffres",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.prefixe} → {self.rubrique.code} du {self.valable_du:%d/%m/%Y}"


from comptes_annuels.models_cycle import *  # noqa: E402, F403  (the life after the board)
