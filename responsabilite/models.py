"""The agent comptable's personal and pecuniary liability (circ. 93/82 §VI,
D253-81): mise en cause, ordre de recette against him, débet, sursis,
décharge, remise gracieuse, payment and recovery. This part holds the
mise en cause, the ordre de recette (§6.0, §6.1), the sursis de versement,
the décharge and the remise gracieuse (§6.2); what becomes of the débet
afterwards — the agent comptable's payment, the fund bearing what was
granted, the non-valeur, the notice to the association de cautionnement
mutuel and the later recoveries (D253-81) — is in `models_reglement`
(payments, non-valeurs, notices, recoveries) and `Demande.ecriture` (the
posting 6712 / 429 of a granted décharge or remise).

Why a dedicated `OrdreDebet` rather than a `recettes.OrdreRecette`: the
ordre de recette against the agent comptable is not an order the agent
comptable controls and takes in charge like any other — he is its debtor,
it is issued by the directeur alone, notified by registered letter, its
amount goes to the débet account 429 and its life (sursis, décharge, remise
gracieuse, payment from his own money) is the one of §6.2 and D253-81, not
the one of the recettes' parapheur. A model of its own, numbered per year
(`DEB-2026-0001`), keeps both lives simple and faithful.

A shortfall found at the arrêté de caisse waits on 4722 from the arrêté
(`tresorerie.services.caisse`, circ. §2.2) until the directeur's order on it
(`MiseEnCause.arrete_caisse`, one per arrêté), which the agent comptable
posts 429 / 4722.

Invariants (PostgreSQL, `migrations/sql/0001_gardes.sql`, LG890 to LG894):

- a `MiseEnCause` is never changed nor removed;
- an `OrdreDebet` is never removed; its number follows the last of its year
  without a gap (LG890); what it orders (mise en cause, agent comptable,
  amount, account, date, issuer, number) never changes (LG891); its state
  only moves forward along `TRANSITIONS` — émis → notifié, with the avis de
  réception's date — (LG892); the avis de réception's date, the board's
  information and the posting are each recorded once (LG893);
- its sursis de versement (`migrations/sql/0003_sursis.sql`) moves only
  none → demandé → accordé | refusé, is never requested on a mise en cause
  for fraud or embezzlement, ends one year at most after the decision, and
  once decided never changes (LG894);
- the requests of décharge and remise gracieuse (`Demande`, LG895) and what
  article D253-81 makes of the débet (`models_reglement`, LG896: payments,
  the posting 6712 / 429 of a granted request once, non-valeurs, the notice
  to the association de cautionnement mutuel, recoveries split in the
  article's order).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS, ZERO, format_euros
from personnes.models import nom_de
from responsabilite.seuil import seuil_approbation

MONTANT = {"max_digits": MAX_DIGITS, "decimal_places": DECIMAL_PLACES}
COMPTE_DEBETS = "429"


class MiseEnCause(models.Model):
    """The decision putting the agent comptable's liability in question (§6.0)."""

    class Auteur(models.TextChoices):
        CONSEIL_FRAUDE = "conseil_fraude", "le conseil d'administration, d'office (fraude)"
        CONSEIL_COMMISSION = (
            "conseil_commission",
            "le conseil d'administration, à la demande de la commission de contrôle",
        )
        TUTELLE = "tutelle", "les autorités de tutelle"
        APPROBATION = "approbation", "l'autorité compétente pour approuver les comptes"
        MINISTRE = (
            "ministre",
            "le ministre chargé de la sécurité sociale, à la demande de la Cour des comptes",
        )

    auteur = models.CharField("mise en cause par", max_length=20, choices=Auteur.choices)
    decide_le = models.DateField("décidée le")
    faits_le = models.DateField("date des faits")
    motifs = models.TextField("motifs")
    montant = models.DecimalField("montant", **MONTANT)
    fraude = models.BooleanField("fraude ou détournement", default=False)
    agent_comptable = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mises_en_cause"
    )
    # On fraud the directeur informs at once the DRASS and the national body (§6.0).
    information_drass_le = models.DateField("DRASS informée le", null=True, blank=True)
    information_nationale_le = models.DateField(
        "organisme national informé le", null=True, blank=True
    )
    # A shortfall found at the arrêté de caisse (circ. §2.2), when the order comes from it.
    arrete_caisse = models.OneToOneField(
        "tresorerie.ArreteCaisse",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mise_en_cause",
    )
    enregistre_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enregistre_le = models.DateTimeField("enregistrée le")

    class Meta:
        verbose_name = "mise en cause de l'agent comptable"
        verbose_name_plural = "mises en cause de l'agent comptable"
        ordering = ["-decide_le", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(montant__gt=0), name="miseencause_montant"),
            models.CheckConstraint(
                condition=models.Q(motifs__regex=r"[^[:space:]]"), name="miseencause_motifs"
            ),
            models.CheckConstraint(
                condition=models.Q(faits_le__lte=models.F("decide_le")),
                name="miseencause_faits_avant",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    fraude=True,
                    information_drass_le__isnull=False,
                    information_nationale_le__isnull=False,
                )
                | models.Q(
                    fraude=False,
                    information_drass_le__isnull=True,
                    information_nationale_le__isnull=True,
                ),
                name="miseencause_information_si_fraude",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"Mise en cause de {nom_de(self.agent_comptable)} du {self.decide_le:%d/%m/%Y} "
            f"({format_euros(self.montant)})"
        )

    @property
    def avis_ministres_ou_rien(self):
        """The ministers' avis on this mise en cause, if recorded (`models_drass`;
        the register sets it for all at once, `selectors_drass.annoter`)."""
        if hasattr(self, "_avis_ministres"):
            return self._avis_ministres
        return getattr(self, "avis_ministres", None) if self.pk else None

    @property
    def transmise_pour_avis(self) -> bool:
        """Decided by the tutelle above the amount set by arrêté on its day: it
        « est transmise pour avis » to the ministers (circ. 93/82 §6.2)."""
        if hasattr(self, "_transmise_pour_avis"):
            return self._transmise_pour_avis
        if self.auteur != self.Auteur.TUTELLE:
            return False
        return self.montant > seuil_approbation(self.decide_le)


