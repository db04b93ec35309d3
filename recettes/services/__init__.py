"""Acts on ordres de recette: each one service, atomic, checked, audited.

Rules and their sources are in the docstring of `recettes/models.py`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import DatabaseError, transaction

from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    ExerciceClos,
    ExerciceInvalide,
    TransitionInterdite,
    relever_erreur_base,
)
from core.money import ZERO, format_euros, montant
from core.pieces import verifier_mot_de_passe
from core.verrous import verrouiller
from ledger.models import Compte, Exercice
from ledger.services import LigneSaisie, ecriture_passer
from ordres import services as commun
from ordres.services import (
    ResultatLot,
    Sorte,
    empreinte,
    exiger_comptable_distinct,
    exiger_etat,
    exiger_lignes,
    exiger_ordonnateur,
    exiger_transition,
    numero_suivant,
    selection_plan,
)
from personnes.permissions import exiger_separation, pouvoir_ordonnateur
from recettes.models import (
    CompteurOrdre,
    ControleEffectue,
    LigneOrdreRecette,
    Nature,
    OrdreRecette,
    PieceJustificative,
    PlanControle,
    Reduction,
    Signature,
)
from recettes.selectors import reductions_en_attente, reste_a_recouvrer
from reglementation.selectors import rattachement, seuil_d133_2

SOURCE = "art. D253-16, circulaire 93/82 §2.0"
NATURE_DELEGATION = "ordre_recette"


@dataclass(frozen=True)
class LigneDebiteur:
    debiteur: str
    qualite: str
    montant: Decimal | str | int
    identifiant: str = ""


@dataclass
class SaisieOrdre:
    """What the directeur's services type on a draft."""

    nature: str
    objet: str
    bases_liquidation: str
    compte_imputation: str
    compte_tiers: str
    date_fait: datetime.date
    lignes: Sequence[LigneDebiteur]
    type: str = OrdreRecette.Type.INDIVIDUEL
    dates: dict[str, datetime.date | None] = field(default_factory=dict)
    pieces_references: str = ""


DATES = (
    "droits_acquis",
    "liquidation",
    "echeance",
    "contrat",
    "reception",
    "decision",
    "reglement",
    "encaissement",
)


def _aujourd_hui() -> datetime.date:
    return horloge.aujourdhui()


def _verrouiller(ordre: OrdreRecette) -> OrdreRecette:
    return commun.verrouiller_ordre(SORTE, ordre)


def _comptes(saisie: SaisieOrdre) -> tuple[Compte, Compte]:
    comptes = {
        c.numero: c
        for c in Compte.objects.filter(numero__in=[saisie.compte_imputation, saisie.compte_tiers])
    }
    imputation = comptes.get(saisie.compte_imputation)
    tiers = comptes.get(saisie.compte_tiers)
    if not saisie.compte_imputation:
        raise DonneeInvalide(
            "Indiquez le compte d'imputation de la recette (un compte de produits, classe 7)."
        )
    if imputation is None or not imputation.imputable or imputation.classe != 7:
        raise DonneeInvalide(
            f"Le compte d'imputation « {saisie.compte_imputation} » doit être un compte de produits (classe 7) "
            "imputable du plan comptable (circulaire 93/82 §2.0.0)."
        )
    if tiers is None or not tiers.imputable or tiers.classe != 4:
        raise DonneeInvalide(
            f"Le compte du débiteur « {saisie.compte_tiers} » doit être un compte de tiers (classe 4) imputable."
        )
    return imputation, tiers


