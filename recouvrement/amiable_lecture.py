"""Reading the amicable recovery: which claims are due and unpaid, where each
échéancier stands on a day, and the journal of a claim.

- A claim is due (« exigible ») from its order's échéance, or, when the order
  gives none, from the day it was taken in charge; it is late — and may be
  reminded — from the day after.
- The reste à recouvrer of a claim is the reste of its debtor's line
  (`recettes.selectors.restes_par_ligne`: amount less reductions taken in
  charge less receipts allocated to it through the treasury).
- An échéancier is followed by setting what was paid since the grant
  against its instalments in date order: an instalment whose date is past
  and which is not covered is in default the day after its date
  (circ. 93/82 §2.0.5: the failures go to the directeur).
- What was paid since the grant is the fall of the reste: the amount the
  delay spreads (`DelaiPaiement.montant`, the reste at the very moment of
  the grant) less the reste on the day looked at. So a receipt allocated the
  same morning, before the grant, is not counted twice (it was already out of
  the spread amount), and only what came after the grant pays the
  instalments. A reduction of the line taken in charge after the grant
  (ordre de réduction, remise gracieuse, admission en non-valeur…) lowers
  the reste in the same way: it counts as paying the instalments, the
  earliest first — the debtor owes that much less, and what is left of the
  échéancier still sums to what he owes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from core.money import ZERO
from recettes.models import LigneOrdreRecette, Reduction
from recettes.selectors import reductions_de_la_ligne, restes_par_ligne
from recouvrement.models import Acte, Creance, DelaiPaiement, Echeance
from recouvrement.services import ETATS_SUIVIS, NATURES_DU_DIRECTEUR
from tresorerie.models import Affectation


def exigible_le(ligne: LigneOrdreRecette) -> datetime.date | None:
    """The day the line is due: its order's échéance, else the day it was
    taken in charge."""
    ordre = ligne.ordre
    if ordre.date_echeance is not None:
        return ordre.date_echeance
    if ordre.pris_en_charge_le is not None:
        # The fund's day (Europe/Paris), not the UTC day of the instant.
        return timezone.localdate(ordre.pris_en_charge_le)
    return None


def reste_de(ligne: LigneOrdreRecette) -> Decimal:
    """The reste à recouvrer of a debtor's line (one query)."""
    return (
        restes_par_ligne([ligne.ordre_id]).filter(pk=ligne.pk).values_list("reste", flat=True).get()
    )


def reste_au(ligne: LigneOrdreRecette, le: datetime.date, reste: Decimal | None = None) -> Decimal:
    """The reste of the line at the end of `le`: today's reste (`reste` when
    the caller already has it), plus the allocations recorded and the
    reductions taken in charge after that day."""
    if reste is None:
        reste = reste_de(ligne)
    fin = timezone.make_aware(
        datetime.datetime.combine(le + datetime.timedelta(days=1), datetime.time.min)
    )
    apres = (
        Affectation.objects.filter(ligne_id=ligne.pk, le__gte=fin).aggregate(s=Sum("montant"))["s"]
        or ZERO
    )
    reduit = (
        reductions_de_la_ligne(ligne)
        .filter(etat=Reduction.Etat.PRISE_EN_CHARGE, ecriture__date__gt=le)
        .aggregate(s=Sum("montant"))["s"]
        or ZERO
    )
    return reste + apres + reduit


def paye_depuis(delai: DelaiPaiement, le: datetime.date, reste: Decimal | None = None) -> Decimal:
    """What was paid on the échéancier from its grant to `le` included: the
    amount spread less the reste at the end of `le` (receipts allocated after
    the grant, and reductions taken in charge after it)."""
    return max(delai.montant - reste_au(delai.creance.ligne, le, reste), ZERO)


@dataclass(frozen=True)
class EtatEcheance:
    echeance: Echeance
    couvert: Decimal
    statut: str  # « honorée », « à venir », « due aujourd'hui », « impayée »

    @property
    def rang(self) -> int:
        return self.echeance.rang

    @property
    def le(self) -> datetime.date:
        return self.echeance.le

    @property
    def montant(self) -> Decimal:
        return self.echeance.montant

    @property
    def manque(self) -> Decimal:
        return self.echeance.montant - self.couvert

    @property
    def en_defaut(self) -> bool:
        return self.statut == IMPAYEE


HONOREE = "honorée"
A_VENIR = "à venir"
DUE = "due aujourd'hui"
IMPAYEE = "impayée"


@dataclass(frozen=True)
class SuiviEcheancier:
    delai: DelaiPaiement
    le: datetime.date
    paye: Decimal
    echeances: list[EtatEcheance] = field(default_factory=list)

    @property
    def en_defaut(self) -> bool:
        return any(e.en_defaut for e in self.echeances)

    @property
    def premiere_impayee(self) -> EtatEcheance | None:
        return next((e for e in self.echeances if e.en_defaut), None)

    @property
    def prochaine(self) -> EtatEcheance | None:
        return next((e for e in self.echeances if e.statut in (A_VENIR, DUE)), None)

    @property
    def respecte(self) -> bool:
        """Running and honoured: what protects the claim from reminders and hand-over."""
        return self.delai.etat == DelaiPaiement.Etat.EN_COURS and not self.en_defaut


