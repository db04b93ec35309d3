"""The general ledger of the fund.

Design overview
===============

What this app owns
------------------
- `Exercice`: the accounting year (calendar year, circ. 93/82 §III; D253-17
  to D253-19-1 attach each operation to one). States *ouvert* →
  *période complémentaire* → *clos*, each transition dated. Nothing posts to a
  *clos* exercise; an *ouvert* or *complémentaire* one takes only entries
  dated inside its year.
- `Compte`: the chart of accounts, a particular plan of the PCG (PCUOSS):
  number, label, class 1-8, parent by number prefix, normal side, whether
  lines may be posted to it (`imputable`), whether it takes credits only
  (comptes spéciaux d'encaissement, circ. §2.2.0.2), whether it may receive
  what is paid into such an account (`cotisations`: cotisants, cotisations
  and majorations, receipts awaiting their cotisant).
- `Journal`: recettes, dépenses, trésorerie, opérations diverses,
  à-nouveaux, inventaire.
- `Ecriture` and `Ligne`: a journal entry and its lines, in double entry.
- `Compteur`, `Chaine`, `Lot`, `Cumul`: bookkeeping the database itself keeps
  (next number per exercise and journal, head of the hash chain per
  exercise, one row per posting statement, daily totals per account).

Invariants, enforced by PostgreSQL (`migrations/sql/0002_invariants.sql`)
-------------------------------------------------------------------------
1. A line has exactly one of debit/credit strictly positive, in cents
   (CHECK constraints).
2. At commit, every entry has at least two lines and its debits equal its
   credits (a DEFERRABLE INITIALLY DEFERRED constraint trigger, fired once per
   posting statement through `Lot`, which checks the statement's entries as a
   set).
3. Posted entries and lines are never updated nor deleted (statement
   triggers). Corrections are new entries: `ecriture_contrepasser`.
4. No entry into a *clos* exercise, none dated outside its year; lines are
   added only to entries created in the same transaction.
5. A compte spécial d'encaissement (`credit_seulement`) takes credits only in
   the bank's sense and only cotisations (circ. 93/82 §2.2.0.2, §2.2.0.3): at
   commit, an entry that credits it must move it to other class 5 accounts
   (its nivellement, migration 0008), and an entry that debits it may credit
   only `cotisations` accounts (migration 0009). Non-imputable (heading)
   accounts refuse any line.
6. Entry numbers are continuous per exercise and journal: each posting
   statement must use exactly the next numbers after the locked `Compteur`
   row, and the counter may only ever equal the highest number posted. No
   sequence is involved (a sequence leaves gaps on rollback).
7. Every entry carries a SHA-256 over its content and the previous entry's
   hash in its exercise (`rang` is continuous per exercise; the link to the
   previous hash is checked by the database). `manage.py verifier_integrite`
   recomputes every hash and the global balance.

Why statement-level triggers and no row-level foreign keys on lines
-------------------------------------------------------------------
A foreign key is a row-level trigger: one probe per inserted row. The
invariants above are checked once per statement on the transition table
(`REFERENCING NEW TABLE`), as joins, so importing a million entries costs a
few set operations instead of millions of probes. The same triggers check
that the referenced exercise, journal, account and entry exist, which is what
the foreign keys would have done on insert; deleting a referenced exercise,
journal or account is refused by triggers on those tables.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS, ZERO


class Exercice(models.Model):
    class Etat(models.TextChoices):
        OUVERT = "ouvert", "ouvert"
        COMPLEMENTAIRE = "complementaire", "en période complémentaire"
        CLOS = "clos", "clos"

    annee = models.PositiveSmallIntegerField("année", unique=True)
    etat = models.CharField("état", max_length=20, choices=Etat.choices, default=Etat.OUVERT)
    ouvert_le = models.DateTimeField("ouvert le")
    complementaire_le = models.DateTimeField(
        "entré en période complémentaire le", null=True, blank=True
    )
    clos_le = models.DateTimeField("clos le", null=True, blank=True)

    class Meta:
        ordering = ["-annee"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(annee__gte=1900, annee__lte=2999),
                name="exercice_annee_plausible",
            ),
        ]

    def __str__(self) -> str:
        return f"Exercice {self.annee}"

    @property
    def debut(self) -> datetime.date:
        return datetime.date(self.annee, 1, 1)

    @property
    def fin(self) -> datetime.date:
        return datetime.date(self.annee, 12, 31)


class Compte(models.Model):
    class Sens(models.TextChoices):
        DEBIT = "D", "débit"
        CREDIT = "C", "crédit"

    numero = models.CharField("numéro", max_length=12, unique=True)
    libelle = models.CharField("libellé", max_length=200)
    classe = models.PositiveSmallIntegerField()
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="enfants"
    )
    nature = models.CharField(max_length=20, blank=True)
    sens_normal = models.CharField("sens normal", max_length=1, choices=Sens.choices)
    imputable = models.BooleanField("imputable", default=True)
    credit_seulement = models.BooleanField("crédits seulement", default=False)
    cotisations = models.BooleanField(
        "reçoit les versements de cotisations",
        default=False,
        db_default=False,
        help_text="Compte que peut créditer un versement sur un compte spécial d'encaissement "
        "(circulaire 93/82 §2.2.0.2) : cotisants, cotisations et majorations, versements en "
        "attente d'affectation.",
    )

    class Meta:
        ordering = ["numero"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(numero__regex=r"^[1-8][0-9]*$"), name="compte_numero_chiffres"
            ),
            models.CheckConstraint(
                condition=models.Q(classe__gte=1, classe__lte=8), name="compte_classe_1_8"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.numero} {self.libelle}"


class Journal(models.Model):
    code = models.CharField(max_length=4, unique=True)
    libelle = models.CharField("libellé", max_length=100)
    a_nouveaux = models.BooleanField(
        "journal des à-nouveaux",
        default=False,
        help_text="Ses lignes forment le solde d'ouverture dans la balance.",
    )

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "journaux"

    def __str__(self) -> str:
        return f"{self.code} {self.libelle}"


class Ecriture(models.Model):
    # db_constraint=False: existence is checked set-based by the statement
    # triggers of 0002_invariants.sql (see "Design overview").
    exercice = models.ForeignKey(
        Exercice, on_delete=models.PROTECT, db_constraint=False, db_index=False
    )
    journal = models.ForeignKey(
        Journal, on_delete=models.PROTECT, db_constraint=False, db_index=False
    )
    numero = models.PositiveIntegerField("numéro")
    rang = models.PositiveBigIntegerField(
        help_text="Position dans la chaîne d'empreintes de l'exercice."
    )
    date = models.DateField("date comptable")
    libelle = models.CharField("libellé", max_length=255)
    piece = models.CharField(
        "pièce",
        max_length=120,
        blank=True,
        db_default="",
        help_text="Document d'origine, par exemple « ordre_recette:2026-0042 ».",
    )
    passee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    passee_le = models.DateTimeField("passée le")
    contrepasse = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="contrepassation",
        verbose_name="écriture contrepassée",
    )
    empreinte_precedente = models.CharField(max_length=64)
    empreinte = models.CharField(max_length=64)

    class Meta:
        ordering = ["exercice", "journal", "numero"]
        constraints = [
            models.UniqueConstraint(
                fields=["exercice", "journal", "numero"], name="ecriture_numero_unique"
            ),
            models.UniqueConstraint(fields=["exercice", "rang"], name="ecriture_rang_unique"),
            models.CheckConstraint(
                condition=models.Q(numero__gte=1), name="ecriture_numero_positif"
            ),
            models.CheckConstraint(condition=models.Q(rang__gte=1), name="ecriture_rang_positif"),
        ]
        indexes = [models.Index(fields=["exercice", "date"], name="ecriture_exercice_date")]

    def __str__(self) -> str:
        return f"{self.journal_id and self.journal.code}-{self.numero} du {self.date:%d/%m/%Y}"


class Ligne(models.Model):
    ecriture = models.ForeignKey(
        Ecriture, on_delete=models.PROTECT, related_name="lignes", db_constraint=False
    )
    # The entry's exercise and date, copied on each line (the partition key,
    # migrations 0015 and 0016); the line trigger refuses any other (LG046).
    exercice = models.ForeignKey(
        Exercice, on_delete=models.PROTECT, db_constraint=False, db_index=False, related_name="+"
    )
    date = models.DateField("date comptable")
    compte = models.ForeignKey(
        Compte, on_delete=models.PROTECT, db_constraint=False, db_index=False, related_name="+"
    )
    debit = models.DecimalField(
        "débit", max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, default=ZERO
    )
    credit = models.DecimalField(
        "crédit", max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, default=ZERO
    )
    tiers = models.CharField(max_length=120, blank=True, db_default="")
    libelle = models.CharField("libellé", max_length=255, blank=True, db_default="")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    (models.Q(debit__gt=0) & models.Q(credit=0))
                    | (models.Q(debit=0) & models.Q(credit__gt=0))
                ),
                name="ligne_un_seul_sens",
            ),
        ]
        indexes = [models.Index(fields=["compte", "ecriture"], name="ligne_compte")]

    def __str__(self) -> str:
        return f"{self.compte_id} D {self.debit} C {self.credit}"


class Compteur(models.Model):
    """Last number given per exercise and journal, locked by each posting."""

    exercice = models.ForeignKey(Exercice, on_delete=models.PROTECT)
    journal = models.ForeignKey(Journal, on_delete=models.PROTECT)
    dernier_numero = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["exercice", "journal"], name="compteur_unique"),
        ]

    def __str__(self) -> str:
        return f"Compteur {self.exercice_id}/{self.journal_id} : {self.dernier_numero}"


class Chaine(models.Model):
    """Head of the hash chain of an exercise, locked by each posting."""

    exercice = models.OneToOneField(Exercice, on_delete=models.PROTECT, primary_key=True)
    dernier_rang = models.PositiveBigIntegerField(default=0)
    derniere_empreinte = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"Chaîne {self.exercice_id} : rang {self.dernier_rang}"


class Cumul(models.Model):
    """Daily totals per account, kept by the line trigger; the balance reads these."""

    exercice = models.ForeignKey(
        Exercice, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False
    )
    compte = models.ForeignKey(
        Compte, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    date = models.DateField()
    a_nouveau = models.BooleanField()
    debit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    credit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["exercice", "compte", "date", "a_nouveau"], name="cumul_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"Cumul {self.compte_id} au {self.date}"


class BalanceFigee(models.Model):
    """A balance générale frozen at an instant (circ. 93/82 §3.2): the balances
    avant and après inventaire sent at the close of each exercise, and the
    monthly balances the tutelle asks for. Its rows and totals never change
    (PostgreSQL refuses UPDATE and DELETE, `migrations/sql/0010_balances_figees.sql`);
    `empreinte` is the SHA-256 of its canonical content
    (`ledger.balances_figees.contenu_canonique`), recomputed on each display."""

    class Nature(models.TextChoices):
        AVANT_INVENTAIRE = "avant_inventaire", "balance avant inventaire"
        APRES_INVENTAIRE = "apres_inventaire", "balance après inventaire"
        MENSUELLE = "mensuelle", "balance mensuelle"

    exercice = models.ForeignKey(Exercice, on_delete=models.PROTECT, related_name="+")
    nature = models.CharField(max_length=20, choices=Nature.choices)
    au = models.DateField("arrêtée au")
    demande = models.CharField(
        "demande",
        max_length=200,
        blank=True,
        help_text="Demande de la tutelle (balance mensuelle).",
    )
    figee_le = models.DateTimeField("figée le")
    figee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ouverture_debit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    ouverture_credit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    mouvement_debit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    mouvement_credit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    solde_debit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    solde_credit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    empreinte = models.CharField(max_length=64)

    class Meta:
        ordering = ["-figee_le", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(empreinte__regex=r"^[0-9a-f]{64}$"),
                name="balancefigee_empreinte_hex",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_nature_display().capitalize()} {self.exercice.annee} au {self.au:%d/%m/%Y}"
        )


class LigneBalanceFigee(models.Model):
    balance = models.ForeignKey(BalanceFigee, on_delete=models.PROTECT, related_name="lignes")
    rang = models.PositiveIntegerField()
    numero = models.CharField("compte", max_length=12)
    libelle = models.CharField("libellé", max_length=200)
    classe = models.PositiveSmallIntegerField()
    ouverture_debit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    ouverture_credit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    mouvement_debit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    mouvement_credit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    solde_debit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    solde_credit = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)

    class Meta:
        ordering = ["balance", "rang"]
        constraints = [
            models.UniqueConstraint(fields=["balance", "rang"], name="lignebalancefigee_rang"),
        ]

    def __str__(self) -> str:
        return f"{self.numero} {self.libelle}"


class EnvoiBalance(models.Model):
    """The sending of a frozen balance to an authority (circ. 93/82 §3.2):
    recorded once per addressee, never changed."""

    class Destinataire(models.TextChoices):
        DRASS = "drass", "directeur régional des affaires sanitaires et sociales"
        TPG = "tpg", "trésorier-payeur général"
        ORGANISME_NATIONAL = "organisme_national", "organisme national"

    balance = models.ForeignKey(BalanceFigee, on_delete=models.PROTECT, related_name="envois")
    destinataire = models.CharField(max_length=20, choices=Destinataire.choices)
    envoyee_le = models.DateField("envoyée le")
    reference = models.CharField("référence", max_length=200, blank=True)
    enregistre_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enregistre_le = models.DateTimeField("enregistré le")

    class Meta:
        ordering = ["envoyee_le", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["balance", "destinataire"], name="envoibalance_un_par_destinataire"
            ),
        ]

    def __str__(self) -> str:
        return f"Envoi au {self.get_destinataire_display()} le {self.envoyee_le:%d/%m/%Y}"


class ArreteComptes(models.Model):
    """The board's arrêté of the accounts of an exercise (circ. 93/82 §IV: the
    comptes annuels « arrêtés par le conseil d'administration »), recorded by
    the directeur, once, with the affectation of the result the board decided;
    the exercise may be closed only after it (`ledger.services.exercice_clore`)."""

    class Affectation(models.TextChoices):
        REPORT_A_NOUVEAU = "report_a_nouveau", "report à nouveau (110 / 119)"

    exercice = models.OneToOneField(Exercice, on_delete=models.PROTECT, related_name="arrete")
    arrete_le = models.DateField("arrêté par le conseil le")
    deliberation = models.CharField("délibération", max_length=200)
    affectation = models.CharField(
        "affectation du résultat",
        max_length=20,
        choices=Affectation.choices,
        default=Affectation.REPORT_A_NOUVEAU,
    )
    enregistre_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enregistre_le = models.DateTimeField("enregistré le")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(deliberation=""), name="arretecomptes_deliberation"
            ),
        ]

    def __str__(self) -> str:
        return f"Arrêté des comptes {self.exercice.annee} du {self.arrete_le:%d/%m/%Y}"
