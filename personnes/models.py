"""People and the functions they hold in the fund.

Owns `Affectation`: a user holds a function (directeur, agent comptable,
auditeur...) over a period. What a person may do follows from the functions
valid on the date of the act (circ. 93/82 §I). Delegations of signature and of
power come with the ordres de recette and de dépense.
"""

import datetime

from django.conf import settings
from django.db import models


class Fonction(models.TextChoices):
    DIRECTEUR = "directeur", "directeur"
    DELEGUE = "delegue", "délégué du directeur"
    AGENT_COMPTABLE = "agent_comptable", "agent comptable"
    FONDE_DE_POUVOIR = "fonde_de_pouvoir", "fondé de pouvoir"
    MANDATAIRE = "mandataire", "mandataire"
    REGISSEUR = "regisseur", "régisseur"
    AUDITEUR = "auditeur", "auditeur (tutelle)"


class Affectation(models.Model):
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="affectations"
    )
    fonction = models.CharField(max_length=30, choices=Fonction.choices)
    debut = models.DateField("du")
    fin = models.DateField("au", null=True, blank=True)

    class Meta:
        ordering = ["utilisateur", "debut"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fin__isnull=True) | models.Q(fin__gte=models.F("debut")),
                name="affectation_periode_ordonnee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.utilisateur} : {self.get_fonction_display()}"

    def valide_le(self, jour: datetime.date) -> bool:
        return self.debut <= jour and (self.fin is None or jour <= self.fin)
