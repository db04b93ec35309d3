"""What the acts on ordres de dépense share: sources, the kind of order
(`SORTE`, for `ordres.services`), its content hash, its lock.
"""

from __future__ import annotations

import datetime

from budget import services as budget
from core import horloge
from core.exceptions import (
    DonneeInvalide,
    TransitionInterdite,
)
from depenses.models import (
    Controle,
    Gestion,
    OrdreDepense,
    SignatureDepense,
)
from ledger.models import Compte
from ordres import services as commun
from ordres.services import (
    Sorte,
    empreinte,
)

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
    return commun.verrouiller_ordre(SORTE, ordre)


def _compte(numero: str, *, classes: tuple[int, ...], libelle: str) -> Compte:
    compte = Compte.objects.filter(numero=numero).first()
    if not numero or compte is None or not compte.imputable or compte.classe not in classes:
        attendu = " ou ".join(str(c) for c in classes)
        raise DonneeInvalide(
            f"{libelle} « {numero} » doit être un compte imputable de classe {attendu}."
        )
    return compte


def _contenu(ordre: OrdreDepense) -> dict:
    """What is signed: the order's content, its lines and its pièces' hashes
    (not the complements joined while suspended)."""
    return commun.contenu_signe(
        ordre,
        colonnes_lignes=("creancier", "qualite", "identifiant", "iban", "bic"),
        pieces=ordre.pieces.filter(complement=False),
        gestion=ordre.gestion,
        engagement=ordre.engagement_id,
        acompte=ordre.acompte,
    )


def empreinte_contenu(ordre: OrdreDepense) -> str:
    return empreinte(_contenu(ordre))


def _avant_signature(acting_user, ordre: OrdreDepense, capacite, aujourd_hui) -> None:
    """The ordonnancement's own checks: within the exercise's deadline; for a
    gestion budgétaire, the credits ordered (and engaged first by a
    regularising order, circ. §2.1.8)."""
    commun.exiger_delai_emission(
        ordre.exercice,
        article=ordre.article_rattachement,
        limite=ordre.limite_emission,
        le=aujourd_hui,
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


SORTE = Sorte(
    modele=OrdreDepense,
    nom=NATURE_DELEGATION,
    source=SOURCE,
    contenu=_contenu,
    avant_signature=_avant_signature,
    relations=("exercice", "compte_imputation", "compte_tiers", "engagement"),
    pieces_exigees=(
        "circulaire 93/82 §2.1.3 : « Les ordres de dépense sont accompagnés des pièces "
        "justificatives. Si ces dernières ne sont pas jointes, une mention relative aux "
        "références des pièces justificatives doit être portée sur l'ordre de dépense. » ; "
        "§VI : les dépenses payées en l'absence de pièces justificatives engagent la "
        "responsabilité personnelle et pécuniaire de l'agent comptable"
    ),
)


def derniere_signature(ordre: OrdreDepense) -> SignatureDepense | None:
    return commun.derniere_signature(ordre)