class Sursis(models.TextChoices):
    DEMANDE = "demande", "demandé"
    ACCORDE = "accorde", "accordé"
    REFUSE = "refuse", "refusé"


class OrdreDebet(models.Model):
    """The ordre de recette the directeur issues against the agent comptable (§6.1)."""

    class Etat(models.TextChoices):
        EMIS = "emis", "ordre émis, notifié par lettre recommandée"
        NOTIFIE = "notifie", "avis de réception reçu"

    TRANSITIONS = frozenset({(Etat.EMIS, Etat.NOTIFIE)})

    annee = models.PositiveIntegerField("année")
    numero = models.PositiveIntegerField("numéro")
    mise_en_cause = models.OneToOneField(
        MiseEnCause, on_delete=models.PROTECT, related_name="ordre"
    )
    agent_comptable = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ordres_debet"
    )
    montant = models.DecimalField("montant", **MONTANT)
    # The account on which the loss sits (credited by the posting 429 / compte).
    compte = models.CharField("compte du manquant", max_length=20)
    emis_le = models.DateField("émis le")
    emis_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    etat = models.CharField("état", max_length=10, choices=Etat.choices, default=Etat.EMIS)
    accuse_reception_le = models.DateField("avis de réception du", null=True, blank=True)
    conseil_informe_le = models.DateField("conseil informé le", null=True, blank=True)
    ecriture = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    # Sursis de versement (§6.2): requested by the agent comptable, never on
    # fraud or embezzlement; the competent authority's decision, recorded by
    # the directeur, grants it for one year at most (`services_sursis`, LG894).
    sursis_etat = models.CharField(
        "sursis de versement", max_length=10, choices=Sursis.choices, blank=True, default=""
    )
    sursis_demande_le = models.DateField("sursis demandé le", null=True, blank=True)
    sursis_motifs = models.TextField("motifs de la demande de sursis", blank=True, default="")
    sursis_decide_le = models.DateField("sursis décidé le", null=True, blank=True)
    sursis_decision = models.CharField(
        "référence de la décision sur le sursis", max_length=120, blank=True, default=""
    )
    sursis_fin_le = models.DateField("sursis accordé jusqu'au", null=True, blank=True)

    class Meta:
        verbose_name = "ordre de recette à l'encontre de l'agent comptable"
        verbose_name_plural = "ordres de recette à l'encontre de l'agent comptable"
        ordering = ["-annee", "-numero"]
        constraints = [
            models.UniqueConstraint(fields=["annee", "numero"], name="ordredebet_numero_unique"),
            models.CheckConstraint(condition=models.Q(montant__gt=0), name="ordredebet_montant"),
            models.CheckConstraint(
                condition=models.Q(etat="emis", accuse_reception_le__isnull=True)
                | models.Q(etat="notifie", accuse_reception_le__gte=models.F("emis_le")),
                name="ordredebet_accuse_reception",
            ),
            models.CheckConstraint(
                condition=models.Q(sursis_etat="", sursis_demande_le__isnull=True)
                | models.Q(
                    sursis_etat="demande",
                    sursis_demande_le__isnull=False,
                    sursis_decide_le__isnull=True,
                    sursis_fin_le__isnull=True,
                )
                | models.Q(
                    sursis_etat="refuse",
                    sursis_decide_le__gte=models.F("sursis_demande_le"),
                    sursis_fin_le__isnull=True,
                )
                | models.Q(
                    sursis_etat="accorde",
                    sursis_decide_le__gte=models.F("sursis_demande_le"),
                    sursis_fin_le__gte=models.F("sursis_decide_le"),
                ),
                name="ordredebet_sursis",
            ),
        ]

    def __str__(self) -> str:
        return f"Ordre de recette {self.reference} ({format_euros(self.montant)})"

    @property
    def reference(self) -> str:
        return f"DEB-{self.annee}-{self.numero:04d}"


