"""The collective proceedings of a debtor company (annexe art. 13 al. 3:
« suivre très régulièrement les procédures relatives à la sauvegarde, au
redressement et à la liquidation judiciaire des entreprises »).

- `ProcedureCollective`: its kind, the date of the judgment, the court, the
  mandataire or liquidateur, the deadline to declare the claim as the user
  enters it (no délai is computed here: the seed fixes none), its outcome
  (date, result) recorded once.
- `DeclarationCreance`: the declaration of the fund's claims (date, amount,
  the claims it covers).
- `EvenementProcedure`: what happened meanwhile (a hearing, a plan, a
  conversion...), append-only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS

_MONTANT = {"max_digits": MAX_DIGITS, "decimal_places": DECIMAL_PLACES}


class ProcedureCollective(models.Model):
    class Type(models.TextChoices):
        SAUVEGARDE = "sauvegarde", "sauvegarde"
        REDRESSEMENT = "redressement", "redressement judiciaire"
        LIQUIDATION = "liquidation", "liquidation judiciaire"

    debiteur = models.ForeignKey(
        "recouvrement.Debiteur", on_delete=models.PROTECT, related_name="procedures_collectives"
    )
    type = models.CharField(max_length=12, choices=Type.choices)
    jugement_le = models.DateField("jugement d'ouverture du")
    tribunal = models.CharField(max_length=200)
    mandataire = models.CharField("mandataire judiciaire ou liquidateur", max_length=200)
    limite_declaration = models.DateField("déclarer la créance au plus tard le")
    enregistree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enregistree_le = models.DateTimeField()
    issue_le = models.DateField("issue du", null=True, blank=True)
    issue = models.TextField("issue de la procédure", blank=True)

    class Meta:
        ordering = ["-jugement_le", "-id"]
        verbose_name = "procédure collective"
        verbose_name_plural = "procédures collectives"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(limite_declaration__gte=models.F("jugement_le")),
                name="procedure_limite_apres_jugement",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} de {self.debiteur} (jugement du {self.jugement_le:%d/%m/%Y})"

    @property
    def en_cours(self) -> bool:
        return self.issue_le is None


class DeclarationCreance(models.Model):
    procedure = models.ForeignKey(
        ProcedureCollective, on_delete=models.PROTECT, related_name="declarations"
    )
    le = models.DateField("déclarée le")
    montant = models.DecimalField(**_MONTANT)
    creances = models.ManyToManyField("recouvrement.Creance", related_name="declarations")
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    qualite = models.CharField("qualité du déclarant", max_length=255)
    enregistree_le = models.DateTimeField()

    class Meta:
        ordering = ["le", "id"]
        verbose_name = "déclaration de créance"
        verbose_name_plural = "déclarations de créance"

    def __str__(self) -> str:
        return f"Déclaration du {self.le:%d/%m/%Y} : {self.montant}"


class EvenementProcedure(models.Model):
    procedure = models.ForeignKey(
        ProcedureCollective, on_delete=models.PROTECT, related_name="evenements"
    )
    le = models.DateField()
    libelle = models.CharField("événement", max_length=255)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    enregistre_le = models.DateTimeField()

    class Meta:
        ordering = ["le", "id"]
        verbose_name = "événement d'une procédure collective"
        verbose_name_plural = "événements des procédures collectives"

    def __str__(self) -> str:
        return f"{self.libelle} ({self.le:%d/%m/%Y})"
