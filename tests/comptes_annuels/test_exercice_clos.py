"""The comptes annuels of a closed exercise read its frozen balance après
inventaire (the result posted to 120 since does not empty its compte de
résultat); no mapping takes effect inside a closed exercise."""

import datetime
from decimal import Decimal

import pytest

from comptes_annuels import selectors
from comptes_annuels.models import Correspondance
from comptes_annuels.services import correspondance_fixer
from core.exceptions import TransitionInterdite
from tests.ledger.cloture_outils import clore
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def precedent_clos(comptable, livres):
    return clore(livres.__class__.objects.get(annee=livres.annee - 1), comptable)


def test_un_exercice_clos_se_lit_dans_sa_balance_apres_inventaire(livres, precedent_clos):
    cr = selectors.compte_de_resultat(precedent_clos)
    assert not cr.provisoire and "Balance après inventaire" in cr.source
    assert cr.resultat.n == cr.resultat_classes.n == Decimal("800")
    bilan = selectors.bilan(precedent_clos)
    assert bilan.equilibre and bilan.total_gauche.n == Decimal("1000")
    # N reads N−1 from the same frozen balance
    assert selectors.bilan(livres).total_droite.n1 == Decimal("1000")
    assert "Balance après inventaire" in selectors.bilan(livres).source_precedent


def test_aucune_correspondance_ne_prend_effet_dans_un_exercice_clos(comptable, precedent_clos):
    annee = precedent_clos.annee
    with pytest.raises(TransitionInterdite, match=f"L'exercice {annee} est clos"):
        correspondance_fixer(
            acting_user=comptable, prefixe="6064", rubrique="CE", valable_du=D(annee, 6, 1)
        )
    rubrique = Correspondance.objects.first().rubrique_id
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO comptes_annuels_correspondance (prefixe, rubrique_id, valable_du) "
            "VALUES ('6064', %s, %s)",
            [rubrique, D(annee, 6, 1)],
        ),
        f"L'exercice {annee} est clos",
    )
    assert not Correspondance.objects.filter(prefixe="6064").exists()
