"""The review, at the inventory of N, of the provisions carried from N−1 by the
à-nouveaux (D253-17-4, D253-19-3): each provision is assessed anew; its fall
or its end (the claim collected or written off) is a reprise, 491 or 151 /
781, its rise a complementary dotation, 6817 / 491 or 6815 / 151.

The provisions carried are read from the états of N−1: what its inventory
constituted (provisions pour dépréciation, pour risques et charges) plus
what its own review kept, per provision account, debtor and label. The
chart has no 7815 / 7817: the reprises go to 781 (reprises sur
amortissements, dépréciations et provisions).

One act of the agent comptable in the période complémentaire of N, once per
exercise (PostgreSQL keeps it once, migration 0003), justified by its
numbered état: each provision's previous amount, the new one and the
movement, with the method of the new assessment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import ZERO, format_euros, montant
from inventaire.models import ArticleEtat, EtatInventaire
from ledger.models import Exercice, Ligne
from ledger.services.cloture import a_nouveaux_passes
from recettes.selectors import restes_par_debiteur

Nature = EtatInventaire.Nature
COMPTE_REPRISE = "781"
CONSTITUTIONS = (Nature.PROVISIONS_DEPRECIATION, Nature.PROVISIONS_RISQUES)


@dataclass
class ProvisionEnCours:
    """A provision carried into N: its account, the charge account its
    dotations go to, its debtor (if assessed debtor by debtor), its label and
    amount; for a debtor's provision, what he still owes."""

    rang: int
    compte: str
    compte_dotation: str
    tiers: str
    libelle: str
    montant: Decimal
    etats: list[str]
    reste_du: Decimal | None = None

    @property
    def propose(self) -> Decimal:
        """The new amount the page proposes: the same, capped at what is owed."""
        if self.reste_du is None:
            return self.montant
        return max(min(self.montant, self.reste_du), ZERO)


@dataclass(frozen=True)
class Revue:
    """The new assessment of the provision of rank `rang`."""

    rang: int
    nouveau: Decimal | str


def _restes_dus() -> dict[str, Decimal]:
    """What each debtor still owes on the cotisants' accounts (411x), whatever
    the 416 transfer: it is the claim the dépréciation bears on."""
    restes: dict[str, Decimal] = {}
    for reste in restes_par_debiteur():
        if reste.compte.startswith("411"):
            restes[reste.debiteur] = restes.get(reste.debiteur, ZERO) + reste.reste
    return restes


def provisions_a_revoir(exercice: Exercice) -> list[ProvisionEnCours]:
    """The provisions the à-nouveaux carried into `exercice`: those constituted
    by the inventory of N−1 and those its review kept, per (account, debtor,
    label), in the order of their first état."""
    precedent = Exercice.objects.filter(annee=exercice.annee - 1).first()
    if precedent is None:
        return []
    articles = (
        ArticleEtat.objects.filter(etat__exercice=precedent)
        .filter(etat__nature__in=(*CONSTITUTIONS, Nature.REVUE_PROVISIONS))
        .select_related("etat__exercice")
        .order_by("etat__numero", "rang")
    )
    provisions: dict[tuple[str, str, str], ProvisionEnCours] = {}
    for a in articles:
        if a.etat.nature == Nature.REVUE_PROVISIONS:
            compte, somme = a.compte_provision, a.nouveau
            dotation = a.compte_debit if a.compte_credit == compte else _dotation(compte)
        elif a.pour_memoire:
            continue
        else:
            compte, somme, dotation = a.compte_credit, a.montant, a.compte_debit
        if not somme:
            continue
        cle = (compte, a.tiers, a.libelle)
        provision = provisions.get(cle)
        if provision is None:
            provision = provisions[cle] = ProvisionEnCours(
                len(provisions) + 1, compte, dotation, a.tiers, a.libelle, ZERO, []
            )
        provision.montant += somme
        if a.etat.reference not in provision.etats:
            provision.etats.append(a.etat.reference)
    en_cours = list(provisions.values())
    if any(p.tiers and p.compte.startswith("49") for p in en_cours):
        restes = _restes_dus()
        for p in en_cours:
            if p.tiers and p.compte.startswith("49"):
                p.reste_du = restes.get(p.tiers, ZERO)
    return en_cours


