"""Régies de recettes et d'avances (circulaire 93/82, paragraph on the régies).

The circular allows « la création de régies de recettes et de régies de
dépenses sur décision du directeur de l'organisme après avis conforme de
l'agent comptable, les régisseurs agissant pour le compte et sous la
surveillance de l'agent comptable. L'acte constitutif de la régie doit viser
les dispositions contenues dans une instruction particulière relative aux
règles simplifiées de recettes et de dépenses ».

- `Regie`: drawn up by the directeur (projet), the agent comptable's avis
  (favourable or not, dated), then the directeur's decision (date, reference of
  the acte constitutif, which refers to the instruction particulière); ended by
  a decision of the directeur. Its cash is an account of funds of nature
  « régie » (541x); the régisseur, his ceiling of cash, the ceiling of one
  expense and the operations allowed (`OperationRegie`). PostgreSQL refuses a
  régie decided without a favourable avis given before the decision (LG370).
- Receipts of the régie are `Encaissement` rows on its account, cashed
  against a quittance of the régisseur's own carnet, without ordre de recette
  (541x / 4713, regularised by the monthly ordre de recette of the
  ordonnateur, `tresorerie.services.regularisation`).
- Régie d'avances: the agent comptable pays the avance (`AvanceRegie`,
  541x / 531 or a bank account); the régisseur pays small expenses
  (`DepenseRegie`, no entry: the books are the agent comptable's) and draws
  up their statement (`EtatDepensesRegie`), which the agent comptable checks
  and admits (6xx / 541x).
- `VersementRegie`: the régisseur remits cash with a bordereau; another
  person, the agent comptable, acknowledges it (531 or 5122 / 541x).
- `ArreteRegie`: the régisseur's own daily count; after it, no receipt nor
  expense of that day at his régie (LG372).
- `ControleRegie`: the agent comptable's control report.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core import horloge
from core.money import ZERO
from tresorerie.models import MONTANT

__all__ = [
    "Regie",
    "OperationRegie",
    "AvanceRegie",
    "DepenseRegie",
    "EtatDepensesRegie",
    "VersementRegie",
    "ArreteRegie",
    "ControleRegie",
]


class Regie(models.Model):
    class Type(models.TextChoices):
        RECETTES = "recettes", "régie de recettes"
        AVANCES = "avances", "régie d'avances"
        MIXTE = "mixte", "régie de recettes et d'avances"

    class Etat(models.TextChoices):
        PROJET = "projet", "projet (en attente de l'avis ou de la décision)"
        CREEE = "creee", "créée"
        CLOSE = "close", "fermée"

    libelle = models.CharField("libellé", max_length=200)
    type = models.CharField(max_length=10, choices=Type.choices)
    etat = models.CharField(max_length=8, choices=Etat.choices, default=Etat.PROJET)
    compte = models.OneToOneField(
        "tresorerie.CompteDisponibilite",
        on_delete=models.PROTECT,
        related_name="regie",
        verbose_name="compte de la régie (541)",
    )
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="regies_tenues"
    )
    plafond_encaisse = models.DecimalField("plafond d'encaisse", **MONTANT)
    plafond_depense = models.DecimalField("plafond par dépense", null=True, blank=True, **MONTANT)
    projet_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    projet_le = models.DateField("projet du")
    avis_favorable = models.BooleanField("avis conforme favorable", null=True, blank=True)
    avis_le = models.DateField("avis rendu le", null=True, blank=True)
    avis_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    avis_observations = models.TextField(blank=True)
    decision_le = models.DateField("décision de création du", null=True, blank=True)
    decision_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acte_reference = models.CharField("référence de l'acte constitutif", max_length=120, blank=True)
    vise_instruction = models.BooleanField(
        "l'acte vise l'instruction particulière relative aux règles simplifiées", default=False
    )
    fin_le = models.DateField("fin de la régie le", null=True, blank=True)
    fin_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    fin_reference = models.CharField("référence de la décision de fin", max_length=120, blank=True)

    class Meta:
        ordering = ["libelle"]
        verbose_name = "régie"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plafond_encaisse__gt=0), name="regie_plafond_positif"
            ),
            models.CheckConstraint(
                condition=models.Q(plafond_depense__isnull=True) | models.Q(plafond_depense__gt=0),
                name="regie_plafond_depense_positif",
            ),
        ]

    def __str__(self) -> str:
        return self.libelle

    @property
    def recettes(self) -> bool:
        return self.type in (self.Type.RECETTES, self.Type.MIXTE)

    @property
    def avances(self) -> bool:
        return self.type in (self.Type.AVANCES, self.Type.MIXTE)

    @property
    def en_activite(self) -> bool:
        return self.etat == self.Etat.CREEE

    @property
    def arretee_ce_jour(self) -> bool:
        """The régisseur has closed today (or later): nothing more of today."""
        return self.arretes.filter(date__gte=horloge.aujourdhui()).exists()


class OperationRegie(models.Model):
    """A nature of operation the acte constitutif allows: a kind of receipt
    (its product account and nature of recette) or of small expense (its
    charge account)."""

    class Sens(models.TextChoices):
        RECETTE = "recette", "recette"
        DEPENSE = "depense", "dépense"

    regie = models.ForeignKey(Regie, on_delete=models.PROTECT, related_name="operations")
    sens = models.CharField(max_length=8, choices=Sens.choices)
    libelle = models.CharField("libellé", max_length=120)
    compte = models.ForeignKey("ledger.Compte", on_delete=models.PROTECT, related_name="+")
    nature_recette = models.CharField(max_length=24, blank=True)

    class Meta:
        ordering = ["sens", "libelle"]
        constraints = [
            models.UniqueConstraint(fields=["regie", "sens", "libelle"], name="operation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.libelle} ({self.compte.numero})"


class AvanceRegie(models.Model):
    """The avance the agent comptable pays to a régie d'avances (541x / source)."""

    regie = models.ForeignKey(Regie, on_delete=models.PROTECT, related_name="avances_versees")
    date = models.DateField()
    montant = models.DecimalField(**MONTANT)
    source = models.ForeignKey(
        "tresorerie.CompteDisponibilite", on_delete=models.PROTECT, related_name="+"
    )
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ecriture = models.ForeignKey(
        "ledger.Ecriture", on_delete=models.PROTECT, db_constraint=False, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(montant__gt=0), name="avance_positive")
        ]

    def __str__(self) -> str:
        return f"Avance de {self.montant} € du {self.date:%d/%m/%Y}"


