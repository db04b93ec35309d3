"""The site's addresses plus views that fail, for the error pages' tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.urls import path

from config.urls import urlpatterns as adresses_du_site


def _refus(request):
    raise PermissionDenied


def _panne(request):
    raise RuntimeError("panne simulée")


def _illisible(request):
    raise SuspiciousOperation("requête illisible")


def _base_perdue(request):
    raise OperationalError("connection to server failed")


urlpatterns = [
    path("essai/refus/", _refus),
    path("essai/panne/", _panne),
    path("essai/illisible/", _illisible),
    path("essai/base-perdue/", _base_perdue),
    path("api/essai/base-perdue/", _base_perdue),
    *adresses_du_site,
]

handler400 = "core.indisponible.requete_invalide"
handler500 = "core.indisponible.erreur_serveur"
