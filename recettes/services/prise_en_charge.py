"""The agent comptable's controls per the plan de contrôle, prise en charge
(posting debtor / produit) or rejection (D253-16 al. 2 and 3; circ. 93/82 §2.0.1).

A sampled nature's draw is made at the prise en charge, from a random seed
recorded with its result (`plan_controle_tirer`, `ordres.tirage`): the ordonnateur
cannot compute beforehand which orders the agent comptable will check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import DatabaseError, transaction

from core import acte_courant, horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    TransitionInterdite,
    relever_erreur_base,
)
from ledger.services import LigneSaisie, ecriture_passer
from ordres.services import (
    exiger_comptable_distinct,
    exiger_transition,
    garder_lignes,
    lignes_par_id,
    selection_plan,
)
from ordres.tirage import tirer
from recettes.models import (
    ControleEffectue,
    OrdreRecette,
    PlanControle,
    TirageControle,
)
from recettes.services.communs import (
    _aujourd_hui,
    _verrouiller,
    empreinte_contenu,
)


@dataclass(frozen=True)
class ControlesRequis:
    mode: str
    mode_libelle: str
    # None: a sampled order not drawn yet (it is, at its prise en charge).
    selectionne: bool | None
    points: list[str]
    motif: str
    tirage: TirageControle | None = None


def controles_requis(ordre: OrdreRecette, *, plans: dict | None = None) -> ControlesRequis:
    """What the plan de contrôle asks for this order (D253-16 al. 3: selective by nature).

    A sampled nature reads the order's draw (`ordres.tirage`), made from a
    random seed at its prise en charge: before that, `selectionne` is None.
    `plans` (nature → plan, as `plans_de_controle()` reads them at once) spares
    a query per order on a list (the draw, if any, is read from the order's
    cache when the list selected it)."""
    plan = (
        plans.get(ordre.nature)
        if plans is not None
        else PlanControle.objects.filter(nature=ordre.nature).first()
    )
    if plan is None:
        return ControlesRequis(
            "exhaustif",
            "exhaustif (aucun plan pour cette nature)",
            True,
            ["Régularité de l'ordre et de ses pièces"],
            "aucun plan : contrôle exhaustif",
        )
    points = [p.strip() for p in plan.points.splitlines() if p.strip()]
    tirage = _tirage(ordre) if plan.mode == PlanControle.Mode.SONDAGE else None
    selectionne, motif = selection_plan(
        mode=plan.mode,
        seuil=plan.seuil,
        taux=plan.taux,
        montant=ordre.montant,
        tirage=tirage,
    )
    return ControlesRequis(plan.mode, plan.get_mode_display(), selectionne, points, motif, tirage)


def _tirage(ordre: OrdreRecette) -> TirageControle | None:
    try:
        return ordre.tirage
    except TirageControle.DoesNotExist:
        return None


def plan_controle_tirer(*, acting_user, ordre: OrdreRecette) -> TirageControle | None:
    """Draw the order by the plan de contrôle if its nature is sampled and it has
    no draw yet (circ. 93/82 §2.0.1.1): when the agent comptable takes it in
    charge, from a random seed recorded with the result (`ordres.tirage`).
    Its own transaction: a prise en charge refused for want of the controls
    the draw asks keeps the draw, which is never made again for this order.

    A nature that is not sampled draws nothing: nothing is locked nor checked
    here then, the prise en charge itself checks everything under the order's lock."""
    if not PlanControle.objects.filter(
        nature=ordre.nature, mode=PlanControle.Mode.SONDAGE
    ).exists():
        return None
    with transaction.atomic():
        ordre = _verrouiller(ordre)
        exiger_comptable_distinct(acting_user, ordre, "prendre en charge un ordre de recette")
        exiger_transition(ordre, OrdreRecette.Etat.PRIS_EN_CHARGE, "prendre en charge")
        plan = PlanControle.objects.filter(nature=ordre.nature).first()
        if plan is None or plan.mode != PlanControle.Mode.SONDAGE:
            return None
        return tirer(
            TirageControle, ordre=ordre, taux=plan.taux, sorte="recette", acting_user=acting_user
        )


def plans_de_controle() -> dict:
    """Every nature's plan de contrôle, read in one query."""
    return {plan.nature: plan for plan in PlanControle.objects.all()}


@dataclass(frozen=True)
class ControleSaisi:
    point: str
    conforme: bool
    commentaire: str = ""


