"""The life of the comptes annuels after the board's arrêté (circ. 93/82 §IV,
D613-41): sending, avis of the comité d'examen, approval, quitus. Imported by
`comptes_annuels.models`.

The order, each step a row recorded once by its act
(`comptes_annuels.services_cycle`) and never changed:

1. `ledger.ArreteComptes`: the board arrêtes the comptes annuels;
2. `TransmissionComptes`: the directeur records their sending to the comité
   départemental d'examen des comptes (Codec) and the DRASS, with the last
   day the dated rule gave (`limite`, `article_limite`): a sending after it is
   recorded and shown late (D613-41 al. 1 and 4);
3. `AvisCodec` (optional): the comité's avis, favourable or not;
4. `RenvoiMinistre` (optional): the DRASS sends the accounts to the minister
   for approval instead of approving them (D613-41 al. 2);
5. `Approbation`: by the DRASS or the minister (by the minister only once
   they were sent to him, and for the caisse nationale);
6. `AvisFonde`: the agent comptable's avis on a fondé de pouvoir of the
   exercise (several may follow each other: the latest counts);
   `Quitus`: the board's quitus to the agent comptable, only once the
   accounts are approved; to a fondé de pouvoir, only on the agent
   comptable's favourable avis, which the row names (circ. §IV).

Invariants kept by PostgreSQL (`migrations/sql/0005_cycle.sql`, LG880 to
LG887): each row needs the step before it, of the same exercise and not
dated before it (a sending needs the arrêté, an avis or a sending to the
minister the sending, an approval the sending — and the minister once the
accounts were sent to him —, a quitus the approval, a fondé's quitus his
latest avis favourable); none of these rows is ever updated or deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ledger.models import Exercice

__all__ = [
    "Approbation",
    "AvisCodec",
    "AvisFonde",
    "Quitus",
    "RenvoiMinistre",
    "TransmissionComptes",
]


def _enregistrement():
    return (
        models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"),
        models.DateTimeField("enregistré le"),
    )


class TransmissionComptes(models.Model):
    exercice = models.OneToOneField(
        Exercice, on_delete=models.PROTECT, related_name="transmission_comptes"
    )
    transmis_le = models.DateField("transmis le")
    reference = models.CharField("référence de l'envoi", max_length=200)
    limite = models.DateField("dernier jour de la transmission")
    article_limite = models.CharField("texte du délai", max_length=200)
    enregistre_par, enregistre_le = _enregistrement()

    class Meta:
        verbose_name = "transmission des comptes annuels"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reference=""), name="transmissioncomptes_reference"
            ),
        ]

    def __str__(self) -> str:
        return f"Transmission des comptes {self.exercice.annee} du {self.transmis_le:%d/%m/%Y}"

    @property
    def en_retard(self) -> bool:
        return self.transmis_le > self.limite


class AvisCodec(models.Model):
    exercice = models.OneToOneField(Exercice, on_delete=models.PROTECT, related_name="avis_codec")
    rendu_le = models.DateField("rendu le")
    favorable = models.BooleanField()
    observations = models.TextField(blank=True)
    enregistre_par, enregistre_le = _enregistrement()

    class Meta:
        verbose_name = "avis du comité départemental d'examen des comptes"

    def __str__(self) -> str:
        sens = "favorable" if self.favorable else "défavorable"
        return f"Avis {sens} du Codec sur les comptes {self.exercice.annee}"


class RenvoiMinistre(models.Model):
    exercice = models.OneToOneField(
        Exercice, on_delete=models.PROTECT, related_name="renvoi_ministre"
    )
    transmis_le = models.DateField("transmis au ministre le")
    reference = models.CharField("référence", max_length=200)
    enregistre_par, enregistre_le = _enregistrement()

    class Meta:
        verbose_name = "transmission au ministre pour approbation"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reference=""), name="renvoiministre_reference"
            ),
        ]

    def __str__(self) -> str:
        return f"Comptes {self.exercice.annee} transmis au ministre le {self.transmis_le:%d/%m/%Y}"


class Approbation(models.Model):
    class Autorite(models.TextChoices):
        DRASS = "drass", "le directeur régional des affaires sanitaires et sociales"
        MINISTRE = "ministre", "le ministre chargé de la sécurité sociale"

    exercice = models.OneToOneField(Exercice, on_delete=models.PROTECT, related_name="approbation")
    autorite = models.CharField("autorité", max_length=10, choices=Autorite.choices)
    approuve_le = models.DateField("approuvés le")
    reference = models.CharField("référence de la décision", max_length=200)
    enregistre_par, enregistre_le = _enregistrement()

    class Meta:
        verbose_name = "approbation des comptes annuels"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(autorite__in=["drass", "ministre"]),
                name="approbation_autorite_connue",
            ),
            models.CheckConstraint(condition=~models.Q(reference=""), name="approbation_reference"),
        ]

    def __str__(self) -> str:
        return f"Comptes {self.exercice.annee} approuvés le {self.approuve_le:%d/%m/%Y}"


class AvisFonde(models.Model):
    """The agent comptable's avis on a fondé de pouvoir, before the board's
    quitus to him (circ. §IV)."""

    exercice = models.ForeignKey(Exercice, on_delete=models.PROTECT, related_name="avis_fondes")
    fonde = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="fondé de pouvoir",
    )
    favorable = models.BooleanField()
    texte = models.TextField("avis")
    rendu_le = models.DateField("rendu le")
    enregistre_par, enregistre_le = _enregistrement()

    class Meta:
        verbose_name = "avis de l'agent comptable sur un fondé de pouvoir"
        ordering = ["rendu_le", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(texte__regex=r"[^[:space:]]"), name="avisfonde_texte"
            ),
        ]

    def __str__(self) -> str:
        sens = "favorable" if self.favorable else "défavorable"
        return f"Avis {sens} de l'agent comptable du {self.rendu_le:%d/%m/%Y}"


class Quitus(models.Model):
    class Qualite(models.TextChoices):
        AGENT_COMPTABLE = "agent_comptable", "agent comptable"
        FONDE_DE_POUVOIR = "fonde_de_pouvoir", "fondé de pouvoir"

    exercice = models.ForeignKey(Exercice, on_delete=models.PROTECT, related_name="quitus")
    beneficiaire = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="bénéficiaire",
    )
    qualite = models.CharField("qualité", max_length=20, choices=Qualite.choices)
    donne_le = models.DateField("donné le")
    deliberation = models.CharField("délibération", max_length=200)
    avis = models.ForeignKey(
        AvisFonde,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="avis de l'agent comptable",
    )
    enregistre_par, enregistre_le = _enregistrement()

    class Meta:
        verbose_name = "quitus"
        verbose_name_plural = "quitus"
        ordering = ["donne_le", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["exercice", "beneficiaire"], name="quitus_un_par_beneficiaire"
            ),
            models.CheckConstraint(
                condition=~models.Q(deliberation=""), name="quitus_deliberation"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(qualite="agent_comptable", avis__isnull=True)
                    | models.Q(qualite="fonde_de_pouvoir", avis__isnull=False)
                ),
                name="quitus_avis_du_fonde",
            ),
        ]

    def __str__(self) -> str:
        return f"Quitus {self.exercice.annee} du {self.donne_le:%d/%m/%Y}"
