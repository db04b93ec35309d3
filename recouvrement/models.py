"""The recovery of the claims taken in charge: who owes, what, at which stage.

Rules
-----
- Cotisations and majorations de retard are recovered by the directeur; he
  alone liquidates and recovers in contentious the other claims; the agent
  comptable recovers them amicably (D253-16 al. 1; circ. 93/82 §2.0).
- The agent comptable sends the first reminders, may grant payment delays
  under his own responsibility to a debtor who asks in writing, and hands the
  failures to the directeur (circ. 93/82 §2.0.5).
- Contentious recovery: mise en demeure, commission de recours amiable,
  compulsory recovery through bailiffs, an individual file per debtor, the
  half-yearly list of debtors (annexe art. 13).

The claim (`Creance`) is one debtor's line of an ordre de recette taken in
charge; the debtor (`Debiteur`) is the third-party account and name the
ledger already uses (`recettes.selectors.restes_par_debiteur`). Every act of
recovery writes one row of `Acte`, the journal the situation individuelle
reads; the journal is append-only (PostgreSQL, migration 0001).

The models of each part are in their own module, imported here for Django's
registry: `models_amiable`, `models_contentieux`, `models_surveillance`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS

MONTANT = {"max_digits": MAX_DIGITS, "decimal_places": DECIMAL_PLACES}


class Debiteur(models.Model):
    """A debtor of the fund: the third-party account and the name on the orders."""

    class Regime(models.TextChoices):
        SANS_OBJET = "sans_objet", "sans objet (pas un cotisant)"
        OBLIGATOIRE = "obligatoire", "régime à titre obligatoire"
        VOLONTAIRE = "volontaire", "régime à titre volontaire"

    class Forme(models.TextChoices):
        PERSONNE = "personne", "personne physique"
        ENTREPRISE = "entreprise", "entreprise"

    compte = models.ForeignKey(
        "ledger.Compte", on_delete=models.PROTECT, related_name="+", verbose_name="compte de tiers"
    )
    nom = models.CharField(max_length=120)
    qualite = models.CharField("qualité", max_length=120, blank=True)
    adresse = models.TextField(blank=True)
    regime = models.CharField(
        "régime", max_length=12, choices=Regime.choices, default=Regime.SANS_OBJET
    )
    forme = models.CharField(max_length=10, choices=Forme.choices, default=Forme.PERSONNE)

    class Meta:
        ordering = ["nom"]
        verbose_name = "débiteur"
        constraints = [models.UniqueConstraint(fields=["compte", "nom"], name="debiteur_unique")]

    def __str__(self) -> str:
        return self.nom


class Creance(models.Model):
    """One debtor's line of an ordre de recette taken in charge, in recovery."""

    class Responsable(models.TextChoices):
        COMPTABLE = "comptable", "agent comptable (recouvrement amiable)"
        DIRECTEUR = "directeur", "directeur"

    class Stade(models.TextChoices):
        # In the order a claim goes through them (the état nominatif and the
        # list of claims not recovered give the stage reached, circ. §2.0.5).
        PRISE_EN_CHARGE = "prise_en_charge", "prise en charge"
        RELANCE = "relance", "relancée"
        DELAI = "delai", "délai de paiement accordé"
        DEFAILLANCE = "defaillance", "défaillance constatée"
        TRANSMISE = "transmise", "transmise au directeur"
        MISE_EN_DEMEURE = "mise_en_demeure", "mise en demeure"
        RECOURS = "recours", "recours amiable en cours"
        POURSUITE = "poursuite", "recouvrement forcé"
        PROCEDURE_COLLECTIVE = "procedure_collective", "procédure collective"
        AVIS_CAISSE = "avis_caisse", "défaut signalé à la caisse (régime volontaire)"
        SOLDEE = "soldee", "soldée"

    # From the mise en demeure on, the claim is in contentious recovery, the
    # directeur's alone (circ. 93/82 §2.0.5; annexe art. 13): no reminder nor
    # payment delay of the amicable recovery any more.
    STADES_CONTENTIEUX = frozenset(
        {
            Stade.MISE_EN_DEMEURE,
            Stade.RECOURS,
            Stade.POURSUITE,
            Stade.PROCEDURE_COLLECTIVE,
            Stade.AVIS_CAISSE,
        }
    )

    ligne = models.OneToOneField(
        "recettes.LigneOrdreRecette", on_delete=models.PROTECT, related_name="creance"
    )
    debiteur = models.ForeignKey(Debiteur, on_delete=models.PROTECT, related_name="creances")
    responsable = models.CharField(max_length=10, choices=Responsable.choices)
    stade = models.CharField(max_length=24, choices=Stade.choices, default=Stade.PRISE_EN_CHARGE)
    ouverte_le = models.DateField("suivie depuis le")
    transmise_le = models.DateField("transmise au directeur le", null=True, blank=True)
    transmise_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    compte_rendu = models.TextField(
        "compte rendu des tentatives de recouvrement amiable", blank=True
    )

    class Meta:
        ordering = ["debiteur__nom", "id"]
        verbose_name = "créance en recouvrement"
        verbose_name_plural = "créances en recouvrement"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(transmise_le__isnull=True) | models.Q(responsable="directeur"),
                name="creance_transmise_au_directeur",
                violation_error_message="Une créance transmise est suivie par le directeur.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.debiteur.nom} : ordre n° {self.ligne.ordre.reference}"

    def stade_lu(self, reste) -> str:
        """The stage as the pages show it: « soldée » once nothing remains due.
        A receipt or a reduction settles the claim in the treasury or the
        orders, below this app, which does not move `stade`; the reste read
        with it says whether the last stage reached still runs."""
        if reste is not None and reste <= 0:
            return self.Stade.SOLDEE.label
        return self.get_stade_display()

    @property
    def contentieux(self) -> bool:
        return self.responsable == self.Responsable.DIRECTEUR and self.transmise_le is not None


