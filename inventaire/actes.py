"""The inventory's acts, as pages and the API see them: the agent comptable's
alone (circ. 93/82 §1.1.1), each with its droit and refusal."""

from __future__ import annotations

from core.actes import Acte
from inventaire import services
from inventaire.models import EtatInventaire
from personnes.droits import droit
from personnes.permissions import refus_comptable
from personnes.selectors import FONCTIONS_COMPTABLES

Nature = EtatInventaire.Nature

ETABLIR_DROIT = droit(
    "inventaire.etat_etablir",
    FONCTIONS_COMPTABLES,
    refus_comptable("établir un état d'inventaire"),
)
CONTREPASSER_DROIT = droit(
    "inventaire.contrepasser",
    FONCTIONS_COMPTABLES,
    refus_comptable("contrepasser l'inventaire"),
)


def etablir(utilisateur, exercice, nature: str, d: dict) -> EtatInventaire:
    """`d`: explication, articles (`services.Article`), mot_de_passe, and by kind
    methode and fondement (population or historical data)."""
    commun = {
        "acting_user": utilisateur,
        "exercice": exercice,
        "explication": d.get("explication", ""),
        "articles": d["articles"],
        "mot_de_passe": d.get("mot_de_passe", ""),
    }
    if nature == Nature.PRODUITS_A_RECEVOIR:
        return services.produits_a_recevoir_constater(**commun)
    if nature == Nature.CREANCES_DOUTEUSES:
        return services.creances_douteuses_transferer(**commun)
    if nature == Nature.PROVISIONS_DEPRECIATION:
        return services.provisions_depreciation_constituer(
            **commun, methode=d.get("methode") or "individuelle", population=d.get("fondement", "")
        )
    if nature == Nature.CHARGES_A_PAYER:
        return services.charges_a_payer_constater(**commun)
    return services.provisions_risques_constituer(
        **commun, donnees_historiques=d.get("fondement", "")
    )


def _message(etat: EtatInventaire, _d: dict) -> str:
    return (
        f"État d'inventaire n° {etat.reference} signé ; écriture IN-{etat.ecriture.numero} "
        f"du 31/12/{etat.exercice.annee} passée."
    )


ACTES_ETABLIR = {
    nature: Acte(
        f"inventaire.{nature}",
        lambda utilisateur, exercice, d, nature=nature: etablir(utilisateur, exercice, nature, d),
        ETABLIR_DROIT,
        _message,
    )
    for nature in Nature.values
    if nature != Nature.REVUE_PROVISIONS
}
REVOIR = Acte(
    "inventaire.revue_provisions",
    lambda utilisateur, exercice, d: services.provisions_revoir(
        acting_user=utilisateur,
        exercice=exercice,
        explication=d.get("explication", ""),
        revues=d.get("revues", []),
        mot_de_passe=d.get("mot_de_passe", ""),
    ),
    ETABLIR_DROIT,
    _message,
)
CONTREPASSER = Acte(
    "inventaire.contrepasser",
    lambda utilisateur, exercice, _d: services.inventaire_contrepasser(
        acting_user=utilisateur, exercice=exercice
    ),
    CONTREPASSER_DROIT,
    lambda objet, _d: (
        "Les produits à recevoir et charges à payer sont contrepassés au 1er janvier."
    ),
)
