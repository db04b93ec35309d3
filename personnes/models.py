"""People, the functions they hold in the fund, and the powers they receive.

What this app owns
------------------
- `Affectation`: a user holds a function (directeur, agent comptable,
  auditeur...) over a period. What a person may do follows from the functions
  valid on the date of the act (circ. 93/82 §I).
- `Delegation`: the directeur hands part of his powers to an agent of the fund
  (circ. 93/82 §1.0), either his signature (he keeps his competence) or his
  power (he may no longer exercise it while the delegation lasts). A
  delegation names its beneficiary, the nature of the operations (ordres de
  recette or de dépense, optionally some account classes and a ceiling), its
  period and the delegate's specimen signature.
- `Interim`: someone acts as agent comptable in his absence, the fondé de
  pouvoir for at most 3 months (D253-14), a named agent comptable intérimaire
  for at most 6 months (circ. 93/82 §1.1.2), over consecutive periods as
  over one. `personnes.selectors.agent_comptable_en_fonction` says who is the
  agent comptable in office at a given moment: the interim's holder, else the
  titular. An interim is général (presumed) or partiel, limiting its holder to
  the acts it lists (`personnes.permissions_comptable.exiger_comptable`); an
  intérimaire carries the board's decision naming him (§1.1.2).
- `Procuration`: a fondé de pouvoir's procuration approved by the board, with
  the acts and the ceiling it allows; two fondés de pouvoir at most (circ.
  93/82 §1.1.1; `personnes.permissions.exiger_dans_procuration`).

Invariants
----------
- Enforced by PostgreSQL (CHECK constraints below): a delegation's period is
  ordered, its ceiling is positive when set, nobody delegates to himself, its
  account prefixes are digits separated by commas, its specimen signature is
  not empty; an interim never exceeds its legal length, computed with
  PostgreSQL's own month arithmetic; nor do the same person's interims of the
  same nature chained with no day between them (trigger, migration 0005).
- Enforced by PostgreSQL triggers (migration 0003) and first by the services
  (`personnes/services.py`): a delegation's author is directeur and its
  beneficiary délégué du directeur on its first day; the beneficiary never
  acts, on any day of its period, for the agent comptable (agent comptable,
  fondé de pouvoir, mandataire, régisseur, interim: circ. 93/82 §1.1.1) nor
  for the tutelle (auditeur: §1.0, the directeur delegates to « certains
  agents de l'organisme »); such a function or an interim is not given to
  someone holding a delegation in force.
- Enforced by the services: only a directeur delegates and withdraws; only
  the agent comptable records the notification.
- Decided by `personnes.permissions.pouvoir_ordonnateur`: whether someone may
  act as ordonnateur (sign, and every other act: `exiger_pouvoir_ordonnateur`)
  on a given day. A delegation counts only once notified to the agent
  comptable, while not withdrawn, while its delegator is still directeur, and
  while its delegate keeps the affectation as délégué he held on its first
  day: it is personal and falls when either changes (circ. 93/82 §1.0).
  Rows are never deleted: withdrawal is dated (`retiree_le`).
"""

import datetime

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS


class Fonction(models.TextChoices):
    DIRECTEUR = "directeur", "directeur"
    DELEGUE = "delegue", "délégué du directeur"
    AGENT_COMPTABLE = "agent_comptable", "agent comptable"
    FONDE_DE_POUVOIR = "fonde_de_pouvoir", "fondé de pouvoir"
    MANDATAIRE = "mandataire", "mandataire"
    REGISSEUR = "regisseur", "régisseur"
    AUDITEUR = "auditeur", "auditeur (tutelle)"


class Affectation(models.Model):
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="affectations"
    )
    fonction = models.CharField(max_length=30, choices=Fonction.choices)
    debut = models.DateField("du")
    fin = models.DateField("au", null=True, blank=True)

    class Meta:
        ordering = ["utilisateur", "debut"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fin__isnull=True) | models.Q(fin__gte=models.F("debut")),
                name="affectation_periode_ordonnee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.utilisateur} : {self.get_fonction_display()}"

    def valide_le(self, jour: datetime.date) -> bool:
        return self.debut <= jour and (self.fin is None or jour <= self.fin)


