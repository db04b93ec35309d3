"""Reductions, cancellations, non-valeurs, remises gracieuses and abandons of
small overpayments: signed by the directeur, taken in charge by the agent
comptable (circ. 93/82 §2.0.3, §2.0.4; D133-2).
"""

from __future__ import annotations

from django.db import DatabaseError, transaction

from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    ExerciceInvalide,
    TransitionInterdite,
    relever_erreur_base,
)
from core.money import ZERO, format_euros, montant
from core.verrous import verrouiller
from ledger.models import Exercice
from ledger.services import LigneSaisie, ecriture_passer
from ordres.services import (
    exiger_comptable_distinct,
    exiger_etat,
    exiger_ordonnateur,
)
from personnes.permissions import exiger_pas_comptable_de, exiger_separation
from personnes.signature import verifier_mot_de_passe
from recettes.models import (
    LigneOrdreRecette,
    Nature,
    OrdreRecette,
    Reduction,
)
from recettes.selectors import premiere_ligne, reductions_en_attente, restes_par_ligne
from recettes.services.communs import (
    NATURE_DELEGATION,
    _aujourd_hui,
    _verrouiller,
)
from reglementation.selectors import seuil_d133_2


def exiger_abandon_d133_2(
    ordre: OrdreRecette, *, ligne: LigneOrdreRecette, valeur, reste, collectif: bool = False
) -> None:
    """D133-2: the fund may abandon recovering an overpaid benefit (« indus de
    prestations ») whose amount is under the threshold in force today. The
    threshold reads the indu as it was issued, not what is left of it: a large
    indu partly recovered is not a small indu, and its remainder is reduced or
    admitted in non-valeur instead. Each indu is one debtor's line: a
    collective order of indus (one line per assuré) is read line by line, the
    line the reduction names, against its own amount. The abandon covers the
    whole remainder of that line."""
    if ordre.nature != Nature.RECUPERATION_INDU:
        raise DonneeInvalide(
            "L'abandon de recouvrement de l'article D133-2 ne vaut que pour un indu de "
            f"prestation : l'ordre n° {ordre.reference} est de nature « {ordre.get_nature_display()} »."
        )
    aujourd_hui = _aujourd_hui()
    seuil = seuil_d133_2(aujourd_hui)
    indu = (
        f"L'indu de {ligne.debiteur} sur l'ordre n° {ordre.reference}"
        if collectif
        else f"L'indu de l'ordre n° {ordre.reference}"
    )
    if ligne.montant >= seuil:
        raise DonneeInvalide(
            f"{indu} s'élevait à {format_euros(ligne.montant)} à "
            f"son émission : il n'est pas inférieur au seuil de {format_euros(seuil)} de "
            f"l'article D133-2 en vigueur le {aujourd_hui:%d/%m/%Y}, son reste de "
            f"{format_euros(reste)} ne peut être abandonné (réduisez l'ordre ou admettez le reste "
            "en non-valeur).",
            details={
                "montant": str(ligne.montant),
                "seuil": str(seuil),
                "reste": str(reste),
                "ligne": ligne.pk,
            },
        )
    if valeur != reste:
        raise DonneeInvalide(
            f"L'abandon de l'article D133-2 porte sur tout le reste à recouvrer de l'indu "
            f"({format_euros(reste)}), non sur {format_euros(valeur)}.",
            details={"reste": str(reste), "ligne": ligne.pk},
        )


CIRCULAIRE_REDUCTION = "circulaire 93/82 §2.0.3"


def _comptables_de(ordre: OrdreRecette) -> dict:
    """Who acted on the order for the agent comptable, and what he did: none
    of them signs its reduction (circ. 93/82 §2.4.0). PostgreSQL refuses the
    same (`recettes_reduction_separation`)."""
    faits = {}
    for controle in ordre.controles.select_related("par"):
        faits.setdefault(controle.par, "a contrôlé cet ordre")
    for reduction in ordre.reductions.filter(pris_en_charge_par__isnull=False).select_related(
        "pris_en_charge_par"
    ):
        faits[reduction.pris_en_charge_par] = "a pris en charge une réduction de cet ordre"
    if ordre.pris_en_charge_par is not None:
        faits[ordre.pris_en_charge_par] = "a pris cet ordre en charge"
    return faits


