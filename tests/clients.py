"""The suite's page client: it sends each form with its one-time token.

Every page that runs an act wants the form's one-time token (`core.jetons`,
`{% jeton_formulaire %}` in the template). The page tests post their data
directly, without reading the form first: this client adds a fresh valid
token for the person logged in to a POST that does not give one, as a
browser sending the form just rendered would. A test that gives its own
token (or an empty one: `{jetons.CHAMP: ""}`) sends it as it is; the tests of
the tokens themselves use Django's plain `Client`, which adds nothing.
"""

from __future__ import annotations

from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.test.client import MULTIPART_CONTENT

from core import jetons


class ClientAvecJeton(Client):
    def post(self, path, data=None, content_type=MULTIPART_CONTENT, **extra):
        utilisateur = self.session.get(SESSION_KEY)
        if utilisateur is not None and content_type == MULTIPART_CONTENT:
            if data is None:
                data = {}
            if isinstance(data, dict) and jetons.CHAMP not in data:
                data = {**data, jetons.CHAMP: jetons.emettre(int(utilisateur))}
        return super().post(path, data, content_type, **extra)
