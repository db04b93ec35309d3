"""The agent comptable's six checks and his visa (circ. 93/82 §2.1.2.0,
§2.1.2.1: the plan de contrôle).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.utils import timezone

from budget import services as budget
from budget.selectors import situation_de
from core import acte_courant, horloge
from core.audit import audit
from core.exceptions import (
    ApplicationError,
    DonneeInvalide,
    TransitionInterdite,
    relever_erreur_base,
)
from core.money import format_euros
from depenses.models import (
    Controle,
    ControleDepense,
    Gestion,
    Nature,
    OrdreDepense,
    PlanControleDepense,
    TirageControleDepense,
)
from depenses.services.communs import (
    NATURE_DELEGATION,
    _aujourd_hui,
    _verrouiller,
    derniere_signature,
    empreinte_contenu,
)
from ledger.services import LigneSaisie, ecriture_passer
from oppositions.banque import verifier_bic, verifier_iban
from oppositions.rapprochement import rapprocher_sans_decision
from ordres.services import (
    exiger_comptable_distinct,
    exiger_transition,
    garder_lignes,
    lignes_gardees,
    lignes_par_id,
    selection_plan,
)
from ordres.tirage import tirer
from personnes.permissions import pouvoir_ordonnateur

# --- The agent comptable's controls ------------------------------------------------


@dataclass(frozen=True)
class ResultatControle:
    controle: str
    libelle: str
    automatique: bool
    conforme: bool | None  # None: for the agent comptable to judge
    detail: str


def controles_automatiques(ordre: OrdreDepense) -> list[ResultatControle]:
    """What the software verifies itself of the six checks (circ. §2.1.2.0),
    and what it leaves to the agent comptable's judgement."""
    resultats = []
    signature = derniere_signature(ordre)
    if signature is None:
        resultats.append(
            ResultatControle(
                Controle.QUALITE, Controle.QUALITE.label, True, False, "Ordre non signé."
            )
        )
    else:
        try:
            capacite = pouvoir_ordonnateur(
                signature.signataire,
                nature=NATURE_DELEGATION,
                montant=ordre.montant,
                compte_numero=ordre.compte_imputation.numero,
                le=timezone.localdate(signature.signee_le),
            )
            resultats.append(
                ResultatControle(
                    Controle.QUALITE,
                    Controle.QUALITE.label,
                    True,
                    True,
                    f"Signé par {signature.signataire.get_full_name()}, {capacite.qualite}.",
                )
            )
        except ApplicationError as erreur:
            resultats.append(
                ResultatControle(
                    Controle.QUALITE, Controle.QUALITE.label, True, False, erreur.message
                )
            )
    if ordre.gestion == Gestion.TECHNIQUE:
        resultats.append(
            ResultatControle(
                Controle.CREDITS,
                Controle.CREDITS.label,
                True,
                True,
                "Gestion technique : non limitée par des crédits.",
            )
        )
    else:
        credit = budget.credit_pour(
            exercice=ordre.exercice, compte_numero=ordre.compte_imputation.numero
        )
        if credit is None:
            resultats.append(
                ResultatControle(
                    Controle.CREDITS,
                    Controle.CREDITS.label,
                    True,
                    False,
                    f"Aucun crédit ouvert pour le compte {ordre.compte_imputation.numero}.",
                )
            )
        else:
            # The credit as `credit_pour` has just read it in this transaction.
            s = situation_de(credit, annee=ordre.exercice.annee)
            conforme = s.disponible >= 0 and s.engage <= s.ouvert
            resultats.append(
                ResultatControle(
                    Controle.CREDITS,
                    Controle.CREDITS.label,
                    True,
                    conforme,
                    f"Chapitre {s.chapitre} : ouvert {format_euros(s.ouvert)}, engagé {format_euros(s.engage)}, "
                    f"ordonnancé {format_euros(s.ordonnance)}, disponible {format_euros(s.disponible)}.",
                )
            )
    compte = ordre.compte_imputation.numero
    imputation_ok = (
        compte.startswith("656")
        if ordre.nature == Nature.PRESTATION
        else not compte.startswith("656")
    )
    resultats.append(
        ResultatControle(
            Controle.IMPUTATION,
            Controle.IMPUTATION.label,
            False,
            None if imputation_ok else False,
            f"Compte {ordre.compte_imputation} pour une dépense de nature « {ordre.get_nature_display()} »."
            + (
                ""
                if imputation_ok
                else " Les prestations s'imputent en 656, les autres dépenses ailleurs."
            ),
        )
    )
    pieces = ordre.pieces.count()
    resultats.append(
        ResultatControle(
            Controle.VALIDITE,
            Controle.VALIDITE.label,
            False,
            None,
            f"{pieces} pièce(s) jointe(s)"
            + (f" ; références : {ordre.pieces_references}" if ordre.pieces_references else "")
            + " ; bases : "
            + ordre.bases_liquidation[:200],
        )
    )
    rapprochements = rapprocher_sans_decision(ordre.lignes.all(), le=_aujourd_hui())
    oppositions = [o for _ligne, r in rapprochements for o in r.appliquees]
    doutes = [d for _ligne, r in rapprochements for d in r.doutes]
    erreurs_banque = []
    # The lines the visa kept (`garder_lignes`); the order's page has them prefetched.
    lignes = lignes_gardees(ordre)
    for ligne in lignes if lignes is not None else ordre.lignes.all():
        try:
            iban = verifier_iban(ligne.iban)
            if ligne.bic:
                verifier_bic(ligne.bic, iban=iban)
        except ApplicationError as erreur:
            erreurs_banque.append(f"{ligne.creancier} : {erreur.message}")
    detail = " ; ".join(erreurs_banque) if erreurs_banque else "Coordonnées bancaires valides."
    if oppositions:
        detail += (
            f" {len(oppositions)} opposition(s) à respecter au paiement : le paiement sera réparti."
        )
    if doutes:
        detail += (
            f" {len(doutes)} opposition(s) à examiner avant le paiement, qui restera en attente de "
            "votre décision : " + " ; ".join(d.motif for d in doutes) + "."
        )
    resultats.append(
        ResultatControle(
            Controle.LIBERATOIRE, Controle.LIBERATOIRE.label, True, not erreurs_banque, detail
        )
    )
    service = ordre.services_faits.select_related("atteste_par").order_by("-id").first()
    resultats.append(
        ResultatControle(
            Controle.SERVICE_FAIT,
            Controle.SERVICE_FAIT.label,
            True,
            service is not None,
            f"Service fait le {service.le:%d/%m/%Y}, attesté par {service.atteste_par.get_full_name()}."
            if service
            else "Aucune attestation de service fait ni d'ouverture de droits.",
        )
    )
    return resultats


