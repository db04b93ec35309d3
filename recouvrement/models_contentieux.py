"""The directeur's contentious recovery (annexe art. 13; circ. 93/82 §2.0,
§2.0.5: « il en rend compte au directeur qui est seul chargé du recouvrement
contentieux »).

- A mise en demeure (`MiseEnDemeure`) is one registered letter with avis de
  réception to one debtor, for one or several of his claims
  (`MiseEnDemeureCreance`, each with the sum owed on the day). The date of
  the avis de réception is recorded later, once; the thirty days « imparti
  par la mise en demeure » run from it and end on `fin_delai`.
- A réclamation before the commission de recours amiable (`RecoursAmiable`)
  introduced within those thirty days suspends; the commission has one month
  from its saisine (`fin_commission`); its decision (fondée, partiellement
  fondée, rejetée) is recorded once.
- Compulsory recovery (`Poursuite`): the contrainte, or another of the
  procedures « prévues aux articles R. 612-11 à R. 612-13 et R. 612-17 », only
  after the thirty days, never while the commission has the réclamation
  within its month, never after a decision « fondée », and never for a debtor
  of the régime à titre volontaire, for whom the caisse is told of the
  default instead (`AvisCaisse`).
- The bailiffs, their visits and acts: `models_huissiers`; the collective
  proceedings: `models_procedures`.

Every act writes its row of the journal `Acte`. PostgreSQL keeps the same
rules and keeps every row append-only, except the fields recorded later
(avis de réception, decision, result), which are set once
(migration 0003, error codes LG940–LG959).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS
from recouvrement.models_huissiers import ActeHuissier, DispenseVisite, Huissier, VisiteHuissier
from recouvrement.models_procedures import (
    DeclarationCreance,
    EvenementProcedure,
    ProcedureCollective,
)

__all__ = [
    "ActeHuissier",
    "AvisCaisse",
    "DeclarationCreance",
    "DispenseVisite",
    "EvenementProcedure",
    "Huissier",
    "MiseEnDemeure",
    "MiseEnDemeureCreance",
    "Poursuite",
    "ProcedureCollective",
    "RecoursAmiable",
    "VisiteHuissier",
]

_MONTANT = {"max_digits": MAX_DIGITS, "decimal_places": DECIMAL_PLACES}
DELAI_MISE_EN_DEMEURE = 30  # jours (annexe art. 13 al. 1)


class MiseEnDemeure(models.Model):
    """A registered letter with avis de réception: thirty days to pay."""

    debiteur = models.ForeignKey(
        "recouvrement.Debiteur", on_delete=models.PROTECT, related_name="mises_en_demeure"
    )
    envoyee_le = models.DateField("envoyée le")
    montant = models.DecimalField("montant total réclamé", **_MONTANT)
    signataire = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    qualite = models.CharField("qualité du signataire", max_length=255)
    avis_reception_le = models.DateField("avis de réception signé le", null=True, blank=True)
    fin_delai = models.DateField("fin du délai de trente jours", null=True, blank=True)
    enregistree_le = models.DateTimeField()

    class Meta:
        ordering = ["-envoyee_le", "-id"]
        verbose_name = "mise en demeure"
        verbose_name_plural = "mises en demeure"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(avis_reception_le__isnull=True, fin_delai__isnull=True)
                | models.Q(avis_reception_le__isnull=False, fin_delai__isnull=False),
                name="miseendemeure_delai_avec_avis",
            ),
        ]

    def __str__(self) -> str:
        return f"Mise en demeure n° {self.pk} du {self.envoyee_le:%d/%m/%Y} ({self.debiteur})"

    @property
    def reference(self) -> str:
        return f"MED-{self.envoyee_le:%Y}-{self.pk}"


class MiseEnDemeureCreance(models.Model):
    """One claim of the letter, with the sum owed on the day it was sent."""

    mise_en_demeure = models.ForeignKey(
        MiseEnDemeure, on_delete=models.PROTECT, related_name="lignes"
    )
    creance = models.ForeignKey(
        "recouvrement.Creance", on_delete=models.PROTECT, related_name="mises_en_demeure"
    )
    montant = models.DecimalField(**_MONTANT)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["creance"], name="miseendemeure_une_par_creance"),
        ]

    def __str__(self) -> str:
        return f"{self.creance} : {self.montant}"


class RecoursAmiable(models.Model):
    """A réclamation before the commission de recours amiable, and its decision."""

    class Decision(models.TextChoices):
        FONDEE = "fondee", "réclamation fondée"
        PARTIELLE = "partielle", "réclamation partiellement fondée"
        REJETEE = "rejetee", "réclamation rejetée"

    mise_en_demeure = models.OneToOneField(
        MiseEnDemeure, on_delete=models.PROTECT, related_name="recours"
    )
    saisie_le = models.DateField("réclamation introduite le")
    objet = models.TextField("objet de la réclamation")
    fin_commission = models.DateField("la commission statue au plus tard le")
    enregistre_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    decision_le = models.DateField("décision du", null=True, blank=True)
    decision_reference = models.CharField("référence de la décision", max_length=120, blank=True)
    decision_motifs = models.TextField("motifs de la décision", blank=True)

    class Meta:
        verbose_name = "recours devant la commission de recours amiable"
        verbose_name_plural = "recours devant la commission de recours amiable"

    def __str__(self) -> str:
        return f"Réclamation du {self.saisie_le:%d/%m/%Y}"

    @property
    def en_cours(self) -> bool:
        return not self.decision


class Poursuite(models.Model):
    """The directeur's decision to recover compulsorily: a contrainte, or
    another of the procedures the seed names, without attributing it to one
    of those articles (the seed does not)."""

    class Type(models.TextChoices):
        CONTRAINTE = "contrainte", "contrainte"
        AUTRE = "autre", "autre procédure (articles R. 612-11 à R. 612-13, R. 612-17)"

    creance = models.ForeignKey(
        "recouvrement.Creance", on_delete=models.PROTECT, related_name="poursuites"
    )
    mise_en_demeure = models.ForeignKey(
        MiseEnDemeure, on_delete=models.PROTECT, related_name="poursuites"
    )
    type = models.CharField(max_length=12, choices=Type.choices)
    description = models.TextField()
    le = models.DateField("décidée le")
    montant = models.DecimalField("somme poursuivie", **_MONTANT)
    signataire = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    qualite = models.CharField("qualité du signataire", max_length=255)
    enregistree_le = models.DateTimeField()

    class Meta:
        ordering = ["le", "id"]
        verbose_name = "procédure de recouvrement forcé"
        verbose_name_plural = "procédures de recouvrement forcé"

    def __str__(self) -> str:
        return f"{self.get_type_display()} du {self.le:%d/%m/%Y}"


class AvisCaisse(models.Model):
    """The caisse told of the default of a debtor of the régime à titre volontaire."""

    creance = models.OneToOneField(
        "recouvrement.Creance", on_delete=models.PROTECT, related_name="avis_caisse"
    )
    mise_en_demeure = models.ForeignKey(
        MiseEnDemeure, on_delete=models.PROTECT, related_name="avis_caisse"
    )
    le = models.DateField("avis adressé le")
    destinataire = models.CharField(max_length=200)
    montant = models.DecimalField("cotisations impayées", **_MONTANT)
    signataire = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    qualite = models.CharField("qualité du signataire", max_length=255)
    enregistre_le = models.DateTimeField()

    class Meta:
        verbose_name = "avis à la caisse du défaut de paiement"
        verbose_name_plural = "avis à la caisse du défaut de paiement"

    def __str__(self) -> str:
        return f"Avis à {self.destinataire} du {self.le:%d/%m/%Y}"
