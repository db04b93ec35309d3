"""The directeur's acts on an ordre de recette before the agent comptable
(D253-16; circ. 93/82 §2.0.0, §2.0.2): draft with its pièces, correction,
signature (alone or in the parapheur), transmission, taking back a
rejected order, abandonment.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import DatabaseError, transaction

from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    ExerciceInvalide,
    relever_erreur_base,
)
from core.money import ZERO, montant
from ledger.models import Compte
from ordres import services as commun
from ordres.services import (
    ResultatLot,
    exiger_etat,
    exiger_ordonnateur,
    exiger_transition,
    numero_suivant,
)
from recettes.models import (
    CompteurOrdre,
    LigneOrdreRecette,
    Nature,
    OrdreRecette,
    PieceJustificative,
)
from recettes.services.communs import (
    SORTE,
    SOURCE,
    _aujourd_hui,
    _instantane,
    _verrouiller,
)
from reglementation.selectors import rattachement


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
    """Which exercise, until when, under which article (reglementation), and
    why the current exercise when the order comes after its période
    complémentaire (`ordres.services.exercice_emission`, D253-17)."""
    dates = {cle: saisie.dates.get(cle) for cle in DATES}
    regle = rattachement(
        sens="recette", nature=saisie.nature, date_fait=saisie.date_fait, dates=dates
    )
    return regle, commun.exercice_emission(regle, le=_aujourd_hui())


def _appliquer(ordre: OrdreRecette, saisie: SaisieOrdre, regle, emission) -> None:
    imputation, tiers = _comptes(saisie)
    valeurs = {f"date_{cle}": saisie.dates.get(cle) for cle in DATES}
    for nom, valeur in valeurs.items():
        setattr(ordre, nom, valeur)
    ordre.exercice = emission.exercice
    ordre.type = saisie.type
    ordre.nature = saisie.nature
    ordre.objet = saisie.objet.strip()[:255]
    ordre.bases_liquidation = saisie.bases_liquidation.strip()
    ordre.compte_imputation = imputation
    ordre.compte_tiers = tiers
    ordre.date_fait = saisie.date_fait
    ordre.article_rattachement = regle.article[:200]
    ordre.critere_rattachement = f"{regle.critere_libelle} : {regle.date_critere:%d/%m/%Y}"[:120]
    ordre.limite_emission = emission.limite
    ordre.motif_rattachement = emission.motif
    ordre.pieces_references = saisie.pieces_references.strip()
    if not ordre.objet or not ordre.bases_liquidation:
        raise DonneeInvalide("L'objet et les bases de liquidation de l'ordre sont obligatoires.")
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
        regle, emission = _rattacher(saisie)
        ordre = OrdreRecette(cree_par=acting_user, montant=sum((m for *_, m in lignes), ZERO))
        _appliquer(ordre, saisie, regle, emission)
        ordre.numero = numero_suivant(CompteurOrdre, emission.exercice)
        ordre.save()
        _ecrire_lignes(ordre, lignes)
        audit(acting_user, "ordre_recette.cree", ordre, apres=_instantane(ordre))
        return ordre

    return commun.creer(SORTE, acting_user, construire, pieces)


def ordre_recette_modifier(
    *, acting_user, ordre: OrdreRecette, saisie: SaisieOrdre, pieces: Sequence = ()
) -> OrdreRecette:
    """Edit a draft and add its new pièces (`[(nom, contenu), ...]`), all or
    nothing; its exercise (and so its number) stays what it was."""
    try:
        with transaction.atomic():
            ordre = _verrouiller(ordre)
            modifier = "modifier un ordre de recette"
            exiger_ordonnateur(acting_user, modifier, source=SOURCE, ordre=ordre)
            exiger_etat(ordre, {OrdreRecette.Etat.BROUILLON}, "modifier")
            avant = _instantane(ordre)
            lignes = _lignes(saisie)
            regle, emission = _rattacher(saisie)
            if emission.exercice.pk != ordre.exercice_id:
                raise ExerciceInvalide(
                    f"Ces dates rattachent l'ordre à l'exercice {emission.exercice.annee}, alors qu'il est "
                    f"numéroté dans l'exercice {ordre.exercice.annee} : abandonnez ce brouillon et créez "
                    "un nouvel ordre."
                )
            _appliquer(ordre, saisie, regle, emission)
            ordre.montant = sum((m for *_, m in lignes), ZERO)
            # The powers cover the order as it was and as it becomes (amount, account).
            exiger_ordonnateur(acting_user, modifier, source=SOURCE, ordre=ordre)
            ordre.save()
            _ecrire_lignes(ordre, lignes)
            audit(
                acting_user, "ordre_recette.modifie", ordre, avant=avant, apres=_instantane(ordre)
            )
            for nom, contenu in pieces:
                ordre_recette_joindre_piece(
                    acting_user=acting_user, ordre=ordre, nom=nom, contenu=contenu
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


@transaction.atomic
def ordre_recette_reprendre(*, acting_user, ordre: OrdreRecette) -> OrdreRecette:
    """The directeur takes a rejected order back as a draft, to correct and sign again."""
    ordre = _verrouiller(ordre)
    exiger_ordonnateur(acting_user, "reprendre un ordre rejeté", source=SOURCE, ordre=ordre)
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
    ordre = _verrouiller(ordre)
    exiger_ordonnateur(acting_user, "abandonner un ordre de recette", source=SOURCE, ordre=ordre)
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