def ordre_recette_prendre_en_charge(
    *, acting_user, ordre: OrdreRecette, controles: Sequence[ControleSaisi] = ()
) -> OrdreRecette:
    """The agent comptable takes the order in charge after the controls the plan
    asks for, dates and signs it (D253-16 al. 2); the claim is posted:
    debtor account / produit (DOMAIN §9)."""
    try:
        # The draw, unless the act has just made it (its prealable, committed): every
        # check is made again below, under the order's lock.
        if not acte_courant.prealable_deja_fait(acting_user, ordre):
            plan_controle_tirer(acting_user=acting_user, ordre=ordre)
        with transaction.atomic():
            ordre = _verrouiller(ordre)
            exiger_comptable_distinct(acting_user, ordre, "prendre en charge un ordre de recette")
            exiger_transition(ordre, OrdreRecette.Etat.PRIS_EN_CHARGE, "prendre en charge")
            garder_lignes(ordre)  # the hash and the entry read them once
            if empreinte_contenu(ordre) != ordre.empreinte_contenu:
                raise TransitionInterdite(
                    "Le contenu de l'ordre ne correspond plus à l'empreinte signée : rejetez-le."
                )
            requis = controles_requis(ordre)
            saisis = {c.point: c for c in controles}
            if requis.selectionne:
                manquants = [p for p in requis.points if p not in saisis]
                if manquants:
                    raise DonneeInvalide(
                        f"Le plan de contrôle demande de vérifier ({requis.motif}) : "
                        + " ; ".join(manquants)
                        + ".",
                        details={"manquants": manquants, "motif": requis.motif},
                    )
            anomalies = [c.point for c in controles if not c.conforme]
            if anomalies:
                raise TransitionInterdite(
                    "Un contrôle a relevé une anomalie ("
                    + " ; ".join(anomalies)
                    + ") : rejetez l'ordre en "
                    "indiquant le motif au directeur."
                )
            ControleEffectue.objects.bulk_create(
                ControleEffectue(
                    ordre=ordre,
                    point=c.point[:255],
                    conforme=c.conforme,
                    commentaire=c.commentaire,
                    par=acting_user,
                )
                for c in controles
            )
            exercice = ordre.exercice
            date = min(_aujourd_hui(), exercice.fin)
            lignes = [
                LigneSaisie(ordre.compte_tiers.numero, debit=lg.montant, tiers=lg.debiteur[:120])
                for lg in lignes_par_id(ordre)
            ] + [LigneSaisie(ordre.compte_imputation.numero, credit=ordre.montant)]
            ecriture = ecriture_passer(
                acting_user=acting_user,
                exercice=exercice,
                journal="RE",
                date=date,
                libelle=f"Ordre de recette n° {ordre.reference} : {ordre.objet}"[:255],
                lignes=lignes,
                piece=f"ordre_recette:{ordre.reference}",
            )
            ordre.etat = OrdreRecette.Etat.PRIS_EN_CHARGE
            ordre.pris_en_charge_le = horloge.maintenant()
            ordre.pris_en_charge_par = acting_user
            ordre.ecriture = ecriture
            ordre.save(
                update_fields=["etat", "pris_en_charge_le", "pris_en_charge_par", "ecriture"]
            )
            audit(
                acting_user,
                "ordre_recette.pris_en_charge",
                ordre,
                avant={"etat": "transmis"},
                apres={
                    "etat": ordre.etat,
                    "ecriture": f"RE-{ecriture.numero}",
                    "controles": [[c.point, c.conforme] for c in controles],
                },
            )
            return ordre
    except DatabaseError as exc:
        relever_erreur_base(exc)


@transaction.atomic
def ordre_recette_rejeter(*, acting_user, ordre: OrdreRecette, motif: str) -> OrdreRecette:
    """Reject with a reason: the order goes back to the directeur."""
    ordre = _verrouiller(ordre)
    exiger_comptable_distinct(acting_user, ordre, "rejeter un ordre de recette")
    exiger_transition(ordre, OrdreRecette.Etat.REJETE, "rejeter")
    motif = (motif or "").strip()
    if not motif:
        raise DonneeInvalide("Le rejet d'un ordre de recette doit être motivé.")
    ordre.etat = OrdreRecette.Etat.REJETE
    ordre.motif_rejet = motif
    ordre.rejete_le = horloge.maintenant()
    ordre.save(update_fields=["etat", "motif_rejet", "rejete_le"])
    audit(
        acting_user,
        "ordre_recette.rejete",
        ordre,
        avant={"etat": "transmis"},
        apres={"etat": ordre.etat, "motif": motif},
    )
    return ordre
