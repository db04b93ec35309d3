"""The ordres de dépense on the ordonnateur's parapheur (`ordres.parapheur`).

`DEPENSES` is their kind, registered by `DepensesConfig.ready`: the
parapheur page (in `recettes`, which never imports this app) lists and signs
them beside the ordres de recette.
"""

from __future__ import annotations

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Subquery

from depenses import services
from depenses.models import LigneOrdreDepense, OrdreDepense, ServiceFait
from ordres.parapheur import Rubrique


def brouillons():
    return (
        OrdreDepense.objects.filter(etat=OrdreDepense.Etat.BROUILLON)
        .select_related("exercice", "compte_imputation")
        .prefetch_related("lignes", "services_faits")
        .order_by("exercice__annee", "numero")
    )


def brouillons_affiches():
    """The drafts as the parapheur page shows them: the columns of its table, the
    first two creditors' names and the day of the first service fait read by
    subqueries of the page's rows (no lines nor services faits as objects)."""
    lignes = LigneOrdreDepense.objects.filter(ordre=OuterRef("pk")).order_by("id")
    services_faits = ServiceFait.objects.filter(ordre=OuterRef("pk")).order_by("id")
    return (
        OrdreDepense.objects.filter(etat=OrdreDepense.Etat.BROUILLON)
        .select_related("exercice")
        .only("numero", "nature", "objet", "montant", "exercice__annee")
        .annotate(
            creanciers=ArraySubquery(lignes.values("creancier")[:2]),
            service_fait_le=Subquery(services_faits.values("le")[:1]),
        )
        .order_by("exercice__annee", "numero")
    )


def _contexte() -> dict:
    """The orders suspended and those requisitioned, read in one query (newest first)."""
    ordres = list(
        OrdreDepense.objects.filter(etat__in=[OrdreDepense.Etat.SUSPENDU, OrdreDepense.Etat.REQUIS])
        .select_related("exercice")
        .only("numero", "etat", "objet", "exercice__annee")
    )
    return {
        "depenses_suspendues": [o for o in ordres if o.etat == OrdreDepense.Etat.SUSPENDU],
        # Requisitioned: the agent comptable's visa is awaited (circ. 93/82 §2.1.9.0).
        "depenses_requises": [o for o in ordres if o.etat == OrdreDepense.Etat.REQUIS],
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
    a_afficher=brouillons_affiches,
)