class EtatDepensesRegie(models.Model):
    """The régisseur's statement of the expenses he paid, with their pièces,
    checked and admitted by the agent comptable (6xx / 541x)."""

    regie = models.ForeignKey(Regie, on_delete=models.PROTECT, related_name="etats_depenses")
    numero = models.PositiveIntegerField("numéro")
    etabli_le = models.DateField("établi le")
    etabli_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    total = models.DecimalField(**MONTANT)
    admis_le = models.DateField("admis le", null=True, blank=True)
    admis_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    observations = models.TextField(blank=True)
    ecriture = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-etabli_le", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["regie", "numero"], name="etat_depenses_numero"),
        ]

    def __str__(self) -> str:
        return f"État des dépenses {self.reference}"

    @property
    def reference(self) -> str:
        return f"ED-{self.regie_id}-{self.numero:04d}"


class DepenseRegie(models.Model):
    """A small expense the régisseur pays from his régie d'avances, with its pièce."""

    regie = models.ForeignKey(Regie, on_delete=models.PROTECT, related_name="depenses")
    operation = models.ForeignKey(OperationRegie, on_delete=models.PROTECT, related_name="+")
    date = models.DateField("payée le")
    beneficiaire = models.CharField("bénéficiaire", max_length=200)
    objet = models.CharField(max_length=255)
    piece = models.CharField("pièce justificative", max_length=120)
    montant = models.DecimalField(**MONTANT)
    payee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    etat_depenses = models.ForeignKey(
        EtatDepensesRegie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="depenses",
    )

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(montant__gt=0), name="depense_regie_positive")
        ]

    def __str__(self) -> str:
        return f"Dépense de {self.montant} € à {self.beneficiaire}"


class VersementRegie(models.Model):
    """The régisseur's remittance of cash to the agent comptable (bordereau),
    acknowledged by the agent comptable, never by the régisseur himself."""

    class Etat(models.TextChoices):
        REMIS = "remis", "remis, en attente de réception"
        RECU = "recu", "reçu par l'agent comptable"

    regie = models.ForeignKey(Regie, on_delete=models.PROTECT, related_name="versements")
    numero = models.PositiveIntegerField("numéro du bordereau")
    remis_le = models.DateField("remis le")
    remis_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    montant = models.DecimalField(**MONTANT)
    observations = models.TextField(blank=True)
    etat = models.CharField(max_length=6, choices=Etat.choices, default=Etat.REMIS)
    recu_le = models.DateField("reçu le", null=True, blank=True)
    recu_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    destination = models.ForeignKey(
        "tresorerie.CompteDisponibilite",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
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
        ordering = ["-remis_le", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["regie", "numero"], name="versement_regie_numero"),
            models.CheckConstraint(
                condition=models.Q(montant__gt=0), name="versement_regie_positif"
            ),
        ]

    def __str__(self) -> str:
        return f"Bordereau de versement {self.reference}"

    @property
    def reference(self) -> str:
        return f"BV-{self.regie_id}-{self.numero:04d}"


