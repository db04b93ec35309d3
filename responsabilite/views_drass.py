"""The pages of the ministers' part (circ. 93/82 §6.2): the directeur's acts
(the DRASS file, the ministers' avis on a mise en cause by the tutelle) and
the two copies of the file as they were received. Thin: `services_drass`
through `core.actes`."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from core.actes import page_acte
from personnes.acces import fonction_requise
from responsabilite import actes, actes_drass
from responsabilite.models import Demande, MiseEnCause
from responsabilite.models_drass import DossierDrass


def _vers_registre(_objet, _resultat) -> str:
    return reverse("responsabilite:registre")


@fonction_requise
def copie_dossier(request, pk: int, copie: str):
    """The copy of the contrat de cautionnement or of the insurance, as received."""
    if not actes.LIRE_DROIT.accorde(request.user):
        raise PermissionDenied(actes.LIRE_DROIT.refus)
    if copie not in ("cautionnement", "assurance"):
        raise Http404("Cette copie n'existe pas.")
    dossier = get_object_or_404(DossierDrass, pk=pk)
    with getattr(dossier, copie).open("rb") as fichier:
        reponse = HttpResponse(fichier.read(), content_type="application/pdf")
    sha = getattr(dossier, f"{copie}_sha256")
    reponse["Content-Disposition"] = f'attachment; filename="{copie}_{dossier.pk}_{sha[:12]}.pdf"'
    return reponse


dossier_drass = page_acte(
    actes_drass.DOSSIER_DRASS,
    queryset=Demande.objects.all(),
    formulaire=actes_drass.DossierDrassForm,
    vers=_vers_registre,
)
avis_ministres = page_acte(
    actes_drass.AVIS_MINISTRES,
    queryset=MiseEnCause.objects.all(),
    formulaire=actes_drass.AvisMinistresForm,
    vers=_vers_registre,
)
