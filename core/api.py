"""The API's error shape: `{"code", "message", "details"}`, in French.

Every refusal of an API view comes here (`REST_FRAMEWORK["EXCEPTION_HANDLER"]`):
the domain errors (`core.exceptions`) keep their code, status and message; a
refusal by a trigger of the database becomes its domain error
(`erreur_base`); DRF's own errors (not signed in, method, media type, JSON
that cannot be read, an unknown id; throttling too, though no view sets
DRF's: the API's only 429 is `trop_de_tentatives`, the lockout after wrong
passwords) get a French sentence in place of DRF's, under DRF's code. What happens outside the views (an unknown
address under `/api/`, a server error) is put in the same shape by
`core.requetes.GardeRequetes`.
"""

from __future__ import annotations

import contextlib
import re

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, RequestDataTooBig
from django.db import DatabaseError
from django.http import Http404
from django.utils.translation import gettext
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from core.exceptions import ApplicationError, erreur_base
from core.messages_base import nom_du_modele
from core.parseurs import trop_volumineux

MESSAGE_JSON_INVALIDE = "Le corps de la requête n'est pas un JSON valide."
MESSAGE_CORPS_ILLISIBLE = "Le corps de la requête n'a pas pu être lu : il est mal formé."
MESSAGE_NON_AUTHENTIFIE = (
    "Authentification requise : connectez-vous, ou envoyez le jeton de l'API dans l'en-tête "
    "« Authorization: Token … » (le jeton s'obtient sur /api/jeton/)."
)
MESSAGE_AUTHENTIFICATION_ECHOUEE = (
    "Authentification refusée : le jeton envoyé est inconnu, mal formé, ou le compte est désactivé."
)
MESSAGE_ACCES_REFUSE = "Vous n'avez pas le droit d'accéder à cette adresse de l'API."
MESSAGE_CSRF = (
    "Requête refusée : le jeton CSRF de la session manque ou ne correspond pas. Rechargez la "
    "page, ou utilisez le jeton de l'API (« Authorization: Token … »)."
)
MESSAGE_ACCEPT = (
    "Le format de réponse demandé (en-tête Accept) n'est pas disponible : l'API répond en JSON "
    "(application/json)."
)

# DRF's own sentences for a failed token authentication (English, and French
# through its translation catalogue): replaced by one French sentence.
_AUTHENTIFICATION_DRF = (
    "Incorrect authentication credentials.",
    "Invalid token header. No credentials provided.",
    "Invalid token header. Token string should not contain spaces.",
    "Invalid token header. Token string should not contain invalid characters.",
    "Invalid token.",
    "User inactive or deleted.",
)


HTTP404_DJANGO = re.compile(
    r"No .* matches the given query|No .* found matching the query|Aucun objet .* trouvé"
)


def _de_drf(texte: str, *phrases) -> bool:
    """Is `texte` one of DRF's own sentences (in English or translated)?"""
    return any(texte in (str(p), gettext(str(p))) for p in phrases)


def _commence_par_drf(texte: str, phrase) -> bool:
    return texte.startswith(str(phrase)) or texte.startswith(gettext(str(phrase)))


def _modele_nomme(texte: str):
    """The model Django's « No OrdreRecette matches the given query. » names, if any."""
    for modele in apps.get_models():
        if re.search(rf"\b{modele._meta.object_name}\b", texte):
            return modele
    return None


def _introuvable(context, texte: str = "") -> str:
    """« Introuvable : ordre de recette n° 42 (…). » from the view, else a plain sentence."""
    vue = context.get("view")
    kwargs = getattr(vue, "kwargs", None) or {}
    modele = _modele_nomme(texte) if texte else None
    if modele is None:
        with contextlib.suppress(Exception):  # a view without a queryset: the plain sentence
            modele = vue.get_queryset().model
    nom = nom_du_modele(modele) if modele is not None else ""
    cle = getattr(vue, "lookup_url_kwarg", None) or getattr(vue, "lookup_field", None)
    valeur = kwargs.get(cle) if cle in kwargs else next(iter(kwargs.values()), None)
    if nom and valeur is not None:
        numero = f"{valeur}" if "annee" in kwargs and valeur == kwargs["annee"] else f"n° {valeur}"
        return f"Introuvable : {nom} {numero} (ce numéro n'existe pas ou ne vous est pas ouvert)."
    if nom:
        return f"Introuvable : aucun objet « {nom} » ne correspond à cette adresse."
    return "Introuvable : rien ne correspond à cette adresse."


