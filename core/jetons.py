"""One-time tokens of the pages' act forms: a form sent twice records its act once.

Back and resubmit, a double click, a page reloaded after its POST: the browser
sends the same form again, and an encaissement, a payment batch or an entry
would be recorded twice. Each form of a page that runs an act therefore
carries, beside `{% csrf_token %}`, a one-time token (`{% jeton_formulaire %}`,
`core/templatetags/jetons.py`):

- issued by `emettre`: a random nonce, the person's id and the instant it was
  issued, signed with the project's key (`django.core.signing`), so that it
  cannot be forged nor lent to someone else;
- consumed by `une_fois(request, faire)`, the one place where a page runs an
  act: in one transaction, the nonce is inserted in `core_jetonconsomme`
  (UNIQUE), then the act runs. The act refused (bad input, a rule), the
  transaction rolls back, the nonce with it: the person corrects the form and
  sends it again. The act done, the nonce stays, with the page the act led to:
  the same form sent again is refused with `FormulaireDejaEnvoye`, which
  carries that page. Two submissions at the same instant: the second waits on
  the unique index until the first commits, and is refused.

A browser may also reload the form's page when one goes back to it (the page
that shows the result has the same address, or is not kept in cache), and
fill it in again: the form then carries a fresh token. So the consumed token
keeps the fingerprint of the data sent (`empreinte`): the same data sent by
the same person to the same address within `FENETRE_IDENTIQUE` is refused
(`ActeIdentique`), unless the form says it is a second act on purpose (the
box `SECOND_ACTE`, which the tag shows, after such a refusal, in the forms of
the page the refused form was sent to: a receipt, an entry, a transfer, whose
form posts to its own page).

A token lives `DUREE` (read on `core.horloge`): a form left open longer is
refused, the page reloaded gives a fresh one. The API is not concerned: it
sends no form; its writes take an `Idempotency-Key` (`core.idempotence`).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core import signing
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone

from core import horloge
from core.exceptions import (
    ActeIdentique,
    FormulaireDejaEnvoye,
    JetonInvalide,
    relever_erreur_base,
)
from core.models import JetonConsomme

CHAMP = "jeton_formulaire"  # the hidden field's name
DUREE = datetime.timedelta(hours=12)
SECOND_ACTE = "second_acte"  # the box that confirms a second identical act
FENETRE_IDENTIQUE = datetime.timedelta(minutes=15)
CLE_SESSION = "core.jetons.acte_identique"  # the page after a refusal shows the box
_HORS_EMPREINTE = {CHAMP, SECOND_ACTE, "csrfmiddlewaretoken"}
_SEL = "core.jetons"

R = TypeVar("R")


def emettre(utilisateur) -> str:
    """A fresh token for a form `utilisateur` (a user, or his id) will send."""
    return signing.dumps(
        {
            "n": secrets.token_urlsafe(18),
            "u": getattr(utilisateur, "pk", utilisateur),
            "t": int(horloge.maintenant().timestamp()),
        },
        salt=_SEL,
    )


def _lire(request) -> str:
    """The nonce of the token the form carried, after its checks."""
    valeur = request.POST.get(CHAMP, "")
    if not valeur:
        raise JetonInvalide(
            "Ce formulaire ne porte pas de jeton d'envoi : rechargez la page et envoyez-le à "
            "nouveau. Rien n'a été enregistré."
        )
    try:
        contenu = signing.loads(valeur, salt=_SEL)
        nonce, utilisateur, emis = str(contenu["n"]), contenu["u"], int(contenu["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise JetonInvalide(
            "Le jeton d'envoi de ce formulaire n'est pas valide : rechargez la page et "
            "envoyez-le à nouveau. Rien n'a été enregistré."
        ) from None
    if utilisateur != request.user.pk:
        raise JetonInvalide(
            "Ce formulaire a été ouvert par une autre personne : rechargez la page et "
            "envoyez-le à nouveau. Rien n'a été enregistré."
        )
    age = horloge.maintenant() - datetime.datetime.fromtimestamp(emis, tz=datetime.UTC)
    if age > DUREE:
        heures = int(DUREE.total_seconds() // 3600)
        raise JetonInvalide(
            f"Ce formulaire a été ouvert il y a plus de {heures} heures : rechargez la page et "
            "envoyez-le à nouveau. Rien n'a été enregistré."
        )
    return nonce


def verifier(request) -> None:
    """Refuse (`JetonInvalide`) a form whose token is missing, forged, someone
    else's or too old, without consuming it: an act's page asks it before it
    reads the form, or records anything before the act (its `prealable`)."""
    _lire(request)


def consommer(request) -> JetonConsomme:
    """Consume the form's token inside the act's transaction (`une_fois`); refused
    (`JetonInvalide`) when missing, forged, someone else's or too old, and
    (`FormulaireDejaEnvoye`) when an act already consumed it."""
    if not connection.in_atomic_block:
        # Outside a transaction the nonce would stay consumed by an act refused.
        raise RuntimeError("Un jeton de formulaire se consomme dans la transaction de l'acte.")
    nonce = _lire(request)
    chemin, signe = request.path[:255], empreinte(request)
    premier = JetonConsomme.objects.filter(nonce=nonce).first()
    if premier is not None:  # the same form again: back where its act led
        raise FormulaireDejaEnvoye(vers=premier.vers)
    if not request.POST.get(SECOND_ACTE):
        _exiger_pas_identique(request, chemin, signe)
    try:
        with transaction.atomic():
            jeton = JetonConsomme.objects.create(
                nonce=nonce, utilisateur_id=request.user.pk, chemin=chemin, empreinte=signe
            )
    except IntegrityError:
        premier = JetonConsomme.objects.filter(nonce=nonce).first()
        raise FormulaireDejaEnvoye(vers=premier.vers if premier else "") from None
    if hasattr(request, "session"):
        request.session.pop(CLE_SESSION, None)
    return jeton


def empreinte(request) -> str:
    """SHA-256 of what the form sent (fields and files' names and sizes), its
    token and confirmation aside: the same act typed again gives the same."""
    champs = sorted(
        (cle, request.POST.getlist(cle)) for cle in request.POST if cle not in _HORS_EMPREINTE
    )
    fichiers = sorted(
        (cle, [(f.name, f.size) for f in request.FILES.getlist(cle)]) for cle in request.FILES
    )
    contenu = json.dumps([champs, fichiers], ensure_ascii=False, default=str)
    return hashlib.sha256(contenu.encode()).hexdigest()


def _exiger_pas_identique(request, chemin: str, signe: str) -> None:
    """Refuse the data of an act this person just recorded from this form."""
    recent = (
        JetonConsomme.objects.filter(
            utilisateur_id=request.user.pk,
            chemin=chemin,
            empreinte=signe,
            le__gte=timezone.now() - FENETRE_IDENTIQUE,
        )
        .order_by("-le")
        .first()
    )
    if recent is None:
        return
    if hasattr(request, "session"):
        request.session[CLE_SESSION] = chemin  # the form that may confirm
    minutes = int(FENETRE_IDENTIQUE.total_seconds() // 60)
    raise ActeIdentique(
        f"Vous avez envoyé exactement les mêmes données depuis ce formulaire à "
        f"{timezone.localtime(recent.le):%H:%M} : l'acte n'a pas été enregistré une seconde fois "
        f"(page rechargée par le bouton « Retour » ?). S'il s'agit bien d'un second acte, "
        f"distinct du premier, cochez « Second acte identique, voulu » dans le formulaire et "
        f"envoyez-le à nouveau (ou attendez {minutes} minutes).",
        vers=recent.vers,
    )


def une_fois(request, faire: Callable[[], R], vers: Callable[[R], str] | None = None) -> R:
    """Run `faire()` (the act) in one transaction that first consumes the form's
    token; `vers(resultat)` is the page the act leads to, shown again to a
    second submission of the same form."""
    try:
        with transaction.atomic():
            jeton = consommer(request)
            resultat = faire()
            if vers is not None:
                JetonConsomme.objects.filter(pk=jeton.pk).update(vers=str(vers(resultat))[:500])
    except DatabaseError as exc:  # a guard's refusal, a total too large: its French message
        relever_erreur_base(exc)
    return resultat
