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
  or **requiert** payment in writing (circ. §2.1.9.0). The software refuses the
  réquisition where the agent comptable may not obey: an opposition in his
  hands, a disputed debt, no service fait, no or insufficient credits, a
  suspended or annulled board decision. Otherwise the order is *requis*: the
  visa stays the agent comptable's act and the posting his (circ. §1.1.1: "la
  tenue de la comptabilité ne peut faire l'objet d'une délégation"). He
  **défère** (visa on réquisition, in his name; liability moves to the
  directeur, circ. §2.1.9.1, and the board's report lists it) or **refuse de
  déférer**, only in one of those five cases, and the order is suspended
  again (`ReponseRequisition`).
- A lost order is replaced by a *duplicata* on the agent comptable's
  certificate that it was not paid (circ. §2.1.4). A wrong imputation of the
  gestions budgétaires, found within the exercise of emission, is corrected
  by a *certificat de réimputation* issued by the directeur (circ. §2.1.4),
  which moves the credits from the old line to the new; the agent comptable
  takes it in charge and posts it (OD), or rejects it and the credits move
  back. Never once the exercise is over or closed. Successive *acomptes* on
  one engagement keep their pièces with the first order.
- Expenses paid without prior order (authorised direct debits: water, gas,
  electricity, taxes, telephone) are recorded from the bank side; the
  directeur must issue the regularising order within one month and before
  year end (circ. §2.1.8).

States of an order
------------------
brouillon → signe → transmis → vise (→ paye, with the treasury)
transmis → suspendu → transmis (complété) | retire | requis (réquisition)
requis → vise (the agent comptable defers) | suspendu (he refuses to defer)
brouillon → abandonne; vise or transmis → remplace (duplicata)
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core import horloge
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
        REQUIS = "requis", "requis, en attente du visa de l'agent comptable"
        VISE = "vise", "visé"
        PAYE = "paye", "payé"
        RETIRE = "retire", "retiré"
        ABANDONNE = "abandonne", "abandonné"
        REMPLACE = "remplace", "remplacé par un duplicata"

    ACTES_ORDONNATEUR = OrdreBase.ACTES_ORDONNATEUR + (
        ("services_faits__atteste_par", "a attesté le service fait de"),
        ("requisition__requis_par", "a requis le paiement de"),
    )

    # The acts' passages between states (see the module docstring); the
    # trigger `ordre_depense_fige` receives the same pairs (depenses migration 0009).
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
            (Etat.SUSPENDU, Etat.REQUIS),
            (Etat.REQUIS, Etat.VISE),
            (Etat.REQUIS, Etat.SUSPENDU),
            (Etat.VISE, Etat.PAYE),
            (Etat.VISE, Etat.REMPLACE),
            # A transfer returned by the bank (tresorerie.services.retours): only
            # with a recorded return, which PostgreSQL checks (LG380).
            (Etat.PAYE, Etat.VISE),
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
        indexes = [index_etat("ordre_depense")]

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


class TirageControleDepense(TirageBase):
    """The plan de contrôle's draw for one ordre de dépense of a sampled nature,
    made at its visa (circ. 93/82 §2.1.2.1; see `ordres.tirage`). Append-only;
    PostgreSQL checks the number against the seed and the order."""

    ordre = models.OneToOneField(OrdreDepense, on_delete=models.PROTECT, related_name="tirage")

    class Meta:
        verbose_name = "tirage du plan de contrôle des dépenses"
        constraints = TirageBase.contraintes("depenses")

    def __str__(self) -> str:
        return f"Tirage de l'ordre n° {self.ordre.reference} : {self.motif}"


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


# The five cases where the agent comptable does not obey a réquisition
# (circ. 93/82 §2.1.9.0), named as the suspension's motives.
CAS_REFUS_REQUISITION = (
    Suspension.Motif.OPPOSITION,
    Suspension.Motif.DETTE_CONTESTEE,
    Suspension.Motif.SERVICE_FAIT,
    Suspension.Motif.CREDITS,
    Suspension.Motif.DECISION,
)


class Requisition(models.Model):
    """The directeur's written order to pay (circ. §2.1.9.0); once the agent
    comptable defers, liability moves to the directeur (§2.1.9.1)."""

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


class ReponseRequisition(models.Model):
    """The agent comptable's answer to a réquisition (circ. 93/82 §2.1.9.0):
    he defers (the visa and its entry are his) or, in one of the five cases
    only, refuses to defer (the order is suspended again). Append-only."""

    class Decision(models.TextChoices):
        DEFERE = "defere", "déféré : visé sur réquisition"
        REFUS = "refus", "refus de déférer"

    requisition = models.OneToOneField(
        Requisition, on_delete=models.PROTECT, related_name="reponse"
    )
    decision = models.CharField(max_length=8, choices=Decision.choices)
    cas = models.CharField(
        "cas de refus",
        max_length=30,
        blank=True,
        choices=[(c.value, c.label) for c in CAS_REFUS_REQUISITION],
    )
    explication = models.TextField(blank=True)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    qualite = models.CharField(max_length=255)
    le = models.DateTimeField(default=horloge.maintenant, editable=False)
    ecriture = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    suspension = models.OneToOneField(
        Suspension,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="refus_de_deferer",
        help_text="La nouvelle suspension qu'ouvre le refus de déférer.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        decision="defere",
                        ecriture__isnull=False,
                        cas="",
                        suspension__isnull=True,
                    )
                    | (
                        models.Q(
                            decision="refus",
                            ecriture__isnull=True,
                            suspension__isnull=False,
                            cas__in=[c.value for c in CAS_REFUS_REQUISITION],
                        )
                        & ~models.Q(explication="")
                    )
                ),
                name="reponse_requisition_coherente",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} ({self.requisition})"


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
    """Correction of a wrong imputation of the gestions budgétaires within the
    exercise of emission (circ. 93/82 §2.1.4): issued by the directeur, who
    moves the credits; taken in charge and posted by the agent comptable, or
    rejected by him (the credits move back). Its content never changes; its
    state moves once (trigger, depenses migration 0009)."""

    class Etat(models.TextChoices):
        DELIVRE = "delivre", "délivré par le directeur, à prendre en charge"
        PRIS_EN_CHARGE = "pris_en_charge", "pris en charge par l'agent comptable"
        REJETE = "rejete", "rejeté par l'agent comptable"

    ordre = models.ForeignKey(OrdreDepense, on_delete=models.PROTECT, related_name="reimputations")
    ancien_compte = models.ForeignKey("ledger.Compte", on_delete=models.PROTECT, related_name="+")
    nouveau_compte = models.ForeignKey("ledger.Compte", on_delete=models.PROTECT, related_name="+")
    motif = models.TextField()
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    qualite = models.CharField("qualité de l'émetteur", max_length=255, blank=True)
    le = models.DateTimeField(auto_now_add=True)
    etat = models.CharField(max_length=16, choices=Etat.choices, default=Etat.DELIVRE)
    ecriture = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    traite_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="pris en charge ou rejeté par",
    )
    traite_le = models.DateTimeField("pris en charge ou rejeté le", null=True, blank=True)
    motif_rejet = models.TextField("motif du rejet", blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(etat="delivre", ecriture__isnull=True, traite_par__isnull=True)
                    | models.Q(
                        etat="pris_en_charge", ecriture__isnull=False, traite_par__isnull=False
                    )
                    | (
                        models.Q(etat="rejete", ecriture__isnull=True, traite_par__isnull=False)
                        & ~models.Q(motif_rejet="")
                    )
                ),
                name="reimputation_etat_coherent",
            ),
            # One certificate at a time waits for the agent comptable.
            models.UniqueConstraint(
                fields=["ordre"],
                condition=models.Q(etat="delivre"),
                name="reimputation_une_en_attente",
            ),
        ]

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
    ecriture = models.ForeignKey(
        "ledger.Ecriture", on_delete=models.PROTECT, db_constraint=False, related_name="+"
    )
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


from depenses.models_differe import *  # noqa: E402, F403
