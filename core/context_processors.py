from django.conf import settings

from personnes.models import Fonction


def organisme(request):
    from personnes.selectors import fonctions_actuelles

    fonctions = []
    if request.user.is_authenticated:
        fonctions = fonctions_actuelles(request.user)
    return {
        "NOM_ORGANISME": settings.NOM_ORGANISME,
        "fonctions_utilisateur": fonctions,
        "fonctions_libelles": [Fonction(f).label for f in fonctions],
    }
