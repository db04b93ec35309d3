"""Steps of the year-end for tests that need a closed exercise: the balances
frozen, the result posted, the board's arrêté recorded, as the services
require them before `exercice_clore` (ledger.services.cloture)."""

from __future__ import annotations

import contextlib
import datetime

from core import horloge as horloge_caisse
from ledger.models import ArreteComptes, BalanceFigee, Ecriture, Exercice
from ledger.services import (
    arrete_enregistrer,
    balance_figer,
    exercice_clore,
    exercice_ouvrir_periode_complementaire,
    resultat_passer,
)
from ledger.services.cloture import soldes_de_gestion
from personnes.models import Fonction
from personnes.selectors import fonctions_le
from reglementation.periode_complementaire import dernier_delai
from tests.factories import personne


def _directeur(jour: datetime.date):
    from django.contrib.auth import get_user_model

    for utilisateur in get_user_model().objects.all():
        if Fonction.DIRECTEUR in fonctions_le(utilisateur, jour):
            return utilisateur
    return personne("directeur_cloture", Fonction.DIRECTEUR)


def _au_moins_en_janvier(exercice: Exercice):
    """The clock moved past 31 December of `exercice` if it is not yet."""
    if horloge_caisse.aujourdhui() > exercice.fin:
        return contextlib.nullcontext()
    return horloge_caisse.figer(datetime.date(exercice.annee + 1, 1, 20))


def preparer_cloture(exercice: Exercice, comptable) -> None:
    """Every step before the closing that is not done yet."""
    with _au_moins_en_janvier(exercice):
        exercice.refresh_from_db()
        if exercice.etat == Exercice.Etat.OUVERT:
            exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
        figees = set(
            BalanceFigee.objects.filter(exercice=exercice).values_list("nature", flat=True)
        )
        inventaire = Ecriture.objects.filter(exercice=exercice, journal__code="IN").exists()
        if "avant_inventaire" not in figees and not inventaire:
            balance_figer(acting_user=comptable, exercice=exercice, nature="avant_inventaire")
        if "apres_inventaire" not in figees:
            balance_figer(acting_user=comptable, exercice=exercice, nature="apres_inventaire")
        if soldes_de_gestion(exercice):
            resultat_passer(acting_user=comptable, exercice=exercice)
        if not ArreteComptes.objects.filter(exercice=exercice).exists():
            jour = horloge_caisse.aujourdhui()
            arrete_enregistrer(
                acting_user=_directeur(jour),
                exercice=exercice,
                arrete_le=jour,
                deliberation=f"Délibération {exercice.annee}-CA-1",
            )


def apres_les_delais(exercice: Exercice):
    """The clock moved past the last day of the période complémentaire of
    `exercice` if it is not yet (the closing waits for it)."""
    dernier = dernier_delai(exercice.annee)
    if dernier is None or horloge_caisse.aujourdhui() > dernier.limite:
        return contextlib.nullcontext()
    return horloge_caisse.figer(dernier.limite + datetime.timedelta(days=1))


def clore(exercice: Exercice, comptable) -> Exercice:
    preparer_cloture(exercice, comptable)
    with apres_les_delais(exercice):
        return exercice_clore(acting_user=comptable, exercice=exercice)
