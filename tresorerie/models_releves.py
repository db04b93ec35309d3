"""Bank statements (camt.053, CSV) and notifications (camt.054) imported for an
account of funds, their lines, and the matching of the lines with posted
treasury lines (`Rapprochement`). Read by `tresorerie.releves`, imported by
`tresorerie.services.releves`; their guards are in `migrations/sql/0002_gardes.sql`
(append-only) and the CHECKs below."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tresorerie.models import MONTANT, CompteDisponibilite

__all__ = ["Releve", "LigneReleve", "Rapprochement"]


class Releve(models.Model):
    """A bank statement (camt.053, CSV) or a debit/credit notification (camt.054)
    imported for an account of funds. A notification has no balances and its
    lines are not matched with the books (the statement that follows carries
    the same movements): it serves to see returns and batch details early."""

    class Nature(models.TextChoices):
        RELEVE = "releve", "relevé de compte"
        AVIS = "avis", "avis de débit ou de crédit"

    compte = models.ForeignKey(
        CompteDisponibilite, on_delete=models.PROTECT, related_name="releves"
    )
    format = models.CharField(max_length=10)
    version = models.CharField(
        "version du message", max_length=20, blank=True, default="", db_default=""
    )  # e.g. "camt.053.001.08"; empty for CSV
    nature = models.CharField(
        max_length=8, choices=Nature.choices, default=Nature.RELEVE, db_default=Nature.RELEVE
    )
    ecarts = models.JSONField(
        "écarts au schéma tolérés",
        default=list,
        db_default=models.Value([], output_field=models.JSONField()),
        blank=True,
    )  # French descriptions of what the file does not follow but the import accepts
    identifiant = models.CharField(max_length=80)
    date_debut = models.DateField()
    date_fin = models.DateField()
    solde_ouverture = models.DecimalField(null=True, blank=True, **MONTANT)
    solde_cloture = models.DecimalField(null=True, blank=True, **MONTANT)
    nom_fichier = models.CharField(max_length=200)
    empreinte = models.CharField("SHA-256 du fichier", max_length=64)
    importe_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    importe_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date_fin", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["compte", "empreinte"], name="releve_importe_une_fois"),
            # A camt.054 notification and a camt.053 statement may carry the
            # same Id (banks number both by date): unique per nature.
            models.UniqueConstraint(
                fields=["compte", "nature", "identifiant"], name="releve_identifiant_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(nature="avis")
                | models.Q(solde_ouverture__isnull=False, solde_cloture__isnull=False),
                name="releve_soldes",
                violation_error_message="Un relevé de compte donne ses soldes d'ouverture et de "
                "clôture.",
            ),
            models.CheckConstraint(
                condition=models.Q(date_fin__gte=models.F("date_debut")),
                name="releve_periode",
                violation_error_message="La période d'un relevé finit après son début.",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"Relevé {self.identifiant} du {self.date_debut:%d/%m/%Y} au {self.date_fin:%d/%m/%Y}"
        )


class LigneReleve(models.Model):
    releve = models.ForeignKey(Releve, on_delete=models.PROTECT, related_name="lignes")
    date_operation = models.DateField()
    date_valeur = models.DateField(null=True, blank=True)
    montant = models.DecimalField(**MONTANT)
    sens = models.CharField(max_length=6)  # credit / debit, the bank's view
    libelle = models.CharField(max_length=255, blank=True)
    reference = models.CharField(max_length=140, blank=True)
    reference_banque = models.CharField(max_length=140, blank=True)
    contrepartie = models.CharField(max_length=200, blank=True)
    # What camt says beyond the movement (see tresorerie.releves.commun.LigneReleve).
    code_operation = models.CharField(max_length=40, blank=True, default="", db_default="")
    contre_passation = models.BooleanField(default=False, db_default=False)
    motif_retour = models.CharField(max_length=35, blank=True, default="", db_default="")
    motif_retour_info = models.CharField(max_length=255, blank=True, default="", db_default="")
    reference_lot = models.CharField(max_length=35, blank=True, default="", db_default="")
    nombre_operations = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["date_operation", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(montant__gt=0), name="ligne_releve_montant_positif"
            ),
            models.CheckConstraint(
                condition=models.Q(sens__in=["credit", "debit"]), name="ligne_releve_sens"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date_operation:%d/%m/%Y} {self.sens} {self.montant} € {self.libelle}"

    @property
    def montant_signe(self):
        return self.montant if self.sens == "credit" else -self.montant


class Rapprochement(models.Model):
    """A statement line matched with ledger lines of its account, or explained."""

    class Mode(models.TextChoices):
        AUTOMATIQUE = "automatique", "automatique"
        MANUEL = "manuel", "manuel"
        EXPLIQUE = "explique", "expliqué sans écriture"

    ligne_releve = models.OneToOneField(
        LigneReleve, on_delete=models.PROTECT, related_name="rapprochement"
    )
    lignes_ecriture = models.ManyToManyField(
        "ledger.Ligne", related_name="rapprochements", db_constraint=False
    )
    mode = models.CharField(max_length=12, choices=Mode.choices)
    explication = models.TextField(blank=True)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Rapprochement ({self.get_mode_display()}) de la ligne {self.ligne_releve_id}"
