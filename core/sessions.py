"""Sessions that end after a spell without requests, renewed at most once a minute.

Django renews a session's expiry only when it saves it; saving it at every
request (`SESSION_SAVE_EVERY_REQUEST`) costs an UPDATE of `django_session`
per page and per API call. The session is marked as changed instead when its
last renewal is older than `RENOUVELLEMENT`: the idle timeout
(`SESSION_COOKIE_AGE`) holds within that minute, for one write a minute.
"""

from __future__ import annotations

import time

RENOUVELLEMENT = 60  # seconds
CLE = "_renouvelee"


class SessionGlissante:
    """After `SessionMiddleware`: a session in use is renewed once a minute."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.session_key is not None:
            maintenant = int(time.time())
            if maintenant - int(session.get(CLE, 0)) >= RENOUVELLEMENT:
                session[CLE] = maintenant
        return self.get_response(request)


def a_la_connexion(sender, request, user, **kwargs):
    """A session opened by a login starts renewed (it is saved with the login)."""
    if request is not None and hasattr(request, "session"):
        request.session[CLE] = int(time.time())
