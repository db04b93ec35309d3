"""The ordres de dépense on the ordonnateur's parapheur (`ordres.parapheur`).

`DEPENSES` is their kind, registered by `DepensesConfig.ready`: the
parapheur page (in `recettes`, which never imports this app) lists and signs
them beside the ordres de recette.
"""

from __future__ import annotations

from depenses import services
from depenses.models import OrdreDepense
from ordres.parapheur import Rubrique


def brouillons():
    return (
        OrdreDepense.objects.filter(etat=OrdreDepense.Etat.BROUILLON)
        .select_related("exercice", "compte_imputation")
        .prefetch_related("lignes", "services_faits")
        .order_by("exercice__annee", "numero")
    )


def _contexte() -> dict:
    return {
        "depenses_suspendues": OrdreDepense.objects.filter(
            etat=OrdreDepense.Etat.SUSPENDU
        ).select_related("exercice"),
        # Requisitioned: the agent comptable's visa is awaited (circ. 93/82 §2.1.9.0).
        "depenses_requises": OrdreDepense.objects.filter(
            etat=OrdreDepense.Etat.REQUIS
        ).select_related("exercice"),
    }


DEPENSES = Rubrique(
    cle="ordres_depense",
    nom="Ordre de dépense",
    pluriel="ordre(s) de dépense",
    a_signer=brouillons,
    signer_lot=services.ordre_depense_signer_lot,
    transmettre=services.ordre_depense_transmettre,
    gabarit="depenses/_parapheur.html",
    rang=1,
    contexte=_contexte,
)
