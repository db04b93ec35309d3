"""What the pages of every app share: who the person is, and acting on an object."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect

from core.exceptions import ApplicationError


def exerce(utilisateur, fonctions) -> bool:
    """Does the person hold one of these functions today?"""
    from personnes.selectors import fonctions_actuelles

    return bool(set(fonctions_actuelles(utilisateur)) & set(fonctions))


def agir(request, objet, fonction, succes: str, *, vers: str):
    """Run a service on `objet`; show its French refusal or the success message,
    then go back to the object's page (POST-redirect-GET, works without JS)."""
    try:
        fonction(objet)
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
    else:
        messages.success(request, succes.format(ref=getattr(objet, "reference", objet.pk)))
    return redirect(vers, pk=objet.pk)