class Demande(models.Model):
    """A request of the agent comptable on his débet (§6.2): décharge de
    responsabilité, total or partial, on grounds of law (force majeure proven
    by a pièce), or, once the décharge is refused, remise gracieuse on
    personal grounds. The board decides; above the amount set by arrêté (the
    dated setting `seuil_approbation_decharge`) its decision waits for the
    approval of the ministers of social security and of the budget. The
    directeur records each decision (`services_decharge`).

    Invariants (PostgreSQL, `migrations/sql/0004_demandes.sql`, LG895): never
    removed; what was requested never changes; born « demandée »; the state
    moves demandée → accordée | refusée | en attente d'approbation
    ministérielle → accordée | refusée; each decision is recorded once; a
    remise gracieuse is requested only after a refused décharge."""

    class Nature(models.TextChoices):
        DECHARGE = "decharge", "décharge de responsabilité"
        REMISE = "remise", "remise gracieuse"

    class Etat(models.TextChoices):
        DEMANDEE = "demandee", "demandée, en attente de la décision du conseil"
        APPROBATION = "approbation", "en attente d'approbation ministérielle"
        ACCORDEE = "accordee", "accordée"
        REFUSEE = "refusee", "refusée"

    TRANSITIONS = frozenset(
        {
            (Etat.DEMANDEE, Etat.ACCORDEE),
            (Etat.DEMANDEE, Etat.REFUSEE),
            (Etat.DEMANDEE, Etat.APPROBATION),
            (Etat.APPROBATION, Etat.ACCORDEE),
            (Etat.APPROBATION, Etat.REFUSEE),
        }
    )

    ordre = models.ForeignKey(OrdreDebet, on_delete=models.PROTECT, related_name="demandes")
    nature = models.CharField("nature", max_length=10, choices=Nature.choices)
    demande_le = models.DateField("demandée le")
    motifs = models.TextField("motifs")
    montant_demande = models.DecimalField("montant demandé", **MONTANT)
    force_majeure = models.BooleanField("force majeure invoquée", default=False)
    # The pièce proving the force majeure (PDF), kept under its SHA-256.
    piece = models.FileField("pièce", upload_to="pieces/responsabilite/", blank=True)
    piece_nom = models.CharField("nom de la pièce", max_length=200, blank=True, default="")
    piece_sha256 = models.CharField(max_length=64, blank=True, default="")
    etat = models.CharField("état", max_length=12, choices=Etat.choices, default=Etat.DEMANDEE)
    # The board's decision, recorded by the directeur.
    conseil_le = models.DateField("décision du conseil du", null=True, blank=True)
    deliberation = models.CharField("délibération", max_length=120, blank=True, default="")
    montant_accorde = models.DecimalField("montant accordé", null=True, blank=True, **MONTANT)
    seuil = models.DecimalField("seuil en vigueur", null=True, blank=True, **MONTANT)
    # The ministers' approval, when the débet exceeds the threshold.
    approbation_le = models.DateField("approbation ministérielle du", null=True, blank=True)
    approbation_reference = models.CharField(
        "référence de la décision ministérielle", max_length=120, blank=True, default=""
    )
    approuvee = models.BooleanField("approuvée par les ministres", null=True, blank=True)
    # D253-81 al. 2: the sum granted is borne by the fund's budget, posted
    # once by the agent comptable (`services_reglement`, LG896): 6712 debit,
    # credit 429 up to what the order leaves there (`prise_429`), the rest
    # credited to him on 4672 (`prise_agent`: what he had paid of it), paid
    # back to him by a second act (`rembourse_*`, 4672 / 531 or 512x).
    ecriture = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    prise_429 = models.DecimalField(
        "prise en charge, part imputée au compte 429", default=0, **MONTANT
    )
    prise_agent = models.DecimalField(
        "prise en charge, part rendue à l'agent comptable (4672)", default=0, **MONTANT
    )
    rembourse_le = models.DateField("remboursée à l'agent comptable le", null=True, blank=True)
    rembourse_compte = models.CharField(
        "compte du remboursement", max_length=20, blank=True, default=""
    )
    rembourse_ecriture = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "demande de décharge ou de remise gracieuse"
        verbose_name_plural = "demandes de décharge ou de remise gracieuse"
        ordering = ["demande_le", "id"]
        constraints = [
            models.UniqueConstraint(fields=["ordre", "nature"], name="demande_une_par_nature"),
            models.CheckConstraint(
                condition=models.Q(montant_demande__gt=0), name="demande_montant"
            ),
            models.CheckConstraint(
                condition=models.Q(motifs__regex=r"[^[:space:]]"), name="demande_motifs"
            ),
            models.CheckConstraint(
                condition=models.Q(force_majeure=False)
                | models.Q(piece_sha256__regex=r"^[0-9a-f]{64}$"),
                name="demande_force_majeure_prouvee",
            ),
            models.CheckConstraint(
                condition=models.Q(etat="demandee", conseil_le__isnull=True)
                | models.Q(
                    ~models.Q(etat="demandee"),
                    conseil_le__gte=models.F("demande_le"),
                    montant_accorde__gte=0,
                    montant_accorde__lte=models.F("montant_demande"),
                ),
                name="demande_decision_conseil",
            ),
            models.CheckConstraint(
                condition=models.Q(ecriture__isnull=True, prise_429=0, prise_agent=0)
                | models.Q(
                    ecriture__isnull=False,
                    prise_429__gte=0,
                    prise_agent__gte=0,
                    montant_accorde=models.F("prise_429") + models.F("prise_agent"),
                ),
                name="demande_prise_en_charge_parts",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    rembourse_le__isnull=True, rembourse_ecriture__isnull=True, rembourse_compte=""
                )
                | models.Q(
                    prise_agent__gt=0,
                    rembourse_le__isnull=False,
                    rembourse_ecriture__isnull=False,
                )
                & ~models.Q(rembourse_compte=""),
                name="demande_remboursement",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_nature_display()} sur l'ordre {self.ordre.reference}"

    @property
    def dossier_drass_ou_rien(self):
        """The DRASS file transmitted to the minister, if recorded (`models_drass`;
        the register sets it for all at once, `selectors_drass.annoter`)."""
        if hasattr(self, "_dossier_drass"):
            return self._dossier_drass
        return getattr(self, "dossier_drass", None) if self.pk else None

    @property
    def ouverte(self) -> bool:
        return self.etat in (self.Etat.DEMANDEE, self.Etat.APPROBATION)

    @property
    def decidee_le(self):
        """The day of the final decision (the ministers' when they were asked)."""
        if self.ouverte:
            return None
        return self.approbation_le or self.conseil_le

    @property
    def montant_obtenu(self):
        """What the decision takes off the débet: nothing unless granted."""
        return self.montant_accorde if self.etat == self.Etat.ACCORDEE else ZERO


# The models of D253-81 (payment, non-valeur, notice, recovery), in a module of
# their own: imported here so that the app registry knows them.
from responsabilite.models_drass import AvisMinistres, DossierDrass  # noqa: E402, F401
from responsabilite.models_reglement import (  # noqa: E402, F401
    NonValeur,
    NotificationAssociation,
    Recouvrement,
    Versement,
)
