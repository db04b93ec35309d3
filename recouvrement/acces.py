"""Who reads the recovery: the directeur and his délégués, the agent
comptable and his fondés de pouvoir, the tutelle (annexe art. 13 al. 6: the
situations individuelles "consultables à tout moment"); not the régisseur
nor a mandataire, who hold a function in the fund but no part in recovery.
The pages take `lecteur`, the API `LecteurRecouvrement`; each act checks its
own droit besides."""

from __future__ import annotations

import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission

from recouvrement.actes_surveillance import LIRE_DROIT


def lecteur(vue):
    """A page of recovery, for its readers only."""

    @functools.wraps(vue)
    @login_required
    def enveloppe(request, *args, **kwargs):
        if not LIRE_DROIT.accorde(request.user):
            raise PermissionDenied(LIRE_DROIT.refus)
        return vue(request, *args, **kwargs)

    return enveloppe


class LecteurRecouvrement(BasePermission):
    """API edge of recovery: its readers only (acts check their droit besides)."""

    message = LIRE_DROIT.refus

    def has_permission(self, request, view) -> bool:
        return LIRE_DROIT.accorde(request.user)