def _lignes(saisie: SaisieOrdre) -> list[tuple[str, str, str, Decimal]]:
    if not saisie.lignes:
        raise DonneeInvalide("Un ordre de recette nomme au moins un débiteur.")
    if saisie.type == OrdreRecette.Type.INDIVIDUEL and len(saisie.lignes) != 1:
        raise DonneeInvalide(
            "Un ordre individuel nomme un seul débiteur ; pour plusieurs débiteurs, émettez un ordre collectif."
        )
    resultat = []
    for rang, ligne in enumerate(saisie.lignes, start=1):
        if not ligne.debiteur.strip() or not ligne.qualite.strip():
            raise DonneeInvalide(
                f"Ligne {rang} : le nom et la qualité du débiteur sont obligatoires (circulaire 93/82 §2.0.0)."
            )
        resultat.append(
            (
                ligne.debiteur.strip(),
                ligne.qualite.strip(),
                ligne.identifiant.strip(),
                montant(ligne.montant, libelle=f"Ligne {rang} : le montant"),
            )
        )
    return resultat


def _rattacher(saisie: SaisieOrdre):
    """Which exercise, until when, under which article (reglementation)."""
    dates = {cle: saisie.dates.get(cle) for cle in DATES}
    regle = rattachement(
        sens="recette", nature=saisie.nature, date_fait=saisie.date_fait, dates=dates
    )
    exercice = Exercice.objects.filter(annee=regle.annee).first()
    if exercice is None:
        raise ExerciceInvalide(
            f"L'ordre relève de l'exercice {regle.annee} ({regle.article}), qui n'est pas ouvert."
        )
    return regle, exercice


def verifier_delai_emission(ordre: OrdreRecette, le: datetime.date) -> None:
    """An order for a past exercise is issued only within its période complémentaire
    (D253-17: 10 days; D253-17-1: 2 months or 1 month), never into a closed exercise."""
    if ordre.exercice.etat == Exercice.Etat.CLOS:
        raise ExerciceClos(
            f"L'exercice {ordre.exercice.annee} est clos : aucun ordre ne peut plus y être émis."
        )
    if le > ordre.limite_emission:
        raise ExerciceInvalide(
            f"L'ordre relève de l'exercice {ordre.exercice.annee} ({ordre.article_rattachement}) : "
            f"sa période complémentaire s'est achevée le {ordre.limite_emission:%d/%m/%Y}, il ne peut plus être émis."
        )


def _appliquer(ordre: OrdreRecette, saisie: SaisieOrdre, regle, exercice) -> None:
    imputation, tiers = _comptes(saisie)
    valeurs = {f"date_{cle}": saisie.dates.get(cle) for cle in DATES}
    for nom, valeur in valeurs.items():
        setattr(ordre, nom, valeur)
    ordre.exercice = exercice
    ordre.type = saisie.type
    ordre.nature = saisie.nature
    ordre.objet = saisie.objet.strip()[:255]
    ordre.bases_liquidation = saisie.bases_liquidation.strip()
    ordre.compte_imputation = imputation
    ordre.compte_tiers = tiers
    ordre.date_fait = saisie.date_fait
    ordre.article_rattachement = regle.article[:200]
    ordre.critere_rattachement = f"{regle.critere_libelle} : {regle.date_critere:%d/%m/%Y}"[:120]
    ordre.limite_emission = regle.limite_emission
    ordre.pieces_references = saisie.pieces_references.strip()
    if not ordre.objet or not ordre.bases_liquidation:
        raise DonneeInvalide(
            "L'objet et les bases de liquidation de l'ordre sont obligatoires (circulaire 93/82 §2.0.0)."
        )
    if saisie.nature not in Nature.values:
        raise DonneeInvalide(f"Nature de recette inconnue : « {saisie.nature} ».")


def _ecrire_lignes(ordre: OrdreRecette, lignes) -> None:
    ordre.lignes.all().delete()
    LigneOrdreRecette.objects.bulk_create(
        LigneOrdreRecette(ordre=ordre, debiteur=d, qualite=q, identifiant=i, montant=m)
        for d, q, i, m in lignes
    )