def _introuvable_objet(exc) -> str:
    """The sentence for a `Model.DoesNotExist` out of a service: the model it names
    (the id may come from the body, not the address: the view's is not quoted)."""
    modele = next((m for m in apps.get_models() if isinstance(exc, m.DoesNotExist)), None)
    if modele is None:
        return "Introuvable : rien ne correspond à cette demande."
    return (
        f"Introuvable : aucun objet « {nom_du_modele(modele)} » ne correspond à cette demande "
        "(il n'existe pas ou ne vous est pas ouvert)."
    )


def _francise(exc, context):
    """DRF's exception with a French detail in place of DRF's sentence (same class, code)."""
    if type(exc).__module__ != exceptions.__name__:
        return exc  # a subclass of ours (core.parseurs…) speaks French already
    texte = str(getattr(exc, "detail", ""))
    request = context.get("request")
    if isinstance(exc, exceptions.NotFound) and _de_drf(texte, exc.default_detail):
        return exceptions.NotFound(_introuvable(context))
    if isinstance(exc, exceptions.ParseError):
        if (
            _de_drf(texte, exc.default_detail)
            or "parse error" in texte.lower()
            or ("analyse" in texte.lower())
        ):
            json = "json" in (getattr(request, "content_type", "") or "").lower()
            return exceptions.ParseError(MESSAGE_JSON_INVALIDE if json else MESSAGE_CORPS_ILLISIBLE)
        return exc
    if isinstance(exc, exceptions.NotAuthenticated):
        return _meme_statut(exc, MESSAGE_NON_AUTHENTIFIE)
    if isinstance(exc, exceptions.AuthenticationFailed) and _de_drf(texte, *_AUTHENTIFICATION_DRF):
        return _meme_statut(exc, MESSAGE_AUTHENTIFICATION_ECHOUEE)
    if isinstance(exc, exceptions.PermissionDenied):
        if texte.startswith("CSRF Failed"):
            return _meme_statut(exc, MESSAGE_CSRF)
        if _de_drf(texte, exc.default_detail):
            return _meme_statut(exc, MESSAGE_ACCES_REFUSE)
        return exc
    if isinstance(exc, exceptions.MethodNotAllowed):
        methode = getattr(request, "method", "") or ""
        return _meme_statut(
            exc, f"La méthode {methode} n'est pas acceptée à cette adresse de l'API."
        )
    if isinstance(exc, exceptions.NotAcceptable):
        return _meme_statut(exc, MESSAGE_ACCEPT)
    if isinstance(exc, exceptions.UnsupportedMediaType):
        type_ = getattr(request, "content_type", "") or "(aucun)"
        types = []
        with contextlib.suppress(Exception):
            types = [p.media_type for p in context["view"].get_parsers()]
        acceptes = ", ".join(types) or "application/json"
        return _meme_statut(
            exc,
            f"Le type de contenu « {type_} » n'est pas accepté à cette adresse : envoyez {acceptes}.",
        )
    if isinstance(exc, exceptions.Throttled) and _commence_par_drf(texte, exc.default_detail):
        suite = f"réessayez dans {exc.wait} s" if exc.wait is not None else "réessayez plus tard"
        return _meme_statut(exc, f"Trop de requêtes : {suite}.")
    return exc


def _meme_statut(exc, message: str):
    """A copy of DRF's exception `exc` with the French `message` (headers kept)."""
    copie = exceptions.APIException(message)
    copie.status_code = exc.status_code
    copie.default_code = getattr(exc, "default_code", "erreur")
    for attribut in ("auth_header", "wait"):
        if hasattr(exc, attribut):
            setattr(copie, attribut, getattr(exc, attribut))
    return copie


