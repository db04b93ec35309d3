"""API tokens that expire and die with the password (no import of DRF's views:
DRF loads `AuthentificationParJeton` from its settings while importing them).

A token lives `CAISSE_DUREE_JETON_API` hours (12) from its creation, like a
working day's session: older, it is refused with 401 `jeton_expire`
(`AuthentificationParJeton`, the API's token authentication) and
`/api/jeton/` gives a new one. A password set anew (the change page,
`creer_compte`, the admin) deletes the person's tokens (`RevocationDesJetons`,
called by Django after every `set_password` saved)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

from core.exceptions import ApplicationError


def duree_jeton() -> datetime.timedelta:
    return datetime.timedelta(hours=int(getattr(settings, "CAISSE_DUREE_JETON_API", 12)))


def jeton_expire(jeton: Token) -> bool:
    # Real time (django.utils.timezone.now), not the fund's clock (core.horloge):
    # DRF stamps Token.created with the real time, while the fund's clock may be
    # set apart from it (frozen at 2026-06-15 by the test suite, a day replayed by a
    # fund); measuring a real-time stamp with it would expire every token, or none.
    return timezone.now() - jeton.created >= duree_jeton()


class JetonExpire(ApplicationError):
    code = "jeton_expire"
    statut_http = 401

    def __init__(self):
        heures = int(duree_jeton().total_seconds() // 3600)
        super().__init__(
            f"Jeton d'API expiré : un jeton vaut {heures} heure"
            + ("s" if heures > 1 else "")
            + " après sa délivrance. Demandez-en un nouveau par POST /api/jeton/ "
            "(identifiant et mot de passe)."
        )


class AuthentificationParJeton(TokenAuthentication):
    """DRF's `Authorization: Token …`, refusing a token past its lifetime
    (401 `jeton_expire` in the API's error shape; the token is deleted)."""

    def authenticate(self, request):
        resultat = super().authenticate(request)
        if resultat is not None and jeton_expire(resultat[1]):
            Token.objects.filter(pk=resultat[1].pk).delete()
            # Anonymous from now on: DRF asks `request.user` again while answering.
            request._not_authenticated()
            raise JetonExpire()
        return resultat


class RevocationDesJetons:
    """Not a rule on the password: Django calls `password_changed` of each
    AUTH_PASSWORD_VALIDATORS entry once a password set anew is saved — every
    path (the change page, `creer_compte`, the admin, the demo). The person's
    API tokens are deleted: a token obtained with the old password dies with it."""

    def validate(self, password, user=None) -> None:
        return None

    def password_changed(self, password, user=None) -> None:
        if getattr(user, "pk", None):
            Token.objects.filter(user=user).delete()

    def get_help_text(self) -> str:
        return "Changer de mot de passe révoque les jetons d'API en cours."