@dataclass(frozen=True)
class PlanApplicable:
    mode: str
    # None: a sampled order not drawn yet (it is, at its visa).
    selectionne: bool | None
    motif: str
    tirage: TirageControleDepense | None = None


def plan_applicable(ordre: OrdreDepense) -> PlanApplicable:
    """Does the plan de contrôle ask the agent comptable to judge this order himself?
    (circ. 93/82 §2.1.2.1: exhaustive, selective or sampled by nature; a nature
    absent from the plan is controlled exhaustively.) A sampled nature reads
    the order's draw (`ordres.tirage`), made from a random seed at its visa:
    before that, `selectionne` is None."""
    plan = PlanControleDepense.objects.filter(nature=ordre.nature).first()
    if plan is None:
        return PlanApplicable("exhaustif (nature hors plan)", True, "contrôle exhaustif")
    tirage = None
    if plan.mode == PlanControleDepense.Mode.SONDAGE:
        tirage = TirageControleDepense.objects.filter(ordre=ordre).first()
    selectionne, motif = selection_plan(
        mode=plan.mode,
        seuil=plan.seuil,
        taux=plan.taux,
        montant=ordre.montant,
        tirage=tirage,
    )
    return PlanApplicable(plan.get_mode_display(), selectionne, motif, tirage)


def plan_controle_tirer(*, acting_user, ordre: OrdreDepense) -> TirageControleDepense | None:
    """Draw the order by the plan de contrôle if its nature is sampled and it has
    no draw yet (circ. 93/82 §2.1.2.1): when the agent comptable visas it, from
    a random seed recorded with the result (`ordres.tirage`). Its own
    transaction: a visa refused for want of the appreciations the draw asks
    keeps the draw, which is never made again for this order.

    A nature that is not sampled draws nothing: nothing is locked nor checked
    here then, the visa itself checks everything under the order's lock."""
    if not PlanControleDepense.objects.filter(
        nature=ordre.nature, mode=PlanControleDepense.Mode.SONDAGE
    ).exists():
        return None
    with transaction.atomic():
        ordre = _verrouiller(ordre)
        exiger_comptable_distinct(acting_user, ordre, "viser un ordre de dépense")
        exiger_transition(
            ordre, OrdreDepense.Etat.VISE, "viser", depuis={OrdreDepense.Etat.TRANSMIS}
        )
        plan = PlanControleDepense.objects.filter(nature=ordre.nature).first()
        if plan is None or plan.mode != PlanControleDepense.Mode.SONDAGE:
            return None
        return tirer(
            TirageControleDepense,
            ordre=ordre,
            taux=plan.taux,
            sorte="depense",
            acting_user=acting_user,
        )