def gestionnaire_exceptions(exc, context):
    if isinstance(exc, RequestDataTooBig):  # the body read whole (Idempotency-Key) past the cap
        exc = trop_volumineux(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    if isinstance(exc, ObjectDoesNotExist):  # a service's .get() of an id the client gave
        exc = exceptions.NotFound(_introuvable_objet(exc))
    if isinstance(exc, Http404):
        # Django's text names the model in English (« No OrdreDepense matches… »);
        # a view's own French sentence is kept.
        texte = str(exc)
        propre = texte and not HTTP404_DJANGO.match(texte)
        exc = exceptions.NotFound(texte if propre else _introuvable(context, texte))
    if isinstance(exc, DatabaseError):
        traduite = erreur_base(exc)
        if traduite is not None:
            exc = traduite
    if isinstance(exc, ApplicationError):
        return Response(
            {"code": exc.code, "message": exc.message, "details": exc.details},
            status=exc.statut_http,
        )
    code = getattr(exc, "default_code", "erreur")
    if isinstance(exc, exceptions.APIException):
        exc = _francise(exc, context)
    reponse = exception_handler(exc, context)
    if reponse is not None and isinstance(reponse.data, dict) and "detail" in reponse.data:
        reponse.data = {"code": code, "message": str(reponse.data["detail"]), "details": {}}
    elif reponse is not None and reponse.status_code == status.HTTP_400_BAD_REQUEST:
        code, message = _resume_validation(getattr(exc, "detail", reponse.data))
        details = reponse.data  # always an object (the schema's Erreur): a bare list as DRF's
        if not isinstance(details, dict):
            details = {"non_field_errors": details}
        reponse.data = {"code": code, "message": message, "details": details}
    return reponse


def _erreurs(detail, chemin=()):
    """(field path, ErrorDetail) of a serializer's errors, in order."""
    if isinstance(detail, dict):
        for cle, valeur in detail.items():
            yield from _erreurs(valeur, (*chemin, str(cle)))
    elif isinstance(detail, list):
        for rang, valeur in enumerate(detail):
            suite = chemin if not isinstance(valeur, dict | list) else (*chemin, str(rang))
            yield from _erreurs(valeur, suite)
    else:
        yield chemin, detail


def _codes_metier() -> set[str]:
    codes, a_voir = set(), [ApplicationError]
    while a_voir:
        classe = a_voir.pop()
        codes.add(classe.code)
        a_voir.extend(classe.__subclasses__())
    return codes


def _nommer(chemin) -> str:
    """A field's path for people: `lignes.0.debit` is « lignes », élément 1, « debit »
    (counted from 1, as the pages count the lines); `details` keeps the raw path."""
    return ", ".join(
        f"élément {int(partie) + 1}" if str(partie).isdigit() else f"« {partie} »"
        for partie in chemin
    )


def _resume_validation(detail) -> tuple[str, str]:
    """The code and the sentence of a refused body: the error itself when there
    is one, with its domain code (`montant_invalide`…) when a field gave one."""
    erreurs = list(_erreurs(detail))
    if not erreurs:
        return "donnee_invalide", "Les données envoyées sont invalides."
    codes = {getattr(e, "code", None) for _, e in erreurs}
    code = codes.pop() if len(codes) == 1 else None
    code = code if code in _codes_metier() else "donnee_invalide"
    chemin, premiere = erreurs[0]
    if getattr(premiere, "code", None) == "null" and chemin in ((), ("non_field_errors",)):
        # DRF's « No data provided »: the body was JSON `null`.
        return "corps_invalide", "Le corps de la requête est « null » : un objet JSON est attendu."
    champ = f"Champ {_nommer(chemin)} : " if chemin and chemin[0] != "non_field_errors" else ""
    message = f"{champ}{premiere}"
    if len(erreurs) > 1:
        message = (
            f"Les données envoyées sont invalides ({len(erreurs)} erreurs, voir « details ») ; "
            f"d'abord {message}"
        )
    return code, message
