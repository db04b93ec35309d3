"""Acts on ordres de dépense: each one service, atomic, checked, audited.

Rules and sources: docstring of `depenses/models.py` (circ. 93/82 §2.1).
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import DatabaseError, transaction
from django.utils import timezone

from budget import services as budget
from core import horloge
from core.audit import audit
from core.exceptions import (
    ApplicationError,
    DonneeInvalide,
    DroitInsuffisant,
    ExerciceClos,
    ExerciceInvalide,
    TransitionInterdite,
    relever_erreur_base,
)
from core.money import ZERO, format_euros, montant
from core.ordres import (
    apposer_signature,
    exiger_comptable_distinct,
    exiger_etat,
    exiger_ordonnateur,
    selection_plan,
)
from core.pieces import enregistrer_piece, verifier_mot_de_passe
from depenses.models import (
    CertificatNonPaiement,
    CertificatReimputation,
    CompteurOrdreDepense,
    Controle,
    ControleDepense,
    DepenseSansOrdonnancement,
    Engagement,
    Gestion,
    LigneOrdreDepense,
    Nature,
    OrdreDepense,
    PieceDepense,
    PlanControleDepense,
    Requisition,
    ServiceFait,
    SignatureDepense,
    Suspension,
)
from ledger.models import Compte, Exercice
from ledger.services import LigneSaisie, ecriture_passer
from oppositions.banque import verifier_bic, verifier_iban
from oppositions.services import oppositions_opposables
from personnes.permissions import exiger_comptable, pouvoir_ordonnateur
from reglementation.selectors import rattachement

SOURCE = "circulaire 93/82 §2.1"
NATURE_DELEGATION = "ordre_depense"
DATES = (
    "service_fait",
    "liquidation",
    "echeance",
    "contrat",
    "reception",
    "decision",
    "deliberation",
    "transaction",
    "encaissement",
    "paiement",
)
AUTOMATIQUES = {Controle.QUALITE, Controle.CREDITS, Controle.LIBERATOIRE, Controle.SERVICE_FAIT}


class CreditsInsuffisantsPourRequisition(TransitionInterdite):
    code = "requisition_refusee"


def _aujourd_hui() -> datetime.date:
    return horloge.aujourdhui()


def _verrouiller(ordre: OrdreDepense) -> OrdreDepense:
    return (
        OrdreDepense.objects.select_for_update(of=("self",))
        .select_related("exercice", "compte_imputation", "compte_tiers", "engagement")
        .get(pk=ordre.pk)
    )


def _compte(numero: str, *, classes: tuple[int, ...], libelle: str) -> Compte:
    compte = Compte.objects.filter(numero=numero).first()
    if not numero or compte is None or not compte.imputable or compte.classe not in classes:
        attendu = " ou ".join(str(c) for c in classes)
        raise DonneeInvalide(
            f"{libelle} « {numero} » doit être un compte imputable de classe {attendu}."
        )
    return compte


# --- Engagement ---------------------------------------------------------------


def engagement_creer(
    *,
    acting_user,
    exercice: Exercice,
    gestion: str,
    objet: str,
    creancier: str,
    compte_imputation: str,
    montant_engage,
) -> Engagement:
    """Engage the expense; for a gestion budgétaire the credits are reserved
    (circ. 93/82 §2.1.0 and §2.1.2.0: disponibilité des crédits)."""
    try:
        with transaction.atomic():
            exiger_ordonnateur(acting_user, "engager une dépense", source=SOURCE)
            if exercice.etat == Exercice.Etat.CLOS:
                raise ExerciceClos(f"L'exercice {exercice.annee} est clos.")
            compte = _compte(compte_imputation, classes=(2, 6), libelle="Le compte d'imputation")
            valeur = montant(montant_engage, libelle="Le montant engagé")
            if gestion not in Gestion.values:
                raise DonneeInvalide(f"Gestion inconnue : « {gestion} ».")
            if not objet.strip() or not creancier.strip():
                raise DonneeInvalide("L'engagement indique son objet et le créancier.")
            engagement = Engagement.objects.create(
                exercice=exercice,
                gestion=gestion,
                objet=objet.strip()[:255],
                creancier=creancier.strip()[:200],
                compte_imputation=compte,
                montant=valeur,
                cree_par=acting_user,
            )
            if gestion == Gestion.BUDGETAIRE:
                budget.credit_engager(
                    acting_user=acting_user,
                    exercice=exercice,
                    compte_numero=compte.numero,
                    montant=valeur,
                    reference=f"engagement:{engagement.pk}",
                )
            audit(
                acting_user,
                "engagement.cree",
                engagement,
                apres={"montant": valeur, "compte": compte.numero, "gestion": gestion},
            )
            return engagement
    except DatabaseError as exc:
        relever_erreur_base(exc)


def engage_restant(engagement: Engagement) -> Decimal:
    ordonne = sum(
        (
            o.montant
            for o in engagement.ordres.exclude(
                etat__in=[
                    OrdreDepense.Etat.ABANDONNE,
                    OrdreDepense.Etat.RETIRE,
                    OrdreDepense.Etat.REMPLACE,
                ]
            )
        ),
        ZERO,
    )
    return engagement.montant - ordonne


# --- The order ------------------------------------------------------------------


@dataclass(frozen=True)
class LigneCreancier:
    creancier: str
    qualite: str
    iban: str
    montant: Decimal | str | int
    bic: str = ""
    identifiant: str = ""


@dataclass
class SaisieDepense:
    gestion: str
    nature: str
    objet: str
    bases_liquidation: str
    compte_imputation: str
    compte_tiers: str
    date_fait: datetime.date
    lignes: Sequence[LigneCreancier]
    type: str = OrdreDepense.Type.INDIVIDUEL
    dates: dict[str, datetime.date | None] = field(default_factory=dict)
    pieces_references: str = ""
    engagement: Engagement | None = None
    regularise: DepenseSansOrdonnancement | None = None


def _lignes(saisie: SaisieDepense) -> list[tuple]:
    if not saisie.lignes:
        raise DonneeInvalide("Un ordre de dépense nomme au moins un créancier.")
    if saisie.type == OrdreDepense.Type.INDIVIDUEL and len(saisie.lignes) != 1:
        raise DonneeInvalide(
            "Un ordre individuel nomme un seul créancier ; pour plusieurs, émettez un ordre collectif."
        )
    resultat = []
    for rang, ligne in enumerate(saisie.lignes, start=1):
        if not ligne.creancier.strip() or not ligne.qualite.strip():
            raise DonneeInvalide(
                f"Ligne {rang} : le nom et la qualité du créancier sont obligatoires "
                "(circulaire 93/82 §2.1.1)."
            )
        try:
            iban = verifier_iban(ligne.iban)
            bic = verifier_bic(ligne.bic, iban=iban) if ligne.bic else ""
        except DonneeInvalide as erreur:
            raise DonneeInvalide(f"Ligne {rang} ({ligne.creancier}) : {erreur.message}") from None
        resultat.append(
            (
                ligne.creancier.strip()[:200],
                ligne.qualite.strip()[:120],
                ligne.identifiant.strip()[:40],
                iban,
                bic,
                montant(ligne.montant, libelle=f"Ligne {rang} : le montant"),
            )
        )
    return resultat


def ordre_depense_creer(*, acting_user, saisie: SaisieDepense) -> OrdreDepense:
    """Liquidate and draw up the order (circ. 93/82 §2.1.1): numbered at once
    in its exercise, attached by the dated rules (D253-19, D253-19-1)."""
    try:
        with transaction.atomic():
            exiger_ordonnateur(acting_user, "émettre un ordre de dépense", source=SOURCE)
            if saisie.gestion not in Gestion.values or saisie.nature not in Nature.values:
                raise DonneeInvalide("Gestion ou nature de dépense inconnue.")
            if (saisie.nature == Nature.PRESTATION) != (saisie.gestion == Gestion.TECHNIQUE):
                raise DonneeInvalide(
                    "Les prestations relèvent de la gestion technique, les autres dépenses de la "
                    "gestion budgétaire (circulaire 93/82 §2.1.7)."
                )
            lignes = _lignes(saisie)
            total = sum((ligne[-1] for ligne in lignes), ZERO)
            imputation = _compte(
                saisie.compte_imputation, classes=(2, 6), libelle="Le compte d'imputation"
            )
            tiers = _compte(saisie.compte_tiers, classes=(4,), libelle="Le compte du créancier")
            dates = {cle: saisie.dates.get(cle) for cle in DATES}
            regle = rattachement(
                sens="depense", nature=saisie.nature, date_fait=saisie.date_fait, dates=dates
            )
            exercice = Exercice.objects.filter(annee=regle.annee).first()
            if exercice is None:
                raise ExerciceInvalide(
                    f"L'ordre relève de l'exercice {regle.annee} ({regle.article}), qui n'est pas ouvert."
                )
            if exercice.etat == Exercice.Etat.CLOS:
                raise ExerciceClos(
                    f"L'exercice {exercice.annee} est clos : aucun ordre ne peut plus y être émis."
                )
            if _aujourd_hui() > regle.limite_emission:
                raise ExerciceInvalide(
                    f"L'ordre relève de l'exercice {exercice.annee} ({regle.article}) : sa période complémentaire "
                    f"s'est achevée le {regle.limite_emission:%d/%m/%Y}, il ne peut plus être émis."
                )
            engagement = saisie.engagement
            acompte = None
            pieces_references = saisie.pieces_references.strip()
            if (
                saisie.gestion == Gestion.BUDGETAIRE
                and engagement is None
                and saisie.regularise is None
            ):
                raise DonneeInvalide(
                    "Une dépense budgétaire s'ordonnance sur un engagement qui a réservé les "
                    "crédits (circulaire 93/82 §2.1.0)."
                )
            if engagement is not None:
                engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
                if (
                    engagement.exercice_id != exercice.pk
                    or engagement.compte_imputation_id != imputation.pk
                ):
                    raise DonneeInvalide(
                        "L'ordre doit porter sur l'exercice et le compte de son engagement."
                    )
                restant = engage_restant(engagement)
                if total > restant:
                    raise DonneeInvalide(
                        f"L'ordre de {format_euros(total)} dépasse le reste de l'engagement n° {engagement.pk} "
                        f"({format_euros(restant)})."
                    )
                precedents = engagement.ordres.order_by("id")
                acompte = precedents.count() + 1
                if acompte > 1:
                    premier = precedents.first()
                    renvoi = f"Pièces jointes au premier acompte, ordre n° {premier.reference}."
                    pieces_references = f"{renvoi} {pieces_references}".strip()
            if saisie.regularise is not None:
                dso = saisie.regularise
                if hasattr(dso, "ordre") and OrdreDepense.objects.filter(regularise=dso).exists():
                    raise TransitionInterdite("Cette dépense a déjà son ordre de régularisation.")
                if (
                    total != dso.montant
                    or tiers.numero != "4721"
                    or imputation.pk != dso.compte_charge_id
                ):
                    raise DonneeInvalide(
                        f"L'ordre de régularisation reprend le montant ({format_euros(dso.montant)}), le compte de "
                        f"charge {dso.compte_charge.numero} et le compte d'attente 4721 de la dépense prélevée."
                    )
            compteur, _ = CompteurOrdreDepense.objects.get_or_create(exercice=exercice)
            compteur = CompteurOrdreDepense.objects.select_for_update().get(pk=compteur.pk)
            ordre = OrdreDepense.objects.create(
                exercice=exercice,
                numero=compteur.dernier_numero + 1,
                type=saisie.type,
                gestion=saisie.gestion,
                nature=saisie.nature,
                objet=saisie.objet.strip()[:255],
                bases_liquidation=saisie.bases_liquidation.strip(),
                compte_imputation=imputation,
                compte_tiers=tiers,
                montant=total,
                engagement=engagement,
                acompte=acompte,
                date_fait=saisie.date_fait,
                article_rattachement=regle.article[:200],
                critere_rattachement=f"{regle.critere_libelle} : {regle.date_critere:%d/%m/%Y}"[
                    :120
                ],
                limite_emission=regle.limite_emission,
                pieces_references=pieces_references,
                regularise=saisie.regularise,
                cree_par=acting_user,
                **{f"date_{cle}": valeur for cle, valeur in dates.items()},
            )
            if not ordre.objet or not ordre.bases_liquidation:
                raise DonneeInvalide("L'objet et les bases de liquidation sont obligatoires.")
            LigneOrdreDepense.objects.bulk_create(
                LigneOrdreDepense(
                    ordre=ordre,
                    creancier=c,
                    qualite=q,
                    identifiant=i,
                    iban=iban,
                    bic=bic,
                    montant=m,
                )
                for c, q, i, iban, bic, m in lignes
            )
            audit(
                acting_user,
                "ordre_depense.cree",
                ordre,
                apres={
                    "numero": ordre.numero,
                    "montant": total,
                    "gestion": ordre.gestion,
                    "article": ordre.article_rattachement,
                },
            )
            return ordre
    except DatabaseError as exc:
        relever_erreur_base(exc)


@transaction.atomic
def ordre_depense_joindre_piece(
    *, acting_user, ordre: OrdreDepense, nom: str, contenu: bytes, complement: bool = False
) -> PieceDepense:
    exiger_ordonnateur(acting_user, "joindre une pièce justificative", source=SOURCE)
    ordre = _verrouiller(ordre)
    exiger_etat(
        ordre,
        {OrdreDepense.Etat.SUSPENDU} if complement else {OrdreDepense.Etat.BROUILLON},
        "compléter",
    )
    return enregistrer_piece(
        ordre,
        acting_user,
        nom=nom,
        contenu=contenu,
        acte="ordre_depense.piece_jointe",
        complement=complement,
    )


@transaction.atomic
def ordre_depense_attester_service_fait(
    *, acting_user, ordre: OrdreDepense, le: datetime.date, observation: str = ""
) -> ServiceFait:
    """Attest the service fait (or the opening of rights): by whom, when (circ. §2.1.2.0)."""
    exiger_ordonnateur(acting_user, "attester le service fait", source=SOURCE)
    ordre = _verrouiller(ordre)
    exiger_etat(
        ordre,
        {
            OrdreDepense.Etat.BROUILLON,
            OrdreDepense.Etat.SIGNE,
            OrdreDepense.Etat.TRANSMIS,
            OrdreDepense.Etat.SUSPENDU,
        },
        "compléter d'un service fait",
    )
    if le > _aujourd_hui():
        raise DonneeInvalide("Le service fait ne s'atteste pas par avance.")
    service = ServiceFait.objects.create(
        ordre=ordre, le=le, atteste_par=acting_user, observation=observation
    )
    audit(acting_user, "ordre_depense.service_fait", ordre, apres={"le": le})
    return service


def empreinte_contenu(ordre: OrdreDepense) -> str:
    contenu = {
        "exercice": ordre.exercice.annee,
        "numero": ordre.numero,
        "type": ordre.type,
        "gestion": ordre.gestion,
        "nature": ordre.nature,
        "objet": ordre.objet,
        "bases": ordre.bases_liquidation,
        "imputation": ordre.compte_imputation.numero,
        "tiers": ordre.compte_tiers.numero,
        "montant": f"{ordre.montant:.2f}",
        "engagement": ordre.engagement_id,
        "acompte": ordre.acompte,
        "date_fait": ordre.date_fait.isoformat(),
        "dates": {
            cle: (v.isoformat() if v else None) for cle, v in ordre.dates_rattachement.items()
        },
        "article": ordre.article_rattachement,
        "pieces_references": ordre.pieces_references,
        "lignes": [
            [lg.creancier, lg.qualite, lg.identifiant, lg.iban, lg.bic, f"{lg.montant:.2f}"]
            for lg in ordre.lignes.order_by("id")
        ],
        "pieces": [[p.nom, p.sha256] for p in ordre.pieces.filter(complement=False).order_by("id")],
    }
    texte = json.dumps(contenu, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(texte.encode("utf-8")).hexdigest()


def _signer(acting_user, ordre: OrdreDepense) -> OrdreDepense:
    ordre = _verrouiller(ordre)
    exiger_etat(ordre, {OrdreDepense.Etat.BROUILLON}, "signer")
    aujourd_hui = _aujourd_hui()
    capacite = pouvoir_ordonnateur(
        acting_user,
        nature=NATURE_DELEGATION,
        montant=ordre.montant,
        compte_numero=ordre.compte_imputation.numero,
        le=aujourd_hui,
    )
    if aujourd_hui > ordre.limite_emission or ordre.exercice.etat == Exercice.Etat.CLOS:
        raise ExerciceInvalide(
            f"L'ordre relève de l'exercice {ordre.exercice.annee} ({ordre.article_rattachement}) : il ne peut plus "
            f"être ordonnancé après le {ordre.limite_emission:%d/%m/%Y}."
        )
    if ordre.gestion == Gestion.BUDGETAIRE:
        if ordre.engagement_id is None:
            # A regularising order (circ. §2.1.8) engages and orders at once.
            budget.credit_engager(
                acting_user=acting_user,
                exercice=ordre.exercice,
                compte_numero=ordre.compte_imputation.numero,
                montant=ordre.montant,
                reference=f"ordre_depense:{ordre.reference}",
            )
        budget.credit_ordonnancer(
            acting_user=acting_user,
            exercice=ordre.exercice,
            compte_numero=ordre.compte_imputation.numero,
            montant=ordre.montant,
            reference=f"ordre_depense:{ordre.reference}",
        )
    apposer_signature(
        acting_user, ordre, capacite, empreinte=empreinte_contenu(ordre), acte="ordre_depense.signe"
    )
    return ordre


def ordre_depense_signer(*, acting_user, ordre: OrdreDepense, mot_de_passe: str) -> OrdreDepense:
    """Ordonnancement: the directeur or a delegate within his delegation signs,
    typing the password again; for a gestion budgétaire the credits are ordered."""
    try:
        with transaction.atomic():
            verifier_mot_de_passe(acting_user, mot_de_passe)
            return _signer(acting_user, ordre)
    except DatabaseError as exc:
        relever_erreur_base(exc)


def ordre_depense_signer_lot(*, acting_user, ordres, mot_de_passe: str):
    """The parapheur: one password entry, each order signed on its own."""
    verifier_mot_de_passe(acting_user, mot_de_passe)
    signes, refus = [], []
    for ordre in ordres:
        try:
            with transaction.atomic():
                signes.append(_signer(acting_user, ordre))
        except ApplicationError as erreur:
            refus.append((ordre, erreur.message))
    return signes, refus


@transaction.atomic
def ordre_depense_transmettre(*, acting_user, ordre: OrdreDepense) -> OrdreDepense:
    exiger_ordonnateur(acting_user, "transmettre un ordre de dépense", source=SOURCE)
    ordre = _verrouiller(ordre)
    exiger_etat(ordre, {OrdreDepense.Etat.SIGNE}, "transmettre")
    ordre.etat = OrdreDepense.Etat.TRANSMIS
    ordre.transmis_le = horloge.maintenant()
    ordre.save(update_fields=["etat", "transmis_le"])
    audit(
        acting_user,
        "ordre_depense.transmis",
        ordre,
        avant={"etat": "signe"},
        apres={"etat": ordre.etat},
    )
    return ordre


def derniere_signature(ordre: OrdreDepense) -> SignatureDepense | None:
    return ordre.signatures.select_related("signataire", "delegation").order_by("-id").first()


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
            from budget.selectors import situation

            s = situation(credit=credit)
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
    oppositions = []
    for ligne in ordre.lignes.all():
        if ligne.identifiant:
            oppositions += oppositions_opposables(
                creancier_identifiant=ligne.identifiant, le=_aujourd_hui()
            )
    erreurs_banque = []
    for ligne in ordre.lignes.all():
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
    resultats.append(
        ResultatControle(
            Controle.LIBERATOIRE, Controle.LIBERATOIRE.label, True, not erreurs_banque, detail
        )
    )
    service = ordre.services_faits.order_by("-id").first()
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
    selectionne: bool
    motif: str


def plan_applicable(ordre: OrdreDepense) -> PlanApplicable:
    """Does the plan de contrôle ask the agent comptable to judge this order himself?
    (circ. 93/82 §2.1.2.1: exhaustive, selective or sampled by nature; a nature
    absent from the plan is controlled exhaustively.)"""
    plan = PlanControleDepense.objects.filter(nature=ordre.nature).first()
    if plan is None:
        return PlanApplicable("exhaustif (nature hors plan)", True, "contrôle exhaustif")
    selectionne, motif = selection_plan(
        mode=plan.mode,
        seuil=plan.seuil,
        taux=plan.taux,
        montant=ordre.montant,
        cle=f"depense-{ordre.exercice.annee}-{ordre.numero}",
    )
    return PlanApplicable(plan.get_mode_display(), selectionne, motif)


def _poster_visa(comptable, ordre: OrdreDepense, libelle: str):
    lignes = [LigneSaisie(ordre.compte_imputation.numero, debit=ordre.montant)] + [
        LigneSaisie(ordre.compte_tiers.numero, credit=ligne.montant, tiers=ligne.creancier[:120])
        for ligne in ordre.lignes.order_by("id")
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
        with transaction.atomic():
            ordre = _verrouiller(ordre)
            exiger_comptable_distinct(acting_user, ordre, "viser un ordre de dépense")
            exiger_etat(ordre, {OrdreDepense.Etat.TRANSMIS}, "viser")
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


@transaction.atomic
def ordre_depense_suspendre(
    *, acting_user, ordre: OrdreDepense, motif: str, explication: str
) -> Suspension:
    """Suspend payment with a reason (circ. §2.1.2.0); the order goes back to the directeur."""
    ordre = _verrouiller(ordre)
    exiger_comptable_distinct(acting_user, ordre, "suspendre un paiement")
    exiger_etat(ordre, {OrdreDepense.Etat.TRANSMIS}, "suspendre")
    if motif not in Suspension.Motif.values:
        raise DonneeInvalide(f"Motif de suspension inconnu : « {motif} ».")
    if not (explication or "").strip():
        raise DonneeInvalide("La suspension d'un paiement doit être motivée.")
    suspension = Suspension.objects.create(
        ordre=ordre, motif=motif, explication=explication.strip(), par=acting_user
    )
    ordre.etat = OrdreDepense.Etat.SUSPENDU
    ordre.save(update_fields=["etat"])
    audit(
        acting_user,
        "ordre_depense.suspendu",
        ordre,
        avant={"etat": "transmis"},
        apres={"etat": ordre.etat, "motif": motif, "explication": explication},
    )
    return suspension


def _suspension_ouverte(ordre: OrdreDepense) -> Suspension:
    suspension = ordre.suspensions.filter(suite="").order_by("-id").first()
    if suspension is None:
        raise TransitionInterdite(f"L'ordre n° {ordre.reference} n'a pas de suspension en cours.")
    return suspension


@transaction.atomic
def ordre_depense_completer(
    *,
    acting_user,
    ordre: OrdreDepense,
    complement: str,
    service_fait_le: datetime.date | None = None,
) -> OrdreDepense:
    """The directeur completes the file (missing service fait, pièces) and sends it back."""
    exiger_ordonnateur(acting_user, "compléter un ordre suspendu", source=SOURCE)
    ordre = _verrouiller(ordre)
    exiger_etat(ordre, {OrdreDepense.Etat.SUSPENDU}, "compléter")
    suspension = _suspension_ouverte(ordre)
    if not (complement or "").strip():
        raise DonneeInvalide("Dites ce qui complète le dossier.")
    if service_fait_le is not None:
        ordre_depense_attester_service_fait(
            acting_user=acting_user, ordre=ordre, le=service_fait_le, observation=complement
        )
    suspension.suite, suspension.suite_le, suspension.suite_par, suspension.complement = (
        Suspension.Suite.COMPLETE,
        horloge.maintenant(),
        acting_user,
        complement.strip(),
    )
    suspension.save(update_fields=["suite", "suite_le", "suite_par", "complement"])
    ordre.etat = OrdreDepense.Etat.TRANSMIS
    ordre.transmis_le = horloge.maintenant()
    ordre.save(update_fields=["etat", "transmis_le"])
    audit(
        acting_user,
        "ordre_depense.complete",
        ordre,
        avant={"etat": "suspendu"},
        apres={"etat": ordre.etat, "complement": complement},
    )
    return ordre


@transaction.atomic
def ordre_depense_retirer(*, acting_user, ordre: OrdreDepense, motif: str) -> OrdreDepense:
    """The directeur withdraws a suspended order (circ. 93/82 §2.1.9): its
    ordonnancement is cancelled on the credits, its engagement stays open."""
    exiger_ordonnateur(acting_user, "retirer un ordre de dépense", source=SOURCE)
    ordre = _verrouiller(ordre)
    exiger_etat(ordre, {OrdreDepense.Etat.SUSPENDU}, "retirer")
    suspension = _suspension_ouverte(ordre)
    if not (motif or "").strip():
        raise DonneeInvalide("Le retrait d'un ordre doit être motivé.")
    suspension.suite, suspension.suite_le, suspension.suite_par, suspension.complement = (
        Suspension.Suite.RETIRE,
        horloge.maintenant(),
        acting_user,
        motif.strip(),
    )
    suspension.save(update_fields=["suite", "suite_le", "suite_par", "complement"])
    if ordre.gestion == Gestion.BUDGETAIRE:
        reference = f"ordre_depense:{ordre.reference}"
        budget.credit_desordonnancer(
            acting_user=acting_user,
            exercice=ordre.exercice,
            compte_numero=ordre.compte_imputation.numero,
            montant=ordre.montant,
            reference=reference,
        )
        if ordre.engagement_id is None:
            # A regularising order had engaged its credits itself at signature.
            budget.credit_liberer(
                acting_user=acting_user,
                exercice=ordre.exercice,
                compte_numero=ordre.compte_imputation.numero,
                montant=ordre.montant,
                reference=reference,
            )
    ordre.etat = OrdreDepense.Etat.RETIRE
    ordre.save(update_fields=["etat"])
    audit(
        acting_user,
        "ordre_depense.retire",
        ordre,
        avant={"etat": "suspendu"},
        apres={"etat": ordre.etat, "motif": motif},
    )
    return ordre


REFUS_REQUISITION = {
    Suspension.Motif.OPPOSITION: "une opposition est entre les mains de l'agent comptable",
    Suspension.Motif.DETTE_CONTESTEE: "la dette est contestée",
    Suspension.Motif.SERVICE_FAIT: "le service n'est pas fait",
    Suspension.Motif.CREDITS: "les crédits manquent ou sont insuffisants",
    Suspension.Motif.DECISION: "la décision du conseil est suspendue ou annulée",
}


def motifs_de_refus_requisition(ordre: OrdreDepense, suspension: Suspension) -> list[str]:
    """The cases where the agent comptable must not obey (circ. 93/82 §2.1.9.0)."""
    motifs = []
    if suspension.motif in REFUS_REQUISITION:
        motifs.append(REFUS_REQUISITION[suspension.motif])
    for ligne in ordre.lignes.all():
        if ligne.identifiant and oppositions_opposables(
            creancier_identifiant=ligne.identifiant, le=_aujourd_hui()
        ):
            motifs.append(f"une opposition vise {ligne.creancier}")
    if not ordre.services_faits.exists():
        motifs.append("aucun service fait n'est attesté")
    if ordre.gestion == Gestion.BUDGETAIRE:
        credit = budget.credit_pour(
            exercice=ordre.exercice, compte_numero=ordre.compte_imputation.numero
        )
        if credit is None:
            motifs.append("aucun crédit n'est ouvert")
        else:
            from budget.selectors import situation

            if situation(credit=credit).disponible < 0:
                motifs.append("les crédits sont insuffisants")
    return list(dict.fromkeys(motifs))


def ordre_depense_requerir(
    *, acting_user, ordre: OrdreDepense, motif: str, mot_de_passe: str
) -> Requisition:
    """Réquisition (circ. 93/82 §2.1.9): the directeur orders payment in writing.
    Refused where the agent comptable may not obey; otherwise the visa is
    forced, liability moves to the directeur, and the board's report lists it."""
    try:
        with transaction.atomic():
            verifier_mot_de_passe(acting_user, mot_de_passe)
            ordre = _verrouiller(ordre)
            exiger_etat(ordre, {OrdreDepense.Etat.SUSPENDU}, "requérir")
            capacite = pouvoir_ordonnateur(
                acting_user,
                nature=NATURE_DELEGATION,
                montant=ordre.montant,
                compte_numero=ordre.compte_imputation.numero,
                le=_aujourd_hui(),
            )
            if capacite.delegation is not None:
                raise DroitInsuffisant(
                    "La réquisition de l'agent comptable appartient au directeur lui-même "
                    "(circulaire 93/82 §2.1.9)."
                )
            suspension = _suspension_ouverte(ordre)
            if not (motif or "").strip():
                raise DonneeInvalide(
                    "La réquisition est écrite et motivée (circulaire 93/82 §2.1.9.0)."
                )
            refus = motifs_de_refus_requisition(ordre, suspension)
            if refus:
                raise TransitionInterdite(
                    "Réquisition refusée : l'agent comptable ne peut y déférer car "
                    + " ; ".join(refus)
                    + " (circulaire 93/82 §2.1.9.0).",
                    details={"motifs": refus},
                )
            requisition = Requisition.objects.create(
                ordre=ordre,
                suspension=suspension,
                motif=motif.strip(),
                requis_par=acting_user,
                qualite=capacite.qualite[:255],
            )
            suspension.suite, suspension.suite_le, suspension.suite_par = (
                Suspension.Suite.REQUIS,
                horloge.maintenant(),
                acting_user,
            )
            suspension.save(update_fields=["suite", "suite_le", "suite_par"])
            # The agent comptable who suspended executes the payment under réquisition.
            ecriture = _poster_visa(
                suspension.par, ordre, "Visa sur réquisition de l'ordre de dépense"
            )
            ordre.etat, ordre.vise_le, ordre.vise_par, ordre.ecriture = (
                OrdreDepense.Etat.VISE,
                horloge.maintenant(),
                suspension.par,
                ecriture,
            )
            ordre.save(update_fields=["etat", "vise_le", "vise_par", "ecriture"])
            audit(
                acting_user,
                "ordre_depense.requis",
                ordre,
                avant={"etat": "suspendu"},
                apres={
                    "etat": ordre.etat,
                    "motif": motif,
                    "responsabilite": "transférée au directeur",
                },
            )
            return requisition
    except DatabaseError as exc:
        relever_erreur_base(exc)


