"""PostgreSQL unreachable: a French maintenance page (503), or the API's error shape.

The middleware stands before the sessions and the authentication, whose first
reads of the database happen lazily inside the view or while the response is
saved. A connection failure in the view (or its template) reaches
`process_exception`; one raised elsewhere (saving the session) is turned into a
500 by Django before it reaches us, so the `got_request_exception` signal marks
the request and `__call__` replaces that 500 by the 503.

Only a failure of the connection counts: a serialization failure or a deadlock
is an `OperationalError` too, but the database is there.
"""

from __future__ import annotations

import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import get_template

from core.requetes import est_api, reponse_api

MESSAGE = (
    "La base de données est momentanément indisponible : rien n'a été enregistré. "
    "Réessayez dans quelques minutes."
)
# SQLSTATE of a lost or refused connection: class 08, and the server shutting
# down or starting (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
_ETATS_SQL = ("08", "57P01", "57P02", "57P03")
_ATTENTE_SECONDES = "30"


def base_indisponible(exc: BaseException | None) -> bool:
    """Whether `exc` says the database cannot be reached."""
    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    etat = getattr(cause, "sqlstate", None)
    if etat is None:
        # Raised by the client itself (connection refused, socket gone, timeout).
        return True
    return etat.startswith(_ETATS_SQL)


def reponse_indisponible(request) -> HttpResponse:
    """503: JSON `{code, message, details}` under /api/ (whatever prefix the site is
    served under: `core.requetes.est_api` reads the path within the site), the
    maintenance page elsewhere.

    Nothing here touches the session, the user or the database."""
    if est_api(request):
        reponse = reponse_api(503, "base_indisponible", MESSAGE)
    else:
        page = get_template("503.html").render({"message": MESSAGE})
        reponse = HttpResponse(page, status=503)
    reponse["Retry-After"] = _ATTENTE_SECONDES
    return reponse


def _noter_exception(sender, request=None, **kwargs):
    if request is not None and base_indisponible(sys.exc_info()[1]):
        request.base_indisponible = True


got_request_exception.connect(_noter_exception, dispatch_uid="core.indisponible")


class BaseIndisponibleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            reponse = self.get_response(request)
        except (OperationalError, InterfaceError) as exc:
            if not base_indisponible(exc):
                raise
            return reponse_indisponible(request)
        if getattr(request, "base_indisponible", False):
            return reponse_indisponible(request)
        return reponse

    def process_exception(self, request, exception):
        if base_indisponible(exception):
            return reponse_indisponible(request)
        return None


def _page_erreur(request, modele: str, statut: int, contexte: dict | None = None) -> HttpResponse:
    """The error page with the navigation when it can be drawn, bare otherwise.

    The navigation reads the session and the person (the database): when that
    fails too, the page is drawn without them rather than not at all."""
    try:
        contenu = get_template(modele).render(contexte or {}, request)
    except Exception:
        contenu = get_template(modele).render(
            {**(contexte or {}), "NOM_ORGANISME": settings.NOM_ORGANISME}
        )
    return HttpResponse(contenu, status=statut)


def erreur_serveur(request) -> HttpResponse:
    """handler500: the maintenance page when the database is gone, else 500.html."""
    if base_indisponible(sys.exc_info()[1]):
        return reponse_indisponible(request)
    return _page_erreur(request, "500.html", 500)


def requete_invalide(request, exception=None) -> HttpResponse:
    """handler400, with the navigation."""
    return _page_erreur(request, "400.html", 400)


MESSAGE_CSRF = (
    "Ce formulaire a expiré ou ne vient pas de ce site (jeton de sécurité absent ou périmé) : "
    "rien n'a été enregistré. Rechargez la page, puis recommencez."
)


def echec_csrf(request, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: Django's page is English and explains the mechanism."""
    return _page_erreur(request, "403.html", 403, {"exception": MESSAGE_CSRF})
