"""The API's body parsers, strict (issue 14, point 4).

JSON: at most `settings.DATA_UPLOAD_MAX_MEMORY_SIZE` bytes (413 beyond), UTF-8,
no float anywhere (an amount is a string: `core.champs_api.ChampMontantApi`),
no NaN/Infinity, integers of at most 18 digits (a bigint), nesting at most
`PROFONDEUR_MAX` deep, no NUL character and no string longer than
`LONGUEUR_MAX_CHAINE`, no control or invisible character
(`core.saisie.CARACTERES_INTERDITS`: tab and line breaks stay). Forms and multipart bodies: the same size cap for
their fields, `TAILLE_MAX_ENVOI` for a body carrying files. Every refusal is
an `APIException` the API's handler answers as `{code, message, details}`.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import QueryDict
from rest_framework import parsers, renderers, status
from rest_framework.exceptions import APIException, ParseError

from core.saisie import CARACTERES_INTERDITS

PROFONDEUR_MAX = 32
LONGUEUR_MAX_CHAINE = 10_000
CHIFFRES_MAX_ENTIER = 18
# A body with files: a camt.053 statement (50 Mo) or the pièces of an order (10 Mo each).
TAILLE_MAX_ENVOI = 60 * 1024 * 1024


class CorpsInvalide(ParseError):
    default_code = "corps_invalide"
    default_detail = "Le corps de la requête est illisible."


class CorpsTropVolumineux(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "corps_trop_volumineux"
    default_detail = "Le corps de la requête est trop volumineux."


def _en_mo(octets: int) -> str:
    texte = f"{octets / (1024 * 1024):.1f}".removesuffix(".0")
    return texte.replace(".", ",") + " Mo"


def trop_volumineux(limite: int) -> CorpsTropVolumineux:
    return CorpsTropVolumineux(
        f"Le corps de la requête dépasse la taille admise ({_en_mo(limite)})."
    )


def _longueur_annoncee(meta) -> int:
    try:
        return int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _lire_borne(stream, meta, limite: int) -> bytes:
    """The body's bytes, refused (413) past `limite` whatever Content-Length says."""
    if _longueur_annoncee(meta) > limite:
        raise trop_volumineux(limite)
    brut = stream.read(limite + 1) if stream is not None else b""
    if len(brut) > limite:
        raise trop_volumineux(limite)
    return brut


def _refuser_flottant(texte: str):
    raise CorpsInvalide(
        f"Nombre à virgule refusé ({texte[:30]}) : un montant s'écrit en chaîne de "
        'chiffres, par exemple "1234.56".'
    )


def _refuser_constante(texte: str):
    raise CorpsInvalide(f"Valeur JSON non admise : {texte}.")


def _lire_entier(texte: str) -> int:
    if len(texte.lstrip("-")) > CHIFFRES_MAX_ENTIER:
        raise CorpsInvalide(f"Nombre entier trop grand ({texte[:30]}…).")
    return int(texte)


def _verifier(donnees) -> None:
    """Depth, string lengths, NUL and control characters, walked without recursion. A
    file sent in base64 (a key ending in `_base64`) is bounded by the body's size."""
    pile = [(donnees, 1, "")]
    while pile:
        valeur, profondeur, cle = pile.pop()
        if isinstance(valeur, str):
            chaines = () if cle.endswith("_base64") and "\x00" not in valeur else (valeur,)
        elif isinstance(valeur, dict):
            chaines = valeur.keys()
        else:
            chaines = ()
        for chaine in chaines:
            if len(chaine) > LONGUEUR_MAX_CHAINE:
                raise CorpsInvalide(
                    f"Un texte dépasse {LONGUEUR_MAX_CHAINE:,} caractères.".replace(",", "\u202f")
                )
            if "\x00" in chaine:
                raise CorpsInvalide("Un texte contient le caractère nul (NUL), refusé.")
            _sans_controle(chaine, cle if isinstance(valeur, str) else chaine)
        if isinstance(valeur, dict | list):
            if profondeur > PROFONDEUR_MAX:
                raise CorpsInvalide(
                    f"Le JSON est imbriqué trop profondément (plus de {PROFONDEUR_MAX} niveaux)."
                )
            if isinstance(valeur, dict):
                pile.extend((enfant, profondeur + 1, str(k)) for k, enfant in valeur.items())
            else:
                pile.extend((enfant, profondeur + 1, cle) for enfant in valeur)


