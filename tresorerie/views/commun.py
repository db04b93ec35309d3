"""Who may do what on the treasury's pages, and what they share."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import DecimalField

from core.exceptions import ApplicationError
from core.vues import exerce
from personnes.acces import fonction_requise
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COMPTABLES, fonctions_actuelles
from tresorerie.forms import (
    comptes_actifs,
)
from tresorerie.models import (
    CompteDisponibilite,
    Encaissement,
)

REFUS_COMPTABLE = (
    "Seul l'agent comptable (ou son fondé de pouvoir) manie les fonds de l'organisme "
    "(circulaire 93/82 §2.2) : cette page vous est ouverte en lecture seule."
)
REFUS_REGISSEUR = (
    "Un régisseur ne consulte que les encaissements de sa propre régie (circulaire 93/82 §2.2)."
)
REFUS_ORDONNATEUR = (
    "Seul l'ordonnateur prépare l'ordre de recette qui régularise les encaissements sans titre."
)
LIMITE_LIGNES = 500  # debtors' lines offered in an allocation list
MONTANT = DecimalField(max_digits=18, decimal_places=2)


# --- Who may do what ---------------------------------------------------------------------


def _lecteur(utilisateur) -> bool:
    """Holds a function other than régisseur: reads the whole treasury."""
    return bool(set(fonctions_actuelles(utilisateur)) - {Fonction.REGISSEUR})


def _est_comptable(utilisateur) -> bool:
    return exerce(utilisateur, FONCTIONS_COMPTABLES)


def _regies(utilisateur):
    """The régies this person keeps as régisseur today."""
    if Fonction.REGISSEUR not in fonctions_actuelles(utilisateur):
        return CompteDisponibilite.objects.none()
    return comptes_actifs(nature=CompteDisponibilite.Nature.REGIE, regisseur=utilisateur)


def lecture(vue):
    """Pages of the whole treasury: refused to a régisseur who holds no other function."""

    @functools.wraps(vue)
    @fonction_requise
    def enveloppe(request, *args, **kwargs):
        if not _lecteur(request.user):
            raise PermissionDenied(REFUS_REGISSEUR)
        return vue(request, *args, **kwargs)

    return enveloppe


def _exiger_comptable(request) -> None:
    if not _est_comptable(request.user):
        raise PermissionDenied(REFUS_COMPTABLE)


def _exiger_acces_encaissement(utilisateur, encaissement: Encaissement) -> None:
    if _lecteur(utilisateur):
        return
    if not _regies(utilisateur).filter(pk=encaissement.compte_id).exists():
        raise PermissionDenied(REFUS_REGISSEUR)


def _executer(request, action, succes) -> bool:
    """Run a service; show its French refusal or the success message (a string, or a
    function of the result). Returns whether it succeeded."""
    try:
        resultat = action()
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
        return False
    messages.success(request, succes(resultat) if callable(succes) else succes)
    return True


def _requete(request) -> str:
    """The query string without the page number (for the pagination links)."""
    parametres = request.GET.copy()
    parametres.pop("page", None)
    return parametres.urlencode()
