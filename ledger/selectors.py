"""Reads of the ledger: the balance générale, the grand livre, the journals.

The balance reads the daily totals (`ledger_cumul`) that the line trigger
keeps, so its cost grows with accounts × days, not with the number of lines.
`verifier_integrite` checks those totals against the lines themselves.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.query import ModelIterable

from core import horloge
from core.money import ZERO
from core.replique import connexion_lecture
from ledger.models import Compte, Compteur, Ecriture, Exercice, Journal, Ligne


@dataclass
class LigneBalance:
    numero: str
    libelle: str
    classe: int
    ouverture_debit: Decimal = ZERO
    ouverture_credit: Decimal = ZERO
    mouvement_debit: Decimal = ZERO
    mouvement_credit: Decimal = ZERO
    solde_debit: Decimal = ZERO
    solde_credit: Decimal = ZERO

    def ajouter(self, autre: LigneBalance) -> None:
        for nom in COLONNES:
            setattr(self, nom, getattr(self, nom) + getattr(autre, nom))


COLONNES = (
    "ouverture_debit",
    "ouverture_credit",
    "mouvement_debit",
    "mouvement_credit",
    "solde_debit",
    "solde_credit",
)


@dataclass
class Balance:
    exercice: Exercice
    du: datetime.date
    au: datetime.date
    classe: int | None
    lignes: list[LigneBalance]
    totaux: LigneBalance
    totaux_par_classe: dict[int, LigneBalance] = field(default_factory=dict)

    @property
    def equilibree(self) -> bool:
        t = self.totaux
        return (
            t.ouverture_debit == t.ouverture_credit
            and t.mouvement_debit == t.mouvement_credit
            and t.solde_debit == t.solde_credit
        )


def _net(debit: Decimal, credit: Decimal) -> tuple[Decimal, Decimal]:
    difference = debit - credit
    return (difference, ZERO) if difference > 0 else (ZERO, -difference)


def balance_generale(
    *,
    exercice: Exercice,
    du: datetime.date | None = None,
    au: datetime.date | None = None,
    classe: int | None = None,
) -> Balance:
    """Balance générale (circ. 93/82 §3.2): per account, opening balance,
    movements of the period and closing balance, each as debit or credit.

    The opening balance is the à-nouveaux plus every movement before `du`;
    the movements are the other lines from `du` to `au`.
    """
    du = du or exercice.debut
    au = au or exercice.fin
    # The replica's connection for an auditor (core.replique).
    with connexion_lecture().cursor() as curseur:
        curseur.execute(
            """
            SELECT c.numero, c.libelle, c.classe,
                   coalesce(sum(k.debit) FILTER (WHERE k.a_nouveau OR k.date < %(du)s), 0),
                   coalesce(sum(k.credit) FILTER (WHERE k.a_nouveau OR k.date < %(du)s), 0),
                   coalesce(sum(k.debit) FILTER (WHERE NOT k.a_nouveau AND k.date >= %(du)s), 0),
                   coalesce(sum(k.credit) FILTER (WHERE NOT k.a_nouveau AND k.date >= %(du)s), 0)
              FROM ledger_cumul k
              JOIN ledger_compte c ON c.id = k.compte_id
             WHERE k.exercice_id = %(exercice)s AND k.date <= %(au)s
               AND (%(classe)s::int IS NULL OR c.classe = %(classe)s::int)
             GROUP BY c.numero, c.libelle, c.classe
             ORDER BY c.numero
            """,
            {"exercice": exercice.pk, "du": du, "au": au, "classe": classe},
        )
        resultats = curseur.fetchall()
    lignes = []
    totaux = LigneBalance("", "Total général", 0)
    par_classe: dict[int, LigneBalance] = {}
    for numero, libelle, cl, od, oc, md, mc in resultats:
        ouverture_debit, ouverture_credit = _net(od, oc)
        solde_debit, solde_credit = _net(od + md, oc + mc)
        ligne = LigneBalance(
            numero,
            libelle,
            cl,
            ouverture_debit,
            ouverture_credit,
            md,
            mc,
            solde_debit,
            solde_credit,
        )
        if not any(getattr(ligne, nom) for nom in COLONNES):
            continue
        lignes.append(ligne)
        totaux.ajouter(ligne)
        par_classe.setdefault(cl, LigneBalance("", f"Total classe {cl}", cl)).ajouter(ligne)
    return Balance(exercice, du, au, classe, lignes, totaux, par_classe)


@dataclass
class LigneGrandLivre:
    date: datetime.date
    journal: str
    numero: int
    ecriture_id: int
    libelle: str
    tiers: str
    debit: Decimal
    credit: Decimal
    solde: Decimal


def grand_livre(
    *,
    exercice: Exercice,
    compte_numero: str,
    du: datetime.date | None = None,
    au: datetime.date | None = None,
) -> tuple[Decimal, list[LigneGrandLivre]]:
    """Lines of one account (and its sub-accounts) with the running balance
    (debit minus credit), after the opening balance at `du`."""
    du = du or exercice.debut
    au = au or exercice.fin
    # The replica's connection for an auditor (core.replique).
    with connexion_lecture().cursor() as curseur:
        curseur.execute(
            """
            SELECT coalesce(sum(k.debit - k.credit), 0)
              FROM ledger_cumul k JOIN ledger_compte c ON c.id = k.compte_id
             WHERE k.exercice_id = %(exercice)s AND c.numero LIKE %(prefixe)s
               AND (k.a_nouveau OR k.date < %(du)s)
            """,
            {"exercice": exercice.pk, "prefixe": f"{compte_numero}%", "du": du},
        )
        ouverture = curseur.fetchone()[0]
        curseur.execute(
            """
            SELECT e.date, j.code, e.numero, e.id, coalesce(nullif(l.libelle, ''), e.libelle), l.tiers,
                   l.debit, l.credit,
                   %(ouverture)s + sum(l.debit - l.credit) OVER (ORDER BY e.date, e.id, l.id)
              FROM ledger_ligne l
              JOIN ledger_compte c ON c.id = l.compte_id
              JOIN ledger_ecriture e ON e.id = l.ecriture_id
              JOIN ledger_journal j ON j.id = e.journal_id
             WHERE c.numero LIKE %(prefixe)s AND e.exercice_id = %(exercice)s
               AND NOT j.a_nouveaux AND e.date BETWEEN %(du)s AND %(au)s
             ORDER BY e.date, e.id, l.id
            """,
            {
                "exercice": exercice.pk,
                "prefixe": f"{compte_numero}%",
                "du": du,
                "au": au,
                "ouverture": ouverture,
            },
        )
        lignes = [LigneGrandLivre(*ligne) for ligne in curseur.fetchall()]
    return ouverture, lignes


def ecritures(
    *,
    exercice: Exercice | None = None,
    journal: Journal | None = None,
    du: datetime.date | None = None,
    au: datetime.date | None = None,
) -> QuerySet[Ecriture]:
    """Entries with their lines, in journal order (the journal as a book)."""
    qs = Ecriture.objects.select_related("exercice", "journal", "passee_par").prefetch_related(
        Prefetch("lignes", queryset=Ligne.objects.select_related("compte").order_by("id"))
    )
    return _filtrer_ecritures(qs, exercice=exercice, journal=journal, du=du, au=au)


def ecritures_api(
    *,
    exercice: Exercice | None = None,
    journal: Journal | None = None,
    du: datetime.date | None = None,
    au: datetime.date | None = None,
    lignes_max: int | None = None,
) -> QuerySet[Ecriture]:
    """The entries as the API answers them (`ledger.api.EcritureSerializer`): the
    rows, filters and order of `ecritures`, the lines as a list (`lignes_lues`)
    rather than a related manager and a queryset built per entry; at most
    `lignes_max` of each entry's lines, the number of all in `nombre_lignes`."""
    if lignes_max is not None:
        qs = _EcrituresPremieresLignes(Ecriture, lignes_max=lignes_max)
    else:
        qs = Ecriture.objects.prefetch_related(
            Prefetch(
                "lignes",
                queryset=Ligne.objects.select_related("compte").order_by("id"),
                to_attr="lignes_lues",
            )
        )
    qs = qs.select_related("exercice", "journal", "passee_par").annotate(
        nombre_lignes=_NOMBRE_LIGNES
    )
    return _filtrer_ecritures(qs, exercice=exercice, journal=journal, du=du, au=au)


