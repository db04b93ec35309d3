"""Reads of the inventory: the états of an exercise, and what the orders propose
to the agent comptable (the restes à recouvrer per debtor for the créances
douteuses and the provisions, the visaed ordres de dépense unpaid on
31 December for the charges à payer)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from core.money import ZERO
from depenses.models import OrdreDepense
from inventaire.models import ArticleEtat, ContrepassationInventaire, EtatInventaire
from ledger.models import Exercice
from recettes.selectors import ResteDebiteur, restes_par_debiteur

# Nature → (article, what the état is).
ARTICLES = {
    EtatInventaire.Nature.PRODUITS_A_RECEVOIR: "D253-17-2",
    EtatInventaire.Nature.CREANCES_DOUTEUSES: "D253-17-3",
    EtatInventaire.Nature.PROVISIONS_DEPRECIATION: "D253-17-4",
    EtatInventaire.Nature.CHARGES_A_PAYER: "D253-19-2",
    EtatInventaire.Nature.PROVISIONS_RISQUES: "D253-19-3",
    EtatInventaire.Nature.REVUE_PROVISIONS: "D253-17-4, D253-19-3",
}
# What the reversal of N+1 takes back.
A_CONTREPASSER = (
    EtatInventaire.Nature.PRODUITS_A_RECEVOIR,
    EtatInventaire.Nature.CHARGES_A_PAYER,
)


def etats(exercice: Exercice) -> QuerySet[EtatInventaire]:
    return (
        EtatInventaire.objects.filter(exercice=exercice)
        .select_related("exercice", "ecriture__journal", "etabli_par")
        .order_by("numero")
    )


def etats_tous() -> QuerySet[EtatInventaire]:
    return EtatInventaire.objects.select_related("exercice", "ecriture__journal", "etabli_par")


def contrepassation(exercice: Exercice) -> ContrepassationInventaire | None:
    return (
        ContrepassationInventaire.objects.select_related("ecriture__journal", "par")
        .filter(exercice=exercice)
        .first()
    )


def deja_transfere(exercice: Exercice) -> dict[tuple[str, str], Decimal]:
    """Per (411x account, debtor), what the états of `exercice` already moved to 416."""
    lignes = (
        ArticleEtat.objects.filter(
            etat__exercice=exercice,
            etat__nature=EtatInventaire.Nature.CREANCES_DOUTEUSES,
            pour_memoire=False,
        )
        .values("compte_credit", "tiers")
        .annotate(total=Sum("montant"))
    )
    return {(lg["compte_credit"], lg["tiers"]): lg["total"] for lg in lignes}


def creances_proposees(exercice: Exercice) -> list[ResteDebiteur]:
    """The debtors of the cotisants' accounts (411) with something left to
    recover, less what this inventory already transferred to 416: what the
    agent comptable weighs for the créances douteuses (D253-17-3) and the
    provisions debtor by debtor (D253-17-4)."""
    transfere = deja_transfere(exercice)
    proposees = []
    for reste in restes_par_debiteur(seulement_non_soldes=True):
        if not reste.compte.startswith("411"):
            continue
        reste.recouvre += transfere.get((reste.compte, reste.debiteur), ZERO)
        if reste.reste > 0:
            proposees.append(reste)
    return proposees


def reste_du(exercice: Exercice, compte: str, debiteur: str) -> Decimal:
    """What a debtor still owes on a cotisants' account, less what this
    inventory already transferred."""
    for reste in creances_proposees(exercice):
        if reste.compte == compte and reste.debiteur == debiteur[:120]:
            return reste.reste
    return ZERO


@dataclass(frozen=True)
class OrdreNonPaye:
    reference: str
    objet: str
    compte_charge: str
    compte_tiers: str
    montant: Decimal


def ordres_vises_non_payes(exercice: Exercice) -> list[OrdreNonPaye]:
    """The ordres de dépense of `exercice` visaed and still unpaid on
    31 December: their charge and debt are already posted (at the visa); the
    état of the charges à payer lists them for memory (D253-19-2)."""
    fin = exercice.fin
    ordres = (
        OrdreDepense.objects.filter(exercice=exercice)
        .filter(Q(etat=OrdreDepense.Etat.VISE) | Q(etat=OrdreDepense.Etat.PAYE, paye_le__gt=fin))
        .select_related("exercice", "compte_imputation", "compte_tiers")
        .order_by("numero")
    )
    return [
        OrdreNonPaye(
            reference=o.reference,
            objet=o.objet,
            compte_charge=o.compte_imputation.numero,
            compte_tiers=o.compte_tiers.numero,
            montant=o.montant,
        )
        for o in ordres
    ]


def totaux_par_nature(exercice: Exercice) -> dict[str, Decimal]:
    lignes = (
        EtatInventaire.objects.filter(exercice=exercice)
        .values("nature")
        .annotate(total=Sum("total"))
    )
    return {lg["nature"]: lg["total"] for lg in lignes}