class Delegation(models.Model):
    class Type(models.TextChoices):
        SIGNATURE = "signature", "délégation de signature"
        POUVOIR = "pouvoir", "délégation de pouvoir"

    class Nature(models.TextChoices):
        ORDRE_RECETTE = "ordre_recette", "ordres de recette"
        ORDRE_DEPENSE = "ordre_depense", "ordres de dépense"

    delegant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="delegations_donnees",
        verbose_name="délégant",
    )
    delegataire = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="delegations_recues",
        verbose_name="délégataire",
    )
    type = models.CharField(max_length=20, choices=Type.choices)
    nature = models.CharField("nature des opérations", max_length=20, choices=Nature.choices)
    classes_comptes = models.CharField(
        "comptes d'imputation",
        max_length=200,
        blank=True,
        help_text="Vide : tous les comptes. Sinon des débuts de numéro séparés par des virgules "
        "(« 7 » ou « 75,76 »).",
    )
    montant_max = models.DecimalField(
        "plafond",
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        null=True,
        blank=True,
        help_text="Vide : sans plafond.",
    )
    debut = models.DateField("du")
    fin = models.DateField("au")
    specimen_signature = models.TextField("spécimen de la signature et du paraphe")
    notifiee_le = models.DateField("notifiée à l'agent comptable le", null=True, blank=True)
    retiree_le = models.DateField("retirée le", null=True, blank=True)
    creee_le = models.DateTimeField("créée le", auto_now_add=True)

    class Meta:
        verbose_name = "délégation du directeur"
        verbose_name_plural = "délégations du directeur"
        ordering = ["-debut", "-id"]
        indexes = [models.Index(fields=["delegataire", "nature"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(debut__lte=models.F("fin")), name="delegation_periode_ordonnee"
            ),
            models.CheckConstraint(
                condition=models.Q(montant_max__isnull=True) | models.Q(montant_max__gt=0),
                name="delegation_plafond_positif",
            ),
            models.CheckConstraint(
                condition=~models.Q(delegant=models.F("delegataire")),
                name="delegation_pas_a_soi_meme",
            ),
            models.CheckConstraint(
                condition=models.Q(type__in=["signature", "pouvoir"]), name="delegation_type_connu"
            ),
            models.CheckConstraint(
                condition=models.Q(nature__in=["ordre_recette", "ordre_depense"]),
                name="delegation_nature_connue",
            ),
            models.CheckConstraint(
                condition=models.Q(classes_comptes__regex=r"^([0-9]+(,[0-9]+)*)?$"),
                name="delegation_classes_comptes_format",
            ),
            models.CheckConstraint(
                condition=models.Q(specimen_signature__regex=r"[^[:space:]]"),
                name="delegation_specimen_obligatoire",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_type_display().capitalize()} n° {self.pk} ({self.get_nature_display()}) "
            f"à {nom_de(self.delegataire)}"
        )

    @property
    def prefixes(self) -> list[str]:
        """Account-number prefixes covered; empty means every account."""
        return [p for p in self.classes_comptes.split(",") if p]

    def couvre_compte(self, numero: str) -> bool:
        return not self.prefixes or any(str(numero).startswith(p) for p in self.prefixes)

    def en_vigueur_le(self, jour: datetime.date) -> bool:
        """Within its period and not withdrawn: a withdrawal takes effect on its own date."""
        return self.debut <= jour <= self.fin and (
            self.retiree_le is None or jour < self.retiree_le
        )


def nom_de(utilisateur) -> str:
    """A person as the messages name him: full name, else login."""
    return utilisateur.get_full_name() or utilisateur.get_username()


def plus_mois_moins_un_jour(colonne: str, mois: int) -> models.Func:
    """`colonne + interval 'n months' - interval '1 day'`, PostgreSQL date arithmetic.

    A month added to 31 January lands on the last day of February, as in
    `personnes.services.fin_maximale_interim`, which mirrors it in Python.
    """
    return models.Func(
        models.F(colonne),
        template=f"((%(expressions)s) + interval '{mois} months' - interval '1 day')::date",
        output_field=models.DateField(),
    )


class Interim(models.Model):
    class Nature(models.TextChoices):
        FONDE_DE_POUVOIR = "fonde_de_pouvoir", "fondé de pouvoir faisant fonction d'agent comptable"
        INTERIMAIRE = "interimaire", "agent comptable intérimaire"

    # Legal maximum length, in months (D253-14; circ. 93/82 §1.1.2).
    DUREE_MAX_MOIS = {Nature.FONDE_DE_POUVOIR: 3, Nature.INTERIMAIRE: 6}

    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="interims"
    )

    class Portee(models.TextChoices):
        GENERAL = "general", "général"
        PARTIEL = "partiel", "partiel"

    nature = models.CharField(max_length=20, choices=Nature.choices)
    debut = models.DateField("du")
    fin = models.DateField("au")
    # « L'intérim est présumé général si l'acte de nomination de l'intérimaire
    # ne restreint pas explicitement ses attributions » (circ. §1.1.2).
    portee = models.CharField(
        "portée",
        max_length=10,
        choices=Portee.choices,
        default=Portee.GENERAL,
        db_default=Portee.GENERAL,
    )
    attributions = models.CharField(
        "attributions",
        max_length=500,
        blank=True,
        default="",
        db_default="",
        help_text="Intérim partiel : codes d'actes séparés par des virgules.",
    )
    # The board names the agent comptable intérimaire (R122-4, circ. §1.1.2).
    nomme_le = models.DateField("nommé par le conseil d'administration le", null=True, blank=True)
    deliberation = models.CharField(
        "délibération", max_length=100, blank=True, default="", db_default=""
    )
    cree_le = models.DateTimeField("désigné le", auto_now_add=True)

    class Meta:
        verbose_name = "intérim de l'agent comptable"
        verbose_name_plural = "intérims de l'agent comptable"
        ordering = ["-debut", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(debut__lte=models.F("fin")), name="interim_periode_ordonnee"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(
                        nature="fonde_de_pouvoir",
                        fin__lte=plus_mois_moins_un_jour("debut", 3),
                    )
                    | models.Q(
                        nature="interimaire",
                        fin__lte=plus_mois_moins_un_jour("debut", 6),
                    )
                ),
                name="interim_duree_legale",
            ),
            models.CheckConstraint(
                condition=models.Q(attributions__regex=r"^([a-z_.]+(,[a-z_.]+)*)?$"),
                name="interim_attributions_format",
            ),
            models.CheckConstraint(
                condition=models.Q(portee="general", attributions="")
                | (models.Q(portee="partiel") & ~models.Q(attributions="")),
                name="interim_partiel_attributions",
            ),
            models.CheckConstraint(
                condition=models.Q(nomme_le__isnull=True)
                | models.Q(nomme_le__lte=models.F("debut")),
                name="interim_nomme_avant_effet",
            ),
            # NOT VALID in the database (migration 0012): rows recorded before
            # the board's decision was kept stay; every new one carries it.
            models.CheckConstraint(
                condition=~models.Q(nature="interimaire")
                | (
                    models.Q(nomme_le__isnull=False) & models.Q(deliberation__regex=r"[^[:space:]]")
                ),
                name="interim_interimaire_nomme_par_le_conseil",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{nom_de(self.utilisateur)}, {self.get_nature_display()} "
            f"du {self.debut:%d/%m/%Y} au {self.fin:%d/%m/%Y}"
        )

    def valide_le(self, jour: datetime.date) -> bool:
        return self.debut <= jour <= self.fin

    @property
    def codes(self) -> list[str]:
        """The acts a partial interim allows; empty for a general one (all)."""
        return [c for c in self.attributions.split(",") if c]

    @property
    def partiel(self) -> bool:
        return self.portee == self.Portee.PARTIEL


