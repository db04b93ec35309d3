"""The mapping of accounts to the rubrics of the comptes annuels (circ. 93/82 §IV).

Invariants:
- a rubrique belongs to one statement (`etat`): bilan actif, bilan passif,
  charges or produits; a rubrique of the compte de résultat names its gestion
  (technique, courante, financière, exceptionnelle), one of the bilan none
  (CHECK `rubrique_gestion_selon_etat`);
- a correspondance sends every account whose number begins with `prefixe`
  (digits only, CHECK `correspondance_prefixe_chiffres`) to a rubrique from
  `valable_du`; one row per prefix and date (UNIQUE). The mapping of an
  exercise is, per prefix, the row with the latest `valable_du` not after
  31 December; an account goes to its longest matching prefix. Rows are
  never changed: a new mapping is a new row (PostgreSQL refuses UPDATE and
  DELETE, `migrations/sql/0002_correspondances_figees.sql`).

The compte financier of the agent comptable (circ. 93/82 §IV: he presents it
to the board, with the report of the commission de contrôle joined):
- `CompteFinancier`, one per exercise (UNIQUE), numbered 1, 2, 3… without a
  gap across exercises, established by the agent comptable once the exercise
  has ended and its balance après inventaire is frozen (`balance`, the one it
  was drawn from). `contenu` holds its figures as they were on that day, as
  tables (cover data, balance après inventaire's totals, bilan, compte de
  résultat, annexe, restes à recouvrer and restes à payer at 31 December,
  treasury at 31 December: `comptes_annuels.compte_financier`); its pages,
  PDF and CSV are rendered from that content, never recomputed. `empreinte`
  is the SHA-256 of its canonical text (`compte_financier.contenu_canonique`:
  exercise, number, instant, author, balance and its hash, the report's
  hash, the content), recomputed on each display.
- The report of the commission de contrôle is a PDF (magic bytes checked,
  10 Mo at most) stored under its SHA-256 like the orders' pièces
  (`rapport`, `rapport_sha256`), with the date the commission met.
- PostgreSQL (`migrations/sql/0004_compte_financier.sql`, CA01x) refuses any
  UPDATE or DELETE, a number that is not the next, a balance that is not the
  exercise's balance après inventaire, and an exercise still open.
- `comptes_annuels.selectors.compte_financier_de(exercice)` returns it or
  None (what the sending to the board, the Codec and the DRASS refers to).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Rubrique(models.Model):
    class Etat(models.TextChoices):
        ACTIF = "actif", "bilan actif"
        PASSIF = "passif", "bilan passif"
        CHARGES = "charges", "charges"
        PRODUITS = "produits", "produits"

    class Gestion(models.TextChoices):
        TECHNIQUE = "technique", "gestion technique"
        COURANTE = "courante", "gestion courante"
        FINANCIERE = "financiere", "gestion financière"
        EXCEPTIONNELLE = "exceptionnelle", "gestion exceptionnelle"

    code = models.CharField(max_length=10, unique=True)
    libelle = models.CharField("libellé", max_length=200)
    etat = models.CharField("état", max_length=10, choices=Etat.choices)
    gestion = models.CharField(max_length=20, choices=Gestion.choices, blank=True)
    ordre = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["etat", "ordre", "code"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(etat__in=["actif", "passif"], gestion="")
                    | (models.Q(etat__in=["charges", "produits"]) & ~models.Q(gestion=""))
                ),
                name="rubrique_gestion_selon_etat",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.libelle}"


class Correspondance(models.Model):
    prefixe = models.CharField("préfixe de compte", max_length=12)
    rubrique = models.ForeignKey(Rubrique, on_delete=models.PROTECT, related_name="comptes")
    valable_du = models.DateField("valable du")
    fixee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    fixee_le = models.DateTimeField("fixée le", null=True, blank=True)

    class Meta:
        ordering = ["prefixe", "-valable_du"]
        constraints = [
            models.UniqueConstraint(
                fields=["prefixe", "valable_du"], name="correspondance_unique_par_date"
            ),
            models.CheckConstraint(
                condition=models.Q(prefixe__regex=r"^[1-8][0-9]{0,11}$"),
                name="correspondance_prefixe_chiffres",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.prefixe} → {self.rubrique.code} du {self.valable_du:%d/%m/%Y}"


class CompteFinancier(models.Model):
    exercice = models.OneToOneField(
        "ledger.Exercice", on_delete=models.PROTECT, related_name="compte_financier"
    )
    numero = models.PositiveIntegerField("numéro", unique=True)
    balance = models.ForeignKey(
        "ledger.BalanceFigee",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="balance après inventaire",
    )
    etabli_le = models.DateTimeField("établi le")
    etabli_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    qualite = models.CharField("qualité de qui l'établit", max_length=120)
    agent_comptable = models.CharField("agent comptable en fonction", max_length=200)
    commission_le = models.DateField("réunion de la commission de contrôle le")
    rapport = models.FileField("rapport de la commission de contrôle", upload_to="pieces/comptes/")
    rapport_nom = models.CharField(max_length=200)
    rapport_taille = models.PositiveIntegerField()
    rapport_sha256 = models.CharField(max_length=64)
    contenu = models.JSONField()
    empreinte = models.CharField("SHA-256 du compte financier", max_length=64)

    class Meta:
        ordering = ["-exercice__annee"]
        verbose_name = "compte financier"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(empreinte__regex=r"^[0-9a-f]{64}$")
                & models.Q(rapport_sha256__regex=r"^[0-9a-f]{64}$"),
                name="comptefinancier_empreintes_hex",
            ),
            models.CheckConstraint(
                condition=models.Q(numero__gte=1), name="comptefinancier_numero_positif"
            ),
        ]

    def __str__(self) -> str:
        return f"Compte financier {self.reference}"

    @property
    def reference(self) -> str:
        return f"{self.exercice.annee}-CF-{self.numero:03d}"


from comptes_annuels.models_cycle import *  # noqa: E402, F403  (the life after the board)
