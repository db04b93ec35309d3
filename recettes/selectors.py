"""Reading the ordres de recette: the reste à recouvrer, and the order lists.

The reste à recouvrer has one definition, here, in SQL terms that the
allocation trigger of the treasury (its migration 0004, `0004_reste_a_recouvrer.sql`)
repeats word for word:

    reste = montant taken in charge
            - reductions taken in charge by the agent comptable
            - receipts allocated to its lines (the treasury's Affectation)
            - receipts it regularises (Encaissement.regularise_par, not cancelled)

and, for each debtor's line of the order (the trigger's bound on an
allocation, its migration 0009, `0009_reste_ligne.sql`):

    reste of the line = its amount
                        - the reductions taken in charge that name it
                        - receipts allocated to it

- A reduction names the line of the debtor it concerns (`Reduction.ligne`);
  one signed before that was asked for names none and counts on the order's
  first line (lowest id), as every reduction then did. The receipts an order
  regularises are the order's, not a debtor's: in the per-debtor statement
  they go to its first line too.

- Only an order the agent comptable has taken in charge (state
  `pris_en_charge`, or `annule` after a cancelling reduction) is owed in his
  books; any other order has a reste of zero (circ. 93/82 §2.0.4, §2.0.5).
- A reduction counts once the agent comptable has taken it in charge
  (`Reduction.Etat.PRISE_EN_CHARGE`, circ. 93/82 §2.0.4); one merely signed
  by the directeur (circ. 93/82 §2.0.3) still awaits him and lowers nothing.
  `reductions_en_attente` gives those, for the bound of a new reduction.
- Allocations are append-only; a cancelled receipt adds negative allocations,
  so the plain sum is what was recovered.

Beside it, `accord_grand_livre` reads the ledger afresh: the balance of the
receivable accounts against the restes of the orders imputed to them, so that
whatever was written around the services shows as a difference.

The recoveries are reached through the reverse relations that the treasury
declares on the orders and lines (`affectations`, `encaissements_regularises`):
this module does not import the treasury app, which sits above `recettes`.

Every function here is set-based: a fixed number of queries whatever the
number of orders (correlated subqueries, no loop of queries per order).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Case,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least

from core.money import ZERO
from ledger.models import Cumul, Ligne
from recettes.models import LigneOrdreRecette, OrdreRecette, Reduction, Signature

MONTANT = DecimalField(max_digits=18, decimal_places=2)
# States in which an order is owed in the agent comptable's books.
ETATS_PRIS_EN_CHARGE = (OrdreRecette.Etat.PRIS_EN_CHARGE, OrdreRecette.Etat.ANNULE)
# The treasury's Encaissement.Etat.ENREGISTRE (a receipt not cancelled).
ENCAISSEMENT_ENREGISTRE = "enregistre"


def _modele_inverse(modele, nom: str):
    """The model behind the reverse relation `nom` of `modele` (declared by a
    higher app, reached by name so as not to import it)."""
    return modele._meta.get_field(nom).related_model


def _somme(qs: QuerySet, cle: str, ref: str = "pk"):
    """Correlated subquery: the sum of `montant` of `qs` whose `cle` is the outer
    row's `ref`, zero when there is none."""
    total = (
        qs.filter(**{cle: OuterRef(ref)})
        .order_by()
        .values(cle)
        .annotate(s=Sum("montant"))
        .values("s")[:1]
    )
    return Coalesce(Subquery(total, output_field=MONTANT), Value(ZERO), output_field=MONTANT)


REDUCTIONS_PRISES = Reduction.objects.filter(etat=Reduction.Etat.PRISE_EN_CHARGE)


def _reduit(ref: str):
    return _somme(REDUCTIONS_PRISES, "ordre_id", ref)


