"""Ordres de dépense: engagement, liquidation, ordonnancement, the agent
comptable's controls, visa or suspension, and réquisition.

Design overview
===============

Rules (circulaire DSS/F 93/82 §2.1; D253-19 to D253-19-3)
---------------------------------------------------------
- Engagement creates the obligation and, for the gestions budgétaires,
  reserves the credits (`budget`); the gestions techniques (benefits) are not
  limited by credits (circ. §2.1.0).
- Liquidation checks the debt is real and fixes the amount: the *service
  fait* is attested (by whom, when) or the opening of rights recorded.
- Ordonnancement: the directeur, or a delegate within a notified delegation
  valid that day, signs the order (password typed again, content hashed).
  Orders are individual (creditor and *qualité*, bank details) or collective;
  numbered continuously per exercise (trigger, as for recettes).
- The agent comptable checks (circ. §2.1.2.0) the signer's capacity, the
  credits available, the exact imputation, the validity of the debt, the
  discharging character of the payment and the service fait — selectively
  per the plan de contrôle — then **vise** (posting charge / creditor) or
  **suspend** with a reason.
- After a suspension the directeur **complète** the file, **retire** the order
  or **requiert** payment in writing (circ. §2.1.9). The software refuses the
  réquisition where the agent comptable may not obey: an opposition in his
  hands, a disputed debt, no service fait, no or insufficient credits, a
  suspended or annulled board decision. Otherwise the visa is forced, the
  liability moves to the directeur, and the board's report lists it.
- A lost order is replaced by a *duplicata* on the agent comptable's
  certificate that it was not paid; a wrong imputation within the exercise is
  corrected by a *certificat de réimputation*, never once it is closed
  (circ. §2.1.4). Successive *acomptes* on one engagement keep their pièces
  with the first order.
- Expenses paid without prior order (authorised direct debits: water, gas,
  electricity, taxes, telephone) are recorded from the bank side; the
  directeur must issue the regularising order within one month and before
  year end (circ. §2.1.8).

States of an order
------------------
brouillon → signe → transmis → vise (→ paye, with the treasury)
transmis → suspendu → transmis (complété) | retire | vise (requis)
brouillon → abandonne; vise or transmis → remplace (duplicata)
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
)

MONTANT = {"max_digits": MAX_DIGITS, "decimal_places": DECIMAL_PLACES}


class Gestion(models.TextChoices):
    TECHNIQUE = "technique", "gestion technique (prestations)"
    BUDGETAIRE = "budgetaire", "gestion budgétaire (administration)"


class Nature(models.TextChoices):
    PRESTATION = "prestation", "prestations"
    FOURNITURES = "fournitures", "fournitures"
    TRAVAUX = "travaux", "travaux"
    LOYER = "loyer", "loyers"
    INTERETS = "interets", "intérêts"
    SUBVENTION = "subvention", "subventions"
    TRANSACTION = "transaction", "transactions"
    CONDAMNATION = "condamnation", "condamnations"
    RESTITUTION = "restitution", "restitutions"
    ACQUISITION_IMMEUBLE = "acquisition_immeuble", "acquisition d'immeuble"
    AUTRE = "autre", "autre dépense"


class Engagement(models.Model):
    exercice = models.ForeignKey("ledger.Exercice", on_delete=models.PROTECT, related_name="+")
    gestion = models.CharField(max_length=12, choices=Gestion.choices)
    objet = models.CharField(max_length=255)
    creancier = models.CharField("créancier pressenti", max_length=200)
    compte_imputation = models.ForeignKey(
        "ledger.Compte", on_delete=models.PROTECT, related_name="+"
    )
    montant = models.DecimalField(**MONTANT)
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    cree_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(montant__gt=0), name="engagement_montant_positif"
            )
        ]

    def __str__(self) -> str:
        return f"Engagement n° {self.pk} : {self.objet}"


class OrdreDepense(OrdreBase):
    class Etat(models.TextChoices):
        BROUILLON = "brouillon", "brouillon"
        SIGNE = "signe", "signé (ordonnancé)"
        TRANSMIS = "transmis", "transmis à l'agent comptable"
        SUSPENDU = "suspendu", "paiement suspendu"
        VISE = "vise", "visé"
        PAYE = "paye", "payé"
        RETIRE = "retire", "retiré"
        ABANDONNE = "abandonne", "abandonné"
        REMPLACE = "remplace", "remplacé par un duplicata"

    # The acts' passages between states (see the module docstring); the
    # trigger `ordre_depense_fige` receives the same pairs (depenses migration 0007).
    TRANSITIONS = frozenset(
        {
            (Etat.BROUILLON, Etat.SIGNE),
            (Etat.BROUILLON, Etat.ABANDONNE),
            (Etat.SIGNE, Etat.TRANSMIS),
            (Etat.TRANSMIS, Etat.VISE),
            (Etat.TRANSMIS, Etat.SUSPENDU),
            (Etat.TRANSMIS, Etat.REMPLACE),
            (Etat.SUSPENDU, Etat.TRANSMIS),
            (Etat.SUSPENDU, Etat.RETIRE),
            (Etat.SUSPENDU, Etat.VISE),
            (Etat.VISE, Etat.PAYE),
            (Etat.VISE, Etat.REMPLACE),
        }
    )

    gestion = models.CharField(max_length=12, choices=Gestion.choices)
    nature = models.CharField(max_length=24, choices=Nature.choices)
    engagement = models.ForeignKey(
        Engagement, on_delete=models.PROTECT, null=True, blank=True, related_name="ordres"
    )
    acompte = models.PositiveSmallIntegerField("acompte n°", null=True, blank=True)
    date_service_fait = models.DateField("service fait le", null=True, blank=True)
    date_deliberation = models.DateField("date de la délibération", null=True, blank=True)
    date_transaction = models.DateField("date de la transaction", null=True, blank=True)
    date_encaissement = models.DateField("date d'encaissement de l'indu", null=True, blank=True)
    date_paiement = models.DateField("date de paiement", null=True, blank=True)
    duplicata_de = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicata"
    )
    regularise = models.OneToOneField(
        "DepenseSansOrdonnancement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ordre",
        verbose_name="dépense payée sans ordonnancement qu'il régularise",
    )
    etat = models.CharField(max_length=20, choices=Etat.choices, default=Etat.BROUILLON)
    vise_le = models.DateTimeField(null=True, blank=True)
    vise_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The payment mention (circ. 93/82 §2.1.6), carried by the payment
    # (tresorerie.services.lot_payer); once written it never changes.
    paye_le = models.DateField("payé le", null=True, blank=True)
    paiement_moyen = models.CharField("moyen de paiement", max_length=20, blank=True)
    paiement_reference = models.CharField("référence du paiement", max_length=60, blank=True)
    paye_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta(OrdreBase.Meta):
        verbose_name = "ordre de dépense"
        verbose_name_plural = "ordres de dépense"
        constraints = contraintes_ordre("ordre_depense")

    @property
    def dates_rattachement(self) -> dict:
        return {
            "service_fait": self.date_service_fait,
            "liquidation": self.date_liquidation,
            "echeance": self.date_echeance,
            "contrat": self.date_contrat,
            "reception": self.date_reception,
            "decision": self.date_decision,
            "deliberation": self.date_deliberation,
            "transaction": self.date_transaction,
            "encaissement": self.date_encaissement,
            "paiement": self.date_paiement,
        }


class LigneOrdreDepense(LigneBase):
    ordre = models.ForeignKey(OrdreDepense, on_delete=models.PROTECT, related_name="lignes")
    creancier = models.CharField("créancier", max_length=200)
    qualite = models.CharField("qualité du créancier", max_length=120)
    iban = models.CharField("IBAN", max_length=34)
    bic = models.CharField("BIC", max_length=11, blank=True)

    class Meta(LigneBase.Meta):
        constraints = [contrainte_ligne("ordre_depense")]

    def __str__(self) -> str:
        return f"{self.creancier} : {self.montant}"


class PieceDepense(PieceBase):
    ordre = models.ForeignKey(OrdreDepense, on_delete=models.PROTECT, related_name="pieces")
    fichier = models.FileField(upload_to="pieces/depenses/")
    complement = models.BooleanField(
        default=False, help_text="Jointe pour compléter le dossier après suspension."
    )


class ServiceFait(models.Model):
    """Attestation that the service was done (or the rights opened), by whom and when."""

    ordre = models.ForeignKey(OrdreDepense, on_delete=models.PROTECT, related_name="services_faits")
    le = models.DateField("service fait le")
    atteste_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    atteste_le = models.DateTimeField(auto_now_add=True)
    observation = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Service fait le {self.le:%d/%m/%Y}"


class SignatureDepense(SignatureBase):
    ordre = models.ForeignKey(OrdreDepense, on_delete=models.PROTECT, related_name="signatures")


class Controle(models.TextChoices):
    """The six checks of circ. 93/82 §2.1.2.0."""

    QUALITE = "qualite_ordonnateur", "qualité de l'ordonnateur ou de son délégué"
    CREDITS = "credits", "disponibilité des crédits"
    IMPUTATION = "imputation", "exacte imputation"
    VALIDITE = "validite_dette", "validité de la créance (droits, calcul, pièces)"
    LIBERATOIRE = "caractere_liberatoire", "caractère libératoire du règlement"
    SERVICE_FAIT = "service_fait", "service fait"


class ControleDepense(models.Model):
    ordre = models.ForeignKey(OrdreDepense, on_delete=models.PROTECT, related_name="controles")
    controle = models.CharField(max_length=30, choices=Controle.choices)
    automatique = models.BooleanField(help_text="Vérifié par le logiciel.")
    conforme = models.BooleanField()
    detail = models.TextField(blank=True)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_controle_display()} : {'conforme' if self.conforme else 'anomalie'}"


class Suspension(models.Model):
    class Motif(models.TextChoices):
        SERVICE_FAIT = "service_fait", "absence de service fait"
        CREDITS = "credits", "absence ou insuffisance de crédits"
        OPPOSITION = "opposition", "opposition entre les mains de l'agent comptable"
        DETTE_CONTESTEE = "dette_contestee", "dette contestée"
        DECISION = "decision_suspendue", "décision du conseil suspendue ou annulée"
        PIECES = "pieces", "pièces justificatives insuffisantes"
        IMPUTATION = "imputation", "imputation inexacte"
        AUTRE = "autre", "autre motif"

    class Suite(models.TextChoices):
        COMPLETE = "complete", "dossier complété"
        RETIRE = "retire", "ordre retiré"
        REQUIS = "requis", "réquisition"

    ordre = models.ForeignKey(OrdreDepense, on_delete=models.PROTECT, related_name="suspensions")
    motif = models.CharField(max_length=30, choices=Motif.choices)
    explication = models.TextField()
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateTimeField(auto_now_add=True)
    suite = models.CharField(max_length=12, choices=Suite.choices, blank=True)
    suite_le = models.DateTimeField(null=True, blank=True)
    suite_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    complement = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Suspension : {self.get_motif_display()}"


class Requisition(models.Model):
    """The directeur's written order to pay (circ. §2.1.9): liability moves to him."""

    ordre = models.OneToOneField(OrdreDepense, on_delete=models.PROTECT, related_name="requisition")
    suspension = models.OneToOneField(
        Suspension, on_delete=models.PROTECT, related_name="requisition"
    )
    motif = models.TextField("motif de la réquisition")
    requis_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    qualite = models.CharField(max_length=255)
    le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-le"]

    def __str__(self) -> str:
        return f"Réquisition de l'ordre {self.ordre.reference}"


