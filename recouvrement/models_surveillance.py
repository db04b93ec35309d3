"""Models of the surveillance part of recovery (circ. 93/82 §2.0.4, §2.0.5;
annexe art. 13 al. 5 to 7).

- `Garantie`: a guarantee or sûreté taken for the keeping of a claim (annexe
  art. 13 al. 5: the situation individuelle mentions « les garanties ou
  sûretés prises pour la conservation de la créance »): a mortgage with its
  inscription (date, bureau, date its inscription lapses), a pledge, a
  guarantor, a privilège. The agent comptable « veille … au maintien des
  droits, privilèges et hypothèques, notamment de signaler, six mois avant,
  la date de péremption des inscriptions hypothécaires » (§2.0.4): the day he
  signals it is kept, until a renewal gives a new lapse date.
- `ContratConserve`: the baux, contrats et titres divers the agent comptable
  keeps, whose expiry he tells the directeur (§2.0.4).
- `PeriodiciteListe`, `EnvoiListe`: the lists the agent comptable addresses
  to the directeur — the débiteurs défaillants (§2.0.4) and the créances
  irrécouvrées by nature with the stage reached, « selon une périodicité
  fixée par le directeur » (§2.0.5) — and each sending.
- `EnvoiEtatNominatif`: the sending of the état nominatif des débiteurs
  arrêté au 30 juin et au 31 décembre (annexe art. 13 al. 7): once per
  half-year, after it ends, append-only (PostgreSQL, migration 0002,
  LG960–LG962).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS

__all__ = [
    "ContratConserve",
    "EnvoiEtatNominatif",
    "EnvoiListe",
    "Garantie",
    "PeriodiciteListe",
]

_MONTANT = {"max_digits": MAX_DIGITS, "decimal_places": DECIMAL_PLACES}


class Garantie(models.Model):
    """A guarantee or sûreté taken on a debtor (and, if it is named, one claim)."""

    class Nature(models.TextChoices):
        HYPOTHEQUE = "hypotheque", "hypothèque"
        NANTISSEMENT = "nantissement", "nantissement"
        GAGE = "gage", "gage"
        CAUTION = "caution", "caution"
        PRIVILEGE = "privilege", "privilège"

    class Etat(models.TextChoices):
        EN_VIGUEUR = "en_vigueur", "en vigueur"
        LEVEE = "levee", "mainlevée donnée"

    debiteur = models.ForeignKey(
        "recouvrement.Debiteur", on_delete=models.PROTECT, related_name="garanties"
    )
    creance = models.ForeignKey(
        "recouvrement.Creance",
        on_delete=models.PROTECT,
        related_name="garanties",
        null=True,
        blank=True,
    )
    nature = models.CharField(max_length=14, choices=Nature.choices)
    montant = models.DecimalField(**_MONTANT)
    objet = models.CharField("bien grevé, garant ou droit", max_length=255)
    prise_le = models.DateField("prise le")
    inscrite_le = models.DateField("inscription du", null=True, blank=True)
    bureau = models.CharField("bureau de l'inscription", max_length=160, blank=True)
    peremption_le = models.DateField("inscription périmée le", null=True, blank=True)
    signalee_le = models.DateField("péremption signalée au directeur le", null=True, blank=True)
    renouvelee_le = models.DateField("inscription renouvelée le", null=True, blank=True)
    etat = models.CharField(max_length=12, choices=Etat.choices, default=Etat.EN_VIGUEUR)
    mainlevee_le = models.DateField("mainlevée le", null=True, blank=True)
    enregistree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    qualite = models.CharField("qualité de qui l'a enregistrée", max_length=255)

    class Meta:
        ordering = ["debiteur__nom", "prise_le", "id"]
        verbose_name = "garantie ou sûreté"
        verbose_name_plural = "garanties et sûretés"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(nature="hypotheque")
                | models.Q(
                    inscrite_le__isnull=False,
                    peremption_le__isnull=False,
                    peremption_le__gt=models.F("inscrite_le"),
                ),
                name="garantie_hypotheque_inscrite",
                violation_error_message=(
                    "Une hypothèque porte la date de son inscription et celle, postérieure, "
                    "de sa péremption."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(montant__gt=0), name="garantie_montant_positif"
            ),
            models.CheckConstraint(
                condition=models.Q(etat="en_vigueur", mainlevee_le__isnull=True)
                | models.Q(etat="levee", mainlevee_le__isnull=False),
                name="garantie_mainlevee_datee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_nature_display()} sur {self.debiteur.nom} ({self.objet})"

    @property
    def signalement_du(self) -> datetime.date | None:
        """The day, six months before its lapse, a mortgage inscription is signalled (§2.0.4)."""
        if self.peremption_le is None:
            return None
        return six_mois_avant(self.peremption_le)


def six_mois_avant(le: datetime.date) -> datetime.date:
    """The same day six months before (the month's last day when it has none)."""
    mois = le.month - 6
    annee = le.year
    if mois <= 0:
        mois += 12
        annee -= 1
    for jour in (le.day, 30, 29, 28):
        try:
            return datetime.date(annee, mois, jour)
        except ValueError:
            continue
    raise AssertionError(le)


class ContratConserve(models.Model):
    """A lease, contract or title the agent comptable keeps (circ. 93/82 §2.0.4)."""

    class Nature(models.TextChoices):
        BAIL = "bail", "bail"
        CONTRAT = "contrat", "contrat"
        TITRE = "titre", "titre"

    nature = models.CharField(max_length=8, choices=Nature.choices)
    objet = models.CharField(max_length=255)
    cocontractant = models.CharField(max_length=200)
    debut = models.DateField("prend effet le")
    expire_le = models.DateField("expire le")
    preavis_mois = models.PositiveSmallIntegerField(
        "informer le directeur … mois avant l'expiration", default=6
    )
    original = models.CharField("référence de l'original conservé", max_length=200)
    directeur_informe_le = models.DateField("directeur informé le", null=True, blank=True)
    enregistre_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enregistre_le = models.DateTimeField()

    class Meta:
        ordering = ["expire_le", "id"]
        verbose_name = "bail, contrat ou titre conservé"
        verbose_name_plural = "baux, contrats et titres conservés"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expire_le__gt=models.F("debut")),
                name="contrat_conserve_expire_apres_debut",
            ),
            models.CheckConstraint(
                condition=models.Q(preavis_mois__gte=1, preavis_mois__lte=24),
                name="contrat_conserve_preavis",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_nature_display()} « {self.objet} » ({self.cocontractant})"