def _dotation(compte: str) -> str:
    return "6815" if compte.startswith("15") else "6817"


def revue_faite(exercice: Exercice) -> EtatInventaire | None:
    return EtatInventaire.objects.filter(exercice=exercice, nature=Nature.REVUE_PROVISIONS).first()


def _solde_crediteur(exercice: Exercice, compte: str) -> Decimal:
    totaux = Ligne.objects.filter(ecriture__exercice=exercice, compte__numero=compte).aggregate(
        c=Sum("credit"), d=Sum("debit")
    )
    return (totaux["c"] or ZERO) - (totaux["d"] or ZERO)


def articles_de_revue(
    exercice: Exercice, revues: Sequence[Revue]
) -> tuple[list[ArticleEtat], list[ProvisionEnCours]]:
    """The items of the review: one per provision carried, its movement
    posted or, unchanged, for memory. Refused: nothing to review, a review
    twice, an unknown rank, a dépréciation above the claim, a reprise above
    what the ledger carries."""
    precedente = revue_faite(exercice)
    if precedente is not None:
        raise TransitionInterdite(
            f"Les provisions reprises en à-nouveaux ont déjà été revues à l'inventaire "
            f"{exercice.annee} (état n° {precedente.reference}) : une correction se fait "
            "par un nouvel état de provision."
        )
    if not a_nouveaux_passes(exercice.annee):
        raise TransitionInterdite(
            f"Les à-nouveaux de l'exercice {exercice.annee} ne sont pas passés : les provisions "
            f"de {exercice.annee - 1} n'y sont pas encore reprises."
        )
    en_cours = provisions_a_revoir(exercice)
    if not en_cours:
        raise DonneeInvalide(
            f"Aucune provision de l'exercice {exercice.annee - 1} n'est reprise en à-nouveaux : "
            "il n'y a rien à revoir."
        )
    par_rang = {p.rang: p for p in en_cours}
    nouveaux: dict[int, Decimal] = {}
    for revue in revues:
        if revue.rang not in par_rang:
            raise DonneeInvalide(f"La provision n° {revue.rang} n'est pas à revoir cette année.")
        nouveaux[revue.rang] = montant(
            revue.nouveau,
            libelle=f"Provision n° {revue.rang} : le nouveau montant",
            strictement_positif=False,
        )
    articles, reprises = [], {}
    for p in en_cours:
        nouveau = nouveaux.get(p.rang, p.montant)
        if p.reste_du is not None and nouveau > p.reste_du:
            raise DonneeInvalide(
                f"Provision n° {p.rang} : {p.tiers} ne doit plus que {format_euros(p.reste_du)} ; "
                "la dépréciation ne dépasse pas la créance (D253-17-4)."
            )
        article = ArticleEtat(
            libelle=p.libelle,
            tiers=p.tiers,
            compte_provision=p.compte,
            precedent=p.montant,
            nouveau=nouveau,
        )
        if nouveau == p.montant:
            article.compte_debit = article.compte_credit = p.compte
            article.montant, article.pour_memoire = p.montant, True
        elif nouveau < p.montant:
            article.compte_debit, article.compte_credit = p.compte, COMPTE_REPRISE
            article.montant = p.montant - nouveau
            reprises[p.compte] = reprises.get(p.compte, ZERO) + article.montant
        else:
            article.compte_debit, article.compte_credit = p.compte_dotation, p.compte
            article.montant = nouveau - p.montant
        articles.append(article)
    if all(a.pour_memoire for a in articles):
        raise DonneeInvalide(
            "Aucune provision ne change de montant : elles restent au bilan pour ce qu'elles "
            "étaient, il n'y a ni reprise ni dotation à comptabiliser."
        )
    for compte, reprise in sorted(reprises.items()):
        solde = _solde_crediteur(exercice, compte)
        if reprise > solde:
            raise DonneeInvalide(
                f"Le compte {compte} ne porte que {format_euros(solde)} en {exercice.annee} : "
                f"on n'en reprend pas {format_euros(reprise)}."
            )
    return articles, en_cours
