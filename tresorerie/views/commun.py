"""Who may do what on the treasury's pages, and what they share."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.views.decorators.http import require_POST

from core.actes import executer, page_acte
from core.exceptions import ApplicationError, FormulaireDejaEnvoye
from personnes.acces import fonction_requise
from personnes.droits import exerce
from personnes.selectors import FONCTIONS_COMPTABLES
from tresorerie import selectors
from tresorerie.models import (
    Encaissement,
)

REFUS_REGISSEUR = selectors.REFUS_REGISSEUR
LIMITE_LIGNES = 500  # debtors' lines offered in an allocation list


# --- Who may do what ---------------------------------------------------------------------


def _lecteur(utilisateur) -> bool:
    """Holds a function other than régisseur: reads the whole treasury."""
    return selectors.lit_toute_la_tresorerie(utilisateur)


def _est_comptable(utilisateur) -> bool:
    return exerce(utilisateur, FONCTIONS_COMPTABLES)


def _regies(utilisateur):
    """The régies this person keeps as régisseur today."""
    return selectors.regies_de(utilisateur)


def lecture(vue):
    """Pages of the whole treasury: refused to a régisseur who holds no other function."""

    @functools.wraps(vue)
    @fonction_requise
    def enveloppe(request, *args, **kwargs):
        if not _lecteur(request.user):
            raise PermissionDenied(REFUS_REGISSEUR)
        return vue(request, *args, **kwargs)

    return enveloppe


def exiger(request, acte) -> None:
    """The page's edge: who lacks the act's droit is refused (403) with the
    catalogue's sentence, as the API is."""
    if not acte.droit.accorde(request.user):
        raise PermissionDenied(acte.droit.refus)


def action(acte, **options):
    """A page action (POST) for `acte` (`core.actes.page_acte`), for readers of
    the treasury; who lacks the act's droit is refused with 403."""
    vue = page_acte(acte, **options)

    @functools.wraps(vue)
    @lecture
    def enveloppe(request, *args, **kwargs):
        exiger(request, acte)
        return vue(request, *args, **kwargs)

    return require_POST(enveloppe)


def _exiger_acces_encaissement(utilisateur, encaissement: Encaissement) -> None:
    if not selectors.encaissements_visibles(utilisateur).filter(pk=encaissement.pk).exists():
        raise PermissionDenied(REFUS_REGISSEUR)


def agir(request, acte, donnees: dict, objet=None):
    """Run `acte` on a page's cleaned data (`core.actes.executer`: the form's
    one-time token consumed with it) and show its success message or its French
    refusal. Returns what the act produced (or the object acted on, or True),
    None when refused. A form sent a second time after its act was recorded
    shows the refusal and returns True: the page goes where the first led."""
    try:
        resultat = executer(request, acte, objet, donnees)
    except FormulaireDejaEnvoye as erreur:
        messages.error(request, erreur.message)
        return True
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
        return None
    cible = resultat if resultat is not None else objet
    messages.success(request, acte.message(cible, donnees))
    return cible if cible is not None else True


def _requete(request) -> str:
    """The query string without the page number (for the pagination links)."""
    parametres = request.GET.copy()
    parametres.pop("page", None)
    return parametres.urlencode()
