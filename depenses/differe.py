"""D133-2 al. 2: deferring a small arrear of benefits to the end of the exercise.

« Le montant [...] en deçà duquel les organismes [...] sont autorisés à
différer le paiement des créances [...] provenant d'une insuffisance ou d'un
non-versement de prestation [...]. Le versement différé doit intervenir au
plus tard à la fin de l'exercice comptable en cours » (article D133-2).

- Who: the directeur. The text lets the fund defer what it owes; deciding
  when the fund's debts are paid within the exercise is the ordonnateur's,
  who orders the payment (circ. 93/82 §2.1); the agent comptable pays the
  order visé, at the latest on 31 December of its exercise. The agent
  comptable is refused (separation of functions, circ. 93/82 §2.4.0).
- What: an ordre de dépense of benefits (gestion technique, nature
  « prestations »), not paid, retired, abandoned or replaced, whose every
  line (one beneficiary's arrear) is below the threshold in force today
  (`reglementation.selectors.seuil_d133_2`, the dated setting the abandon of
  al. 1 reads too), for an insufficiency or a non-payment of benefit.
- When: within its exercise; the payment is due by 31 December of it.
  What is deferred and not paid shows in what falls due
  (`recouvrement.amiable_echeances`), late from 1 January.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import DatabaseError, transaction

from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    DroitInsuffisant,
    TransitionInterdite,
    relever_erreur_base,
)
from core.money import format_euros
from core.verrous import verrouiller
from depenses.models import Gestion, Nature, OrdreDepense, PaiementDiffere
from personnes.models import Fonction
from personnes.selectors import fonctions_le
from reglementation.selectors import seuil_d133_2

ARTICLE = "article D133-2, alinéa 2"
REFUS_DIRECTEUR = (
    "Seul le directeur décide de différer à la fin de l'exercice le paiement d'un rappel de "
    f"prestation ({ARTICLE}) : l'agent comptable paie l'ordre visé au plus tard le 31 décembre."
)
ETATS_EXCLUS = (
    OrdreDepense.Etat.PAYE,
    OrdreDepense.Etat.RETIRE,
    OrdreDepense.Etat.ABANDONNE,
    OrdreDepense.Etat.REMPLACE,
)


def fin_exercice(annee: int) -> datetime.date:
    return datetime.date(annee, 12, 31)


@transaction.atomic
def _differer(*, acting_user, ordre, motif: str) -> PaiementDiffere:
    le = horloge.aujourdhui()
    if Fonction.DIRECTEUR not in fonctions_le(acting_user, le):
        raise DroitInsuffisant(REFUS_DIRECTEUR)
    ordre = verrouiller(
        OrdreDepense.objects.select_related("exercice"), getattr(ordre, "pk", ordre)
    )
    if motif not in PaiementDiffere.Motif.values:
        raise DonneeInvalide(
            "Indiquez si la créance provient d'une insuffisance ou d'un non-versement de "
            f"prestation ({ARTICLE})."
        )
    if ordre.gestion != Gestion.TECHNIQUE or ordre.nature != Nature.PRESTATION:
        raise DonneeInvalide(
            f"L'ordre de dépense n° {ordre.reference} est de nature « {ordre.get_nature_display()} » : "
            f"seul le paiement d'une créance provenant d'une insuffisance ou d'un non-versement de "
            f"prestation peut être différé ({ARTICLE})."
        )
    if ordre.etat in ETATS_EXCLUS:
        raise TransitionInterdite(
            f"L'ordre de dépense n° {ordre.reference} est {ordre.get_etat_display()} : son paiement "
            "ne peut plus être différé."
        )
    if PaiementDiffere.objects.filter(ordre=ordre).exists():
        raise TransitionInterdite(
            f"Le paiement de l'ordre de dépense n° {ordre.reference} est déjà différé à la fin de "
            "l'exercice."
        )
    echeance = fin_exercice(ordre.exercice.annee)
    if le > echeance:
        raise TransitionInterdite(
            f"L'exercice {ordre.exercice.annee} est terminé : le versement différé devait "
            f"intervenir au plus tard le {echeance:%d/%m/%Y} ({ARTICLE})."
        )
    seuil = seuil_d133_2(le)
    for ligne in ordre.lignes.order_by("id"):
        if ligne.montant >= seuil:
            raise DonneeInvalide(
                f"Le rappel de {ligne.creancier} sur l'ordre n° {ordre.reference} s'élève à "
                f"{format_euros(ligne.montant)} : il n'est pas en deçà du seuil de "
                f"{format_euros(seuil)} en vigueur le {le:%d/%m/%Y} ({ARTICLE}) ; son paiement "
                "ne peut être différé.",
                details={"montant": str(ligne.montant), "seuil": str(seuil), "le": le.isoformat()},
            )
    differe = PaiementDiffere.objects.create(
        ordre=ordre,
        motif=motif,
        exercice=ordre.exercice,
        echeance=echeance,
        seuil=seuil,
        decide_le=le,
        par=acting_user,
        qualite="Directeur",
    )
    audit(
        acting_user,
        "depenses.paiement_differer",
        ordre,
        apres={"motif": motif, "echeance": echeance, "seuil": seuil, "montant": ordre.montant},
    )
    return differe


def paiement_differer(*, acting_user, ordre, motif: str) -> PaiementDiffere:
    """Mark an ordre de dépense of benefits below the threshold « paiement
    différé à la fin de l'exercice » (D133-2 al. 2)."""
    try:
        return _differer(acting_user=acting_user, ordre=ordre, motif=motif)
    except DatabaseError as exc:
        relever_erreur_base(exc)