def _reduit_ligne():
    """For a row of LigneOrdreRecette annotated with `premiere`: the reductions
    taken in charge that name the line, and on the first line those that name
    none (signed before a reduction named its line)."""
    sans_ligne = _somme(REDUCTIONS_PRISES.filter(ligne__isnull=True), "ordre_id", "ordre_id")
    return _somme(REDUCTIONS_PRISES, "ligne_id", "pk") + Case(
        When(premiere=True, then=sans_ligne), default=Value(ZERO), output_field=MONTANT
    )


def _affecte(cle: str, ref: str):
    Affectation = _modele_inverse(OrdreRecette, "affectations")
    return _somme(Affectation.objects.all(), cle, ref)


def _regularise(ref: str):
    Encaissement = _modele_inverse(OrdreRecette, "encaissements_regularises")
    return _somme(
        Encaissement.objects.filter(etat=ENCAISSEMENT_ENREGISTRE), "regularise_par_id", ref
    )


def _filtrer_ordres(qs: QuerySet, ordres, champ: str = "pk") -> QuerySet:
    """`ordres`: None (all), a queryset of orders, or orders / ids."""
    if ordres is None:
        return qs
    if isinstance(ordres, QuerySet):
        return qs.filter(**{f"{champ}__in": ordres.order_by().values("pk")})
    ids = [getattr(o, "pk", o) for o in ordres]
    return qs.filter(**{f"{champ}__in": ids})


# --- The reste à recouvrer --------------------------------------------------------


def annoter_restes(qs: QuerySet) -> QuerySet:
    """Annotate a queryset of OrdreRecette, in the same query, with
    `pris_en_charge` (its amount if taken in charge, else 0), `reduit`
    (reductions taken in charge), `recouvre` (allocations and regularised
    receipts) and `reste` (their difference; 0 if not taken in charge)."""
    pris = Q(etat__in=ETATS_PRIS_EN_CHARGE)
    return qs.annotate(
        pris_en_charge=Case(
            When(pris, then=F("montant")), default=Value(ZERO), output_field=MONTANT
        ),
        reduit=_reduit("pk"),
        recouvre=_affecte("ordre_id", "pk") + _regularise("pk"),
    ).annotate(
        reste=Case(
            When(pris, then=F("montant") - F("reduit") - F("recouvre")),
            default=Value(ZERO),
            output_field=MONTANT,
        )
    )


def restes_par_ordre(ordres: Iterable | QuerySet | None = None) -> dict[int, Decimal]:
    """{order id: reste à recouvrer} for the given orders (None: all), in one query."""
    qs = _filtrer_ordres(OrdreRecette.objects.order_by(), ordres)
    return dict(annoter_restes(qs).values_list("pk", "reste"))


def reste_a_recouvrer(ordre: OrdreRecette) -> Decimal:
    """The reste à recouvrer of one order, read from the database (one query)."""
    return (
        annoter_restes(OrdreRecette.objects.filter(pk=ordre.pk))
        .values_list("reste", flat=True)
        .get()
    )


def premiere_ligne(ordre: OrdreRecette) -> LigneOrdreRecette:
    """The order's first debtor's line (lowest id): where a reduction that names
    no line counts."""
    return LigneOrdreRecette.objects.filter(ordre_id=ordre.pk).order_by("id").first()


def reductions_de_la_ligne(ligne: LigneOrdreRecette) -> QuerySet:
    """The reductions of the line's order that count on that line (any state):
    those naming it, and on the first line those naming none."""
    qs = Reduction.objects.filter(ordre_id=ligne.ordre_id)
    condition = Q(ligne_id=ligne.pk)
    if premiere_ligne(ligne.ordre).pk == ligne.pk:
        condition |= Q(ligne__isnull=True)
    return qs.filter(condition)