def ordre_recette_creer(
    *, acting_user, saisie: SaisieOrdre, pieces: Sequence[tuple[str, bytes]] = ()
) -> OrdreRecette:
    """Create a draft, numbered at once in its exercise (circ. 93/82 §2.0.0),
    with its pièces justificatives (`[(nom, contenu), ...]`, circ. §2.0.2) in
    the same transaction."""

    def construire() -> OrdreRecette:
        lignes = _lignes(saisie)
        regle, exercice = _rattacher(saisie)
        ordre = OrdreRecette(cree_par=acting_user, montant=sum((m for *_, m in lignes), ZERO))
        _appliquer(ordre, saisie, regle, exercice)
        verifier_delai_emission(ordre, _aujourd_hui())
        ordre.numero = numero_suivant(CompteurOrdre, exercice)
        ordre.save()
        _ecrire_lignes(ordre, lignes)
        audit(acting_user, "ordre_recette.cree", ordre, apres=_instantane(ordre))
        return ordre

    return commun.creer(SORTE, acting_user, construire, pieces)


def ordre_recette_modifier(
    *, acting_user, ordre: OrdreRecette, saisie: SaisieOrdre
) -> OrdreRecette:
    """Edit a draft; its exercise (and so its number) stays what it was."""
    try:
        with transaction.atomic():
            exiger_ordonnateur(acting_user, "modifier un ordre de recette", source=SOURCE)
            ordre = _verrouiller(ordre)
            exiger_etat(ordre, {OrdreRecette.Etat.BROUILLON}, "modifier")
            avant = _instantane(ordre)
            lignes = _lignes(saisie)
            regle, exercice = _rattacher(saisie)
            if exercice.pk != ordre.exercice_id:
                raise ExerciceInvalide(
                    f"Ces dates rattachent l'ordre à l'exercice {exercice.annee}, alors qu'il est numéroté dans "
                    f"l'exercice {ordre.exercice.annee} : abandonnez ce brouillon et créez un nouvel ordre."
                )
            _appliquer(ordre, saisie, regle, exercice)
            ordre.montant = sum((m for *_, m in lignes), ZERO)
            ordre.save()
            _ecrire_lignes(ordre, lignes)
            audit(
                acting_user, "ordre_recette.modifie", ordre, avant=avant, apres=_instantane(ordre)
            )
            return ordre
    except DatabaseError as exc:
        relever_erreur_base(exc)


def ordre_recette_joindre_piece(
    *, acting_user, ordre: OrdreRecette, nom: str, contenu: bytes
) -> PieceJustificative:
    """Attach a pièce justificative (circ. 93/82 §2.0.2), stored with its SHA-256."""
    return commun.joindre_piece(
        SORTE, acting_user, ordre, nom=nom, contenu=contenu, acte="compléter de pièces"
    )


def _contenu(ordre: OrdreRecette) -> dict:
    """What is signed: the order's content, its lines and its pièces' hashes."""
    return {
        "exercice": ordre.exercice.annee,
        "numero": ordre.numero,
        "type": ordre.type,
        "nature": ordre.nature,
        "objet": ordre.objet,
        "bases": ordre.bases_liquidation,
        "imputation": ordre.compte_imputation.numero,
        "tiers": ordre.compte_tiers.numero,
        "montant": f"{ordre.montant:.2f}",
        "date_fait": ordre.date_fait.isoformat(),
        "dates": {
            cle: (v.isoformat() if v else None) for cle, v in ordre.dates_rattachement.items()
        },
        "article": ordre.article_rattachement,
        "pieces_references": ordre.pieces_references,
        "lignes": [
            [lg.debiteur, lg.qualite, lg.identifiant, f"{lg.montant:.2f}"]
            for lg in ordre.lignes.order_by("id")
        ],
        "pieces": [[p.nom, p.sha256] for p in ordre.pieces.order_by("id")],
    }


def empreinte_contenu(ordre: OrdreRecette) -> str:
    """SHA-256 of what is signed: the order's content, its lines and its pièces."""
    return empreinte(_contenu(ordre))


def _avant_signature(acting_user, ordre: OrdreRecette, capacite, le: datetime.date) -> None:
    verifier_delai_emission(ordre, le)
    exiger_lignes(ordre, "Un ordre sans débiteur ne se signe pas.")


