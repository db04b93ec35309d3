"""Idempotency keys of the API's writes: a request retried records its act once.

A client whose answer was lost (a timeout, a dropped connection) cannot know
whether its act was recorded; sent again, an encaissement or an entry would
be recorded twice. Every write of the API (`core.actes.ActeApi` and its
subclasses: POST, PUT, PATCH, DELETE) therefore honours the header
`Idempotency-Key` (1 to 255 printable ASCII characters, chosen by the client,
one per act it means):

- the key is the person's own (UNIQUE per person and key, `CleIdempotence`):
  another person's key of the same text is another key;
- the request's row (method, path, fingerprint of its body) is inserted FIRST in
  the act's own transaction, then the act runs, then its answer (status and
  JSON body) is written into the row; all commit together;
- the same key again, with the same method, path and body: the stored answer
  is sent again, with the header `Idempotent-Replayed: true`, and the act does
  not run again. A retry sent while the first is still running waits on the
  unique index until the first commits, then reads its answer;
- the same key with another body, method or path: 409
  `cle_idempotence_reutilisee`, nothing done;
- the act refused (bad input, a rule, a 4xx): its transaction rolls back, the
  key's row with it; the key is free, and a retry with it runs the act again
  (and is refused again if nothing changed);
- a key lives `DUREE` (24 hours, on `core.horloge`); after that the same key
  starts a new act. `manage.py purger_cles_idempotence` deletes expired rows.

The body's fingerprint is an HMAC-SHA-256, keyed with the project's secret,
of its bytes as received (with the query string): a signed act's body holds
the signing password, which a plain hash would expose to offline guessing by
whoever reads the table. Except for multipart/form-data, whose bytes change with the
boundary each client draws: its fields and the SHA-256 of each file, sorted.
Without the header nothing changes: no key is required.
"""

from __future__ import annotations

import base64
import datetime
import functools
import hashlib
import hmac
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.http.request import RawPostDataException
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from core import horloge
from core.exceptions import ApplicationError
from core.models import CleIdempotence
from core.parseurs import trop_volumineux

ENTETE = "Idempotency-Key"
ENTETE_REJOUEE = "Idempotent-Replayed"
METHODES = ("post", "put", "patch", "delete")
DUREE = datetime.timedelta(hours=24)
_META = "HTTP_IDEMPOTENCY_KEY"
_FORME = re.compile(r"[\x20-\x7e]{1,255}")
# What a file's answer keeps beside its bytes and type.
_ENTETES_GARDES = ("content-disposition", "content-language")
_PRISE = "_caisse_idempotence_prise"  # the request's key is already taken in hand


class CleIdempotenceInvalide(ApplicationError):
    code = "cle_idempotence_invalide"
    message_defaut = (
        "L'en-tête Idempotency-Key doit compter de 1 à 255 caractères ASCII imprimables "
        "(lettres sans accent, chiffres, ponctuation) : rien n'a été enregistré."
    )


class CleIdempotenceReutilisee(ApplicationError):
    code = "cle_idempotence_reutilisee"
    statut_http = 409
    message_defaut = (
        "Cette clé d'idempotence a déjà servi à une autre requête (autre adresse, autre "
        "méthode ou autres données) : rien n'a été enregistré. Choisissez une clé nouvelle "
        "pour un acte nouveau, ou renvoyez exactement la même requête pour relire sa réponse."
    )


@dataclass(frozen=True)
class Cle:
    """The key a write request carries, with what identifies that request."""

    valeur: str
    utilisateur_id: int
    methode: str
    chemin: str
    empreinte: str

    def meme_requete(self, ligne: CleIdempotence) -> bool:
        return (ligne.methode, ligne.chemin, ligne.empreinte) == (
            self.methode,
            self.chemin,
            self.empreinte,
        )


def lire(request) -> Cle | None:
    """The request's key, or None without the header (or when an enclosing view
    of the same request already took it in hand). Refused
    (`CleIdempotenceInvalide`) when malformed. Read it before the request's
    data: the fingerprint wants the body's bytes as received."""
    if getattr(request, _PRISE, False):
        return None
    valeur = request.META.get(_META)
    if valeur is None or not getattr(request.user, "pk", None):  # a key is someone's
        return None
    if not _FORME.fullmatch(valeur) or not valeur.strip():
        raise CleIdempotenceInvalide()
    return Cle(
        valeur=valeur,
        utilisateur_id=request.user.pk,
        methode=request.method,
        chemin=request.path[:255],
        empreinte=empreinte(request),
    )


