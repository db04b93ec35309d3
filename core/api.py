"""The API's error shape: `{"code", "message", "details"}` with a 4xx status."""

from __future__ import annotations

import contextlib

from django.db import DatabaseError
from django.http import Http404
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import exception_handler

from core.exceptions import ApplicationError, erreur_base


def gestionnaire_exceptions(exc, context):
    if isinstance(exc, Http404):
        # Django's text names the model in English (« No OrdreDepense matches… »).
        nom = ""
        with contextlib.suppress(Exception):  # a view without a queryset: the plain sentence
            nom = f" ({context['view'].get_queryset().model._meta.verbose_name})"
        exc = NotFound(f"Introuvable : rien ne correspond à cette adresse{nom}.")
    if isinstance(exc, DatabaseError):
        traduite = erreur_base(exc)
        if traduite is not None:
            exc = traduite
    if isinstance(exc, ApplicationError):
        return Response(
            {"code": exc.code, "message": exc.message, "details": exc.details},
            status=exc.statut_http,
        )
    reponse = exception_handler(exc, context)
    if reponse is not None and isinstance(reponse.data, dict) and "detail" in reponse.data:
        reponse.data = {
            "code": getattr(exc, "default_code", "erreur"),
            "message": str(reponse.data["detail"]),
            "details": {},
        }
    elif reponse is not None and reponse.status_code == status.HTTP_400_BAD_REQUEST:
        reponse.data = {
            "code": "donnee_invalide",
            "message": "Les données envoyées sont invalides.",
            "details": reponse.data,
        }
    return reponse
