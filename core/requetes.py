"""What every request goes through before any view: the outermost middleware.

- A NUL character (octet 0) anywhere in the address, the query string, a
  page's form fields or the cookies is refused at once (400), in French: PostgreSQL
  refuses it in any text, and a filter `?payeur=%00` reached the database as
  a server error. The API answers in its error shape, a page with a French
  page.
- Under `/api/`, an error that did not come from the API's own handler
  (`core.api`) — an unknown address (Django's 404), a server error (Django's
  500, whatever `DEBUG` says), a request Django refused before any view —
  is given the API's shape `{"code", "message", "details"}` in French
  instead of an HTML page. Django has already logged the traceback of a 500
  by then (`django.request`).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import RequestDataTooBig
from django.core.handlers.exception import response_for_exception
from django.http import JsonResponse
from django.shortcuts import render

from core.parseurs import trop_volumineux

PREFIXE_API = "/api/"
NUL = "\x00"

FORMULAIRES = ("application/x-www-form-urlencoded", "multipart/form-data")

MESSAGE_NUL = (
    "La requête contient un caractère nul (octet 0), qui n'est accepté dans aucun champ : "
    "retirez-le. Rien n'a été enregistré."
)

# The French answer to each status Django may give by itself under /api/.
REPONSES = {
    400: ("requete_invalide", "La requête est invalide : elle n'a pas pu être lue."),
    403: ("permission_denied", "L'accès à cette adresse vous est refusé."),
    404: ("not_found", "Cette adresse n'existe pas dans l'API."),
    405: ("method_not_allowed", "Cette méthode HTTP n'est pas acceptée à cette adresse."),
    413: ("corps_trop_volumineux", "Le corps de la requête est trop volumineux."),
    500: (
        "erreur_interne",
        "Une erreur interne est survenue : l'opération n'a pas abouti et a été consignée "
        "dans le journal du serveur. Réessayez plus tard ou prévenez l'administrateur.",
    ),
}


def est_api(request) -> bool:
    return request.path_info.startswith(PREFIXE_API)


def reponse_api(statut: int, code: str, message: str, details: dict | None = None) -> JsonResponse:
    return JsonResponse(
        {"code": code, "message": message, "details": details or {}},
        status=statut,
        json_dumps_params={"ensure_ascii": False},
    )


def _lisible(nom: str) -> str:
    return nom.replace(NUL, "\\0")


def champs_nuls(request) -> dict[str, list[str]]:
    """The places of the request that hold a NUL, by name (empty when none)."""
    trouves: dict[str, list[str]] = {}
    if NUL in request.path_info:
        trouves["adresse"] = ["L'adresse contient un caractère nul."]
    sources = [("", request.GET), ("cookie ", request.COOKIES)]
    # The pages' forms; under /api/ the body is DRF's to read, through the strict
    # parsers (core.parseurs, which refuse a NUL too): reading request.POST here
    # would hand DRF Django's parse of a multipart body instead of theirs.
    if request.method == "POST" and request.content_type in FORMULAIRES and not est_api(request):
        sources.append(("", request.POST))
    for prefixe, donnees in sources:
        valeurs = (
            donnees.lists() if hasattr(donnees, "lists") else ((k, [v]) for k, v in donnees.items())
        )
        for cle, liste in valeurs:
            if NUL in cle or any(NUL in v for v in liste):
                trouves[prefixe + _lisible(cle)] = ["Ce champ contient un caractère nul (octet 0)."]
    return trouves


def refus_nul(request, details: dict) -> object:
    if est_api(request):
        return reponse_api(400, "donnee_invalide", MESSAGE_NUL, details)
    # Outermost: the session is not read (a cookie may be the culprit).
    request.user = AnonymousUser()
    return render(request, "requete_invalide.html", {"message": MESSAGE_NUL}, status=400)


def en_forme_api(request, reponse):
    """An error response under /api/ that is not JSON, in the API's shape."""
    if not est_api(request) or reponse.status_code < 400:
        return reponse
    if reponse.get("Content-Type", "").startswith("application/json"):
        return reponse
    code, message = REPONSES.get(
        reponse.status_code, REPONSES[500] if reponse.status_code >= 500 else REPONSES[400]
    )
    nouvelle = reponse_api(reponse.status_code, code, message)
    # Every header but those of the body replaced: Allow, Retry-After and the
    # security middlewares' (CSP, nosniff, HSTS…), which ran before this one.
    for entete, valeur in reponse.items():
        if entete.lower() not in _ENTETES_DU_CORPS:
            nouvelle[entete] = valeur
    nouvelle.cookies = reponse.cookies
    return nouvelle


_ENTETES_DU_CORPS = {"content-type", "content-length", "content-disposition", "content-encoding"}


class GardeRequetes:
    """The outermost middleware: NUL refused, Django's own errors under /api/ as JSON."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            details = champs_nuls(request)
        except RequestDataTooBig:  # a form's fields past DATA_UPLOAD_MAX_MEMORY_SIZE
            if est_api(request):
                refus = trop_volumineux(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
                return reponse_api(413, refus.default_code, str(refus.detail))
            return en_forme_api(request, response_for_exception(request, RequestDataTooBig()))
        except Exception as exc:  # a form Django cannot read (too large, malformed)
            return en_forme_api(request, response_for_exception(request, exc))
        if details:
            return refus_nul(request, details)
        return en_forme_api(request, self.get_response(request))
