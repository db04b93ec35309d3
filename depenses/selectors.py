"""Reading the ordres de dépense: the lists, the detail, the agent comptable's queue.

Each function returns a queryset with what its page or serializer reads
selected or prefetched, so that a list costs a fixed number of queries
whatever its number of rows. Every holder of a function in the fund reads the
orders (the pages and the API check that at their edge); the agent
comptable's queue is his alone, which its page checks too.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    DecimalField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from depenses.models import CertificatReimputation, Engagement, LigneOrdreDepense, OrdreDepense

MONTANT = DecimalField(max_digits=18, decimal_places=2)
# Orders that no longer consume their engagement.
ETATS_SANS_CONSOMMATION = (
    OrdreDepense.Etat.ABANDONNE,
    OrdreDepense.Etat.RETIRE,
    OrdreDepense.Etat.REMPLACE,
)


def ordres_depense(
    *,
    exercice: int | None = None,
    etat: str | None = None,
    nature: str | None = None,
    creancier: str | None = None,
) -> QuerySet:
    """The ordres de dépense as the list page and the API show them, newest
    first: exercise and accounts selected (not the engagement: they show its id
    at most), lines, suspensions and pieces prefetched. Filters: exercise year,
    state, nature, a creditor's name (part of it)."""
    qs = _ordres_choisis().prefetch_related(
        "lignes",
        "suspensions",
        "pieces",
        Prefetch("reimputations", queryset=_reimputations()),
    )
    return _filtrer(qs, exercice=exercice, etat=etat, nature=nature, creancier=creancier)


def ordres_depense_api(
    *,
    exercice: int | None = None,
    etat: str | None = None,
    nature: str | None = None,
    creancier: str | None = None,
) -> QuerySet:
    """The ordres de dépense as the API answers them (`depenses.api.OrdreSerializer`):
    the rows, filters and order of `ordres_depense`, each relation read as a list
    (`lignes_lues`, `suspensions_lues`, `pieces_lues`, `reimputations_lues`, in
    the relation's own order) rather than a related manager and a queryset built
    for each order and relation, twice (at the prefetch, then at the answer)."""
    qs = _ordres_choisis().prefetch_related(
        Prefetch("lignes", to_attr="lignes_lues"),
        Prefetch("suspensions", to_attr="suspensions_lues"),
        Prefetch("pieces", to_attr="pieces_lues"),
        Prefetch("reimputations", queryset=_reimputations(), to_attr="reimputations_lues"),
    )
    return _filtrer(qs, exercice=exercice, etat=etat, nature=nature, creancier=creancier)


def ordres_depense_page(
    *,
    exercice: int | None = None,
    etat: str | None = None,
    nature: str | None = None,
    creancier: str | None = None,
) -> QuerySet:
    """The ordres de dépense as the list page shows them (reference, gestion,
    nature, object, the first two creditors, amount, state): the filters and
    order of `ordres_depense`, the columns shown, the creditors' names by a
    subquery of the page's rows (`creanciers`); no accounts, lines, suspensions,
    pièces nor réimputations read."""
    qs = (
        OrdreDepense.objects.select_related("exercice")
        .only("numero", "gestion", "nature", "objet", "montant", "etat", "exercice__annee")
        .annotate(
            creanciers=ArraySubquery(
                LigneOrdreDepense.objects.filter(ordre=OuterRef("pk"))
                .order_by("id")
                .values("creancier")[:2]
            )
        )
    )
    return _filtrer(qs, exercice=exercice, etat=etat, nature=nature, creancier=creancier)


def _ordres_choisis() -> QuerySet:
    return OrdreDepense.objects.select_related(
        "exercice",
        "compte_imputation",
        "compte_tiers",
        "tirage__par",
        "requisition__reponse",
    )


def _reimputations() -> QuerySet:
    return CertificatReimputation.objects.select_related(
        "ancien_compte", "nouveau_compte", "ecriture"
    ).order_by("id")


