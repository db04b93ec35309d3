"""Who holds what, read once per request (personnes/memoire.py): the same
answers as the database, fewer queries, and nothing kept across requests or
past a write."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import horloge
from personnes.memoire import MemoireDeRequete
from personnes.models import Affectation, Fonction, Interim
from personnes.selectors import fonctions_exercees_le, fonctions_le, interim_en_cours
from tests.factories import personne

pytestmark = pytest.mark.django_db

JOUR = horloge.aujourdhui()


def dans_une_requete(fonction):
    """Run `fonction` as a view would, inside the middleware's memory."""
    return MemoireDeRequete(lambda _request: fonction())(None)


def test_une_requete_lit_une_fois_ce_qu_elle_demande_plusieurs_fois(comptable):
    def trois_fois():
        with CaptureQueriesContext(connection) as requetes:
            lus = [fonctions_exercees_le(comptable, JOUR) for _ in range(3)]
        return lus, len(requetes)

    lus, nombre = dans_une_requete(trois_fois)
    assert lus == [[Fonction.AGENT_COMPTABLE]] * 3
    # The affectations and whether an interim covers the day, in one statement, once.
    assert nombre == 1

    # Outside a request (a command, a service called by a test): the database each time.
    lus, nombre = trois_fois()
    assert lus == [[Fonction.AGENT_COMPTABLE]] * 3
    assert nombre == 3


def test_la_liste_rendue_est_une_copie(comptable):
    def modifier_puis_relire():
        fonctions_le(comptable, JOUR).append("intrus")
        return fonctions_le(comptable, JOUR)

    assert dans_une_requete(modifier_puis_relire) == [Fonction.AGENT_COMPTABLE]

    def exercees_modifiees_puis_relues():
        fonctions_exercees_le(comptable, JOUR).append("intrus")
        return fonctions_exercees_le(comptable, JOUR)

    assert dans_une_requete(exercees_modifiees_puis_relues) == [Fonction.AGENT_COMPTABLE]


def test_une_ecriture_vide_la_memoire_pour_le_reste_de_la_requete(comptable, directrice):
    interimaire = personne("interimaire", Fonction.FONDE_DE_POUVOIR)

    def lire_ecrire_relire():
        avant = fonctions_le(directrice, JOUR)
        Affectation.objects.create(
            utilisateur=directrice, fonction=Fonction.AUDITEUR, debut=datetime.date(2000, 1, 1)
        )
        apres = fonctions_le(directrice, JOUR)
        sans_interim = interim_en_cours(JOUR)
        Interim.objects.create(
            utilisateur=interimaire,
            nature=Interim.Nature.INTERIMAIRE,
            debut=JOUR,
            fin=JOUR,
            nomme_le=JOUR,
            deliberation="CA n° 12",
        )
        return avant, sorted(apres), sans_interim, interim_en_cours(JOUR)

    avant, apres, sans_interim, interim = dans_une_requete(lire_ecrire_relire)
    assert avant == [Fonction.DIRECTEUR]
    assert apres == sorted([Fonction.DIRECTEUR, Fonction.AUDITEUR])
    assert sans_interim is None
    assert interim is not None and interim.utilisateur_id == interimaire.pk


def test_rien_ne_passe_d_une_requete_a_l_autre(directrice):
    assert dans_une_requete(lambda: fonctions_le(directrice, JOUR)) == [Fonction.DIRECTEUR]
    # A change no signal sees (an UPDATE of the table): the next request reads it.
    Affectation.objects.filter(utilisateur=directrice).update(fonction=Fonction.AUDITEUR)
    assert dans_une_requete(lambda: fonctions_le(directrice, JOUR)) == [Fonction.AUDITEUR]