def _poster_visa(comptable, ordre: OrdreDepense, libelle: str):
    lignes = [LigneSaisie(ordre.compte_imputation.numero, debit=ordre.montant)] + [
        LigneSaisie(ordre.compte_tiers.numero, credit=ligne.montant, tiers=ligne.creancier[:120])
        for ligne in lignes_par_id(ordre)
    ]
    return ecriture_passer(
        acting_user=comptable,
        exercice=ordre.exercice,
        journal="DE",
        date=min(_aujourd_hui(), ordre.exercice.fin),
        libelle=f"{libelle} n° {ordre.reference} : {ordre.objet}"[:255],
        lignes=lignes,
        piece=f"ordre_depense:{ordre.reference}",
    )


def ordre_depense_viser(
    *, acting_user, ordre: OrdreDepense, appreciations: dict[str, tuple[bool, str]] | None = None
) -> OrdreDepense:
    """The agent comptable's visa after the six checks: the software's own
    results, and his judgement on imputation and validity of the debt; then
    the charge is posted against the creditor (DOMAIN §9)."""
    appreciations = appreciations or {}
    try:
        # The draw, unless the act has just made it (its prealable, committed): every
        # check is made again below, under the order's lock.
        if not acte_courant.prealable_deja_fait(acting_user, ordre):
            plan_controle_tirer(acting_user=acting_user, ordre=ordre)
        with transaction.atomic():
            ordre = _verrouiller(ordre)
            exiger_comptable_distinct(acting_user, ordre, "viser un ordre de dépense")
            exiger_transition(
                ordre, OrdreDepense.Etat.VISE, "viser", depuis={OrdreDepense.Etat.TRANSMIS}
            )
            garder_lignes(ordre)  # the hash, the controls and the entry read them once
            if empreinte_contenu(ordre) != ordre.empreinte_contenu:
                raise TransitionInterdite(
                    "Le contenu de l'ordre ne correspond plus à l'empreinte signée : suspendez-le."
                )
            resultats = controles_automatiques(ordre)
            plan = plan_applicable(ordre)
            anomalies, lignes = [], []
            for r in resultats:
                conforme, detail = r.conforme, r.detail
                if not r.automatique:
                    if r.controle in appreciations:
                        jugement, commentaire = appreciations[r.controle]
                        conforme = jugement and r.conforme is not False
                        detail = f"{detail} {commentaire}".strip()
                    elif plan.selectionne:
                        raise DonneeInvalide(
                            f"Indiquez votre appréciation du contrôle « {r.libelle} » (plan de contrôle : "
                            f"{plan.motif}).",
                            details={"controle": r.controle},
                        )
                    else:
                        conforme = r.conforme is not False
                        detail = f"{detail} Non apprécié : ordre non sélectionné par le plan ({plan.motif})."
                if not conforme:
                    anomalies.append(f"{r.libelle} : {detail}")
                lignes.append(
                    ControleDepense(
                        ordre=ordre,
                        controle=r.controle,
                        automatique=r.automatique,
                        conforme=bool(conforme),
                        detail=detail,
                        par=acting_user,
                    )
                )
            if anomalies:
                raise TransitionInterdite(
                    "Le visa est impossible, suspendez le paiement : " + " ; ".join(anomalies),
                    details={"anomalies": anomalies},
                )
            ControleDepense.objects.bulk_create(lignes)
            ecriture = _poster_visa(acting_user, ordre, "Visa de l'ordre de dépense")
            ordre.etat, ordre.vise_le, ordre.vise_par, ordre.ecriture = (
                OrdreDepense.Etat.VISE,
                horloge.maintenant(),
                acting_user,
                ecriture,
            )
            ordre.save(update_fields=["etat", "vise_le", "vise_par", "ecriture"])
            audit(
                acting_user,
                "ordre_depense.vise",
                ordre,
                avant={"etat": "transmis"},
                apres={"etat": ordre.etat, "ecriture": f"DE-{ecriture.numero}"},
            )
            return ordre
    except DatabaseError as exc:
        relever_erreur_base(exc)
