"""The bailiffs of the contentious recovery (annexe art. 13 al. 4): « L'organisme
utilise les services des huissiers dans le cadre de la convention nationale
[…]. L'organisme interroge régulièrement chaque huissier et effectue une
visite au moins une fois par semestre sauf lorsque l'organisme constate, en
accord avec la caisse, que le volume des actions en recouvrement ne justifie
pas une telle fréquence. »

- `Huissier`: the register (name, étude, address, bank details for his fees,
  under the national convention since a date).
- `VisiteHuissier`: a visit (date, by whom, compte rendu), append-only.
- `DispenseVisite`: the finding, in agreement with the caisse, that the
  volume of actions does not justify a visit each half-year, for the
  half-years it covers (date and reference of the caisse's agreement).
- `ActeHuissier`: an act of a bailiff on a compulsory procedure (date, kind,
  cost; the cost's ordre de dépense to the bailiff, drawn up as a draft by
  the act and then signed and visaed as any other, 622 / 401), its result
  recorded later, once (date, result, sum recovered: the agent comptable
  collects it through the treasury on the claim's line).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS

_MONTANT = {"max_digits": MAX_DIGITS, "decimal_places": DECIMAL_PLACES}


class Huissier(models.Model):
    nom = models.CharField(max_length=200)
    etude = models.CharField("étude", max_length=200)
    adresse = models.TextField()
    iban = models.CharField("IBAN", max_length=34)
    bic = models.CharField("BIC", max_length=11, blank=True)
    convention_depuis = models.DateField("sous la convention nationale depuis le")
    inscrit_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    inscrit_le = models.DateTimeField()

    class Meta:
        ordering = ["nom", "id"]
        verbose_name = "huissier"
        constraints = [models.UniqueConstraint(fields=["nom", "etude"], name="huissier_unique")]

    def __str__(self) -> str:
        return f"{self.nom} ({self.etude})"


class VisiteHuissier(models.Model):
    huissier = models.ForeignKey(Huissier, on_delete=models.PROTECT, related_name="visites")
    le = models.DateField("visite du")
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    compte_rendu = models.TextField("compte rendu")
    enregistree_le = models.DateTimeField()

    class Meta:
        ordering = ["-le", "-id"]
        verbose_name = "visite d'un huissier"
        verbose_name_plural = "visites des huissiers"

    def __str__(self) -> str:
        return f"Visite à {self.huissier.nom} du {self.le:%d/%m/%Y}"


class DispenseVisite(models.Model):
    """The half-yearly visit not required, in agreement with the caisse."""

    huissier = models.ForeignKey(Huissier, on_delete=models.PROTECT, related_name="dispenses")
    du = models.DateField("premier jour du premier semestre couvert")
    au = models.DateField("dernier jour du dernier semestre couvert")
    accord_le = models.DateField("accord de la caisse du")
    accord_reference = models.CharField("référence de l'accord de la caisse", max_length=120)
    motif = models.TextField("constat du volume des actions en recouvrement")
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    enregistree_le = models.DateTimeField()

    class Meta:
        ordering = ["-du", "-id"]
        verbose_name = "dispense de visite semestrielle"
        verbose_name_plural = "dispenses de visite semestrielle"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(du__lte=models.F("au")), name="dispense_dates"
            )
        ]

    def __str__(self) -> str:
        return (
            f"Dispense de visite de {self.huissier.nom} du {self.du:%d/%m/%Y} au {self.au:%d/%m/%Y}"
        )


class ActeHuissier(models.Model):
    poursuite = models.ForeignKey(
        "recouvrement.Poursuite", on_delete=models.PROTECT, related_name="actes_huissier"
    )
    huissier = models.ForeignKey(Huissier, on_delete=models.PROTECT, related_name="actes")
    le = models.DateField("acte du")
    nature = models.CharField("nature de l'acte", max_length=200)
    cout = models.DecimalField("coût de l'acte", **_MONTANT)
    ordre_depense = models.OneToOneField(
        "depenses.OrdreDepense",
        on_delete=models.PROTECT,
        related_name="acte_huissier",
        null=True,
        blank=True,
    )
    enregistre_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enregistre_le = models.DateTimeField()
    resultat_le = models.DateField("résultat du", null=True, blank=True)
    resultat = models.TextField("résultat", blank=True)
    somme_recouvree = models.DecimalField("somme recouvrée", null=True, blank=True, **_MONTANT)

    class Meta:
        ordering = ["le", "id"]
        verbose_name = "acte d'huissier"
        verbose_name_plural = "actes d'huissier"
        constraints = [
            models.CheckConstraint(condition=models.Q(cout__gte=0), name="actehuissier_cout"),
            models.CheckConstraint(
                condition=models.Q(ordre_depense__isnull=True) | models.Q(cout__gt=0),
                name="actehuissier_ordre_si_cout",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nature} du {self.le:%d/%m/%Y} ({self.huissier.nom})"
