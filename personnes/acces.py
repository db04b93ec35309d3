"""Login guard of the pages: anyone holding a function in the fund may enter."""

from __future__ import annotations

import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from personnes.selectors import a_une_fonction


def fonction_requise(vue):
    """Anyone holding a function in the fund reads the books; others see nothing."""

    @functools.wraps(vue)
    @login_required
    def enveloppe(request, *args, **kwargs):
        if not a_une_fonction(request.user):
            raise PermissionDenied("Aucune fonction ne vous est attribuée dans l'organisme.")
        return vue(request, *args, **kwargs)

    return enveloppe