SORTE = Sorte(
    modele=OrdreRecette,
    nom=NATURE_DELEGATION,
    source=SOURCE,
    contenu=_contenu,
    avant_signature=_avant_signature,
)


def ordre_recette_signer(*, acting_user, ordre: OrdreRecette, mot_de_passe: str) -> OrdreRecette:
    """Sign (art. D253-16): the directeur, or a delegate within a notified
    delegation valid today, after typing the password again."""
    return commun.signer_avec_mot_de_passe(SORTE, acting_user, ordre, mot_de_passe)


def ordre_recette_signer_lot(
    *, acting_user, ordres: Sequence[OrdreRecette], mot_de_passe: str
) -> ResultatLot:
    """The parapheur: one password entry, then each order signed on its own;
    an order refused (delegation, deadline...) does not stop the others."""
    return commun.signer_lot(SORTE, acting_user, ordres, mot_de_passe)


def ordre_recette_transmettre(*, acting_user, ordre: OrdreRecette) -> OrdreRecette:
    """Send the signed order, with its pièces, to the agent comptable (D253-16 al. 2)."""
    return commun.transmettre(SORTE, acting_user, ordre)


def derniere_signature(ordre: OrdreRecette) -> Signature | None:
    return commun.derniere_signature(ordre)


@dataclass(frozen=True)
class ControlesRequis:
    mode: str
    mode_libelle: str
    selectionne: bool
    points: list[str]
    motif: str


def controles_requis(ordre: OrdreRecette) -> ControlesRequis:
    """What the plan de contrôle asks for this order (D253-16 al. 3: selective by nature)."""
    plan = PlanControle.objects.filter(nature=ordre.nature).first()
    if plan is None:
        return ControlesRequis(
            "exhaustif",
            "exhaustif (aucun plan pour cette nature)",
            True,
            ["Régularité de l'ordre et de ses pièces"],
            "aucun plan : contrôle exhaustif",
        )
    points = [p.strip() for p in plan.points.splitlines() if p.strip()]
    selectionne, motif = selection_plan(
        mode=plan.mode,
        seuil=plan.seuil,
        taux=plan.taux,
        montant=ordre.montant,
        cle=f"{ordre.exercice.annee}-{ordre.numero}",
    )
    return ControlesRequis(plan.mode, plan.get_mode_display(), selectionne, points, motif)


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
        with transaction.atomic():
            ordre = _verrouiller(ordre)
            exiger_comptable_distinct(acting_user, ordre, "prendre en charge un ordre de recette")
            exiger_transition(ordre, OrdreRecette.Etat.PRIS_EN_CHARGE, "prendre en charge")
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
                        "Le plan de contrôle demande de vérifier : " + " ; ".join(manquants) + ".",
                        details={"manquants": manquants},
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
                for lg in ordre.lignes.order_by("id")
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


@transaction.atomic
def ordre_recette_reprendre(*, acting_user, ordre: OrdreRecette) -> OrdreRecette:
    """The directeur takes a rejected order back as a draft, to correct and sign again."""
    exiger_ordonnateur(acting_user, "reprendre un ordre rejeté", source=SOURCE)
    ordre = _verrouiller(ordre)
    exiger_transition(ordre, OrdreRecette.Etat.BROUILLON, "reprendre")
    ordre.etat = OrdreRecette.Etat.BROUILLON
    ordre.empreinte_contenu = ""
    ordre.save(update_fields=["etat", "empreinte_contenu"])
    audit(
        acting_user,
        "ordre_recette.repris",
        ordre,
        avant={"etat": "rejete"},
        apres={"etat": ordre.etat},
    )
    return ordre