# --- Lost orders, reimputation, expenses paid without prior order -------------------


@transaction.atomic
def certificat_non_paiement_delivrer(
    *, acting_user, ordre: OrdreDepense, observation: str = ""
) -> CertificatNonPaiement:
    """The agent comptable certifies a lost order was not paid (circ. §2.1.4)."""
    exiger_comptable(acting_user, _aujourd_hui(), "certifier le non-paiement d'un ordre")
    ordre = _verrouiller(ordre)
    exiger_etat(ordre, {OrdreDepense.Etat.TRANSMIS, OrdreDepense.Etat.VISE}, "déclarer perdu")
    certificat = CertificatNonPaiement.objects.create(
        ordre=ordre, par=acting_user, observation=observation
    )
    audit(
        acting_user,
        "ordre_depense.certificat_non_paiement",
        ordre,
        apres={"observation": observation},
    )
    return certificat


def ordre_depense_dupliquer(*, acting_user, ordre: OrdreDepense, mot_de_passe: str) -> OrdreDepense:
    """Issue the duplicata of a lost order, on the agent comptable's certificate."""
    try:
        with transaction.atomic():
            verifier_mot_de_passe(acting_user, mot_de_passe)
            ordre = _verrouiller(ordre)
            if not CertificatNonPaiement.objects.filter(ordre=ordre).exists():
                raise TransitionInterdite(
                    "Un duplicata ne s'émet que sur le certificat de l'agent comptable "
                    "attestant que l'ordre n'a pas été payé (circulaire 93/82 §2.1.4)."
                )
            exiger_etat(ordre, {OrdreDepense.Etat.TRANSMIS, OrdreDepense.Etat.VISE}, "dupliquer")
            capacite = pouvoir_ordonnateur(
                acting_user,
                nature=NATURE_DELEGATION,
                montant=ordre.montant,
                compte_numero=ordre.compte_imputation.numero,
                le=_aujourd_hui(),
            )
            compteur = CompteurOrdreDepense.objects.select_for_update().get(exercice=ordre.exercice)
            exclus = (
                "id",
                "numero",
                "duplicata_de_id",
                "regularise_id",
                "cree_par_id",
                "cree_le",
                "etat",
                "empreinte_contenu",
                "transmis_le",
                "vise_le",
                "vise_par_id",
                "ecriture_id",
            )
            champs = {
                f.attname: getattr(ordre, f.attname)
                for f in OrdreDepense._meta.concrete_fields
                if f.attname not in exclus
            }
            duplicata = OrdreDepense.objects.create(
                **champs,
                numero=compteur.dernier_numero + 1,
                duplicata_de=ordre,
                cree_par=acting_user,
            )
            LigneOrdreDepense.objects.bulk_create(
                LigneOrdreDepense(
                    ordre=duplicata,
                    creancier=lg.creancier,
                    qualite=lg.qualite,
                    identifiant=lg.identifiant,
                    iban=lg.iban,
                    bic=lg.bic,
                    montant=lg.montant,
                )
                for lg in ordre.lignes.order_by("id")
            )
            # The duplicata takes the original's place in the circuit: signed,
            # transmitted, and visaed on the same entry if the original was.
            duplicata.empreinte_contenu = empreinte_contenu(duplicata)
            duplicata.etat = OrdreDepense.Etat.SIGNE
            duplicata.save(update_fields=["empreinte_contenu", "etat"])
            SignatureDepense.objects.create(
                ordre=duplicata,
                signataire=acting_user,
                qualite=capacite.qualite[:255],
                delegation=capacite.delegation,
                signee_le=horloge.maintenant(),
                empreinte_contenu=duplicata.empreinte_contenu,
            )
            duplicata.etat, duplicata.transmis_le = OrdreDepense.Etat.TRANSMIS, horloge.maintenant()
            duplicata.save(update_fields=["etat", "transmis_le"])
            if ordre.etat == OrdreDepense.Etat.VISE:
                duplicata.etat, duplicata.vise_le, duplicata.vise_par_id, duplicata.ecriture_id = (
                    OrdreDepense.Etat.VISE,
                    ordre.vise_le,
                    ordre.vise_par_id,
                    ordre.ecriture_id,
                )
                duplicata.save(update_fields=["etat", "vise_le", "vise_par", "ecriture"])
            ordre.etat = OrdreDepense.Etat.REMPLACE
            ordre.save(update_fields=["etat"])
            audit(
                acting_user,
                "ordre_depense.duplicata",
                ordre,
                apres={"duplicata": duplicata.reference},
            )
            return duplicata
    except DatabaseError as exc:
        relever_erreur_base(exc)