def reductions_en_attente(ordre: OrdreRecette, ligne: LigneOrdreRecette | None = None) -> Decimal:
    """Reductions signed by the directeur that the agent comptable has not taken
    in charge yet (of the order, or only those counting on `ligne`): not in the
    reste, but a new reduction must leave room for them."""
    qs = Reduction.objects.filter(ordre=ordre) if ligne is None else reductions_de_la_ligne(ligne)
    return qs.filter(etat=Reduction.Etat.SIGNEE).aggregate(s=Sum("montant"))["s"] or ZERO


def annoter_restes_lignes(qs: QuerySet) -> QuerySet:
    """Annotate a queryset of LigneOrdreRecette, in the same query, with
    `recouvre` (allocations on the line), `reduit_ligne` (the reductions taken
    in charge that count on it), `reste_ligne` (line amount less both),
    `reste_ordre` (the order's reste, as `annoter_restes`) and `reste`: what may
    still be allocated to the line, the lesser of the two (the bound the
    allocation trigger applies); all 0 on an order not taken in charge.
    `premiere` is true on the order's first line (lowest id), which carries the
    order-level regularisations and the reductions naming no line."""
    pris = Q(ordre__etat__in=ETATS_PRIS_EN_CHARGE)
    premiere = LigneOrdreRecette.objects.filter(ordre_id=OuterRef("ordre_id")).order_by("id")
    return (
        qs.annotate(
            recouvre=_affecte("ligne_id", "pk"),
            reduit_ordre=_reduit("ordre_id"),
            regularise_ordre=_regularise("ordre_id"),
            premiere=Case(
                When(pk=Subquery(premiere.values("id")[:1]), then=Value(True)),
                default=Value(False),
            ),
        )
        .annotate(reduit_ligne=_reduit_ligne())
        .annotate(
            reste_ligne=Case(
                When(pris, then=F("montant") - F("reduit_ligne") - F("recouvre")),
                default=Value(ZERO),
                output_field=MONTANT,
            ),
            reste_ordre=Case(
                When(
                    pris,
                    then=F("ordre__montant")
                    - F("reduit_ordre")
                    - _affecte("ordre_id", "ordre_id")
                    - F("regularise_ordre"),
                ),
                default=Value(ZERO),
                output_field=MONTANT,
            ),
        )
        .annotate(reste=Least(F("reste_ligne"), F("reste_ordre"), output_field=MONTANT))
    )


def restes_par_ligne(ordres: Iterable | QuerySet | None = None) -> QuerySet:
    """The debtors' lines of the given orders (None: all), annotated as
    `annoter_restes_lignes` says, with `ordre`, its exercise and accounts
    selected."""
    qs = _filtrer_ordres(LigneOrdreRecette.objects.all(), ordres, "ordre_id")
    return annoter_restes_lignes(
        qs.select_related("ordre__exercice", "ordre__compte_tiers", "ordre__compte_imputation")
    )


# --- Per debtor (the treasury's statement of restes à recouvrer) ---------------------


@dataclass
class ResteDebiteur:
    """One debtor (third-party account, name cut to the ledger's 120 characters)."""

    debiteur: str
    compte: str
    ordres: int = 0
    pris_en_charge: Decimal = ZERO
    reduit: Decimal = ZERO
    recouvre: Decimal = ZERO
    # What the ledger says for the same debtor on the entries of those orders.
    solde_comptable: Decimal = ZERO

    @property
    def reste(self) -> Decimal:
        return self.pris_en_charge - self.reduit - self.recouvre


