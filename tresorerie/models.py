"""Trésorerie: accounts of funds, receipts and their quittances, payments, bank
statements and the cash desk.

Design overview
===============
Rules (circulaire DSS/F 93/82 §2.0.5, §2.0.6, §2.1.5, §2.1.6, §2.2; DOMAIN.md §4)
-----------------------------------------------------------------------------------
- The agent comptable alone handles funds; cash and values form one *unité de
  caisse* (§2.2). Each account of funds (`CompteDisponibilite`) is linked to
  its ledger account: the Caisse des dépôts (515), the compte spécial
  d'exécution (5121, §2.2.0.0), comptes externes (5122, §2.2.0.1), comptes
  spéciaux d'encaissement (5123, §2.2.0.2: credits only, cotisations only,
  their fees charged to an external account, §2.2.0.3), the cash desk (531)
  and the régies (541).
- A receipt (`Encaissement`) is cash, a cheque to the order of the agent
  comptable, a transfer or another means (§2.0.6). It is allocated
  (`Affectation`) to ordres de recette taken in charge, debtor by debtor; what
  is left waits in 4711 until allocated or refunded.
- Every cash receipt gets a *quittance* from a carnet à souches; a receipt by
  other means gets a *reçu* on request (§2.0.6). Numbers are continuous within
  each carnet (`Carnet`, counter locked by the database). A quittance is never
  edited: a mistake is cancelled by a new document that references it.
- Payments (`LotPaiement`, `Paiement`) settle visaed ordres de dépense; the
  opposing parties are paid first (§2.1.5); the payment mention is carried on
  the order (§2.1.6). The database refuses to pay an order line twice or
  beyond the order's amount, to pay a creditor what an opposition in force
  still stops (or a line held in doubt before the agent comptable decided,
  `DecisionOpposition`), and a batch that leaves the account's book balance
  below its authorised overdraft (`decouvert_autorise`, 0 by default).
- Bank statements (`Releve`, `LigneReleve`, in `models_releves.py`) are matched (`Rapprochement`)
  with posted treasury lines.
- The daily arrêté de caisse (`ArreteCaisse`) compares counted cash with the
  book balance of 531; a shortfall waits in 4722 for the ordre de recette against
  the agent comptable, which carries it to the débet account 429; a
  surplus waits in 4712 until prescription (§2.2).

The guards live in `migrations/sql/0002_gardes.sql`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core import horloge
from core.money import DECIMAL_PLACES, MAX_DIGITS, ZERO

MONTANT = {"max_digits": MAX_DIGITS, "decimal_places": DECIMAL_PLACES}


class FormatVirements(models.TextChoices):
    """The pain.001 versions a bank account's files may be written in (`tresorerie.sepa`)."""

    PAIN_001_001_09 = "pain.001.001.09", "pain.001.001.09 (norme SEPA 2019, par défaut)"
    PAIN_001_001_03 = (
        "pain.001.001.03",
        "pain.001.001.03 (ancienne version, pour les banques qui la demandent)",
    )


