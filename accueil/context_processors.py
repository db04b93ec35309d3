"""Context of every page: the fund's name and the functions of the person reading."""

from django.conf import settings

from core import replique
from personnes.models import Fonction
from personnes.selectors import fonctions_actuelles


def organisme(request):
    fonctions = []
    if request.user.is_authenticated:
        fonctions = fonctions_actuelles(request.user)
    return {
        "NOM_ORGANISME": settings.NOM_ORGANISME,
        "fonctions_utilisateur": fonctions,
        "fonctions_libelles": [Fonction(f).label for f in fonctions],
        # An auditor's page read from the replica says up to when its data go.
        "replique_arretee_a": replique.arretee_a(),
    }