class Procuration(models.Model):
    """The procuration of a fondé de pouvoir, approved by the board (circ. 93/82 §1.1.1).

    The agent comptable is seconded by one or more fondés de pouvoir "munis
    d'une procuration régulière", given "après agrément du conseil
    d'administration"; two at most. The directeur records the board's
    decision (its date and délibération) and the limits it states: the acts
    allowed (codes of the droits catalogue, `personnes.droits.CATALOGUE`;
    empty: every act of the agent comptable) and a ceiling per act (empty:
    none). `personnes.permissions.exiger_dans_procuration` refuses an act
    beyond it. Rows are never deleted; an end is a date (`fin`).
    """

    fonde = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="procurations",
        verbose_name="fondé de pouvoir",
    )
    agent_comptable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="procurations_donnees",
        verbose_name="agent comptable mandant",
    )
    debut = models.DateField("du")
    fin = models.DateField("au", null=True, blank=True)
    agreee_le = models.DateField("agréée par le conseil d'administration le")
    deliberation = models.CharField("délibération", max_length=100)
    actes = models.CharField(
        "actes permis",
        max_length=500,
        blank=True,
        help_text="Codes d'actes séparés par des virgules ; vide : tous les actes de l'agent "
        "comptable.",
    )
    montant_max = models.DecimalField(
        "plafond par acte",
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        null=True,
        blank=True,
        help_text="Vide : sans plafond.",
    )
    enregistree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="enregistrée par",
    )
    creee_le = models.DateTimeField("enregistrée le", auto_now_add=True)

    class Meta:
        verbose_name = "procuration de fondé de pouvoir"
        verbose_name_plural = "procurations de fondé de pouvoir"
        ordering = ["-debut", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fin__isnull=True) | models.Q(fin__gte=models.F("debut")),
                name="procuration_periode_ordonnee",
            ),
            models.CheckConstraint(
                condition=models.Q(agreee_le__lte=models.F("debut")),
                name="procuration_agreee_avant_effet",
            ),
            models.CheckConstraint(
                condition=models.Q(montant_max__isnull=True) | models.Q(montant_max__gt=0),
                name="procuration_plafond_positif",
            ),
            models.CheckConstraint(
                condition=models.Q(actes__regex=r"^([a-z_.]+(,[a-z_.]+)*)?$"),
                name="procuration_actes_format",
            ),
            models.CheckConstraint(
                condition=models.Q(deliberation__regex=r"[^[:space:]]"),
                name="procuration_deliberation_obligatoire",
            ),
            models.CheckConstraint(
                condition=~models.Q(fonde=models.F("agent_comptable")),
                name="procuration_pas_a_soi_meme",
            ),
        ]

    def __str__(self) -> str:
        fin = f" au {self.fin:%d/%m/%Y}" if self.fin else ""
        return f"Procuration n° {self.pk} de {nom_de(self.fonde)}, du {self.debut:%d/%m/%Y}{fin}"

    @property
    def codes(self) -> list[str]:
        return [c for c in self.actes.split(",") if c]

    def valide_le(self, jour: datetime.date) -> bool:
        return self.debut <= jour and (self.fin is None or jour <= self.fin)

    def couvre_acte(self, code: str) -> bool:
        return not self.codes or code in self.codes