class ArreteRegie(models.Model):
    """The régisseur's daily arrêté of his régie: notes and coins counted, and
    on a line of their own the cheques he holds (cashed, not yet remitted),
    against what the books say he holds (541x balance, less the remittances
    not yet acknowledged and the expenses paid not yet admitted)."""

    regie = models.ForeignKey(Regie, on_delete=models.PROTECT, related_name="arretes")
    date = models.DateField()
    comptage = models.JSONField("comptage par coupure")
    total_compte = models.DecimalField("espèces comptées", **MONTANT)
    cheques_comptes = models.DecimalField("chèques comptés", default=ZERO, **MONTANT)
    cheques_non_verses = models.DecimalField(
        "chèques encaissés non encore versés (écritures)", default=ZERO, **MONTANT
    )
    solde_comptable = models.DecimalField("solde du compte 541", **MONTANT)
    remises_en_cours = models.DecimalField(default=ZERO, **MONTANT)
    depenses_a_justifier = models.DecimalField(default=ZERO, **MONTANT)
    encaisse_theorique = models.DecimalField("encaisse théorique", **MONTANT)
    ecart = models.DecimalField("écart (espèces et chèques comptés − théorique)", **MONTANT)
    observations = models.TextField(blank=True)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateTimeField()

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["regie", "date"], name="un_arrete_de_regie_par_jour"),
        ]

    def __str__(self) -> str:
        return f"Arrêté de la régie du {self.date:%d/%m/%Y}"

    @property
    def total_detenu(self):
        """Notes, coins and cheques counted: what the difference compares."""
        return self.total_compte + self.cheques_comptes

    @property
    def nature_ecart(self) -> str:
        if self.ecart < 0:
            return "manquant"
        if self.ecart > 0:
            return "excédent"
        return "concordance"


class ControleRegie(models.Model):
    """The agent comptable's control of a régie (« sous la surveillance de
    l'agent comptable »): his report, which the régisseur reads."""

    class Conclusion(models.TextChoices):
        CONFORME = "conforme", "régie tenue conformément"
        RESERVES = "reserves", "régie tenue avec des réserves"
        IRREGULIERE = "irreguliere", "irrégularités constatées"

    regie = models.ForeignKey(Regie, on_delete=models.PROTECT, related_name="controles")
    numero = models.PositiveIntegerField("numéro")
    date = models.DateField("contrôle du")
    especes_comptees = models.DecimalField("espèces comptées", **MONTANT)
    cheques_comptes = models.DecimalField("chèques comptés", default=ZERO, **MONTANT)
    cheques_non_verses = models.DecimalField(
        "chèques encaissés non encore versés (écritures)", default=ZERO, **MONTANT
    )
    solde_comptable = models.DecimalField("solde du compte 541", **MONTANT)
    encaisse_theorique = models.DecimalField("encaisse théorique", **MONTANT)
    ecart = models.DecimalField("écart (espèces et chèques comptés − théorique)", **MONTANT)
    quittance_du = models.PositiveIntegerField("quittances vérifiées du n°", null=True, blank=True)
    quittance_au = models.PositiveIntegerField("au n°", null=True, blank=True)
    observations = models.TextField(blank=True)
    conclusion = models.CharField(max_length=12, choices=Conclusion.choices)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateTimeField()

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["regie", "numero"], name="controle_regie_numero"),
            models.CheckConstraint(
                condition=models.Q(quittance_du__isnull=True)
                | models.Q(quittance_au__gte=models.F("quittance_du")),
                name="controle_quittances_bornes",
            ),
        ]

    def __str__(self) -> str:
        return f"Rapport de contrôle {self.reference}"

    @property
    def total_detenu(self):
        """Notes, coins and cheques counted: what the difference compares."""
        return self.especes_comptees + self.cheques_comptes

    @property
    def reference(self) -> str:
        return f"CR-{self.regie_id}-{self.numero:04d}"
