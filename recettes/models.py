"""Ordres de recette: from the directeur's draft to the agent comptable's prise en charge.

Design overview
===============

Rules (art. D253-16; circulaire DSS/F 93/82 §2.0)
-------------------------------------------------
- An order is individual (one debtor, named with the debtor's *qualité*) or
  collective (one line per debtor). It carries its exercise, its account of
  imputation, its object, the *bases de liquidation*, its amount and its
  pièces justificatives, attached or referenced (circ. §2.0.0, §2.0.2).
- Numbers are continuous per exercise, with no gap (circ. §2.0.0): given at
  creation under a locked counter; an order is never deleted, a draft given
  up stays in the register as *abandonné*.
- The directeur, or a delegate within a notified delegation valid at that
  date, signs (circ. §1.0); the signature records who, in what capacity, when
  and the SHA-256 of the order's content. Once signed, the content never
  changes (trigger `ordre_fige`, running the generic `ordres_ordre_fige`).
- The agent comptable takes it in charge after the controls that the *plan de
  contrôle* asks for its nature (exhaustive, selective, sampled: D253-16
  al. 3; circ. §2.0.1), which posts the claim (debtor account / produit), or
  rejects it with a reason. A sampled order is drawn when he acts on it, from
  a random seed recorded with the result (`TirageControle`, `ordres.tirage`):
  the ordonnateur cannot tell beforehand which orders will be checked. The same person never signs and takes in charge
  (circ. §2.4.0).
- Corrections are decided by the directeur through an *ordre de réduction* or
  *d'annulation* stating the new bases (circ. §2.0.3); admissions en
  non-valeur and remises gracieuses likewise; the agent comptable checks they
  are justified (circ. §2.0.4) and takes them in charge, which posts them.
  A reduction of a collective order names the debtor's line it concerns and
  is posted in that debtor's name.
- An order for the previous exercise is accepted only within the période
  complémentaire the dated rules give (D253-17, D253-17-1).

States
------
brouillon → signe → transmis → pris_en_charge (→ annule when reduced to zero)
brouillon → abandonne; transmis → rejete → brouillon (repris) or abandonne.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS
from ordres.models import (
    CompteurBase,
    LigneBase,
    OrdreBase,
    PieceBase,
    SignatureBase,
    contrainte_ligne,
    contraintes_ordre,
    index_etat,
)
from ordres.tirage import TirageBase


class Nature(models.TextChoices):
    COTISATION = "cotisation", "cotisations"
    MAJORATION = "majoration", "majorations de retard"
    PENALITE = "penalite", "pénalités"
    LOYER = "loyer", "loyers"
    VENTE = "vente", "vente d'immeuble"
    INTERETS = "interets", "intérêts"
    CONDAMNATION = "condamnation", "condamnation au profit de la caisse"
    RECUPERATION_INDU = "recuperation_indu", "récupération d'indus"
    TRAVAUX_FOURNITURES = "travaux_fournitures", "travaux ou fournitures"
    AUTRE = "autre", "autre recette"


class OrdreRecette(OrdreBase):
    class Etat(models.TextChoices):
        BROUILLON = "brouillon", "brouillon"
        SIGNE = "signe", "signé"
        TRANSMIS = "transmis", "transmis à l'agent comptable"
        PRIS_EN_CHARGE = "pris_en_charge", "pris en charge"
        REJETE = "rejete", "rejeté"
        ABANDONNE = "abandonne", "abandonné"
        ANNULE = "annule", "annulé"

    ACTES_ORDONNATEUR = OrdreBase.ACTES_ORDONNATEUR + (
        ("reductions__signataire", "a signé une réduction de"),
    )

    # The acts' passages between states (see the module docstring); the
    # trigger `ordre_fige` receives the same pairs (recettes migration 0004).
    TRANSITIONS = frozenset(
        {
            (Etat.BROUILLON, Etat.SIGNE),
            (Etat.BROUILLON, Etat.ABANDONNE),
            (Etat.SIGNE, Etat.TRANSMIS),
            (Etat.TRANSMIS, Etat.PRIS_EN_CHARGE),
            (Etat.TRANSMIS, Etat.REJETE),
            (Etat.REJETE, Etat.BROUILLON),
            (Etat.REJETE, Etat.ABANDONNE),
            (Etat.PRIS_EN_CHARGE, Etat.ANNULE),
        }
    )

    nature = models.CharField(max_length=24, choices=Nature.choices)
    compte_tiers = models.ForeignKey(
        "ledger.Compte",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="compte du débiteur",
    )
    date_droits_acquis = models.DateField("droits acquis le", null=True, blank=True)
    date_reglement = models.DateField("date du règlement de l'indu", null=True, blank=True)
    date_encaissement = models.DateField("date d'encaissement", null=True, blank=True)
    etat = models.CharField("état", max_length=20, choices=Etat.choices, default=Etat.BROUILLON)
    pris_en_charge_le = models.DateTimeField(null=True, blank=True)
    pris_en_charge_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    motif_rejet = models.TextField(blank=True)
    rejete_le = models.DateTimeField(null=True, blank=True)

    class Meta(OrdreBase.Meta):
        verbose_name = "ordre de recette"
        verbose_name_plural = "ordres de recette"
        constraints = contraintes_ordre("ordre_recette")
        indexes = [index_etat("ordre_recette")]

    @property
    def dates_rattachement(self) -> dict:
        return {
            "droits_acquis": self.date_droits_acquis,
            "liquidation": self.date_liquidation,
            "echeance": self.date_echeance,
            "contrat": self.date_contrat,
            "reception": self.date_reception,
            "decision": self.date_decision,
            "reglement": self.date_reglement,
            "encaissement": self.date_encaissement,
        }


class LigneOrdreRecette(LigneBase):
    ordre = models.ForeignKey(OrdreRecette, on_delete=models.PROTECT, related_name="lignes")
    debiteur = models.CharField("débiteur", max_length=200)
    qualite = models.CharField("qualité du débiteur", max_length=120)

    class Meta(LigneBase.Meta):
        constraints = [contrainte_ligne("ordre_recette")]

    def __str__(self) -> str:
        return f"{self.debiteur} : {self.montant}"


class PieceJustificative(PieceBase):
    ordre = models.ForeignKey(OrdreRecette, on_delete=models.PROTECT, related_name="pieces")
    fichier = models.FileField(upload_to="pieces/recettes/")

    class Meta(PieceBase.Meta):
        verbose_name = "pièce justificative"


class Signature(SignatureBase):
    ordre = models.ForeignKey(OrdreRecette, on_delete=models.PROTECT, related_name="signatures")


class PlanControle(models.Model):
    """The agent comptable's plan de contrôle, per nature of recette (circ. §2.0.1.1)."""

    class Mode(models.TextChoices):
        EXHAUSTIF = "exhaustif", "exhaustif"
        SELECTIF = "selectif", "sélectif (au-delà d'un seuil)"
        SONDAGE = "sondage", "par sondage"

    nature = models.CharField(max_length=24, choices=Nature.choices, unique=True)
    mode = models.CharField(max_length=12, choices=Mode.choices)
    seuil = models.DecimalField(
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        null=True,
        blank=True,
        help_text="Mode sélectif : contrôler les ordres d'un montant au moins égal.",
    )
    taux = models.PositiveSmallIntegerField(
        default=100, help_text="Mode par sondage : pourcentage contrôlé."
    )
    points = models.TextField(help_text="Un point de contrôle par ligne.")

    class Meta:
        ordering = ["nature"]
        verbose_name = "plan de contrôle"

    def __str__(self) -> str:
        return f"{self.get_nature_display()} : {self.get_mode_display()}"