class Liste(models.TextChoices):
    """The lists the agent comptable addresses to the directeur."""

    DEFAILLANTS = "defaillants", "liste des débiteurs défaillants"
    IRRECOUVREES = "irrecouvrees", "liste des créances irrécouvrées, par nature et stade"


class PeriodiciteListe(models.Model):
    """The periodicity the directeur sets for a list (circ. 93/82 §2.0.5): the
    last one set applies."""

    liste = models.CharField(max_length=14, choices=Liste.choices)
    mois = models.PositiveSmallIntegerField("tous les … mois")
    a_compter_du = models.DateField("à compter du")
    fixee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    fixee_le = models.DateTimeField()

    class Meta:
        ordering = ["liste", "-fixee_le", "-id"]
        verbose_name = "périodicité d'une liste"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mois__gte=1, mois__lte=12), name="periodicite_liste_mois"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_liste_display()} : tous les {self.mois} mois"


class EnvoiListe(models.Model):
    """One sending of a list to the directeur, with what it held (append-only)."""

    liste = models.CharField(max_length=14, choices=Liste.choices)
    le = models.DateField("adressée le")
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    qualite = models.CharField(max_length=255)
    nombre = models.PositiveIntegerField("créances")
    montant = models.DecimalField(**_MONTANT)
    contenu = models.TextField("la liste adressée (CSV)")
    enregistre_le = models.DateTimeField()

    class Meta:
        ordering = ["liste", "-le", "-id"]
        verbose_name = "envoi d'une liste au directeur"

    def __str__(self) -> str:
        return f"{self.get_liste_display()} adressée le {self.le:%d/%m/%Y}"


class EnvoiEtatNominatif(models.Model):
    """The sending of the half-year's état nominatif (annexe art. 13 al. 7)."""

    annee = models.PositiveSmallIntegerField("année")
    semestre = models.PositiveSmallIntegerField(choices=[(1, "premier"), (2, "second")])
    arrete_au = models.DateField("arrêté au")
    envoye_le = models.DateField("adressé à la caisse le")
    reference = models.CharField("référence de l'envoi", max_length=120)
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    qualite = models.CharField(max_length=255)
    debiteurs = models.PositiveIntegerField("débiteurs")
    montant = models.DecimalField("restes dus", **_MONTANT)
    contenu = models.TextField("l'état adressé (CSV)")
    en_retard = models.BooleanField("adressé après le délai", default=False)
    enregistre_le = models.DateTimeField()

    class Meta:
        ordering = ["-annee", "-semestre"]
        verbose_name = "envoi de l'état nominatif semestriel"
        constraints = [
            models.UniqueConstraint(fields=["annee", "semestre"], name="etat_nominatif_unique"),
            models.CheckConstraint(
                condition=models.Q(envoye_le__gt=models.F("arrete_au")),
                name="etat_nominatif_apres_arrete",
            ),
        ]

    def __str__(self) -> str:
        return f"État nominatif arrêté au {self.arrete_au:%d/%m/%Y}"