def restes_par_debiteur(
    *, exercice=None, seulement_non_soldes: bool = False
) -> list[ResteDebiteur]:
    """Restes à recouvrer per debtor over the orders taken in charge (of
    `exercice` if given), on the terms of `annoter_restes_lignes`: each line
    counts its amount, its allocations and the reductions taken in charge that
    name it; the receipts the order regularises, and its reductions that name
    no line (signed before a reduction named its debtor), go to its first
    line's debtor. Beside them, the
    ledger's figure for the debtor on the entries of those orders (prise en
    charge, reductions, receipts, allocations and their cancellations), which
    must agree to the cent. Sorted by reste, largest first. Four queries."""
    ordres = OrdreRecette.objects.filter(etat__in=ETATS_PRIS_EN_CHARGE)
    if exercice is not None:
        ordres = ordres.filter(exercice=exercice)
    lignes = list(
        restes_par_ligne(ordres).values(
            "ordre_id",
            "debiteur",
            "montant",
            "recouvre",
            "reduit_ligne",
            "regularise_ordre",
            "premiere",
            "ordre__ecriture_id",
            compte=F("ordre__compte_tiers__numero"),
        )
    )
    par_cle: dict[tuple[str, str], ResteDebiteur] = {}
    vus: dict[tuple[str, str], set[int]] = {}
    ecritures: set[int] = set()
    for lg in lignes:
        cle = (lg["compte"], lg["debiteur"][:120])
        reste = par_cle.setdefault(cle, ResteDebiteur(debiteur=cle[1], compte=cle[0]))
        vus.setdefault(cle, set()).add(lg["ordre_id"])
        reste.pris_en_charge += lg["montant"]
        reste.recouvre += lg["recouvre"]
        reste.reduit += lg["reduit_ligne"]
        if lg["premiere"]:
            reste.recouvre += lg["regularise_ordre"]
        if lg["ordre__ecriture_id"]:
            ecritures.add(lg["ordre__ecriture_id"])
    for cle, reste in par_cle.items():
        reste.ordres = len(vus[cle])
    ecritures |= _ecritures_des_ordres(ordres)
    if par_cle:
        for total in (
            Ligne.objects.filter(
                ecriture_id__in=ecritures, compte__numero__in={c for c, _ in par_cle}
            )
            .values("compte__numero", "tiers")
            .annotate(d=Sum("debit"), c=Sum("credit"))
            .order_by()
        ):
            cle = (total["compte__numero"], total["tiers"])
            if cle in par_cle:
                par_cle[cle].solde_comptable += total["d"] - total["c"]
    debiteurs = sorted(par_cle.values(), key=lambda d: (-d.reste, d.debiteur))
    if seulement_non_soldes:
        debiteurs = [d for d in debiteurs if d.reste != 0]
    return debiteurs


# --- The agreement with the books (the receivable accounts' balance) ------------------


@dataclass
class AccordCompte:
    """One receivable account of the orders: what the orders say is still owed
    on it, and what the ledger says, read afresh."""

    compte: str
    libelle: str
    reste: Decimal = ZERO
    # The ledger: debits less credits of every exercise, à-nouveaux aside.
    solde: Decimal = ZERO
    # Of which the orders' own entries (prise en charge, reductions, receipts).
    ecritures_ordres: Decimal = ZERO

    @property
    def sans_ordre(self) -> Decimal:
        """What entries foreign to the orders put on the account (an OD, a
        claim moved to doubtful, a write around the services)."""
        return self.solde - self.ecritures_ordres

    @property
    def ecart(self) -> Decimal:
        return self.solde - self.reste


@dataclass
class AccordGrandLivre:
    comptes: list[AccordCompte] = field(default_factory=list)

    @property
    def reste(self) -> Decimal:
        return sum((c.reste for c in self.comptes), ZERO)

    @property
    def solde(self) -> Decimal:
        return sum((c.solde for c in self.comptes), ZERO)

    @property
    def sans_ordre(self) -> Decimal:
        return sum((c.sans_ordre for c in self.comptes), ZERO)

    @property
    def ecart(self) -> Decimal:
        return self.solde - self.reste


