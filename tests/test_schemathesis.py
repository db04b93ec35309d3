"""A schema-driven fuzz run over every operation of the API (schemathesis).

The schema is read as a client reads it, from /api/schema/ of the WSGI
application, and every operation it describes is called with a few requests
drawn from it, with an API token: valid ones, then ones that break the schema
(a wrong type, a missing field, a value out of bounds) wherever the operation
has parameters or a body to break. The agent comptable calls first; an
operation that refuses him every time (403: an act of the ordonnateur) is
called again as the directrice, so that its body is read too. Each answer
must be no server error (5xx) and a status the schema documents for that
operation (`core/schema.py` adds the error statuses).

The run commits each request as a served one does (a transactional test, no
wrapping transaction, a persistent connection as a server keeps): the acts'
own transactions, the idempotency keys and the database's guards at COMMIT
take part. It is bounded to stay reproducible and short: a fixed seed
(derandomize), three examples an operation and mode, no shrinking, no example
database, on a small data set (an open exercise, the chart and the dated
rules). A failure names the request to replay (schemathesis writes it as a
curl command).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

CONTROLES = [not_a_server_error, status_code_conformance]
REGLAGES = settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def _modes(operation) -> list[GenerationMode]:
    """Negative cases only where there is something to break: parameters or a body."""
    brut = operation.definition.raw
    if brut.get("parameters") or brut.get("requestBody"):
        return [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    return [GenerationMode.POSITIVE]


class Statuts:
    """The WSGI application, noting the statuses it answers."""

    def __init__(self, application):
        self.application, self.vus = application, []

    def __call__(self, environ, start_response):
        def noter(statut, entetes, *args):
            self.vus.append(int(statut[:3]))
            return start_response(statut, entetes, *args)

        return self.application(environ, noter)


def _essayer(operation, mode: GenerationMode, entetes: dict[str, str]) -> str | None:
    @REGLAGES
    @given(case=operation.as_strategy(generation_mode=mode, headers=entetes))
    def essai(case):
        case.call_and_validate(checks=CONTROLES)

    try:
        essai()
    except (Exception, BaseExceptionGroup) as exc:  # schemathesis' report, with the request
        return f"{operation.label} ({mode.value}) : {str(exc)[:3000]}"
    return None


@pytest.fixture
def connexion_persistante():
    """One connection for the whole run, as a served process keeps one
    (CONN_MAX_AGE): not a new connection for each of the thousand requests."""
    from django.db import connection

    avant = connection.settings_dict["CONN_MAX_AGE"]
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = None
    yield
    connection.settings_dict["CONN_MAX_AGE"] = avant


@pytest.mark.django_db(transaction=True)
def test_aucune_operation_ne_repond_une_erreur_serveur_ni_un_statut_non_documente(
    comptable, directrice, exercice, connexion_persistante
):
    from config.wsgi import application

    comptable_, directrice_ = (
        {"Authorization": f"Token {Token.objects.create(user=personne).key}"}
        for personne in (comptable, directrice)
    )
    statuts = Statuts(application)
    schema = schemathesis.openapi.from_wsgi("/api/schema/", statuts)

    operations, echecs = 0, []
    for resultat in schema.get_all_operations():
        operation = resultat.ok()
        operations += 1
        statuts.vus.clear()
        entetes, qui = comptable_, ""
        for mode in _modes(operation):
            if (echec := _essayer(operation, mode, entetes)) is not None:
                echecs.append(f"{qui}{echec}")
            if mode is GenerationMode.POSITIVE and set(statuts.vus) == {403}:
                # Every valid request refused him: an act of the ordonnateur.
                entetes, qui = directrice_, "(la directrice) "
                if (echec := _essayer(operation, mode, entetes)) is not None:
                    echecs.append(f"{qui}{echec}")

    assert operations > 200, f"{operations} opérations seulement dans le schéma servi"
    assert not echecs, f"{len(echecs)} opération(s) en échec :\n\n" + "\n\n".join(echecs)