# A list shows at most this many lines of each entry (a payment lot's entry
# may have ten thousand: bench/http), and says how many there are.
LIGNES_PAR_ECRITURE = 20

# The entry's number of lines, read on the index of its partition (ledger_ligne
# is partitioned by exercise; the entry's exercise prunes the others).
_NOMBRE_LIGNES = Subquery(
    Ligne.objects.filter(ecriture=OuterRef("pk"), exercice=OuterRef("exercice"))
    .order_by()
    .values("ecriture")
    .annotate(n=Count("*"))
    .values("n")
)


def ecritures_page(
    *,
    exercice: Exercice | None = None,
    journal: Journal | None = None,
    du: datetime.date | None = None,
    au: datetime.date | None = None,
) -> QuerySet[Ecriture]:
    """The entries as the journals' page shows them: the filters and order of
    `ecritures`, only the columns the page prints (number, date, label, the
    exercise's year, the journal's code) and, for each line, its account's
    number and label, its tiers, debit and credit. The lines are a list in
    `lignes_lues` (no related manager nor queryset built per entry), the first
    `LIGNES_PAR_ECRITURE` of each entry; `nombre_lignes` counts them all."""
    qs = (
        _EcrituresPremieresLignes(Ecriture, lignes_max=LIGNES_PAR_ECRITURE)
        .select_related("exercice", "journal")
        .only("numero", "date", "libelle", "exercice__annee", "journal__code")
        .annotate(nombre_lignes=_NOMBRE_LIGNES)
    )
    return _filtrer_ecritures(qs, exercice=exercice, journal=journal, du=du, au=au)


