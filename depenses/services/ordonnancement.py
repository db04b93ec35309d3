"""The order from its liquidation to its transmission (circ. 93/82 §2.1.1):
creation with its pièces, service fait, signature (alone or in the
parapheur), transmission.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    TransitionInterdite,
)
from core.money import ZERO, format_euros, montant
from core.verrous import verrouiller
from depenses.models import (
    CompteurOrdreDepense,
    DepenseSansOrdonnancement,
    Engagement,
    Gestion,
    LigneOrdreDepense,
    Nature,
    OrdreDepense,
    PieceDepense,
    ServiceFait,
)
from depenses.selectors import engage_restant
from depenses.services.communs import (
    DATES,
    SORTE,
    SOURCE,
    _aujourd_hui,
    _compte,
    _verrouiller,
)
from oppositions.banque import verifier_bic, verifier_iban
from ordres import services as commun
from ordres.services import (
    ResultatLot,
    exiger_etat,
    exiger_ordonnateur,
    numero_suivant,
)
from reglementation.selectors import rattachement

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


def ordre_depense_creer(
    *, acting_user, saisie: SaisieDepense, pieces: Sequence[tuple[str, bytes]] = ()
) -> OrdreDepense:
    """Liquidate and draw up the order (circ. 93/82 §2.1.1): numbered at once
    in its exercise, attached by the dated rules (D253-19, D253-19-1) — the
    current exercise, with the reason, when it comes after the période
    complémentaire of its own (`ordres.services.exercice_emission`) — with
    its pièces justificatives (`[(nom, contenu), ...]`) in the same transaction."""

    def construire() -> OrdreDepense:
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
        # The exercise of the service fait, or the current one when the order
        # comes after its période complémentaire (D253-19, D253-19-1).
        emission = commun.exercice_emission(regle, le=_aujourd_hui())
        exercice = emission.exercice
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
            engagement = verrouiller(Engagement, engagement.pk)
            if (
                engagement.exercice_id != exercice.pk
                or engagement.compte_imputation_id != imputation.pk
            ):
                raise DonneeInvalide(
                    "L'ordre doit porter sur l'exercice et le compte de son engagement."
                    + (
                        f" {emission.motif} Engagez la dépense sur les crédits de "
                        f"l'exercice {exercice.annee}."
                        if emission.motif and engagement.exercice_id != exercice.pk
                        else ""
                    )
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
                # The later acomptes refer to the pièces of the first, when it
                # has some: a reference to nothing would justify nothing.
                if premier.pieces.exists() or premier.pieces_references.strip():
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
        ordre = OrdreDepense.objects.create(
            exercice=exercice,
            numero=numero_suivant(CompteurOrdreDepense, exercice),
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
            critere_rattachement=f"{regle.critere_libelle} : {regle.date_critere:%d/%m/%Y}"[:120],
            limite_emission=emission.limite,
            motif_rattachement=emission.motif,
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

    return commun.creer(SORTE, acting_user, construire, pieces)


def ordre_depense_joindre_piece(
    *, acting_user, ordre: OrdreDepense, nom: str, contenu: bytes, complement: bool = False
) -> PieceDepense:
    """Attach a pièce justificative to a draft, or as a complement to a
    suspended order (it is then outside the signed content)."""
    return commun.joindre_piece(
        SORTE,
        acting_user,
        ordre,
        nom=nom,
        contenu=contenu,
        etats={OrdreDepense.Etat.SUSPENDU} if complement else {OrdreDepense.Etat.BROUILLON},
        complement=complement,
    )


@transaction.atomic
def ordre_depense_attester_service_fait(
    *, acting_user, ordre: OrdreDepense, le: datetime.date, observation: str = ""
) -> ServiceFait:
    """Attest the service fait (or the opening of rights): by whom, when (circ. §2.1.2.0)."""
    ordre = _verrouiller(ordre)
    exiger_ordonnateur(acting_user, "attester le service fait", source=SOURCE, ordre=ordre)
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


def ordre_depense_signer(*, acting_user, ordre: OrdreDepense, mot_de_passe: str) -> OrdreDepense:
    """Ordonnancement: the directeur or a delegate within his delegation signs,
    typing the password again; for a gestion budgétaire the credits are ordered."""
    return commun.signer_avec_mot_de_passe(SORTE, acting_user, ordre, mot_de_passe)


def ordre_depense_signer_lot(*, acting_user, ordres, mot_de_passe: str) -> ResultatLot:
    """The parapheur: one password entry, each order signed on its own; a
    refusal (the service's or a database guard's) does not stop the others.
    The result also unpacks as `signes, refus`."""
    return commun.signer_lot(SORTE, acting_user, ordres, mot_de_passe)


def ordre_depense_transmettre(*, acting_user, ordre: OrdreDepense) -> OrdreDepense:
    """Send the signed order, with its pièces, to the agent comptable."""
    return commun.transmettre(SORTE, acting_user, ordre)