def certificat_reimputation_etablir(
    *, acting_user, ordre: OrdreDepense, nouveau_compte: str, motif: str
) -> CertificatReimputation:
    """Correct a wrong imputation within the exercise (circ. §2.1.4), never once it is closed."""
    try:
        with transaction.atomic():
            exiger_comptable(acting_user, _aujourd_hui(), "passer un certificat de réimputation")
            ordre = _verrouiller(ordre)
            exiger_etat(ordre, {OrdreDepense.Etat.VISE, OrdreDepense.Etat.PAYE}, "réimputer")
            if ordre.exercice.etat == Exercice.Etat.CLOS:
                raise ExerciceClos(
                    f"L'exercice {ordre.exercice.annee} est clos : la réimputation n'est plus "
                    "possible (circulaire 93/82 §2.1.4)."
                )
            nouveau = _compte(nouveau_compte, classes=(2, 6), libelle="Le nouveau compte")
            precedent = ordre.reimputations.order_by("-id").first()
            ancien = precedent.nouveau_compte if precedent else ordre.compte_imputation
            if nouveau.pk == ancien.pk:
                raise DonneeInvalide("Le nouveau compte est celui de l'imputation actuelle.")
            if not (motif or "").strip():
                raise DonneeInvalide("Le certificat de réimputation est motivé.")
            ecriture = ecriture_passer(
                acting_user=acting_user,
                exercice=ordre.exercice,
                journal="OD",
                date=min(_aujourd_hui(), ordre.exercice.fin),
                libelle=f"Certificat de réimputation de l'ordre n° {ordre.reference}"[:255],
                lignes=[
                    LigneSaisie(nouveau.numero, debit=ordre.montant),
                    LigneSaisie(ancien.numero, credit=ordre.montant),
                ],
                piece=f"ordre_depense:{ordre.reference}",
            )
            certificat = CertificatReimputation.objects.create(
                ordre=ordre,
                ancien_compte=ancien,
                nouveau_compte=nouveau,
                motif=motif.strip(),
                par=acting_user,
                ecriture=ecriture,
            )
            audit(
                acting_user,
                "ordre_depense.reimpute",
                ordre,
                avant={"compte": ancien.numero},
                apres={"compte": nouveau.numero, "motif": motif},
            )
            return certificat
    except DatabaseError as exc:
        relever_erreur_base(exc)


