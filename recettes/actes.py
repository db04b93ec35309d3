"""The acts on ordres de recette, as pages and the API see them.

Each act is declared once: its droit (the first gate, checked at the edge of
pages and API, with the refusal the service itself would give), the service
it runs and the page's French message. The services check again, with the
date, the delegation and the separation of duties (circ. 93/82 §1.0, §2.4.0).
"""

from __future__ import annotations

from core.actes import Acte
from ordres.actes import droit_comptable, droit_ordonnateur
from personnes.droits import droit
from personnes.selectors import FONCTIONS_COMPTABLES
from recettes import services
from recettes.models import OrdreRecette, Reduction

SOURCE = "art. D253-16, circulaire 93/82 §2.0"


def _ordonnateur(code: str, acte: str, refus: str | None = None):
    return droit_ordonnateur(f"ordre_recette.{code}", acte, SOURCE, refus)


def _comptable(code: str, acte: str):
    return droit_comptable(f"ordre_recette.{code}", acte)


CREER_DROIT = _ordonnateur("creer", "", "Seul l'ordonnateur émet des ordres de recette.")
MODIFIER_DROIT = _ordonnateur("modifier", "", "Seul l'ordonnateur modifie un ordre de recette.")
JOINDRE_DROIT = _ordonnateur("joindre_piece", "joindre une pièce justificative")
SIGNER_DROIT = _ordonnateur("signer", "signer un ordre de recette")
TRANSMETTRE_DROIT = _ordonnateur("transmettre", "transmettre un ordre de recette")
REPRENDRE_DROIT = _ordonnateur("reprendre", "reprendre un ordre rejeté")
ABANDONNER_DROIT = _ordonnateur("abandonner", "abandonner un ordre de recette")
REDUIRE_DROIT = _ordonnateur("reduire", "réduire ou annuler un ordre de recette")
PARAPHEUR_DROIT = _ordonnateur("parapheur", "", "Le parapheur est celui de l'ordonnateur.")
TRANSMETTRE_SIGNES_DROIT = _ordonnateur(
    "transmettre_signes", "", "Seul l'ordonnateur transmet ses ordres."
)
PRENDRE_EN_CHARGE_DROIT = _comptable("prendre_en_charge", "prendre en charge un ordre de recette")
REJETER_DROIT = _comptable("rejeter", "rejeter un ordre de recette")
REDUCTION_PRENDRE_EN_CHARGE_DROIT = _comptable(
    "reduction_prendre_en_charge", "prendre en charge une réduction"
)
FILE_COMPTABLE_DROIT = droit(
    "ordre_recette.file_comptable",
    FONCTIONS_COMPTABLES,
    "Cette file est celle de l'agent comptable.",
)


def _creer(utilisateur, _objet, d: dict) -> OrdreRecette:
    return services.ordre_recette_creer(
        acting_user=utilisateur, saisie=d["saisie"], pieces=d.get("pieces") or []
    )


def _modifier(utilisateur, ordre: OrdreRecette, d: dict) -> OrdreRecette:
    # The draft and the pièces added with it stand or fall together (one service).
    return services.ordre_recette_modifier(
        acting_user=utilisateur, ordre=ordre, saisie=d["saisie"], pieces=d.get("pieces") or []
    )


def _controles(ordre: OrdreRecette, d: dict) -> list[services.ControleSaisi]:
    """The controls as the API names them (`controles`: point, conforme,
    commentaire) or as the page numbers them (`rangs`: the rank of each point
    of the plan de contrôle, its answer and comment)."""
    if "rangs" not in d:
        return [services.ControleSaisi(**c) for c in d.get("controles", [])]
    points = services.controles_requis(ordre).points
    return [
        services.ControleSaisi(point=points[rang], conforme=conforme, commentaire=commentaire)
        for rang, (conforme, commentaire) in sorted(d["rangs"].items())
        if rang < len(points)
    ]


def _reduire(utilisateur, ordre: OrdreRecette, d: dict) -> Reduction:
    return services.ordre_recette_reduire(
        acting_user=utilisateur,
        ordre=ordre,
        type=d["type"],
        montant_reduction=d.get("montant") or "0",
        motif=d["motif"],
        nouvelles_bases=d["nouvelles_bases"],
        mot_de_passe=d["mot_de_passe"],
        ligne=d.get("ligne"),
    )


CREER = Acte(
    "ordre_recette.creer",
    _creer,
    CREER_DROIT,
    "Ordre de recette n° {ref} créé (brouillon).",
)
MODIFIER = Acte("ordre_recette.modifier", _modifier, MODIFIER_DROIT, "Brouillon enregistré.")
SIGNER = Acte(
    "ordre_recette.signer",
    lambda utilisateur, ordre, d: services.ordre_recette_signer(
        acting_user=utilisateur, ordre=ordre, mot_de_passe=d.get("mot_de_passe", "")
    ),
    SIGNER_DROIT,
    "Ordre n° {ref} signé.",
)
TRANSMETTRE = Acte(
    "ordre_recette.transmettre",
    lambda utilisateur, ordre, _d: services.ordre_recette_transmettre(
        acting_user=utilisateur, ordre=ordre
    ),
    TRANSMETTRE_DROIT,
    "Ordre n° {ref} transmis à l'agent comptable.",
)
PRENDRE_EN_CHARGE = Acte(
    "ordre_recette.prendre_en_charge",
    lambda utilisateur, ordre, d: services.ordre_recette_prendre_en_charge(
        acting_user=utilisateur, ordre=ordre, controles=_controles(ordre, d)
    ),
    PRENDRE_EN_CHARGE_DROIT,
    "Ordre n° {ref} pris en charge.",
    prealable=lambda utilisateur, ordre: services.prise_en_charge.plan_controle_tirer(
        acting_user=utilisateur, ordre=ordre
    ),
)
REJETER = Acte(
    "ordre_recette.rejeter",
    lambda utilisateur, ordre, d: services.ordre_recette_rejeter(
        acting_user=utilisateur, ordre=ordre, motif=d.get("motif", "")
    ),
    REJETER_DROIT,
    "Ordre n° {ref} rejeté ; il revient au directeur.",
)
REPRENDRE = Acte(
    "ordre_recette.reprendre",
    lambda utilisateur, ordre, _d: services.ordre_recette_reprendre(
        acting_user=utilisateur, ordre=ordre
    ),
    REPRENDRE_DROIT,
    "Ordre n° {ref} repris en brouillon.",
)
ABANDONNER = Acte(
    "ordre_recette.abandonner",
    lambda utilisateur, ordre, d: services.ordre_recette_abandonner(
        acting_user=utilisateur, ordre=ordre, motif=d.get("motif", "")
    ),
    ABANDONNER_DROIT,
    "Ordre n° {ref} abandonné.",
)
REDUIRE = Acte(
    "ordre_recette.reduire",
    _reduire,
    REDUIRE_DROIT,
    "Acte signé sur l'ordre n° {ref} ; il attend la prise en charge de l'agent comptable.",
)
REDUCTION_PRENDRE_EN_CHARGE = Acte(
    "ordre_recette.reduction_prendre_en_charge",
    lambda utilisateur, reduction, _d: services.reduction_prendre_en_charge(
        acting_user=utilisateur, reduction=reduction
    ),
    REDUCTION_PRENDRE_EN_CHARGE_DROIT,
    lambda reduction, _d: f"Réduction de l'ordre n° {reduction.ordre.reference} prise en charge.",
)
