"""The auditors' safe requests read from the replica (core.replique).

An auditor (the tutelle's read-only function) does no act: the pages and the
API's GET he sends are served from the read-only standby when one is declared.
Whatever such a request writes (its session renewed, the audit row of a
download) still goes to the primary: the router sends every write there, and
every read inside a transaction of the primary too. A person who holds any
other function besides reads the primary, as everyone else does.
"""

from __future__ import annotations

from core import replique
from personnes.models import Fonction
from personnes.selectors import fonctions_actuelles

METHODES_SURES = frozenset({"GET", "HEAD"})


def auditeur_seulement(utilisateur) -> bool:
    """Does the person hold the auditor's function and no other today?"""
    if utilisateur is None or not utilisateur.is_authenticated:
        return False
    fonctions = set(fonctions_actuelles(utilisateur))
    return bool(fonctions) and fonctions <= {Fonction.AUDITEUR}


class LecturesAuditeur:
    """Middleware, after the authentication: installs the request's decider.

    The decision waits for the first read that asks: the API authenticates its
    token inside the view, and then sets the request's user. It is taken once
    per user and request, including whether the replica answers (if not, a
    warning in the journal and the primary serves the page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in METHODES_SURES or not replique.configuree():
            return self.get_response(request)
        decisions: dict[int, bool] = {}

        def decider() -> bool:
            utilisateur = getattr(request, "user", None)
            if utilisateur is None or not utilisateur.is_authenticated:
                return False
            if utilisateur.pk not in decisions:
                decisions[utilisateur.pk] = (
                    auditeur_seulement(utilisateur) and replique.disponible()
                )
            return decisions[utilisateur.pk]

        with replique.lectures_sur_replique(decider):
            return self.get_response(request)
