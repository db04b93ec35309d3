"""The claims of the fund by age at 31 December (the annexe of the comptes
annuels, circ. 93/82 §IV; the restes à recouvrer of the compte financier).

What is owed is the one reste à recouvrer of `recettes.selectors` (an
order's lines: amount taken in charge, less the reductions taken in charge
that name the line, less the receipts allocated to it; the order's
regularising receipts and its reductions naming no line on its first line),
over every order taken in charge of the exercise or of an earlier one. That
reste is today's; the claims at 31 December add back what was recovered or
reduced after that day: the allocations made after it, the reductions whose
prise en charge entry is dated after it, the regularising receipts dated
after it. A claim's age runs from the date of the order's prise en charge
entry to 31 December, in the brackets below (the forfaitaire provision of
D253-17-4 rates the claims by their age).

Beside them, from the balance the statements are drawn from: the créances
douteuses (416) already among these claims, and their dépréciations (491).
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.money import ZERO
from ledger.models import Exercice
from recettes.models import OrdreRecette, Reduction
from recettes.selectors import ENCAISSEMENT_ENREGISTRE, ETATS_PRIS_EN_CHARGE, restes_par_ligne
from tresorerie.models import Affectation, Encaissement

# (label, months: a claim of this bracket is at most that old; None: older).
TRANCHES = [
    ("moins de 3 mois", 3),
    ("de 3 à 6 mois", 6),
    ("de 6 à 12 mois", 12),
    ("de 1 à 2 ans", 24),
    ("plus de 2 ans", None),
]


def _mois_avant(jour: datetime.date, mois: int) -> datetime.date:
    """The same day `mois` months earlier (the month's last day if shorter)."""
    annee, rang = divmod(jour.year * 12 + jour.month - 1 - mois, 12)
    dernier = calendar.monthrange(annee, rang + 1)[1]
    return datetime.date(annee, rang + 1, min(jour.day, dernier))


def tranche_de(date_creance: datetime.date, au: datetime.date) -> int:
    """The index in TRANCHES of a claim born on `date_creance`, seen on `au`."""
    for rang, (_libelle, mois) in enumerate(TRANCHES):
        if mois is not None and date_creance > _mois_avant(au, mois):
            return rang
    return len(TRANCHES) - 1


@dataclass
class Creance:
    """What one debtor's line of an order still owed on 31 December."""

    ordre: str
    debiteur: str
    compte: str
    date: datetime.date
    montant: Decimal
    tranche: int


@dataclass
class CreancesParAge:
    au: datetime.date
    creances: list[Creance]
    par_tranche: list[tuple[str, int, Decimal]]  # label, number of claims, amount
    total: Decimal
    douteuses: Decimal  # 416, debit balance
    depreciations: Decimal  # 491, credit balance
    par_debiteur: list[dict] = field(default_factory=list)

    @property
    def net(self) -> Decimal:
        return self.total - self.depreciations


def _apres(qs, champ_date: str, au: datetime.date, cle: str) -> dict:
    return dict(
        qs.filter(**{f"{champ_date}__gt": au})
        .values(cle)
        .annotate(s=Sum("montant"))
        .values_list(cle, "s")
        .order_by()
    )


def creances_par_age(exercice: Exercice, lignes_balance) -> CreancesParAge:
    """The claims at 31 December of `exercice` by age, with 416 and 491 read
    from `lignes_balance` (the rows of the balance the statements use)."""
    au = exercice.fin
    ordres = OrdreRecette.objects.filter(
        etat__in=ETATS_PRIS_EN_CHARGE, exercice__annee__lte=exercice.annee
    )
    lignes = list(
        restes_par_ligne(ordres).values(
            "pk",
            "ordre_id",
            "debiteur",
            "montant",
            "recouvre",
            "reduit_ligne",
            "regularise_ordre",
            "premiere",
            compte=F("ordre__compte_tiers__numero"),
            annee=F("ordre__exercice__annee"),
            numero=F("ordre__numero"),
            date_ecriture=F("ordre__ecriture__date"),
            pris_le=F("ordre__pris_en_charge_le"),
        )
    )
    ids_ordres = {lg["ordre_id"] for lg in lignes}
    # An allocation counts on the day of its entry (a surplus allocated
    # later has its own), else on the day of the receipt.
    affecte_apres = _apres(
        Affectation.objects.filter(ligne_id__in=[lg["pk"] for lg in lignes]).annotate(
            jour=Coalesce("ecriture__date", "encaissement__date")
        ),
        "jour",
        au,
        "ligne_id",
    )
    reductions = Reduction.objects.filter(
        ordre_id__in=ids_ordres, etat=Reduction.Etat.PRISE_EN_CHARGE
    )
    reduit_apres_ligne = _apres(
        reductions.filter(ligne__isnull=False), "ecriture__date", au, "ligne_id"
    )
    reduit_apres_ordre = _apres(
        reductions.filter(ligne__isnull=True), "ecriture__date", au, "ordre_id"
    )
    regularise_apres = _apres(
        Encaissement.objects.filter(
            Q(regularise_par_id__in=ids_ordres), etat=ENCAISSEMENT_ENREGISTRE
        ),
        "date",
        au,
        "regularise_par_id",
    )
    creances = []
    for lg in lignes:
        reste = (
            lg["montant"]
            - lg["reduit_ligne"]
            - lg["recouvre"]
            + affecte_apres.get(lg["pk"], ZERO)
            + reduit_apres_ligne.get(lg["pk"], ZERO)
        )
        if lg["premiere"]:
            reste += (
                reduit_apres_ordre.get(lg["ordre_id"], ZERO)
                - lg["regularise_ordre"]
                + regularise_apres.get(lg["ordre_id"], ZERO)
            )
        if reste == 0:
            continue
        date = lg["date_ecriture"] or _date_locale(lg["pris_le"]) or au
        date = min(date, au)
        creances.append(
            Creance(
                ordre=f"{lg['annee']}-{lg['numero']:05d}",
                debiteur=lg["debiteur"][:120],
                compte=lg["compte"],
                date=date,
                montant=reste,
                tranche=tranche_de(date, au),
            )
        )
    creances.sort(key=lambda c: (c.date, c.ordre, c.debiteur))
    par_tranche = []
    for rang, (libelle, _mois) in enumerate(TRANCHES):
        dedans = [c for c in creances if c.tranche == rang]
        par_tranche.append((libelle, len(dedans), sum((c.montant for c in dedans), ZERO)))
    douteuses = sum(
        (lg.solde_debit - lg.solde_credit for lg in lignes_balance if lg.numero.startswith("416")),
        ZERO,
    )
    depreciations = sum(
        (lg.solde_credit - lg.solde_debit for lg in lignes_balance if lg.numero.startswith("491")),
        ZERO,
    )
    return CreancesParAge(
        au=au,
        creances=creances,
        par_tranche=par_tranche,
        total=sum((c.montant for c in creances), ZERO),
        douteuses=douteuses,
        depreciations=depreciations,
        par_debiteur=_par_debiteur(creances),
    )


def _par_debiteur(creances: list[Creance]) -> list[dict]:
    """Per (account, debtor): the claims' total and its part over one year."""
    par_cle: dict[tuple[str, str], dict] = {}
    for c in creances:
        d = par_cle.setdefault(
            (c.compte, c.debiteur),
            {
                "compte": c.compte,
                "debiteur": c.debiteur,
                "ordres": set(),
                "total": ZERO,
                "plus_d_un_an": ZERO,
            },
        )
        d["ordres"].add(c.ordre)
        d["total"] += c.montant
        if c.tranche >= 3:
            d["plus_d_un_an"] += c.montant
    debiteurs = sorted(par_cle.values(), key=lambda d: (-d["total"], d["compte"], d["debiteur"]))
    for d in debiteurs:
        d["ordres"] = len(d["ordres"])
    return debiteurs


def _date_locale(instant):
    return timezone.localtime(instant).date() if instant else None