def _ligne_concernee(ordre: OrdreRecette, ligne) -> tuple[LigneOrdreRecette, bool]:
    """The debtor's line the reduction concerns (a line of the order or its id)
    and whether the order has several: required when it has, else its only line."""
    lignes = list(LigneOrdreRecette.objects.filter(ordre_id=ordre.pk).order_by("id"))
    collectif = len(lignes) > 1
    choix = "; ".join(f"« {lg.debiteur} » (ligne {lg.pk})" for lg in lignes)
    details = {"lignes": [{"id": lg.pk, "debiteur": lg.debiteur} for lg in lignes]}
    if ligne is None or ligne == "":
        if collectif:
            raise DonneeInvalide(
                f"L'ordre de recette n° {ordre.reference} est collectif ({len(lignes)} débiteurs) : "
                f"indiquez le débiteur que la réduction concerne, parmi {choix}.",
                details=details,
            )
        return lignes[0], collectif
    cle = getattr(ligne, "pk", ligne)
    for lg in lignes:
        if str(lg.pk) == str(cle).strip():
            return lg, collectif
    raise DonneeInvalide(
        f"Ce débiteur (ligne {cle}) ne figure pas sur l'ordre de recette n° {ordre.reference} : "
        f"choisissez parmi {choix}.",
        details=details,
    )


def ordre_recette_reduire(
    *,
    acting_user,
    ordre: OrdreRecette,
    type: str,
    montant_reduction,
    motif: str,
    nouvelles_bases: str,
    mot_de_passe: str,
    ligne: LigneOrdreRecette | int | str | None = None,
) -> Reduction:
    """Ordre de réduction or d'annulation, admission en non-valeur, remise gracieuse,
    abandon of a small overpayment: decided by the directeur alone, stating the
    new bases (circ. 93/82 §2.0.3; D133-2 for the threshold). It concerns one
    debtor's line (`ligne`: required on a collective order, the only line
    otherwise) and is bounded by that line's reste as by the order's; an
    annulation takes the whole of it."""
    try:
        with transaction.atomic():
            verifier_mot_de_passe(acting_user, mot_de_passe)
            ordre = _verrouiller(ordre)
            exiger_etat(ordre, {OrdreRecette.Etat.PRIS_EN_CHARGE}, "réduire ou annuler")
            if type not in Reduction.Type.values:
                raise DonneeInvalide(f"Type de réduction inconnu : « {type} ».")
            ligne, collectif = _ligne_concernee(ordre, ligne)
            # The restes à recouvrer (recettes.selectors) of the line and of the
            # order, each less the reductions signed but not yet taken in
            # charge: they will lower it.
            restes = restes_par_ligne([ordre.pk]).get(pk=ligne.pk)
            attente_ligne = reductions_en_attente(ordre, ligne=ligne)
            attente_ordre = reductions_en_attente(ordre)
            reste, en_attente = min(
                (restes.reste_ligne - attente_ligne, attente_ligne),
                (restes.reste_ordre - attente_ordre, attente_ordre),
                key=lambda r: r[0],
            )
            valeur = (
                reste
                if type == Reduction.Type.ANNULATION
                else montant(montant_reduction, libelle="Le montant de la réduction")
            )
            if valeur <= 0 or valeur > reste:
                de = f" de {ligne.debiteur}" if collectif else ""
                raise DonneeInvalide(
                    f"La réduction de {format_euros(valeur)} dépasse le reste à recouvrer de "
                    f"{format_euros(reste)}{de} sur l'ordre n° {ordre.reference}.",
                    details={
                        "reste": str(reste),
                        "en_attente": str(en_attente),
                        "ligne": ligne.pk,
                        "debiteur": ligne.debiteur,
                    },
                )
            if type == Reduction.Type.ABANDON_INDU:
                exiger_abandon_d133_2(
                    ordre, ligne=ligne, valeur=valeur, reste=reste, collectif=collectif
                )
            if not (motif or "").strip() or not (nouvelles_bases or "").strip():
                raise DonneeInvalide(
                    "L'ordre de réduction indique son motif et les bases de la nouvelle liquidation "
                    "(circulaire 93/82 §2.0.3)."
                )
            capacite = exiger_ordonnateur(
                acting_user,
                "réduire ou annuler un ordre de recette",
                source=CIRCULAIRE_REDUCTION,
                nature=NATURE_DELEGATION,
                montant=valeur,
                comptes=[ordre.compte_imputation.numero],
            )
            exiger_pas_comptable_de(
                acting_user, comptables=_comptables_de(ordre), acte="en signer la réduction"
            )
            reduction = Reduction.objects.create(
                ordre=ordre,
                ligne=ligne,
                type=type,
                montant=valeur,
                motif=motif.strip(),
                nouvelles_bases=nouvelles_bases.strip(),
                signataire=acting_user,
                qualite=capacite.qualite[:255],
                signee_le=horloge.maintenant(),
            )
            audit(
                acting_user,
                "ordre_recette.reduction_signee",
                ordre,
                apres={
                    "type": type,
                    "montant": valeur,
                    "debiteur": ligne.debiteur,
                    "ligne": ligne.pk,
                    "motif": motif,
                    "qualite": capacite.qualite,
                },
            )
            return reduction
    except DatabaseError as exc:
        relever_erreur_base(exc)


