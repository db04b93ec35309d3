"""What the acts on ordres de recette share: sources, the kind of order
(`SORTE`, for `ordres.services`), its content hash, its lock, the emission deadline.
"""

from __future__ import annotations

import datetime

from core import horloge
from ordres import services as commun
from ordres.services import (
    Sorte,
    empreinte,
    exiger_lignes,
)
from recettes.models import (
    OrdreRecette,
    Signature,
)

SOURCE = "art. D253-16, circulaire 93/82 §2.0"
NATURE_DELEGATION = "ordre_recette"


def _aujourd_hui() -> datetime.date:
    return horloge.aujourdhui()


def _verrouiller(ordre: OrdreRecette) -> OrdreRecette:
    return commun.verrouiller_ordre(SORTE, ordre)


def verifier_delai_emission(ordre: OrdreRecette, le: datetime.date) -> None:
    """A draft is signed into its exercise only within its période complémentaire
    (D253-17, D253-17-1), never into a closed exercise (`ordres.services`); an
    order issued later goes to the current exercise (`ordres.exercice_emission`)."""
    commun.exiger_delai_emission(
        ordre.exercice, article=ordre.article_rattachement, limite=ordre.limite_emission, le=le
    )


def _contenu(ordre: OrdreRecette) -> dict:
    """What is signed: the order's content, its lines and its pièces' hashes."""
    return commun.contenu_signe(
        ordre, colonnes_lignes=("debiteur", "qualite", "identifiant"), pieces=ordre.pieces
    )


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
    pieces_exigees=(
        "circulaire 93/82 §2.0.2 : « Les ordres de recette sont accompagnés des pièces "
        "justificatives. Si elles ne sont pas jointes, une mention relative aux références des "
        "pièces justificatives doit être portée sur l'ordre de recette. »"
    ),
)


def derniere_signature(ordre: OrdreRecette) -> Signature | None:
    return commun.derniere_signature(ordre)


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