def charger_json(texte: str | bytes):
    """A JSON text read under this module's rules (also the `saisie` field of a
    multipart order), or `CorpsInvalide` in French."""
    if isinstance(texte, bytes):
        try:
            texte = texte.decode("utf-8")
        except UnicodeDecodeError:
            raise CorpsInvalide("Le corps de la requête n'est pas en UTF-8.") from None
    try:
        donnees = json.loads(
            texte,
            parse_float=_refuser_flottant,
            parse_int=_lire_entier,
            parse_constant=_refuser_constante,
        )
    except RecursionError:
        raise CorpsInvalide(
            f"Le JSON est imbriqué trop profondément (plus de {PROFONDEUR_MAX} niveaux)."
        ) from None
    except ValueError as exc:
        position = getattr(exc, "lineno", None)
        ou = f" (ligne {position}, colonne {exc.colno})" if position else ""
        raise CorpsInvalide(f"Le corps de la requête n'est pas un JSON valide{ou}.") from None
    _verifier(donnees)
    return donnees


# Not subclasses of DRF's JSONParser/FormParser: DRF reads those through
# `request.body`, whose own size check raises before the parser can answer
# in the API's shape; these read the stream themselves, bounded.
class ParseurJson(parsers.BaseParser):
    media_type = "application/json"
    renderer_class = renderers.JSONRenderer

    def parse(self, stream, media_type=None, parser_context=None):
        requete = (parser_context or {}).get("request")
        meta = requete.META if requete is not None else {}
        return charger_json(_lire_borne(stream, meta, settings.DATA_UPLOAD_MAX_MEMORY_SIZE))


class ParseurFormulaire(parsers.BaseParser):
    media_type = "application/x-www-form-urlencoded"

    def parse(self, stream, media_type=None, parser_context=None):
        requete = (parser_context or {}).get("request")
        meta = requete.META if requete is not None else {}
        brut = _lire_borne(stream, meta, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        try:
            return _sans_nul(QueryDict(brut, encoding=parsers.get_encoding(parser_context or {})))
        except SuspiciousOperation:  # too many fields (Django's English TooManyFieldsSent)
            plafond = f"{settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,}".replace(",", "\u202f")
            raise CorpsInvalide(
                f"Formulaire refusé : il compte plus de {plafond} champs."
            ) from None


class ParseurMultipart(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        requete = (parser_context or {}).get("request")
        if requete is not None and _longueur_annoncee(requete.META) > TAILLE_MAX_ENVOI:
            raise trop_volumineux(TAILLE_MAX_ENVOI)
        try:
            lu = super().parse(stream, media_type, parser_context)
        except RequestDataTooBig:
            raise trop_volumineux(settings.DATA_UPLOAD_MAX_MEMORY_SIZE) from None
        except SuspiciousOperation:  # too many fields or files
            raise CorpsInvalide("Envoi refusé : trop de champs ou de fichiers.") from None
        _sans_nul(lu.data)
        return lu


def _sans_controle(chaine: str, champ: str) -> None:
    """Refuses a string holding a character of `core.saisie.CARACTERES_INTERDITS`
    (a control character, a bidirectional override, U+FEFF), naming the field:
    such a text would otherwise reach the immutable ledger as a libellé."""
    trouve = CARACTERES_INTERDITS.search(chaine)
    if trouve:
        nom = CARACTERES_INTERDITS.sub("?", champ)[:60] or "?"
        raise CorpsInvalide(
            f"Le champ « {nom} » contient un caractère de contrôle ou invisible "
            f"(U+{ord(trouve.group()):04X}), refusé : retapez le texte."
        )


def _sans_nul(donnees: QueryDict) -> QueryDict:
    """A form's fields (names and values) without NUL: PostgreSQL's texts cannot
    hold one (a 500 when a field reached a query). The middleware checks the
    pages' forms; the API's bodies are these parsers' to read."""
    for cle, valeurs in donnees.lists():
        if "\x00" in cle or any("\x00" in v for v in valeurs if isinstance(v, str)):
            raise CorpsInvalide("Un champ contient le caractère nul (NUL), refusé.")
        _sans_controle(cle, cle)
        for valeur in valeurs:
            if isinstance(valeur, str):
                _sans_controle(valeur, cle)
    return donnees


# The parsers of every API view (`REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]`).
PARSEURS = [ParseurJson, ParseurFormulaire, ParseurMultipart]
# Where an order comes with its pièces: JSON, or multipart/form-data.
PARSEURS_PIECES = [ParseurJson, ParseurMultipart, ParseurFormulaire]
