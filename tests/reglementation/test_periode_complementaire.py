"""The période complémentaire of N opens from 1 January N+1 while N+1 is open,
and its délais come from the dated rules (D253-17 al. 2, D253-17-1, D253-19
al. 2, D253-19-1; circ. 93/82 §2.0.7, §2.1.7)."""

from __future__ import annotations

import datetime

import pytest

from core.exceptions import DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from ledger.models import Exercice
from ledger.services import exercice_ouvrir, exercice_ouvrir_periode_complementaire
from reglementation.periode_complementaire import delais_periode_complementaire
from tests.ledger.cloture_outils import clore

pytestmark = pytest.mark.django_db

D = datetime.date


def test_refusee_jusqu_au_31_decembre_ouverte_le_1er_janvier(horloge, comptable, exercice):
    n = exercice.annee
    horloge(D(n, 12, 31))
    with pytest.raises(TransitionInterdite) as refus:
        exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    assert refus.value.message == (
        f"L'exercice {n} n'entre en période complémentaire qu'après le 31/12/{n}."
    )
    exercice.refresh_from_db()
    assert exercice.etat == Exercice.Etat.OUVERT
    assert not Exercice.objects.filter(annee=n + 1).exists()

    horloge(D(n + 1, 1, 1))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    exercice.refresh_from_db()
    assert exercice.etat == Exercice.Etat.COMPLEMENTAIRE
    # N+1 is opened with it, and both acts are audited.
    assert Exercice.objects.get(annee=n + 1).etat == Exercice.Etat.OUVERT
    actes = set(JournalAudit.objects.values_list("acte", flat=True))
    assert {"exercice.periode_complementaire", "exercice.ouvert"} <= actes


def test_l_exercice_suivant_deja_ouvert_est_garde(horloge, comptable, exercice):
    n = exercice.annee
    suivant = exercice_ouvrir(acting_user=comptable, annee=n + 1)
    horloge(D(n + 1, 1, 2))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    assert Exercice.objects.filter(annee=n + 1).count() == 1
    suivant.refresh_from_db()
    assert suivant.etat == Exercice.Etat.OUVERT


def test_refusee_si_l_exercice_suivant_n_est_plus_ouvert(horloge, comptable, exercice):
    # given N left open while N+1 went through its own période complémentaire
    n = exercice.annee
    suivant = exercice_ouvrir(acting_user=comptable, annee=n + 1)
    horloge(D(n + 2, 1, 3))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=suivant)
    with pytest.raises(TransitionInterdite) as refus:
        exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    assert refus.value.message == (
        f"L'exercice {n + 1} est en période complémentaire : la période complémentaire de "
        f"l'exercice {n} se tient pendant que l'exercice {n + 1} est ouvert."
    )
    exercice.refresh_from_db()
    assert exercice.etat == Exercice.Etat.OUVERT
    clore(suivant, comptable)
    with pytest.raises(TransitionInterdite, match=f"L'exercice {n + 1} est clos"):
        exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)


def test_seul_l_agent_comptable_l_ouvre(horloge, comptable, directrice, exercice):
    horloge(D(exercice.annee + 1, 1, 2))
    with pytest.raises(DroitInsuffisant, match="ouvrir la période complémentaire"):
        exercice_ouvrir_periode_complementaire(acting_user=directrice, exercice=exercice)
    exercice.refresh_from_db()
    assert exercice.etat == Exercice.Etat.OUVERT


def _resume(delais):
    return [(d.sens, d.limite, d.delai, d.natures) for d in delais]


def test_delais_d_une_caisse_du_regime_general():
    n = 2026
    delais = delais_periode_complementaire(n)  # the demo fund: a CPAM (D253-1)
    autres_recettes = (
        "vente",
        "loyer",
        "travaux_fournitures",
        "interets",
        "condamnation",
        "recuperation_indu",
        "autre",
    )
    depenses = (
        "prestation",
        "fournitures",
        "travaux",
        "loyer",
        "interets",
        "subvention",
        "transaction",
        "condamnation",
        "restitution",
        "acquisition_immeuble",
        "autre",
    )
    assert _resume(delais) == [
        ("recette", D(n + 1, 1, 10), "10 jours", autres_recettes),
        ("depense", D(n + 1, 1, 10), "10 jours", depenses),
        ("recette", D(n + 1, 2, 28), "2 mois", ("cotisation", "majoration", "penalite")),
    ]
    assert delais[0].citation == (
        "D253-17 al. 1 et 2 (rédaction du 22 mars 1997) ; D253-17 al. 2 (rédaction du "
        "22 mars 1997) ; circulaire DSS/F 93/82 §2.0.7"
    )
    assert "D253-19-1 al. 1" in delais[1].citation and "§2.1.7" in delais[1].citation
    assert delais[2].citation == "D253-17-1 al. 1 (rédaction du 22 mars 1997)"
    assert delais[2].natures_texte == "cotisation, majoration de retard, pénalité"


def test_delais_des_autres_organismes_et_annee_bissextile():
    n = 2027  # February of 2028 has 29 days
    delais = delais_periode_complementaire(n, regime="autre")
    resume = {(d.sens, d.limite, d.delai): d.natures for d in delais}
    assert resume[("recette", D(n + 1, 1, 31), "1 mois")] == (
        "cotisation",
        "majoration",
        "penalite",
    )
    assert resume[("depense", D(n + 1, 1, 31), "1 mois")] == ("prestation",)
    assert "prestation" not in resume[("depense", D(n + 1, 1, 10), "10 jours")]
    assert [d.limite for d in delais_periode_complementaire(n)][-1] == D(n + 1, 2, 29)