@transaction.atomic
def ordre_recette_abandonner(*, acting_user, ordre: OrdreRecette, motif: str) -> OrdreRecette:
    """Give up a draft or a rejected order; it keeps its number in the register."""
    exiger_ordonnateur(acting_user, "abandonner un ordre de recette", source=SOURCE)
    ordre = _verrouiller(ordre)
    exiger_transition(ordre, OrdreRecette.Etat.ABANDONNE, "abandonner")
    motif = (motif or "").strip()
    if not motif:
        raise DonneeInvalide(
            "L'abandon d'un ordre doit être motivé : son numéro reste au registre."
        )
    avant = ordre.etat
    ordre.etat = OrdreRecette.Etat.ABANDONNE
    ordre.motif_abandon = motif
    ordre.save(update_fields=["etat", "motif_abandon"])
    audit(
        acting_user,
        "ordre_recette.abandonne",
        ordre,
        avant={"etat": avant},
        apres={"etat": ordre.etat},
    )
    return ordre


def ordre_recette_reduire(
    *,
    acting_user,
    ordre: OrdreRecette,
    type: str,
    montant_reduction,
    motif: str,
    nouvelles_bases: str,
    mot_de_passe: str,
) -> Reduction:
    """Ordre de réduction or d'annulation, admission en non-valeur, remise gracieuse,
    abandon of a small overpayment: decided by the directeur alone, stating the
    new bases (circ. 93/82 §2.0.3; D133-2 for the threshold)."""
    try:
        with transaction.atomic():
            verifier_mot_de_passe(acting_user, mot_de_passe)
            ordre = _verrouiller(ordre)
            exiger_etat(ordre, {OrdreRecette.Etat.PRIS_EN_CHARGE}, "réduire ou annuler")
            if type not in Reduction.Type.values:
                raise DonneeInvalide(f"Type de réduction inconnu : « {type} ».")
            # The reste à recouvrer (recettes.selectors), less the reductions
            # signed but not yet taken in charge: they will lower it.
            en_attente = reductions_en_attente(ordre)
            reste = reste_a_recouvrer(ordre) - en_attente
            valeur = (
                reste
                if type == Reduction.Type.ANNULATION
                else montant(montant_reduction, libelle="Le montant de la réduction")
            )
            if valeur <= 0 or valeur > reste:
                raise DonneeInvalide(
                    f"La réduction de {format_euros(valeur)} dépasse le reste à recouvrer de {format_euros(reste)}"
                    f" sur l'ordre n° {ordre.reference}.",
                    details={"reste": str(reste), "en_attente": str(en_attente)},
                )
            if type == Reduction.Type.ABANDON_INDU:
                seuil = seuil_d133_2(_aujourd_hui())
                if ordre.nature != "recuperation_indu" or valeur != reste or reste >= seuil:
                    raise DonneeInvalide(
                        f"L'abandon de recouvrement ne vaut que pour un indu de prestation dont le reste est "
                        f"inférieur au seuil de {format_euros(seuil)} (art. D133-2)."
                    )
            if not (motif or "").strip() or not (nouvelles_bases or "").strip():
                raise DonneeInvalide(
                    "L'ordre de réduction indique son motif et les bases de la nouvelle liquidation "
                    "(circulaire 93/82 §2.0.3)."
                )
            capacite = pouvoir_ordonnateur(
                acting_user,
                nature=NATURE_DELEGATION,
                montant=valeur,
                compte_numero=ordre.compte_imputation.numero,
                le=_aujourd_hui(),
            )
            reduction = Reduction.objects.create(
                ordre=ordre,
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
    non-valeur to 6541 (DOMAIN §9); a remise gracieuse to 671."""
    try:
        with transaction.atomic():
            reduction = verrouiller(Reduction.objects.select_related("ordre"), reduction.pk)
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
                        tiers=ordre.lignes.first().debiteur[:120],
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


def _instantane(ordre: OrdreRecette) -> dict:
    return {
        "numero": ordre.numero,
        "exercice": ordre.exercice.annee,
        "etat": ordre.etat,
        "nature": ordre.nature,
        "objet": ordre.objet,
        "montant": ordre.montant,
        "imputation": ordre.compte_imputation.numero,
        "article": ordre.article_rattachement,
    }
