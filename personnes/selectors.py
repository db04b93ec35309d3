"""Who holds which function on a given day."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone

from personnes.models import Affectation, Fonction


def fonctions_le(utilisateur, jour: datetime.date) -> list[str]:
    if not getattr(utilisateur, "is_authenticated", False):
        return []
    return list(
        Affectation.objects.filter(utilisateur=utilisateur, debut__lte=jour)
        .filter(Q(fin__isnull=True) | Q(fin__gte=jour))
        .values_list("fonction", flat=True)
        .distinct()
    )


def fonctions_actuelles(utilisateur) -> list[str]:
    cache = getattr(utilisateur, "_fonctions_actuelles", None)
    if cache is None:
        cache = fonctions_le(utilisateur, timezone.localdate())
        if getattr(utilisateur, "pk", None):
            utilisateur._fonctions_actuelles = cache
    return cache


FONCTIONS_COMPTABLES = {Fonction.AGENT_COMPTABLE, Fonction.FONDE_DE_POUVOIR}
FONCTIONS_ORDONNATRICES = {Fonction.DIRECTEUR, Fonction.DELEGUE}