def accord_grand_livre() -> AccordGrandLivre:
    """The restes à recouvrer of every order taken in charge, per receivable
    account (the orders' debtor accounts of nature « actif »: cotisants, indus,
    débiteurs divers…), against the balance of that account in the ledger,
    queried on each call: the daily totals the line trigger keeps
    (`ledger_cumul`), every exercise, the à-nouveaux aside (they carry a
    balance already counted, or one from before the books, which no order
    covers). Whatever the services did not write shows as a difference:
    the part of the balance that is not the orders' own entries is given
    (`sans_ordre`). Three queries, the orders' entries read by subqueries."""
    ordres = OrdreRecette.objects.filter(
        etat__in=ETATS_PRIS_EN_CHARGE, compte_tiers__nature="actif"
    ).order_by()
    par_compte: dict[str, AccordCompte] = {}
    for numero, libelle, reste in annoter_restes(ordres).values_list(
        "compte_tiers__numero", "compte_tiers__libelle", "reste"
    ):
        accord = par_compte.setdefault(numero, AccordCompte(numero, libelle))
        accord.reste += reste
    if not par_compte:
        return AccordGrandLivre()
    for numero, debit, credit in (
        Cumul.objects.filter(compte__numero__in=par_compte, a_nouveau=False)
        .values("compte__numero")
        .annotate(d=Sum("debit"), c=Sum("credit"))
        .values_list("compte__numero", "d", "c")
        .order_by()
    ):
        par_compte[numero].solde += debit - credit
    for numero, debit, credit in (
        Ligne.objects.filter(_dans_ecritures_des_ordres(ordres), compte__numero__in=par_compte)
        .values("compte__numero")
        .annotate(d=Sum("debit"), c=Sum("credit"))
        .values_list("compte__numero", "d", "c")
        .order_by()
    ):
        par_compte[numero].ecritures_ordres += debit - credit
    return AccordGrandLivre(sorted(par_compte.values(), key=lambda c: c.compte))


def _dans_ecritures_des_ordres(ordres: QuerySet) -> Q:
    """Lines of the orders' own entries (prise en charge, reductions taken in
    charge, allocations or their receipt's entry, and its cancellation), as
    subqueries PostgreSQL runs with the lines' query: no list of ids goes
    through Python, however many orders."""
    ids = ordres.order_by().values("pk")
    Affectation = _modele_inverse(OrdreRecette, "affectations")
    affectations = Affectation.objects.filter(ordre_id__in=ids).order_by()
    return (
        Q(ecriture_id__in=ordres.order_by().exclude(ecriture__isnull=True).values("ecriture_id"))
        | Q(
            ecriture_id__in=Reduction.objects.filter(
                ordre_id__in=ids, etat=Reduction.Etat.PRISE_EN_CHARGE, ecriture__isnull=False
            ).values("ecriture_id")
        )
        | Q(
            ecriture_id__in=affectations.annotate(
                e=Coalesce("ecriture_id", "encaissement__ecriture_id")
            ).values("e")
        )
        | Q(
            ecriture_id__in=affectations.exclude(
                encaissement__ecriture_annulation__isnull=True
            ).values("encaissement__ecriture_annulation_id")
        )
    )


def _ecritures_des_ordres(ordres: QuerySet) -> set[int]:
    """Entries of the reductions taken in charge and of the allocations (or their
    receipt's entry, and its cancellation) on the given orders: two queries."""
    ids = ordres.order_by().values("pk")
    ecritures = set(
        Reduction.objects.filter(
            ordre_id__in=ids, etat=Reduction.Etat.PRISE_EN_CHARGE, ecriture__isnull=False
        ).values_list("ecriture_id", flat=True)
    )
    Affectation = _modele_inverse(OrdreRecette, "affectations")
    for propre, encaissement, annulation in Affectation.objects.filter(
        ordre_id__in=ids
    ).values_list(
        "ecriture_id", "encaissement__ecriture_id", "encaissement__ecriture_annulation_id"
    ):
        ecritures.add(propre or encaissement)
        if annulation:
            ecritures.add(annulation)
    return ecritures


# --- Order lists and detail ------------------------------------------------------------