class ControleEffectue(models.Model):
    ordre = models.ForeignKey(OrdreRecette, on_delete=models.PROTECT, related_name="controles")
    point = models.CharField(max_length=255)
    conforme = models.BooleanField()
    commentaire = models.TextField(blank=True)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.point} : {'conforme' if self.conforme else 'anomalie'}"


class TirageControle(TirageBase):
    """The plan de contrôle's draw for one ordre de recette of a sampled nature,
    made at its prise en charge (circ. 93/82 §2.0.1.1; see `ordres.tirage`).
    Append-only; PostgreSQL checks the number against the seed and the order."""

    ordre = models.OneToOneField(OrdreRecette, on_delete=models.PROTECT, related_name="tirage")

    class Meta:
        verbose_name = "tirage du plan de contrôle"
        constraints = TirageBase.contraintes("recettes")

    def __str__(self) -> str:
        return f"Tirage de l'ordre n° {self.ordre.reference} : {self.motif}"


class Reduction(models.Model):
    """Ordre de réduction or d'annulation, admission en non-valeur, remise gracieuse,
    abandon of an overpaid benefit below the D133-2 threshold."""

    class Type(models.TextChoices):
        REDUCTION = "reduction", "ordre de réduction"
        ANNULATION = "annulation", "ordre d'annulation"
        NON_VALEUR = "non_valeur", "admission en non-valeur"
        REMISE_GRACIEUSE = "remise_gracieuse", "remise gracieuse"
        ABANDON_INDU = "abandon_indu", "abandon d'un indu inférieur au seuil (D133-2)"

    class Etat(models.TextChoices):
        SIGNEE = "signee", "signée par l'ordonnateur"
        PRISE_EN_CHARGE = "prise_en_charge", "prise en charge"

    ordre = models.ForeignKey(OrdreRecette, on_delete=models.PROTECT, related_name="reductions")
    # The debtor's line the reduction concerns: named on every new reduction of
    # a collective order (service and PostgreSQL, migration 0008); a reduction
    # signed before it was asked for has none and counts on the order's first
    # line (lowest id), as the restes then did (recettes.selectors).
    ligne = models.ForeignKey(
        LigneOrdreRecette,
        on_delete=models.PROTECT,
        related_name="reductions",
        null=True,
        blank=True,
        verbose_name="ligne du débiteur",
    )
    type = models.CharField(max_length=20, choices=Type.choices)
    montant = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    motif = models.TextField()
    nouvelles_bases = models.TextField("nouvelles bases de liquidation")
    etat = models.CharField(max_length=20, choices=Etat.choices, default=Etat.SIGNEE)
    signataire = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    qualite = models.CharField(max_length=255)
    signee_le = models.DateTimeField()
    pris_en_charge_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    ecriture = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(montant__gt=0), name="reduction_montant_positif"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} de {self.montant} €"


class CompteurOrdre(CompteurBase):
    """Last ordre de recette number given in an exercise; locked by each creation."""
