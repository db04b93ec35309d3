"""The pages' acts are idempotent through their forms' one-time token
(core.jetons): every page action of an act (`core.actes.page_acte`) refuses a
form sent without its token, before it reads the form or records anything.

Walks the URL resolver: an act's page action added tomorrow is checked too.
Posted with Django's plain `Client`, which adds no token."""

import re

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve

from core.exceptions import ApplicationError

pytestmark = pytest.mark.django_db

SANS_JETON = (
    "Ce formulaire ne porte pas de jeton d'envoi : rechargez la page et envoyez-le à nouveau. "
    "Rien n'a été enregistré."
)
_PARAMETRE = re.compile(r"<(?:(\w+):)?(\w+)>")


def _actions(motifs, prefixe=""):
    for motif in motifs:
        if isinstance(motif, URLResolver):
            yield from _actions(motif.url_patterns, prefixe + str(motif.pattern))
        elif hasattr(motif.callback, "acte"):
            yield prefixe + str(motif.pattern), motif.callback


def _adresse(route: str) -> str:
    """The route with each parameter given a value its converter takes."""
    return "/" + _PARAMETRE.sub(lambda m: "2026" if m.group(2) == "annee" else "1", route)


def _ecritures() -> int:
    """Rows inserted, updated or deleted so far in this test's transaction
    (the session's own row aside)."""
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)"
            " FROM pg_stat_xact_user_tables WHERE relname <> 'django_session'"
        )
        return curseur.fetchone()[0]


def _refus(droit, utilisateur) -> str:
    try:
        droit.exiger(utilisateur)
    except ApplicationError as refus:
        return refus.message
    raise AssertionError("droit accordé")


def test_chaque_acte_des_pages_refuse_un_formulaire_sans_jeton_et_n_ecrit_rien(comptable):
    client = Client()
    client.force_login(comptable)
    actions = sorted(_actions(get_resolver().url_patterns), key=lambda a: a[0])
    assert len(actions) > 80
    ecarts = []
    par_le_jeton = 0
    for route, vue in actions:
        adresse = _adresse(route)
        assert resolve(adresse).func is vue, route
        client.cookies.pop("messages", None)  # the last page's message, unread
        avant = _ecritures()

        reponse = client.post(adresse, {"motif": "Essai", "montant": "10.00"})

        messages = [str(m) for m in get_messages(reponse.wsgi_request)]
        # An act the comptable may not do is refused first for that (its droit's
        # message), a form without its token for that: nothing written either way.
        attendu = SANS_JETON
        if vue.acte.droit is not None and not vue.acte.droit.accorde(comptable):
            attendu = _refus(vue.acte.droit, comptable)
        else:
            par_le_jeton += 1
        if reponse.status_code != 302 or messages != [attendu] or _ecritures() != avant:
            ecarts.append(f"{route} ({vue.acte.nom}) : {reponse.status_code} {messages}")
    assert ecarts == [], "actes acceptés sans jeton :\n" + "\n".join(ecarts)
    assert par_le_jeton > 40  # the comptable's own acts: refused for their token
