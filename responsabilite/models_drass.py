"""The ministers' part in the agent comptable's liability (circ. 93/82 §6.2):

- `DossierDrass`: while a décharge or a remise gracieuse waits for the
  ministers' approval, the file « à l'appui de la décision de mise en cause »
  the DRASS transmits to the minister of social security — the agent
  comptable's revenues over the period in question, the valuation of his
  property, a copy of his contrat de cautionnement and of his insurance
  (responsabilité civile), the two copies as PDF kept under their SHA-256 —,
  recorded once by the directeur; the approval is recorded only after it;
- `AvisMinistres`: a mise en cause decided by the tutelle above the amount
  set by arrêté « est transmise pour avis » to the two ministers; the
  directeur records the transmission and their avis.

Invariants (PostgreSQL, `migrations/sql/0008_dossier_drass.sql`, LG897):
both are recorded once and never changed nor removed; the file belongs to a
request waiting for the ministers, sent on or after the board's decision; a
request leaves « en attente d'approbation ministérielle » only with its file;
the avis concerns a mise en cause by the tutelle, transmitted on or after
its date, given on or after the transmission.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS

MONTANT = {"max_digits": MAX_DIGITS, "decimal_places": DECIMAL_PLACES}

SHA256 = r"^[0-9a-f]{64}$"


class DossierDrass(models.Model):
    """The DRASS file transmitted to the minister (circ. 93/82 §6.2)."""

    demande = models.OneToOneField(
        "responsabilite.Demande", on_delete=models.PROTECT, related_name="dossier_drass"
    )
    transmis_le = models.DateField("transmis au ministre le")
    revenus = models.DecimalField("revenus de l'agent comptable sur la période en cause", **MONTANT)
    biens_immobiliers = models.DecimalField("évaluation de ses biens immobiliers", **MONTANT)
    cautionnement = models.FileField(
        "copie du contrat de cautionnement", upload_to="pieces/responsabilite/"
    )
    cautionnement_nom = models.CharField(max_length=200)
    cautionnement_sha256 = models.CharField(max_length=64)
    assurance = models.FileField(
        "copie du contrat d'assurance responsabilité civile", upload_to="pieces/responsabilite/"
    )
    assurance_nom = models.CharField(max_length=200)
    assurance_sha256 = models.CharField(max_length=64)
    enregistre_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enregistre_le = models.DateTimeField("enregistré le")

    class Meta:
        verbose_name = "dossier transmis par la DRASS au ministre"
        verbose_name_plural = "dossiers transmis par la DRASS au ministre"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(revenus__gte=0, biens_immobiliers__gte=0),
                name="dossierdrass_montants",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    cautionnement_sha256__regex=SHA256, assurance_sha256__regex=SHA256
                ),
                name="dossierdrass_copies",
            ),
        ]

    def __str__(self) -> str:
        return f"Dossier DRASS du {self.transmis_le:%d/%m/%Y} ({self.demande})"


class AvisMinistres(models.Model):
    """A mise en cause by the tutelle above the amount set by arrêté, transmitted
    for avis to the ministers of social security and of the budget (§6.2)."""

    mise_en_cause = models.OneToOneField(
        "responsabilite.MiseEnCause", on_delete=models.PROTECT, related_name="avis_ministres"
    )
    seuil = models.DecimalField("somme fixée par arrêté", **MONTANT)
    transmis_le = models.DateField("transmise pour avis le")
    avis_le = models.DateField("avis des ministres du")
    avis_reference = models.CharField("référence de l'avis", max_length=120)
    favorable = models.BooleanField("avis favorable")
    enregistre_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enregistre_le = models.DateTimeField("enregistré le")

    class Meta:
        verbose_name = "avis des ministres sur une mise en cause"
        verbose_name_plural = "avis des ministres sur des mises en cause"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(avis_le__gte=models.F("transmis_le")),
                name="avisministres_apres_transmission",
            ),
            models.CheckConstraint(
                condition=models.Q(avis_reference__regex=r"[^[:space:]]"),
                name="avisministres_reference",
            ),
        ]

    def __str__(self) -> str:
        sens = "favorable" if self.favorable else "défavorable"
        return f"Avis {sens} des ministres du {self.avis_le:%d/%m/%Y} ({self.avis_reference})"
