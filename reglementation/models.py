"""Dated regulatory settings: the rules change with time, the code does not.

Design overview
===============

What this app owns
------------------
- `Parametre`: a dated value of a regulatory setting (`cle`), e.g. the
  threshold of D133-2, the title of the agent comptable, the kind of fund.
- `RegleRattachement`: which exercise an ordre de recette or de dépense
  belongs to (D253-17 to D253-19-1, circ. DSS/F 93/82 §2.0.7 and §2.1.7),
  for one direction (`sens`), one nature of operation and one kind of fund
  (`regime`), over a period of validity. The rule names the date that decides
  the exercise (`critere`) and the length of the *période complémentaire*
  after 31 December during which the directeur may still issue the orders of
  the previous exercise (`delai_jours` or `delai_mois`).

Every row cites the text it comes from (`article`) and explains it in French
(`libelle`). A change of the law is a new row that starts the day the new
wording comes into force, the previous row being closed the day before: both
stay, so an order is always judged by the wording in force on the day of its
generating fact (seed 002 shows the same articles before and after
22 March 1997). The rows are loaded by data migrations (`donnees.py`), never
typed in by a user.

Invariants, enforced by PostgreSQL
----------------------------------
1. `debut <= fin` when `fin` is set; `fin` NULL means still in force (CHECK).
2. A rule has exactly one delay, in days or in months (CHECK); `sens`,
   `regime` and `critere` are among the known codes (CHECK): the selector
   knows how to compute every `critere`.
3. Two values of the same parameter never overlap in time, and two rules
   that could answer the same question never overlap in time: same `sens`,
   same `nature`, and regimes that meet (`tous` meets `general` and `autre`).
   These are EXCLUDE constraints (`migrations/sql/0002_sans_chevauchement.sql`).
   The embedded PostgreSQL 16 of `pgserver` ships no `btree_gist`, so text
   columns cannot be compared with `=` in a GiST index directly: each text
   key is wrapped in a one-point range of a range type over text
   (`reglementation_textrange`), which the built-in GiST `range_ops` compares
   with `=`; the regime becomes an integer range (`general` [1,1], `autre`
   [2,2], `tous` [1,2]) compared with `&&`. Unlike a trigger, the constraint
   holds under concurrent inserts.
4. The application's role `caisse_app` may only read these tables: a rule
   changes through a reviewed migration (`0003_donnees`).
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

# The codes the selector knows how to compute (see `selectors.CRITERES`).
CODES_CRITERES = (
    "droits_acquis",
    "encaissement",
    "liquidation",
    "contrat",
    "veille_echeance",
    "reception",
    "decision",
    "reglement",
    "paiement",
    "service_fait",
    "deliberation",
    "transaction",
)


class Parametre(models.Model):
    """One value of a regulatory setting, over its period of validity."""

    cle = models.CharField("clé", max_length=60)
    valeur = models.TextField("valeur")
    debut = models.DateField("en vigueur du")
    fin = models.DateField("au", null=True, blank=True, help_text="Vide : toujours en vigueur.")
    article = models.CharField("texte", max_length=200)
    libelle = models.TextField("libellé")

    class Meta:
        verbose_name = "paramètre réglementaire"
        verbose_name_plural = "paramètres réglementaires"
        ordering = ["cle", "debut"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fin__isnull=True) | Q(debut__lte=F("fin")),
                name="parametre_debut_avant_fin",
                violation_error_message="La date de fin précède la date de début.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cle} = {self.valeur} (à partir du {self.debut:%d/%m/%Y})"


class RegleRattachement(models.Model):
    """Which exercise an operation belongs to, and until when its order may be issued."""

    class Sens(models.TextChoices):
        RECETTE = "recette", "recette"
        DEPENSE = "depense", "dépense"

    class Regime(models.TextChoices):
        GENERAL = "general", "organismes visés à l'article D253-1"
        AUTRE = "autre", "autres organismes"
        TOUS = "tous", "tous les organismes"

    sens = models.CharField("sens", max_length=10, choices=Sens.choices)
    nature = models.CharField("nature", max_length=40)
    regime = models.CharField("organismes", max_length=10, choices=Regime.choices)
    debut = models.DateField("en vigueur du")
    fin = models.DateField("au", null=True, blank=True, help_text="Vide : toujours en vigueur.")
    critere = models.CharField(
        "date qui détermine l'exercice",
        max_length=20,
        choices=[(code, code) for code in CODES_CRITERES],
    )
    delai_jours = models.PositiveSmallIntegerField(
        "délai complémentaire (jours)", null=True, blank=True
    )
    delai_mois = models.PositiveSmallIntegerField(
        "délai complémentaire (mois)", null=True, blank=True
    )
    article = models.CharField("texte", max_length=300)
    libelle = models.TextField("explication")

    class Meta:
        verbose_name = "règle de rattachement à l'exercice"
        verbose_name_plural = "règles de rattachement à l'exercice"
        ordering = ["sens", "nature", "regime", "debut"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fin__isnull=True) | Q(debut__lte=F("fin")),
                name="regle_debut_avant_fin",
                violation_error_message="La date de fin précède la date de début.",
            ),
            models.CheckConstraint(
                condition=(Q(delai_jours__isnull=False) & Q(delai_mois__isnull=True))
                | (Q(delai_jours__isnull=True) & Q(delai_mois__isnull=False)),
                name="regle_un_seul_delai",
                violation_error_message="Le délai est exprimé soit en jours, soit en mois.",
            ),
            models.CheckConstraint(
                condition=Q(delai_mois__isnull=True) | Q(delai_mois__gte=1),
                name="regle_delai_mois_positif",
                violation_error_message="Un délai en mois compte au moins un mois.",
            ),
            models.CheckConstraint(
                condition=Q(sens__in=["recette", "depense"]),
                name="regle_sens_connu",
                violation_error_message="Le sens est « recette » ou « dépense ».",
            ),
            models.CheckConstraint(
                condition=Q(regime__in=["general", "autre", "tous"]),
                name="regle_regime_connu",
                violation_error_message="Le régime est inconnu.",
            ),
            models.CheckConstraint(
                condition=Q(critere__in=CODES_CRITERES),
                name="regle_critere_connu",
                violation_error_message="Le critère de rattachement est inconnu.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sens} {self.nature} ({self.regime}) à partir du {self.debut:%d/%m/%Y}"

    @property
    def delai_libelle(self) -> str:
        if self.delai_mois:
            return f"{self.delai_mois} mois"
        if not self.delai_jours:
            return "aucun"
        return f"{self.delai_jours} jour" + ("s" if self.delai_jours > 1 else "")