def _filtrer(qs: QuerySet, *, exercice, etat, nature, creancier) -> QuerySet:
    """`qs` filtered as the lists filter (see `ordres_depense`), newest first."""
    if exercice:
        qs = qs.filter(exercice__annee=exercice)
    if etat:
        qs = qs.filter(etat=etat)
    if nature:
        qs = qs.filter(nature=nature)
    if creancier:
        qs = qs.filter(
            Exists(
                LigneOrdreDepense.objects.filter(
                    ordre_id=OuterRef("pk"), creancier__icontains=creancier
                )
            )
        )
    return qs.order_by("-exercice__annee", "-numero")


def ordre_depense_detail() -> QuerySet:
    """The queryset for one order's page or PDF (`.get(pk=...)`): as
    `ordres_depense`, plus its engagement, signatures, controls, services faits
    and who made them."""
    return (
        ordres_depense()
        .select_related("engagement")
        .prefetch_related(
            "signatures__signataire",
            "controles__par",
            "services_faits__atteste_par",
        )
    )


def ordres_a_viser() -> QuerySet:
    """The agent comptable's queue, oldest first: orders transmitted to him, and
    orders requis by the directeur, which wait for his visa (circ. 93/82
    §2.1.9.0: the visa and its entry stay his, circ. §1.1.1)."""
    # What the queue shows (number, state, nature, object, amount), only those
    # columns: the list's lines, suspensions, pieces and réimputations are not read,
    # so not prefetched.
    return (
        OrdreDepense.objects.filter(etat__in=[OrdreDepense.Etat.TRANSMIS, OrdreDepense.Etat.REQUIS])
        .select_related("exercice")
        .only("numero", "etat", "nature", "objet", "montant", "exercice__annee")
        .order_by("exercice__annee", "numero")
    )


def reimputations_a_prendre_en_charge() -> QuerySet:
    """The directeur's certificates of réimputation waiting for the agent
    comptable (circ. 93/82 §2.1.4), oldest first."""
    return (
        CertificatReimputation.objects.filter(etat=CertificatReimputation.Etat.DELIVRE)
        .select_related("ordre__exercice", "ancien_compte", "nouveau_compte", "par")
        .order_by("id")
    )


def imputations_actuelles(ordres: list[int]) -> dict[int, str]:
    """For orders given by id, the account of their last certificate of
    réimputation not rejected, where they have one (one query): the credit
    line their payment is recorded on (their credits moved with the
    certificate)."""
    derniers = (
        CertificatReimputation.objects.filter(ordre_id__in=ordres)
        .exclude(etat=CertificatReimputation.Etat.REJETE)
        .order_by("ordre_id", "-id")
        .distinct("ordre_id")
        .values_list("ordre_id", "nouveau_compte__numero")
    )
    return dict(derniers)


def engagements_annotes() -> QuerySet:
    """The engagements with their exercise and account selected, annotated with
    `ordonne` (the orders issued on them, abandoned, withdrawn or replaced ones
    aside) and `restant` (the amount engaged less that), in one query."""
    ordonne = (
        OrdreDepense.objects.filter(engagement_id=OuterRef("pk"))
        .exclude(etat__in=ETATS_SANS_CONSOMMATION)
        .order_by()
        .values("engagement_id")
        .annotate(s=Sum("montant"))
        .values("s")[:1]
    )
    return (
        Engagement.objects.select_related("exercice", "compte_imputation")
        .annotate(
            ordonne=Coalesce(
                Subquery(ordonne, output_field=MONTANT),
                Value(Decimal("0.00")),
                output_field=MONTANT,
            )
        )
        .annotate(restant=F("montant") - F("ordonne"))
    )


def engagements(*, limite: int = 200) -> QuerySet:
    """The engagements, newest first (at most `limite`), annotated as
    `engagements_annotes`."""
    return engagements_annotes().order_by("-id")[:limite]


def engage_restant(engagement) -> Decimal:
    """What may still be ordered on an engagement (its amount less the orders
    issued on it): the one rule, read by the services and the pages."""
    return engagements_annotes().get(pk=engagement.pk).restant