class Acte(models.Model):
    """One act of recovery, as the situation individuelle lists it: append-only."""

    class Type(models.TextChoices):
        RELANCE = "relance", "lettre de relance"
        DEMANDE_DELAI = "demande_delai", "demande écrite de délai"
        DELAI = "delai", "délai de paiement accordé"
        ECHEANCE_PAYEE = "echeance_payee", "échéance honorée"
        DEFAILLANCE = "defaillance", "défaillance de l'échéancier"
        TRANSMISSION = "transmission", "transmission au directeur"
        MISE_EN_DEMEURE = "mise_en_demeure", "mise en demeure"
        AVIS_RECEPTION = "avis_reception", "avis de réception"
        SAISINE_CRA = "saisine_cra", "saisine de la commission de recours amiable"
        DECISION_CRA = "decision_cra", "décision de la commission de recours amiable"
        CONTRAINTE = "contrainte", "contrainte"
        AUTRE_PROCEDURE = "autre_procedure", "autre procédure de recouvrement forcé"
        ACTE_HUISSIER = "acte_huissier", "acte d'huissier"
        RESULTAT = "resultat", "résultat d'un acte"
        AVIS_CAISSE = "avis_caisse", "avis à la caisse du défaut (régime volontaire)"
        PROCEDURE_COLLECTIVE = "procedure_collective", "procédure collective"
        DECLARATION_CREANCE = "declaration_creance", "déclaration de créance"
        ISSUE_PROCEDURE = "issue_procedure", "issue de la procédure collective"
        GARANTIE = "garantie", "garantie ou sûreté prise"
        MAINLEVEE = "mainlevee", "mainlevée d'une garantie"
        RECOUVREMENT = "recouvrement", "somme recouvrée"
        AUTRE = "autre", "autre acte"

    debiteur = models.ForeignKey(Debiteur, on_delete=models.PROTECT, related_name="actes")
    creance = models.ForeignKey(
        Creance, on_delete=models.PROTECT, related_name="actes", null=True, blank=True
    )
    type = models.CharField(max_length=24, choices=Type.choices)
    le = models.DateField("date de l'acte")
    libelle = models.CharField("libellé", max_length=255)
    resultat = models.TextField("résultat", blank=True)
    montant = models.DecimalField(null=True, blank=True, **MONTANT)
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    qualite = models.CharField("qualité de l'auteur", max_length=255)
    enregistre_le = models.DateTimeField(auto_now_add=True)
    ecriture = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["le", "id"]
        verbose_name = "acte de recouvrement"
        verbose_name_plural = "actes de recouvrement"
        indexes = [models.Index(fields=["debiteur", "le"], name="acte_debiteur_le")]

    def __str__(self) -> str:
        return f"{self.get_type_display()} du {self.le:%d/%m/%Y} : {self.libelle}"


from recouvrement.models_amiable import *  # noqa: E402, F403
from recouvrement.models_contentieux import *  # noqa: E402, F403
from recouvrement.models_surveillance import *  # noqa: E402, F403
