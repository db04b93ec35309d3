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

A token lives `DUREE` (read on `core.horloge`): a form left open longer is
refused, the page reloaded gives a fresh one. The API is not concerned: it
sends no form (idempotency keys are for a later issue).
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core import signing
from django.db import IntegrityError, connection, transaction

from core import horloge
from core.exceptions import FormulaireDejaEnvoye, JetonInvalide
from core.models import JetonConsomme

CHAMP = "jeton_formulaire"  # the hidden field's name
DUREE = datetime.timedelta(hours=12)
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


def consommer(request) -> JetonConsomme:
    """Consume the form's token inside the act's transaction (`une_fois`); refused
    (`JetonInvalide`) when missing, forged, someone else's or too old, and
    (`FormulaireDejaEnvoye`) when an act already consumed it."""
    if not connection.in_atomic_block:
        # Outside a transaction the nonce would stay consumed by an act refused.
        raise RuntimeError("Un jeton de formulaire se consomme dans la transaction de l'acte.")
    nonce = _lire(request)
    try:
        with transaction.atomic():
            return JetonConsomme.objects.create(
                nonce=nonce, utilisateur_id=request.user.pk, chemin=request.path[:255]
            )
    except IntegrityError:
        premier = JetonConsomme.objects.filter(nonce=nonce).first()
        raise FormulaireDejaEnvoye(vers=premier.vers if premier else "") from None


def une_fois(request, faire: Callable[[], R], vers: Callable[[R], str] | None = None) -> R:
    """Run `faire()` (the act) in one transaction that first consumes the form's
    token; `vers(resultat)` is the page the act leads to, shown again to a
    second submission of the same form."""
    with transaction.atomic():
        jeton = consommer(request)
        resultat = faire()
        if vers is not None:
            JetonConsomme.objects.filter(pk=jeton.pk).update(vers=str(vers(resultat))[:500])
    return resultat
