"""The installation of an agent comptable, the procès-verbal de remise de
service and the réserves on his predecessor's management (circ. 93/82 §1.1.0;
the intérimaire's installation « dans les mêmes conditions », §1.1.2): a
module of its own, imported by `personnes.models` for the app registry.
Services: `personnes.services_installation`; PostgreSQL: migrations 0008,
0009 (LG610, LG611)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS


class Installation(models.Model):
    """The installation of an agent comptable and the procès-verbal de remise
    de service (circ. 93/82 §1.1.0), signed by the outgoing and the incoming
    one. personnes sits below ledger: the balances handed over are figures
    entered in the act, as read on the books that day. Never changed once
    recorded (PostgreSQL, migration 0008, LG610)."""

    agent_comptable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="installations",
        verbose_name="agent comptable installé",
    )
    predecesseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="remises_de_service",
        null=True,
        blank=True,
        verbose_name="agent comptable sortant",
    )
    installe_le = models.DateField("installé le")
    solde_caisse = models.DecimalField(
        "solde de la caisse remis", max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES
    )
    solde_banque = models.DecimalField(
        "solde des comptes bancaires remis", max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES
    )
    observations = models.TextField("observations du procès-verbal", blank=True)
    # « L'installation de l'intérimaire s'effectue dans les mêmes conditions
    # que celle de l'agent comptable » (circ. §1.1.2): the interim he is
    # installed in, and for a partial one the former titular who signs too.
    interim = models.ForeignKey(
        "personnes.Interim",
        on_delete=models.PROTECT,
        related_name="installations",
        null=True,
        blank=True,
        verbose_name="intérim",
    )
    ancien_titulaire = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name="ancien agent comptable titulaire (intérim partiel)",
    )
    enregistree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="enregistrée par",
    )
    creee_le = models.DateTimeField("enregistrée le", auto_now_add=True)

    class Meta:
        ordering = ["-installe_le", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agent_comptable", "installe_le"], name="installation_unique_par_jour"
            ),
            models.CheckConstraint(
                condition=~models.Q(predecesseur=models.F("agent_comptable")),
                name="installation_pas_son_propre_predecesseur",
            ),
        ]

    def __str__(self) -> str:
        from personnes.models import nom_de  # the module that imports this one

        return f"Installation de {nom_de(self.agent_comptable)} le {self.installe_le:%d/%m/%Y}"


class ProrogationReserves(models.Model):
    """The delay to formulate réserves prorogued on the agent comptable's
    reasoned request by the DRASS, which notifies its decision (circ. §1.1.0)."""

    installation = models.ForeignKey(
        Installation, on_delete=models.PROTECT, related_name="prorogations"
    )
    demandee_le = models.DateField("demandée le")
    accordee_le = models.DateField("accordée le")
    accordee_par = models.CharField("accordée par", max_length=200)
    nouvelle_limite = models.DateField("nouvelle limite")
    enregistree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    creee_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["installation", "nouvelle_limite"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(accordee_le__gte=models.F("demandee_le")),
                name="prorogation_accordee_apres_demande",
            ),
            models.CheckConstraint(
                condition=models.Q(accordee_par__regex=r"[^[:space:]]"),
                name="prorogation_autorite_obligatoire",
            ),
        ]

    def __str__(self) -> str:
        return f"Prorogation jusqu'au {self.nouvelle_limite:%d/%m/%Y}"


class Reserve(models.Model):
    """A réserve of the incoming agent comptable on his predecessor's
    management, within six months of his installation or the prorogued limit
    (circ. §1.1.0; PostgreSQL, migration 0008, LG611)."""

    installation = models.ForeignKey(
        Installation, on_delete=models.PROTECT, related_name="reserves"
    )
    formulee_le = models.DateField("formulée le")
    objet = models.TextField("objet")
    enregistree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    creee_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["installation", "formulee_le", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(objet__regex=r"[^[:space:]]"), name="reserve_objet_obligatoire"
            ),
        ]

    def __str__(self) -> str:
        return f"Réserve du {self.formulee_le:%d/%m/%Y}"