def limite_regularisation(payee_le: datetime.date) -> datetime.date:
    """Within one month and before year end (circ. 93/82 §2.1.8)."""
    mois = payee_le.month % 12 + 1
    annee = payee_le.year + (1 if payee_le.month == 12 else 0)
    jour = min(payee_le.day, 28 if mois == 2 else 30 if mois in (4, 6, 9, 11) else 31)
    return min(datetime.date(annee, mois, jour), datetime.date(payee_le.year, 12, 31))


def depense_sans_ordonnancement_enregistrer(
    *,
    acting_user,
    exercice: Exercice,
    objet: str,
    creancier: str,
    compte_charge: str,
    montant_preleve,
    payee_le: datetime.date,
    reference: str,
) -> DepenseSansOrdonnancement:
    """Record, from the bank side, an authorised direct debit paid before any
    order (water, gas, electricity, taxes, telephone): 4721 / bank."""
    try:
        with transaction.atomic():
            exiger_comptable(
                acting_user, _aujourd_hui(), "enregistrer une dépense payée sans ordonnancement"
            )
            compte = _compte(compte_charge, classes=(6,), libelle="Le compte de charge")
            valeur = montant(montant_preleve, libelle="Le montant prélevé")
            ecriture = ecriture_passer(
                acting_user=acting_user,
                exercice=exercice,
                journal="TR",
                date=payee_le,
                libelle=f"Prélèvement sans ordonnancement préalable : {objet}"[:255],
                lignes=[
                    LigneSaisie("4721", debit=valeur, tiers=creancier[:120]),
                    LigneSaisie("5122", credit=valeur),
                ],
                piece=f"releve:{reference}",
            )
            dso = DepenseSansOrdonnancement.objects.create(
                exercice=exercice,
                objet=objet.strip()[:255],
                creancier=creancier.strip()[:200],
                compte_charge=compte,
                montant=valeur,
                payee_le=payee_le,
                reference=reference[:120],
                ecriture=ecriture,
                enregistree_par=acting_user,
                limite_regularisation=limite_regularisation(payee_le),
            )
            audit(
                acting_user,
                "depense_sans_ordonnancement.enregistree",
                dso,
                apres={"montant": valeur, "limite": dso.limite_regularisation},
            )
            return dso
    except DatabaseError as exc:
        relever_erreur_base(exc)


