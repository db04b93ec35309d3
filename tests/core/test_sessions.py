"""An idle session ends after SESSION_COOKIE_AGE; one in use is renewed once a minute."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import sessions


def _expiration(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


@pytest.mark.django_db
def test_une_session_en_usage_est_renouvelee_une_fois_par_minute(client, comptable):
    client.force_login(comptable)
    depart = 1_800_000_000
    with mock.patch.object(sessions.time, "time", return_value=depart):
        client.get("/")
    premiere = _expiration(client)
    # Within the minute: no write of the session.
    with (
        mock.patch.object(sessions.time, "time", return_value=depart + 30),
        CaptureQueriesContext(connection) as requetes,
    ):
        reponse = client.get("/")
    assert reponse.status_code == 200
    assert not [
        q
        for q in requetes.captured_queries
        if "UPDATE" in q["sql"] and "django_session" in q["sql"]
    ]
    assert _expiration(client) == premiere
    # A minute later: renewed, its expiry moved on.
    with (
        mock.patch.object(sessions.time, "time", return_value=depart + 61),
        CaptureQueriesContext(connection) as requetes,
    ):
        client.get("/")
    assert [
        q
        for q in requetes.captured_queries
        if "UPDATE" in q["sql"] and "django_session" in q["sql"]
    ]
    assert client.session[sessions.CLE] == depart + 61
    assert _expiration(client) >= premiere