# The first lines of each entry of a list, `%s` at most, in one query: for each
# entry, its lines read on the index of its partition, in their order, up to
# the limit. A window (ROW_NUMBER() OVER (PARTITION BY the entry)), which
# Django's sliced Prefetch sends, numbers every line of every entry of the page
# first: a payment lot's entry of 10 000 lines made the page's lines 15 ms
# against 2.6 ms here (bench/http, 20 000 ordres de dépense paid).
_PREMIERES_LIGNES = """
SELECT l.*
FROM unnest(%s::bigint[], %s::bigint[]) WITH ORDINALITY AS e(id, exercice_id, rang)
CROSS JOIN LATERAL (
    SELECT * FROM (
        SELECT * FROM ledger_ligne l
        WHERE l.ecriture_id = e.id AND l.exercice_id = e.exercice_id
        OFFSET 0
    ) l
    ORDER BY l.id
    LIMIT %s
) l
ORDER BY e.rang, l.id
"""


def lire_premieres_lignes(ecritures: list[Ecriture], nombre: int, base: str) -> None:
    """Each entry's first `nombre` lines, as a list in `lignes_lues`, each with
    its account; two queries (the lines, then their accounts) whatever the
    number of entries."""
    for ecriture in ecritures:
        ecriture.lignes_lues = []
    if not ecritures:
        return
    par_id = {ecriture.pk: ecriture for ecriture in ecritures}
    lignes = list(
        Ligne.objects.using(base).raw(
            _PREMIERES_LIGNES,
            [list(par_id), [e.exercice_id for e in par_id.values()], nombre],
        )
    )
    comptes = Compte.objects.using(base).in_bulk({ligne.compte_id for ligne in lignes})
    for ligne in lignes:
        ligne.compte = comptes[ligne.compte_id]
        par_id[ligne.ecriture_id].lignes_lues.append(ligne)


class _EcrituresPremieresLignes(QuerySet):
    """Entries whose rows, once read, carry their first `lignes_max` lines in
    `lignes_lues` (`lire_premieres_lignes`); a queryset still, which the
    pagination filters, slices and counts as any other."""

    def __init__(self, model=None, query=None, using=None, hints=None, *, lignes_max=None):
        super().__init__(model, query, using, hints)
        self.lignes_max = lignes_max

    def _clone(self):
        copie = super()._clone()
        copie.lignes_max = self.lignes_max
        return copie

    def _fetch_all(self):
        a_lire = self._result_cache is None and self._iterable_class is ModelIterable
        super()._fetch_all()
        if a_lire and self.lignes_max:
            lire_premieres_lignes(self._result_cache, self.lignes_max, self.db)