def _signature():
    """An HMAC-SHA-256 keyed with the project's secret: a signed act's body holds
    the signing password, and a plain hash of a body otherwise predictable would
    let whoever reads the table try passwords offline."""
    cle = hashlib.sha256(b"core.idempotence\n" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(cle, digestmod=hashlib.sha256)


def empreinte(request) -> str:
    """HMAC-SHA-256 of the request's body (see the module's docstring)."""
    brute = getattr(request, "_request", request)  # a DRF Request wraps Django's
    signe = _signature()
    signe.update(brute.META.get("QUERY_STRING", "").encode("utf-8", "replace") + b"\n")
    if brute.content_type != "multipart/form-data":
        try:
            signe.update(brute.body)
            return signe.hexdigest()
        except RequestDataTooBig:  # the parsers' own answer, in the API's shape
            raise trop_volumineux(settings.DATA_UPLOAD_MAX_MEMORY_SIZE) from None
        except RawPostDataException:  # already parsed (never, today): its data, canonical
            donnees = json.dumps(getattr(request, "data", None), sort_keys=True, default=str)
            signe.update(donnees.encode())
            return signe.hexdigest()
    champs = sorted((k, [str(v) for v in request.POST.getlist(k)]) for k in request.POST)
    fichiers = sorted(
        (k, [_empreinte_fichier(f) for f in request.FILES.getlist(k)]) for k in request.FILES
    )
    signe.update(json.dumps([champs, fichiers], ensure_ascii=False, default=str).encode())
    return signe.hexdigest()


def _empreinte_fichier(fichier) -> list:
    signe = hashlib.sha256()
    for morceau in fichier.chunks():
        signe.update(morceau)
    fichier.seek(0)
    return [fichier.name, signe.hexdigest()]


def _limite() -> datetime.datetime:
    return horloge.maintenant() - DUREE


def _connue(cle: Cle) -> CleIdempotence | None:
    return CleIdempotence.objects.filter(
        utilisateur_id=cle.utilisateur_id, cle=cle.valeur, cree_le__gt=_limite()
    ).first()


def _rejouer(cle: Cle, ligne: CleIdempotence) -> HttpResponse:
    """The stored answer of `ligne`, or the 409 of a key used for another request."""
    if not cle.meme_requete(ligne):
        raise CleIdempotenceReutilisee()
    if ligne.type_contenu:
        garde = json.loads(ligne.reponse)
        reponse = HttpResponse(
            base64.b64decode(garde["contenu"]),
            content_type=ligne.type_contenu,
            status=ligne.statut,
        )
        for nom, valeur in garde["entetes"].items():
            reponse[nom] = valeur
    else:
        contenu = json.loads(ligne.reponse) if ligne.reponse else None
        reponse = Response(contenu, status=ligne.statut)
    reponse[ENTETE_REJOUEE] = "true"
    return reponse


def reponse_connue(cle: Cle | None) -> HttpResponse | None:
    """The answer already given to this key (sent again), the 409 of a key used
    for another request, or None when the key is new. Asked before the request
    is read and checked: a retry is answered as the first was."""
    if cle is None:
        return None
    ligne = _connue(cle)
    return _rejouer(cle, ligne) if ligne is not None else None


def _prendre(cle: Cle) -> CleIdempotence | HttpResponse:
    """Insert the key's row in the transaction in progress; if another request
    holds the key, wait for it (the unique index) and give its answer."""
    for _essai in range(3):
        try:
            with transaction.atomic():
                return CleIdempotence.objects.create(
                    utilisateur_id=cle.utilisateur_id,
                    cle=cle.valeur,
                    methode=cle.methode,
                    chemin=cle.chemin,
                    empreinte=cle.empreinte,
                    cree_le=horloge.maintenant(),
                )
        except IntegrityError:
            ligne = CleIdempotence.objects.filter(
                utilisateur_id=cle.utilisateur_id, cle=cle.valeur
            ).first()
            if ligne is None:  # deleted meanwhile: try again
                continue
            if ligne.cree_le > _limite():
                return _rejouer(cle, ligne)
            # Expired: the same key starts a new act.
            CleIdempotence.objects.filter(pk=ligne.pk, cree_le__lte=_limite()).delete()
    raise CleIdempotenceReutilisee(
        "Cette clé d'idempotence est disputée par plusieurs requêtes à la fois : "
        "renvoyez la requête."
    )


def _enregistrer(ligne: CleIdempotence, reponse: HttpResponse) -> HttpResponse:
    """Write the act's answer into the key's row; the answer to send (a
    streamed one read whole, to be kept)."""
    if getattr(reponse, "streaming", False):
        entiere = HttpResponse(b"".join(reponse.streaming_content), status=reponse.status_code)
        for nom, valeur in reponse.items():
            entiere[nom] = valeur
        reponse = entiere
    if isinstance(reponse, Response):
        contenu = "" if reponse.data is None else JSONRenderer().render(reponse.data).decode()
        type_contenu = ""
    else:
        contenu = json.dumps(
            {
                "contenu": base64.b64encode(reponse.content).decode("ascii"),
                "entetes": {n: v for n, v in reponse.items() if n.lower() in _ENTETES_GARDES},
            }
        )
        type_contenu = reponse.get("Content-Type", "application/octet-stream")
    CleIdempotence.objects.filter(pk=ligne.pk).update(
        statut=reponse.status_code, reponse=contenu, type_contenu=type_contenu
    )
    return reponse


def executer(request, cle: Cle | None, faire: Callable[[], HttpResponse]) -> HttpResponse:
    """Run `faire()` (the act, giving its answer) in one transaction; with a
    key, its row is inserted first and the answer written into it. An answer
    of 400 or more rolls back the act and the key."""
    with transaction.atomic():
        if cle is not None:
            ligne = _prendre(cle)
            if isinstance(ligne, HttpResponse):
                return ligne
            setattr(request, _PRISE, True)
        try:
            reponse = faire()
        finally:
            if cle is not None:
                setattr(request, _PRISE, False)
        if reponse.status_code >= 400:
            transaction.set_rollback(True)
        elif cle is not None:
            reponse = _enregistrer(ligne, reponse)
    return reponse


def idempotente(methode):
    """A write view's method (post, put, patch, delete) run in one transaction
    that honours the request's key; `ActeApi` applies it to the methods its
    subclasses define."""

    @functools.wraps(methode)
    def enveloppe(self, request, *args, **kwargs):
        cle = lire(request)
        deja = reponse_connue(cle)
        if deja is not None:
            return deja
        return executer(request, cle, lambda: methode(self, request, *args, **kwargs))

    enveloppe.idempotente = True
    return enveloppe


def purger(avant: datetime.datetime | None = None) -> int:
    """Delete the keys received before `avant` (the expired ones by default)."""
    supprimees, _ = CleIdempotence.objects.filter(cree_le__lte=avant or _limite()).delete()
    return supprimees
