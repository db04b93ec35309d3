"""What every order is, whether de recette or de dépense (circ. 93/82 §2.0.0, §2.1.1).

The circulaire sees one thing in both: an order issued by the ordonnateur,
numbered continuously in its exercise, imputed to an account, stating its
object and bases de liquidation, its amount and its pièces, signed (who, in
what capacity, when, the hash of what was signed), transmitted to the agent
comptable who takes it in charge. These abstract bases carry that common
part; `recettes.OrdreRecette` and `depenses.OrdreDepense` add what is theirs
(their states, natures, dates of attachment, the acts after transmission).

Each concrete order declares `TRANSITIONS`, the pairs (from, to) of states its
acts may make: the services refuse an act out of order by this table
(`ordres.services.exiger_transition`), the database trigger
`ordres_ordre_fige` receives the same pairs as its argument, and
`tests/ordres/test_transitions.py` proves the two agree.

The tables keep their names and their constraints' names: only the Python
declarations are shared.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.money import DECIMAL_PLACES, MAX_DIGITS, ZERO

BROUILLON, SIGNE, TRANSMIS = "brouillon", "signe", "transmis"


def contraintes_ordre(prefixe: str) -> list[models.BaseConstraint]:
    """One number per exercise, a non-negative amount: `prefixe` names them
    (`ordre_recette_numero_unique`...)."""
    return [
        models.UniqueConstraint(fields=["exercice", "numero"], name=f"{prefixe}_numero_unique"),
        models.CheckConstraint(
            condition=models.Q(montant__gte=0), name=f"{prefixe}_montant_positif"
        ),
    ]


def index_etat(prefixe: str) -> models.Index:
    """The orders of a state, exercise by exercise in number order: the lists and
    the parapheur filter by state and sort by exercise and number, and count by
    state (`core.pagination.lignes_de_la_page` reads a page exercise by exercise)."""
    return models.Index(fields=["etat", "exercice", "numero"], name=f"{prefixe}_etat_numero")


def contrainte_ligne(prefixe: str) -> models.CheckConstraint:
    """A line's amount is strictly positive (`ligne_<prefixe>_montant_positif`)."""
    return models.CheckConstraint(
        condition=models.Q(montant__gt=0), name=f"ligne_{prefixe}_montant_positif"
    )


class OrdreBase(models.Model):
    """The fields every order has. A concrete order adds `etat` (with its `Etat`
    choices), `nature`, its own dates of attachment and `TRANSITIONS`."""

    class Type(models.TextChoices):
        INDIVIDUEL = "individuel", "individuel"
        COLLECTIF = "collectif", "collectif"

    # The pairs (from, to) of states the acts may make: set by each kind.
    TRANSITIONS: frozenset[tuple[str, str]] = frozenset()

    # Who acted on the order as ordonnateur: (lookup from the order to the
    # person, what he did, said before « cet ordre »). Whoever appears here
    # never acts on the order as comptable, whatever function he holds that
    # day (circ. 93/82 §2.4.0): `ordres.services.exiger_comptable_distinct`
    # reads it at prise en charge and visa, `depenses.paiements` at payment,
    # `tresorerie.separation` in its report. Each kind adds its own acts.
    ACTES_ORDONNATEUR: tuple[tuple[str, str], ...] = (
        ("signatures__signataire", "a signé"),
        ("cree_par", "a émis"),
    )

    exercice = models.ForeignKey("ledger.Exercice", on_delete=models.PROTECT, related_name="+")
    numero = models.PositiveIntegerField("numéro")
    type = models.CharField(max_length=12, choices=Type.choices, default=Type.INDIVIDUEL)
    objet = models.CharField(max_length=255)
    bases_liquidation = models.TextField("bases de liquidation")
    compte_imputation = models.ForeignKey(
        "ledger.Compte",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="compte d'imputation",
    )
    compte_tiers = models.ForeignKey(
        "ledger.Compte", on_delete=models.PROTECT, related_name="+", verbose_name="compte de tiers"
    )
    montant = models.DecimalField(
        max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, default=ZERO
    )
    date_fait = models.DateField("date du fait générateur")
    date_liquidation = models.DateField("liquidée le", null=True, blank=True)
    date_echeance = models.DateField("échéance", null=True, blank=True)
    date_contrat = models.DateField("date du contrat", null=True, blank=True)
    date_reception = models.DateField("date de réception", null=True, blank=True)
    date_decision = models.DateField("date de la décision définitive", null=True, blank=True)
    article_rattachement = models.CharField("article de rattachement", max_length=200)
    critere_rattachement = models.CharField(max_length=120)
    # Why the order sits in the exercise of its emission rather than that of
    # its fait: issued after the période complémentaire of its own exercise
    # ended, or once it was closed (D253-17, D253-19; circ. 93/82 §2.0.7,
    # §2.1.7). Empty when the order belongs to the exercise of its fait.
    motif_rattachement = models.TextField("motif du rattachement", blank=True)
    limite_emission = models.DateField("émission possible jusqu'au")
    # circ. 93/82 §2.0.2 and §2.1.3: the pièces are joined to the order, or
    # their references are written on it; no order is signed without either.
    pieces_references = models.TextField("références des pièces justificatives", blank=True)
    empreinte_contenu = models.CharField(max_length=64, blank=True)
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    cree_le = models.DateTimeField(auto_now_add=True)
    transmis_le = models.DateTimeField(null=True, blank=True)
    ecriture = models.ForeignKey(
        "ledger.Ecriture",
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="écriture de prise en charge",
    )
    motif_abandon = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["-exercice__annee", "-numero"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name.capitalize()} n° {self.reference}"

    @property
    def reference(self) -> str:
        return f"{self.exercice.annee}-{self.numero:05d}" if self.exercice_id else "—"

    @classmethod
    def etats_vers(cls, etat: str) -> set[str]:
        """The states from which an act may bring an order to `etat`."""
        return {depart for depart, arrivee in cls.TRANSITIONS if arrivee == etat}


class LigneBase(models.Model):
    """A line of an order: one debtor or creditor, its identifier, its amount.
    The concrete line adds `ordre`, the party's name and qualité."""

    identifiant = models.CharField("identifiant (SIRET, NIR…)", max_length=40, blank=True)
    montant = models.DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)

    class Meta:
        abstract = True
        ordering = ["id"]


class CompteurBase(models.Model):
    """Last order number given in an exercise; locked by each creation."""

    exercice = models.OneToOneField("ledger.Exercice", on_delete=models.PROTECT, primary_key=True)
    dernier_numero = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.exercice_id} : {self.dernier_numero}"


class PieceBase(models.Model):
    """A pièce justificative attached to an order, stored with its SHA-256."""

    nom = models.CharField(max_length=200)
    type_mime = models.CharField(max_length=80)
    taille = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    ajoutee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ajoutee_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["id"]

    def __str__(self) -> str:
        return self.nom


class SignatureBase(models.Model):
    """Who signed an order, in what capacity, when, and the hash of what was signed."""

    signataire = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    qualite = models.CharField("qualité", max_length=255)
    delegation = models.ForeignKey(
        "personnes.Delegation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signee_le = models.DateTimeField()
    empreinte_contenu = models.CharField(max_length=64)

    class Meta:
        abstract = True
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.qualite} le {self.signee_le:%d/%m/%Y}"