class CertificatNonPaiement(models.Model):
    """The agent comptable's certificate that a lost order was not paid (circ. §2.1.4)."""

    ordre = models.OneToOneField(
        OrdreDepense, on_delete=models.PROTECT, related_name="certificat_non_paiement"
    )
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateTimeField(auto_now_add=True)
    observation = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Certificat de non-paiement de l'ordre {self.ordre.reference}"


class CertificatReimputation(models.Model):
    """Correction of a wrong account within the exercise (circ. §2.1.4)."""

    ordre = models.ForeignKey(OrdreDepense, on_delete=models.PROTECT, related_name="reimputations")
    ancien_compte = models.ForeignKey("ledger.Compte", on_delete=models.PROTECT, related_name="+")
    nouveau_compte = models.ForeignKey("ledger.Compte", on_delete=models.PROTECT, related_name="+")
    motif = models.TextField()
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateTimeField(auto_now_add=True)
    ecriture = models.ForeignKey("ledger.Ecriture", on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"Réimputation de {self.ancien_compte_id} vers {self.nouveau_compte_id}"


class DepenseSansOrdonnancement(models.Model):
    """Paid by authorised direct debit before any order (circ. §2.1.8)."""

    exercice = models.ForeignKey("ledger.Exercice", on_delete=models.PROTECT, related_name="+")
    objet = models.CharField(max_length=255)
    creancier = models.CharField("créancier", max_length=200)
    compte_charge = models.ForeignKey("ledger.Compte", on_delete=models.PROTECT, related_name="+")
    montant = models.DecimalField(**MONTANT)
    payee_le = models.DateField("prélevée le")
    reference = models.CharField("référence du relevé", max_length=120)
    ecriture = models.ForeignKey("ledger.Ecriture", on_delete=models.PROTECT, related_name="+")
    enregistree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enregistree_le = models.DateTimeField(auto_now_add=True)
    limite_regularisation = models.DateField("à régulariser au plus tard le")

    class Meta:
        ordering = ["payee_le", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(montant__gt=0), name="dso_montant_positif")
        ]

    def __str__(self) -> str:
        return f"{self.objet} ({self.creancier})"


class PlanControleDepense(models.Model):
    """The agent comptable's plan de contrôle for expenses, by nature (circ. 93/82
    §2.1.2.1). The software runs its own checks on every order; the plan says
    which orders the agent comptable must also judge himself."""

    class Mode(models.TextChoices):
        EXHAUSTIF = "exhaustif", "exhaustif"
        SELECTIF = "selectif", "sélectif (au-delà d'un seuil)"
        SONDAGE = "sondage", "par sondage"

    nature = models.CharField(max_length=24, choices=Nature.choices, unique=True)
    mode = models.CharField(max_length=12, choices=Mode.choices)
    seuil = models.DecimalField(**MONTANT, null=True, blank=True)
    taux = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["nature"]
        verbose_name = "plan de contrôle des dépenses"

    def __str__(self) -> str:
        return f"{self.get_nature_display()} : {self.get_mode_display()}"


class CompteurOrdreDepense(CompteurBase):
    """Last ordre de dépense number given in an exercise; locked by each creation."""
