"""What remains to recover on an ordre de recette, as the treasury reads it."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum

from core.money import ZERO
from recettes import services as recettes
from recettes.models import LigneOrdreRecette, OrdreRecette
from tresorerie.models import Affectation, Encaissement

# --- Restes à recouvrer ------------------------------------------------------------


def recouvre(ordre: OrdreRecette) -> Decimal:
    """Recovered on an order: allocations, and receipts it regularises."""
    affecte = Affectation.objects.filter(ordre=ordre).aggregate(s=Sum("montant"))["s"] or ZERO
    regularise = (
        Encaissement.objects.filter(
            regularise_par=ordre, etat=Encaissement.Etat.ENREGISTRE
        ).aggregate(s=Sum("montant"))["s"]
        or ZERO
    )
    return affecte + regularise


def reste_a_recouvrer(ordre: OrdreRecette) -> Decimal:
    return recettes.reste_a_recouvrer(ordre)


def _reste_ligne(ligne: LigneOrdreRecette) -> Decimal:
    recouvre = ligne.affectations.aggregate(s=Sum("montant"))["s"] or ZERO
    return ligne.montant - recouvre