class CompteDisponibilite(models.Model):
    class Nature(models.TextChoices):
        CDC = "cdc", "compte unique à la Caisse des dépôts"
        EXECUTION = "execution", "compte spécial d'exécution"
        EXTERNE = "externe", "compte externe de disponibilités"
        ENCAISSEMENT = "encaissement", "compte spécial d'encaissement"
        CAISSE = "caisse", "caisse (numéraire)"
        REGIE = "regie", "régie de recettes"

    code = models.SlugField(max_length=20, unique=True)
    libelle = models.CharField("libellé", max_length=200)
    nature = models.CharField(max_length=16, choices=Nature.choices)
    compte = models.OneToOneField(
        "ledger.Compte",
        on_delete=models.PROTECT,
        related_name="compte_disponibilite",
        verbose_name="compte du plan",
    )
    etablissement = models.CharField("établissement teneur", max_length=200, blank=True)
    iban = models.CharField("IBAN", max_length=34, blank=True)
    bic = models.CharField("BIC", max_length=11, blank=True)
    compte_frais = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="compte qui supporte ses frais",
    )
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    ouvert_le = models.DateField("ouvert le")
    actif = models.BooleanField(default=True)
    decouvert_autorise = models.DecimalField(
        "découvert autorisé",
        default=ZERO,
        help_text="Jusqu'où un paiement peut rendre le solde comptable négatif (0 : aucun).",
        **MONTANT,
    )
    format_virements = models.CharField(
        "format des fichiers de virements",
        max_length=20,
        choices=FormatVirements.choices,
        default=FormatVirements.PAIN_001_001_09,
        db_default=FormatVirements.PAIN_001_001_09,
        help_text="La version pain.001 que la banque de ce compte accepte.",
    )

    class Meta:
        ordering = ["compte__numero"]
        verbose_name = "compte de disponibilités"
        verbose_name_plural = "comptes de disponibilités"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(nature="encaissement") | models.Q(compte_frais__isnull=False),
                name="encaissement_frais_ailleurs",
                violation_error_message="Les frais d'un compte spécial d'encaissement sont "
                "débités sur un compte externe de disponibilités (circulaire 93/82 §2.2.0.3).",
            ),
            models.CheckConstraint(
                condition=~models.Q(nature__in=["caisse", "regie"]) | models.Q(iban=""),
                name="numeraire_sans_iban",
            ),
            models.CheckConstraint(
                condition=models.Q(decouvert_autorise__gte=0),
                name="decouvert_autorise_positif",
                violation_error_message="Le découvert autorisé est un montant positif ou nul.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.libelle} ({self.compte.numero})"

    @property
    def credits_seulement(self) -> bool:
        return self.nature == self.Nature.ENCAISSEMENT

    @property
    def bancaire(self) -> bool:
        return bool(self.iban)


class Carnet(models.Model):
    """A carnet à souches: a numbered series of quittances or reçus (circ. §2.0.6)."""

    class Type(models.TextChoices):
        QUITTANCE = "quittance", "quittances (numéraire)"
        RECU = "recu", "reçus (autres moyens de paiement)"

    type = models.CharField(max_length=10, choices=Type.choices)
    serie = models.CharField("série", max_length=20, unique=True)
    compte = models.ForeignKey(
        CompteDisponibilite, on_delete=models.PROTECT, related_name="carnets"
    )
    titulaire = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    premier_numero = models.PositiveIntegerField("premier numéro", default=1)
    dernier_numero = models.PositiveIntegerField("dernier numéro")
    dernier_utilise = models.PositiveIntegerField("dernier numéro délivré")
    ouvert_le = models.DateTimeField()
    ouvert_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    clos_le = models.DateTimeField(null=True, blank=True)
    clos_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-ouvert_le"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(dernier_numero__gte=models.F("premier_numero"))
                & models.Q(dernier_utilise__gte=models.F("premier_numero") - 1)
                & models.Q(dernier_utilise__lte=models.F("dernier_numero")),
                name="carnet_bornes",
            ),
            models.UniqueConstraint(
                fields=["type", "compte", "titulaire"],
                condition=models.Q(clos_le__isnull=True),
                name="un_carnet_ouvert",
            ),
        ]

    def __str__(self) -> str:
        return f"Carnet {self.serie} ({self.get_type_display()})"

    @property
    def ouvert(self) -> bool:
        return self.clos_le is None

    @property
    def restants(self) -> int:
        return self.dernier_numero - self.dernier_utilise


