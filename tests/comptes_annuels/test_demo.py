"""On the demo fund, every exercise's bilan balances and its result equals
classes 7 − 6."""

from comptes_annuels import selectors
from ledger.models import Exercice


def test_sur_la_demo_actif_egale_passif(caisse_demo):
    exercices = list(Exercice.objects.order_by("annee"))
    assert exercices
    for exercice in exercices:
        bilan = selectors.bilan(exercice)
        assert bilan.non_rattaches == []
        assert bilan.total_gauche.n > 0
        assert bilan.total_gauche.n == bilan.total_droite.n, exercice.annee
        assert bilan.equilibre
        assert selectors.resultat_verifie(selectors.compte_de_resultat(exercice))