class EcrituresParNumero:
    """The entries of an exercise (or of every exercise) and a journal (or of
    every journal), in the lists' order (exercise's year, journal's code,
    number), read a page at a time through their numbers.

    Numbers are continuous per exercise and journal, and each counter equals
    the highest number posted (guarantee 6, enforced by the database): the
    count is the sum of the counters, and the rows k to k + n are ranges of
    numbers read through the unique index (exercise, journal, number). Neither
    COUNT, nor sort, nor OFFSET: a page costs the same on the first day and on
    an exercise of five million entries. Sliced as a list is; Django's
    paginator and the API's take it as they take a queryset."""

    model = Ecriture  # what the OpenAPI schema reads from a list's rows

    def __init__(
        self,
        lignes: QuerySet[Ecriture],
        *,
        exercice: Exercice | None = None,
        journal: Journal | None = None,
    ):
        compteurs = Compteur.objects.filter(dernier_numero__gt=0)
        if exercice is not None:
            compteurs = compteurs.filter(exercice=exercice)
        if journal is not None:
            compteurs = compteurs.filter(journal=journal)
        self._lignes = lignes
        self._segments = list(
            compteurs.order_by("exercice__annee", "journal__code").values_list(
                "exercice_id", "journal_id", "dernier_numero"
            )
        )
        self._total = sum(n for _, _, n in self._segments)

    def count(self) -> int:
        return self._total

    def __len__(self) -> int:
        return self._total

    def __getitem__(self, tranche: slice) -> list[Ecriture]:
        if not isinstance(tranche, slice) or tranche.step not in (None, 1):
            raise TypeError("Les écritures se lisent par tranches continues.")
        debut, fin, _ = tranche.indices(self._total)
        plages = Q(pk__in=[])
        position = 0
        for exercice_id, journal_id, nombre in self._segments:
            if position >= fin:
                break
            if debut < position + nombre:
                plages |= Q(
                    exercice_id=exercice_id,
                    journal_id=journal_id,
                    numero__gt=max(debut - position, 0),
                    numero__lte=min(fin - position, nombre),
                )
            position += nombre
        if debut >= fin:
            return []
        # One query for the page, whatever the journals it spans (a range of
        # the unique index for each); the sort is of the page's rows alone.
        return list(
            self._lignes.filter(plages).order_by("exercice__annee", "journal__code", "numero")
        )


def ecritures_par_page(
    lignes: QuerySet[Ecriture],
    *,
    exercice: Exercice | None = None,
    journal: Journal | None = None,
    du: datetime.date | None = None,
    au: datetime.date | None = None,
) -> EcrituresParNumero | QuerySet[Ecriture]:
    """What the lists of entries paginate: `lignes` (the entries as a list
    shows them) read through their numbers when no date bounds the list; with
    a period, the entries of its dates, counted and sorted by the server."""
    if du is None and au is None:
        return EcrituresParNumero(lignes, exercice=exercice, journal=journal)
    return _filtrer_ecritures(lignes, exercice=exercice, journal=journal, du=du, au=au)


def exercice_par_defaut() -> Exercice | None:
    """The exercise a page shows before one is chosen: the one of today's
    date when it exists, else the latest."""
    return (
        Exercice.objects.filter(annee=horloge.aujourdhui().year).first()
        or Exercice.objects.order_by("-annee").first()
    )


def _filtrer_ecritures(qs: QuerySet, *, exercice, journal, du, au) -> QuerySet[Ecriture]:
    """`qs` filtered as the entries' lists filter, in journal order."""
    if exercice is not None:
        qs = qs.filter(exercice=exercice)
    if journal is not None:
        qs = qs.filter(journal=journal)
    if du is not None:
        qs = qs.filter(date__gte=du)
    if au is not None:
        qs = qs.filter(date__lte=au)
    return qs.order_by("exercice__annee", "journal__code", "numero")