def suivi(delai: DelaiPaiement, le: datetime.date, reste: Decimal | None = None) -> SuiviEcheancier:
    """Where the échéancier stands on `le`: what was paid set against the
    instalments in date order. `reste`: the line's reste today, when the
    caller already has it."""
    paye = paye_depuis(delai, le, reste)
    reste_paye = paye
    etats = []
    for echeance in delai.echeances.order_by("le", "rang"):
        couvert = min(echeance.montant, max(reste_paye, ZERO))
        reste_paye -= couvert
        if couvert == echeance.montant:
            statut = HONOREE
        elif echeance.le < le:
            statut = IMPAYEE
        elif echeance.le == le:
            statut = DUE
        else:
            statut = A_VENIR
        etats.append(EtatEcheance(echeance, couvert, statut))
    return SuiviEcheancier(delai, le, paye, etats)


def delai_en_cours(creance: Creance) -> DelaiPaiement | None:
    return creance.delais.filter(etat=DelaiPaiement.Etat.EN_COURS).first()


def derniere_relance(creance: Creance) -> int:
    return max(creance.relances.values_list("rang", flat=True), default=0)


@dataclass
class CreanceSuivie:
    """A claim due and unpaid, as the page of amicable recovery lists it."""

    ligne: LigneOrdreRecette
    reste: Decimal
    exigible: datetime.date | None
    creance: Creance | None
    dernier_acte: Acte | None = None
    suivi: SuiviEcheancier | None = None
    rang: int = 0

    @property
    def responsable(self) -> str:
        if self.creance is not None:
            return self.creance.responsable
        if self.ligne.ordre.nature in NATURES_DU_DIRECTEUR:
            return Creance.Responsable.DIRECTEUR
        return Creance.Responsable.COMPTABLE

    @property
    def stade(self) -> str:
        return self.creance.stade_lu(self.reste) if self.creance else "prise en charge"

    @property
    def transmise(self) -> bool:
        return self.creance is not None and self.creance.transmise_le is not None

    @property
    def debiteur(self) -> str:
        return self.ligne.debiteur


def creances_impayees(
    le: datetime.date, *, responsable: str | None = None, transmises: bool = False
) -> list[CreanceSuivie]:
    """The debtors' lines taken in charge, due before `le` and not paid
    (reste > 0), with their recovery file when one was opened, soonest due
    first. `responsable`: only the agent comptable's or the directeur's;
    transmitted claims are left out unless `transmises`."""
    lignes = [
        lg
        for lg in restes_par_ligne().filter(ordre__etat__in=ETATS_SUIVIS, reste__gt=0)
        if (ex := exigible_le(lg)) is not None and ex < le
    ]
    creances = {
        c.ligne_id: c
        for c in Creance.objects.filter(ligne__in=[lg.pk for lg in lignes]).select_related(
            "debiteur"
        )
    }
    # The last act per claim, read in one query (PostgreSQL DISTINCT ON).
    derniers: dict[int, Acte] = {
        acte.creance_id: acte
        for acte in Acte.objects.filter(creance__in=creances.values())
        .order_by("creance_id", "-le", "-id")
        .distinct("creance_id")
    }
    rangs: dict[int, int] = {}
    for c_id, rang in Creance.objects.filter(pk__in=[c.pk for c in creances.values()]).values_list(
        "pk", "relances__rang"
    ):
        rangs[c_id] = max(rangs.get(c_id, 0), rang or 0)
    delais = {
        d.creance_id: d
        for d in DelaiPaiement.objects.filter(
            creance__in=creances.values(), etat=DelaiPaiement.Etat.EN_COURS
        ).select_related("creance__ligne__ordre")
    }
    resultat = []
    for lg in lignes:
        creance = creances.get(lg.pk)
        suivie = CreanceSuivie(lg, lg.reste, exigible_le(lg), creance)
        if creance is not None:
            suivie.dernier_acte = derniers.get(creance.pk)
            suivie.rang = rangs.get(creance.pk, 0)
            if creance.pk in delais:
                suivie.suivi = suivi(delais[creance.pk], le, lg.reste)
        if responsable is not None and suivie.responsable != responsable:
            continue
        if suivie.transmise and not transmises:
            continue
        if creance is not None and creance.stade in Creance.STADES_CONTENTIEUX and not transmises:
            continue
        resultat.append(suivie)
    return sorted(resultat, key=lambda s: (s.exigible, s.debiteur.lower(), s.ligne.pk))


def journal(creance: Creance):
    """The acts of a claim, in order (the situation individuelle reads the same rows)."""
    return creance.actes.select_related("auteur").order_by("le", "id")