@dataclass(frozen=True)
class ArriereDiffere:
    differe: PaiementDiffere

    @property
    def ordre(self) -> OrdreDepense:
        return self.differe.ordre

    @property
    def exercice(self):
        return self.differe.exercice

    @property
    def echeance(self) -> datetime.date:
        return self.differe.echeance

    @property
    def creancier(self) -> str:
        return ", ".join(lg.creancier for lg in self.ordre.lignes.order_by("id"))

    @property
    def paye(self) -> bool:
        return self.ordre.etat == OrdreDepense.Etat.PAYE

    def statut(self, le: datetime.date) -> str:
        if self.paye:
            retard = (
                " (après le 31 décembre)"
                if self.ordre.paye_le and self.ordre.paye_le > self.echeance
                else ""
            )
            return (
                f"payé le {self.ordre.paye_le:%d/%m/%Y}{retard}" if self.ordre.paye_le else "payé"
            )
        if le > self.echeance:
            return f"en retard : à payer au plus tard le {self.echeance:%d/%m/%Y}"
        return f"à payer au plus tard le {self.echeance:%d/%m/%Y}"

    def en_retard(self, le: datetime.date) -> bool:
        return not self.paye and le > self.echeance


def arrieres_differes(
    annee: int | None = None, *, payes: bool | None = None
) -> list[ArriereDiffere]:
    """The deferred arrears (of an exercise, or all), paid or not."""
    qs = PaiementDiffere.objects.select_related("ordre", "exercice", "par").exclude(
        ordre__etat__in=[OrdreDepense.Etat.RETIRE, OrdreDepense.Etat.ABANDONNE]
    )
    if annee is not None:
        qs = qs.filter(exercice__annee=annee)
    if payes is True:
        qs = qs.filter(ordre__etat=OrdreDepense.Etat.PAYE)
    elif payes is False:
        qs = qs.exclude(ordre__etat=OrdreDepense.Etat.PAYE)
    return [ArriereDiffere(d) for d in qs.order_by("echeance", "ordre__numero")]


def ordres_a_differer(le: datetime.date):
    """The ordres de dépense of benefits whose payment may still be deferred
    on `le`: not paid nor given up, of an exercise not ended, every line
    below the threshold in force (D133-2 al. 2), not deferred yet."""
    from django.db.models import Max

    seuil = seuil_d133_2(le)
    return (
        OrdreDepense.objects.filter(
            gestion=Gestion.TECHNIQUE,
            nature=Nature.PRESTATION,
            exercice__annee__gte=le.year,
            differe__isnull=True,
        )
        .exclude(etat__in=ETATS_EXCLUS)
        .annotate(plus_forte=Max("lignes__montant"))
        .filter(plus_forte__lt=seuil)
        .select_related("exercice")
        .order_by("exercice__annee", "numero")
    )