def ordres_recette(
    *,
    exercice: int | None = None,
    etat: str | None = None,
    nature: str | None = None,
    debiteur: str | None = None,
    montant_min: Decimal | None = None,
    montant_max: Decimal | None = None,
) -> QuerySet:
    """The ordres de recette as the lists and the API show them (every holder of
    a function in the fund reads them: the pages and the API check that), with
    their exercise and accounts selected, their lines (each annotated with its
    reste, `annoter_restes_lignes`), signatures (and
    signataires), reductions and pieces prefetched, the plan de contrôle's draw
    (and who drew it) selected, and annotated with `reste` (see
    `annoter_restes`): a fixed number of queries for any number of rows.
    Filters: exercise year, state, nature, a debtor's name (part of it) or
    identifier, amount bounds. Newest first."""
    qs = OrdreRecette.objects.select_related(
        "exercice", "compte_imputation", "compte_tiers", "tirage__par"
    ).prefetch_related(
        Prefetch(
            "lignes", queryset=annoter_restes_lignes(LigneOrdreRecette.objects.order_by("id"))
        ),
        # The signataires joined to their signatures (one query, not two).
        Prefetch("signatures", queryset=Signature.objects.select_related("signataire")),
        Prefetch("reductions", queryset=Reduction.objects.select_related("ligne")),
        "pieces",
    )
    return annoter_restes(
        _filtrer_liste(
            qs,
            exercice=exercice,
            etat=etat,
            nature=nature,
            debiteur=debiteur,
            montant_min=montant_min,
            montant_max=montant_max,
        )
    ).order_by("-exercice__annee", "-numero")


def ordres_recette_page(**filtres) -> QuerySet:
    """The ordres de recette as the list page shows them (reference, nature,
    object, debtors' names, amount, state): the filters and order of
    `ordres_recette`, with the exercise selected and the lines prefetched (in
    their order), nothing more: a fixed number of queries for any number of rows."""
    qs = OrdreRecette.objects.select_related("exercice").prefetch_related(
        Prefetch("lignes", queryset=LigneOrdreRecette.objects.order_by("id"))
    )
    return _filtrer_liste(qs, **filtres).order_by("-exercice__annee", "-numero")


def _filtrer_liste(
    qs: QuerySet,
    *,
    exercice: int | None = None,
    etat: str | None = None,
    nature: str | None = None,
    debiteur: str | None = None,
    montant_min: Decimal | None = None,
    montant_max: Decimal | None = None,
) -> QuerySet:
    """`qs` filtered as the order lists filter (see `ordres_recette`)."""
    if exercice:
        qs = qs.filter(exercice__annee=exercice)
    if etat:
        qs = qs.filter(etat=etat)
    if nature:
        qs = qs.filter(nature=nature)
    if debiteur:
        qs = qs.filter(
            Exists(
                LigneOrdreRecette.objects.filter(ordre_id=OuterRef("pk")).filter(
                    Q(debiteur__icontains=debiteur) | Q(identifiant=debiteur)
                )
            )
        )
    if montant_min is not None:
        qs = qs.filter(montant__gte=montant_min)
    if montant_max is not None:
        qs = qs.filter(montant__lte=montant_max)
    return qs


def ordre_recette_detail() -> QuerySet:
    """The queryset for one order's page or API answer (`.get(pk=...)`): as
    `ordres_recette`, plus the controls (with who made them)."""
    return ordres_recette().prefetch_related("controles__par")


def ordres_a_prendre_en_charge() -> QuerySet:
    """The agent comptable's queue: orders transmitted to him, oldest first."""
    return ordres_recette(etat=OrdreRecette.Etat.TRANSMIS).order_by("exercice__annee", "numero")


def reductions_a_prendre_en_charge() -> QuerySet:
    """Reductions signed by the directeur that await the agent comptable."""
    return (
        Reduction.objects.filter(etat=Reduction.Etat.SIGNEE)
        .select_related("ordre__exercice", "signataire", "ligne")
        .order_by("id")
    )
