"""Reads of the oppositions register, with what was paid and what remains."""

from __future__ import annotations

from django.db.models import DecimalField, ExpressionWrapper, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from core.money import DECIMAL_PLACES, MAX_DIGITS, ZERO
from oppositions.identifiants import CleIdentifiant, normaliser_identifiant
from oppositions.models import Opposition

ETATS = {
    "en_cours": "en cours",
    "levees": "levées",
    "toutes": "toutes",
}


def oppositions_registre(*, etat: str = "en_cours", recherche: str = "") -> QuerySet[Opposition]:
    """The register: each opposition with `montant_impute` (paid to the opposing party)
    and `reste` (what it may still take), in order of service, the latest first."""
    montant = DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    qs = Opposition.objects.annotate(
        montant_impute=Coalesce(Sum("imputations__montant"), Value(ZERO), output_field=montant)
    ).annotate(reste=ExpressionWrapper(F("montant") - F("montant_impute"), output_field=montant))
    if etat == "en_cours":
        qs = qs.filter(mainlevee_le__isnull=True)
    elif etat == "levees":
        qs = qs.filter(mainlevee_le__isnull=False)
    recherche = (recherche or "").strip()
    if recherche:
        identifiant = normaliser_identifiant(recherche)
        qs = qs.filter(
            Q(creancier_nom__icontains=recherche)
            | Q(creancier_identifiant=identifiant)
            | Q(creancier_cle=CleIdentifiant(Value(identifiant)))
            | Q(opposant__icontains=recherche)
            | Q(reference_acte__icontains=recherche)
        )
    return qs.order_by("-signifiee_le", "-id")