class Encaissement(models.Model):
    class Moyen(models.TextChoices):
        NUMERAIRE = "numeraire", "numéraire"
        CHEQUE = "cheque", "chèque à l'ordre de l'agent comptable"
        VIREMENT = "virement", "virement"
        PRELEVEMENT = "prelevement", "prélèvement SEPA"
        AUTRE = "autre", "autre moyen de paiement"

    class Etat(models.TextChoices):
        ENREGISTRE = "enregistre", "enregistré"
        ANNULE = "annule", "annulé"

    exercice = models.ForeignKey("ledger.Exercice", on_delete=models.PROTECT, related_name="+")
    date = models.DateField("reçu le")
    compte = models.ForeignKey(
        CompteDisponibilite, on_delete=models.PROTECT, related_name="encaissements"
    )
    moyen = models.CharField(max_length=12, choices=Moyen.choices)
    montant = models.DecimalField(**MONTANT)
    payeur = models.CharField(max_length=200)
    objet = models.CharField(max_length=255)
    reference = models.CharField("référence du moyen de paiement", max_length=120, blank=True)
    sans_titre = models.BooleanField(
        "encaissé sans ordre de recette préalable (contrat géré par l'agent comptable)",
        default=False,
    )
    compte_produit = models.ForeignKey(
        "ledger.Compte", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    nature_recette = models.CharField(max_length=24, blank=True)
    regularise_par = models.ForeignKey(
        "recettes.OrdreRecette",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="encaissements_regularises",
    )
    recu_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recu_le = models.DateTimeField(auto_now_add=True)
    ecriture = models.ForeignKey(
        "ledger.Ecriture", on_delete=models.PROTECT, db_constraint=False, related_name="+"
    )
    etat = models.CharField(max_length=12, choices=Etat.choices, default=Etat.ENREGISTRE)
    motif_annulation = models.TextField(blank=True)
    ecriture_annulation = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(montant__gt=0), name="encaissement_montant_positif"
            ),
        ]
        indexes = [models.Index(fields=["exercice", "date"], name="encaissement_date")]

    def __str__(self) -> str:
        return f"Encaissement n° {self.pk} de {self.payeur}"

    @property
    def reference_interne(self) -> str:
        return f"ENC-{self.exercice.annee}-{self.pk:06d}"


class Affectation(models.Model):
    """Part of a receipt allocated to a debtor's line of an ordre de recette, or
    refunded (ordre null). Append-only: a cancellation adds negative rows."""

    encaissement = models.ForeignKey(
        Encaissement, on_delete=models.PROTECT, related_name="affectations"
    )
    ordre = models.ForeignKey(
        "recettes.OrdreRecette",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="affectations",
    )
    ligne = models.ForeignKey(
        "recettes.LigneOrdreRecette",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="affectations",
    )
    montant = models.DecimalField(**MONTANT)
    # The fund's clock, like the quittance's emise_le it is compared with.
    le = models.DateTimeField(default=horloge.maintenant, editable=False)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
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
            models.CheckConstraint(condition=~models.Q(montant=ZERO), name="affectation_non_nulle"),
            models.CheckConstraint(
                condition=models.Q(ordre__isnull=True, ligne__isnull=True)
                | models.Q(ordre__isnull=False, ligne__isnull=False),
                name="affectation_ordre_et_ligne",
            ),
        ]

    def __str__(self) -> str:
        return f"Affectation de {self.montant} € (encaissement n° {self.encaissement_id})"

    @property
    def remboursement(self) -> bool:
        return self.ordre_id is None