@dataclass(frozen=True)
class EtatRegularisation:
    depense: DepenseSansOrdonnancement
    ordre: OrdreDepense | None
    en_retard: bool
    libelle: str


def regularisations(
    *, exercice: Exercice | None = None, le: datetime.date | None = None
) -> list[EtatRegularisation]:
    """Expenses paid without prior order, pending or late (circ. §2.1.8)."""
    le = le or _aujourd_hui()
    qs = DepenseSansOrdonnancement.objects.select_related("compte_charge", "exercice")
    if exercice is not None:
        qs = qs.filter(exercice=exercice)
    resultat = []
    for dso in qs:
        ordre = OrdreDepense.objects.filter(regularise=dso).select_related("exercice").first()
        if ordre is None:
            retard = le > dso.limite_regularisation
            libelle = (
                f"en retard : à régulariser au plus tard le {dso.limite_regularisation:%d/%m/%Y}"
                if retard
                else f"à régulariser au plus tard le {dso.limite_regularisation:%d/%m/%Y}"
            )
        else:
            retard = timezone.localdate(ordre.cree_le) > dso.limite_regularisation
            libelle = (
                f"régularisée tardivement par l'ordre n° {ordre.reference}"
                if retard
                else f"régularisée par l'ordre n° {ordre.reference}"
            )
        resultat.append(EtatRegularisation(dso, ordre, retard, libelle))
    return resultat


@dataclass(frozen=True)
class SituationBudgetaire:
    engage: Decimal
    ordonnance: Decimal
    vise: Decimal


def depenses_du_compte(*, exercice: Exercice, compte_numero: str) -> SituationBudgetaire:
    """Engaged, ordered and visaed on an account, from the orders themselves."""
    engagements = Engagement.objects.filter(
        exercice=exercice, compte_imputation__numero__startswith=compte_numero
    )
    ordres = OrdreDepense.objects.filter(
        exercice=exercice, compte_imputation__numero__startswith=compte_numero
    )
    actifs = ordres.exclude(
        etat__in=[
            OrdreDepense.Etat.BROUILLON,
            OrdreDepense.Etat.ABANDONNE,
            OrdreDepense.Etat.RETIRE,
            OrdreDepense.Etat.REMPLACE,
        ]
    )
    vises = actifs.filter(etat__in=[OrdreDepense.Etat.VISE, OrdreDepense.Etat.PAYE])
    return SituationBudgetaire(
        engage=sum((e.montant for e in engagements), ZERO),
        ordonnance=sum((o.montant for o in actifs), ZERO),
        vise=sum((o.montant for o in vises), ZERO),
    )