COMPTES_REDUCTION = {
    Reduction.Type.NON_VALEUR: "6541",
    Reduction.Type.ABANDON_INDU: "6541",
    Reduction.Type.REMISE_GRACIEUSE: "671",
}


def reduction_prendre_en_charge(*, acting_user, reduction: Reduction) -> Reduction:
    """The agent comptable checks the reduction is justified (circ. 93/82 §2.0.4)
    and posts it: a reduction or cancellation reverses the produit (same
    exercise) or goes to 673 (titres annulés sur exercices antérieurs); a
    non-valeur to 6541 (DOMAIN §9); a remise gracieuse to 671. The debtor's
    account is credited in the name of the debtor of the line the reduction
    names (of the order's first line for a reduction signed before it named
    one), so that the ledger agrees with the restes per debtor."""
    try:
        with transaction.atomic():
            reduction = verrouiller(
                Reduction.objects.select_related("ordre", "ligne"), reduction.pk
            )
            ordre = _verrouiller(reduction.ordre)
            exiger_comptable_distinct(acting_user, ordre, "prendre en charge une réduction")
            exiger_separation(ordonnateur=reduction.signataire, comptable=acting_user)
            if reduction.etat != Reduction.Etat.SIGNEE:
                raise TransitionInterdite("Cette réduction a déjà été prise en charge.")
            aujourd_hui = _aujourd_hui()
            exercice = ordre.exercice
            meme_exercice = exercice.etat != Exercice.Etat.CLOS
            if not meme_exercice:
                exercice = (
                    Exercice.objects.exclude(etat=Exercice.Etat.CLOS).order_by("-annee").first()
                )
                if exercice is None:
                    raise ExerciceInvalide(
                        "Aucun exercice ouvert ne peut recevoir cette réduction."
                    )
            debit = COMPTES_REDUCTION.get(reduction.type)
            if debit is None:
                debit = ordre.compte_imputation.numero if meme_exercice else "673"
            date = min(aujourd_hui, exercice.fin)
            ecriture = ecriture_passer(
                acting_user=acting_user,
                exercice=exercice,
                journal="RE",
                date=date,
                libelle=f"{reduction.get_type_display().capitalize()} de l'ordre n° {ordre.reference}"[
                    :255
                ],
                lignes=[
                    LigneSaisie(debit, debit=reduction.montant),
                    LigneSaisie(
                        ordre.compte_tiers.numero,
                        credit=reduction.montant,
                        tiers=(reduction.ligne or premiere_ligne(ordre)).debiteur[:120],
                    ),
                ],
                piece=f"ordre_recette:{ordre.reference}",
            )
            reduction.etat = Reduction.Etat.PRISE_EN_CHARGE
            reduction.pris_en_charge_par = acting_user
            reduction.ecriture = ecriture
            reduction.save(update_fields=["etat", "pris_en_charge_par", "ecriture"])
            reduit = sum((r.montant for r in ordre.reductions.all()), ZERO)
            if reduit == ordre.montant:
                ordre.etat = OrdreRecette.Etat.ANNULE
                ordre.save(update_fields=["etat"])
            audit(
                acting_user,
                "ordre_recette.reduction_prise_en_charge",
                ordre,
                apres={
                    "type": reduction.type,
                    "montant": reduction.montant,
                    "ecriture": ecriture.numero,
                },
            )
            return reduction
    except DatabaseError as exc:
        relever_erreur_base(exc)