class Quittance(models.Model):
    """A quittance or reçu drawn from a carnet, or the document cancelling one."""

    class Nature(models.TextChoices):
        QUITTANCE = "quittance", "quittance"
        RECU = "recu", "reçu"
        ANNULATION = "annulation", "annulation"

    carnet = models.ForeignKey(Carnet, on_delete=models.PROTECT, related_name="quittances")
    numero = models.PositiveIntegerField("numéro")
    nature = models.CharField(max_length=12, choices=Nature.choices)
    encaissement = models.ForeignKey(
        Encaissement, on_delete=models.PROTECT, related_name="quittances"
    )
    annule = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="annulee_par",
        verbose_name="document annulé",
    )
    montant = models.DecimalField(**MONTANT)
    emise_le = models.DateTimeField()
    emise_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signataire = models.CharField(max_length=200)
    qualite = models.CharField("qualité du signataire", max_length=120)
    motif = models.TextField(blank=True)
    empreinte = models.CharField("SHA-256 du contenu", max_length=64)

    class Meta:
        ordering = ["carnet", "numero"]
        constraints = [
            models.UniqueConstraint(fields=["carnet", "numero"], name="quittance_numero_unique"),
            models.CheckConstraint(
                condition=models.Q(nature="annulation", annule__isnull=False)
                | (~models.Q(nature="annulation") & models.Q(annule__isnull=True)),
                name="annulation_reference_document",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_nature_display().capitalize()} n° {self.reference}"

    @property
    def reference(self) -> str:
        return f"{self.carnet.serie}-{self.numero:04d}"


class LotPaiement(models.Model):
    class Moyen(models.TextChoices):
        VIREMENT = "virement", "virement SEPA"
        CHEQUE = "cheque", "chèque"
        NUMERAIRE = "numeraire", "numéraire"

    exercice = models.ForeignKey("ledger.Exercice", on_delete=models.PROTECT, related_name="+")
    compte = models.ForeignKey(CompteDisponibilite, on_delete=models.PROTECT, related_name="lots")
    moyen = models.CharField(max_length=10, choices=Moyen.choices)
    date = models.DateField("payé le")
    nombre = models.PositiveIntegerField("nombre de paiements")
    total = models.DecimalField(**MONTANT)
    message_id = models.CharField(max_length=35, unique=True)
    format = models.CharField(
        "version du fichier de virements", max_length=20, blank=True, default="", db_default=""
    )  # e.g. "pain.001.001.09"; empty for cheques and cash
    fichier = models.BinaryField("fichier pain.001", blank=True)
    empreinte_fichier = models.CharField(max_length=64, blank=True)
    ecriture = models.ForeignKey(
        "ledger.Ecriture", on_delete=models.PROTECT, db_constraint=False, related_name="+"
    )
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    cree_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "lot de paiements"

    def __str__(self) -> str:
        return f"Lot de paiements n° {self.pk}"

    @property
    def reference(self) -> str:
        return f"LOT-{self.exercice.annee}-{self.pk:05d}"


class Paiement(models.Model):
    """One transfer (or cheque, or cash) of a batch: to a creditor, or to an
    opposing party first (circ. §2.1.5)."""

    lot = models.ForeignKey(LotPaiement, on_delete=models.PROTECT, related_name="paiements")
    ordre = models.ForeignKey(
        "depenses.OrdreDepense", on_delete=models.PROTECT, related_name="paiements"
    )
    ligne = models.ForeignKey(
        "depenses.LigneOrdreDepense", on_delete=models.PROTECT, related_name="paiements"
    )
    opposition = models.ForeignKey(
        "oppositions.Opposition",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="paiements",
    )
    beneficiaire = models.CharField("bénéficiaire", max_length=200)
    iban = models.CharField(max_length=34, blank=True)
    bic = models.CharField(max_length=11, blank=True)
    montant = models.DecimalField(**MONTANT)
    bout_en_bout = models.CharField("référence de bout en bout", max_length=35, unique=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(montant__gt=0), name="paiement_montant_positif"
            ),
        ]

    def __str__(self) -> str:
        return f"Paiement de {self.montant} € à {self.beneficiaire}"


class ArreteCaisse(models.Model):
    """The daily count of the cash desk (circ. §2.2: unité de caisse)."""

    compte = models.ForeignKey(
        CompteDisponibilite, on_delete=models.PROTECT, related_name="arretes"
    )
    date = models.DateField()
    comptage = models.JSONField("comptage par coupure")
    total_compte = models.DecimalField("espèces comptées", **MONTANT)
    solde_comptable = models.DecimalField(**MONTANT)
    ecart = models.DecimalField("écart (compté − comptable)", **MONTANT)
    ecriture = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    observations = models.TextField(blank=True)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["compte", "date"], name="un_arrete_par_jour"),
        ]

    def __str__(self) -> str:
        return f"Arrêté de caisse du {self.date:%d/%m/%Y}"

    @property
    def nature_ecart(self) -> str:
        if self.ecart < 0:
            return "manquant"
        if self.ecart > 0:
            return "excédent"
        return "concordance"


# The agent comptable's decisions on lines held for an opposition (module of its own: size).
from tresorerie.decisions import DecisionOpposition  # noqa: E402, F401

# The régies de recettes et d'avances (module of their own: size).
from tresorerie.models_regies import *  # noqa: E402, F401, F403

# Bank statements and notifications, their lines and their matching (module of their own: size).
from tresorerie.models_releves import *  # noqa: E402, F401, F403

# Transfers returned by the bank and corrected bank details (module of their own: size).
from tresorerie.models_retours import *  # noqa: E402, F401, F403