class Mandat(models.Model):
    """A special mandate by which the agent comptable charges an agent, under
    his responsibility, with some operations of vérification and contrôle
    (circ. 93/82 §1.1.1): its object, its period, withdrawn at any time. Its
    terms never change; only its withdrawal is recorded, once (PostgreSQL,
    migration 0011, LG612)."""

    class Objet(models.TextChoices):
        CONTROLES = "controles", "enregistrer les contrôles"
        VERIFICATIONS = "verifications", "opérations de vérification"

    mandataire = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mandats"
    )
    agent_comptable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mandats_donnes",
        verbose_name="agent comptable mandant",
    )
    objet = models.CharField("objet", max_length=20, choices=Objet.choices)
    precisions = models.CharField("précisions", max_length=300, blank=True)
    debut = models.DateField("du")
    fin = models.DateField("au")
    retire_le = models.DateField("retiré le", null=True, blank=True)
    enregistre_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    cree_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-debut", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fin__gte=models.F("debut")), name="mandat_periode_ordonnee"
            ),
            models.CheckConstraint(
                condition=~models.Q(mandataire=models.F("agent_comptable")),
                name="mandat_pas_a_soi_meme",
            ),
            models.CheckConstraint(
                condition=models.Q(objet__in=["controles", "verifications"]),
                name="mandat_objet_connu",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"Mandat n° {self.pk} de {nom_de(self.mandataire)} ({self.get_objet_display()}), "
            f"du {self.debut:%d/%m/%Y} au {self.fin:%d/%m/%Y}"
        )

    def en_cours_le(self, jour: datetime.date) -> bool:
        return self.debut <= jour <= self.fin and (self.retire_le is None or jour < self.retire_le)


# The failure counters and the second factor (authentication that resists
# guessing), the installation and the réserves (circ. 93/82 §1.1.0), in modules
# of their own: imported here so that the app registry knows them.
from personnes.models_authentification import (  # noqa: E402, F401
    CompteurEchecs,
    SecondFacteur,
)
from personnes.models_installation import (  # noqa: E402, F401
    Installation,
    ProrogationReserves,
    Reserve,
)
