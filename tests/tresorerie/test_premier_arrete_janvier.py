"""The first arrêté de caisse of January finds no false surplus (issue 11,
point 4): the cash the caisse held on 31 December of N is the cash the agent
comptable counts on the first working day of N+1, whether the à-nouveaux of
N+1 are posted yet or not (the treasury reads its book balance through the
previous exercise until they are), and after the year-end too."""

import datetime
from decimal import Decimal

import pytest

from ledger.models import Ecriture, Exercice
from ledger.services import a_nouveaux_passer, exercice_ouvrir_periode_complementaire
from tests.ledger.cloture_outils import clore
from tresorerie import services as t
from tresorerie.selectors import solde_comptable
from tresorerie.services.caisse import jour_ouvre_suivant

pytestmark = pytest.mark.django_db

D = datetime.date
# 350,50 €: three 100 € notes, one 50 € note, one 50 c coin.
COMPTAGE = {"100": 3, "50": 1, "0.50": 1}


def _caisse_au_31_decembre(horloge, comptable, comptes, exercice):
    """N ends with 350,50 € of cash in the caisse (531), arrêtée on 31 December."""
    caisse = comptes["CAISSE"]
    horloge(D(exercice.annee, 12, 31))
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=caisse,
        moyen="numeraire",
        montant="350.50",
        payeur="M. Girard",
        objet="Versement au guichet",
    )
    fin = t.arrete_caisse(
        acting_user=comptable, compte=caisse, comptage=COMPTAGE, date=D(exercice.annee, 12, 31)
    )
    assert fin.ecart == 0 and fin.solde_comptable == Decimal("350.50")
    return caisse


def _arreter(comptable, caisse, jour):
    arrete = t.arrete_caisse(acting_user=comptable, compte=caisse, comptage=COMPTAGE, date=jour)
    return arrete


def test_le_premier_arrete_de_janvier_avant_les_a_nouveaux_ne_trouve_pas_d_excedent(
    horloge, comptable, comptes, exercice
):
    caisse = _caisse_au_31_decembre(horloge, comptable, comptes, exercice)
    premier = jour_ouvre_suivant(D(exercice.annee + 1, 1, 1))
    horloge(premier)
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    ecritures = Ecriture.objects.count()

    # N is in its période complémentaire, N+1 has no à-nouveaux: the balance reads N.
    arrete = _arreter(comptable, caisse, premier)

    assert arrete.solde_comptable == Decimal("350.50")
    assert arrete.total_compte == Decimal("350.50")
    assert arrete.ecart == 0 and arrete.ecriture is None
    assert Ecriture.objects.count() == ecritures  # no excédent (4712), no débet (429)


def test_apres_la_cloture_et_les_a_nouveaux_l_arrete_reste_juste(
    horloge, comptable, comptes, exercice
):
    """The year as it goes: the caisse arrêtée from the first working day of
    January, N closed and its à-nouveaux posted in March. The à-nouveaux,
    dated 1 January, post to a caisse arrêtée since: PostgreSQL lets them
    through (tresorerie 0010), as they carry the cash already counted."""
    caisse = _caisse_au_31_decembre(horloge, comptable, comptes, exercice)
    n1 = exercice.annee + 1
    premier = jour_ouvre_suivant(D(n1, 1, 1))
    horloge(premier)
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    assert _arreter(comptable, caisse, premier).ecart == 0

    # N closed after its délais, the à-nouveaux of N+1 posted (531 carried).
    horloge(D(n1, 3, 15))
    clos = clore(Exercice.objects.get(pk=exercice.pk), comptable)
    an = a_nouveaux_passer(acting_user=comptable, exercice=clos)
    assert an.lignes.get(compte__numero="531").debit == Decimal("350.50")
    # The cash is counted once: N+1's à-nouveaux, not N's balance as well.
    assert solde_comptable("531", premier) == Decimal("350.50")
    assert solde_comptable("531", D(n1, 3, 15)) == Decimal("350.50")
    ecritures = Ecriture.objects.count()

    arrete = _arreter(comptable, caisse, D(n1, 3, 15))

    assert arrete.solde_comptable == Decimal("350.50")
    assert arrete.ecart == 0 and arrete.ecriture is None
    assert Ecriture.objects.count() == ecritures


def test_le_premier_arrete_de_janvier_apres_les_a_nouveaux_ne_trouve_pas_d_excedent(
    horloge, comptable, comptes, exercice
):
    """A fund that closes N and posts its à-nouveaux before the caisse's first
    arrêté of N+1 (the clock set back to the first working day)."""
    caisse = _caisse_au_31_decembre(horloge, comptable, comptes, exercice)
    n1 = exercice.annee + 1
    horloge(D(n1, 1, 2))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    horloge(D(n1, 3, 15))
    clos = clore(Exercice.objects.get(pk=exercice.pk), comptable)
    a_nouveaux_passer(acting_user=comptable, exercice=clos)
    premier = jour_ouvre_suivant(D(n1, 1, 1))
    ecritures = Ecriture.objects.count()

    arrete = _arreter(comptable, caisse, premier)

    assert arrete.solde_comptable == Decimal("350.50")
    assert arrete.ecart == 0 and arrete.ecriture is None
    assert Ecriture.objects.count() == ecritures
