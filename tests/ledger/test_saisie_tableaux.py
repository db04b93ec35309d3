"""The posting function's line arrays: no NULL element, all of one length (LG087).

`ledger_passer_ecriture` takes the lines as five arrays. A NULL tiers or
libellé made its line's text NULL, which string_agg skips: the line vanished
from the hashed text (review of issue 16, m2); unnest pads shorter arrays with
NULLs. Migration 0021 refuses both before anything is locked or written.
"""

import pytest

from ledger.models import Ecriture
from tests.savepoint import curseur_en_savepoint, refus_sql

pytestmark = pytest.mark.django_db

APPEL = (
    "SELECT numero FROM ledger_passer_ecriture("
    "%s, 'RE', %s, 'Appel direct', '', %s, now(), NULL, %s::text[],"
    " %s::numeric[], %s::numeric[], %s::text[], %s::text[])"
)
COMPTES = ["4111", "7511"]
DEBITS = ["12.34", "0"]
CREDITS = ["0", "12.34"]
VIDES = ["", ""]


def _appel(exercice, jour, comptable, comptes, debits, credits, tiers, libelles):
    def faire(cur):
        cur.execute("SET LOCAL ROLE caisse_app")
        cur.execute(
            APPEL,
            [exercice.annee, jour, comptable.pk, comptes, debits, credits, tiers, libelles],
        )

    return faire


@pytest.mark.parametrize(
    ("tableaux", "message"),
    [
        (
            (COMPTES, DEBITS, CREDITS, [None, "Tiers"], VIDES),
            "Ligne 1 : le compte, le débit, le crédit, le tiers et le libellé sont tous donnés"
            " (une chaîne vide pour un tiers ou un libellé sans objet).",
        ),
        (
            (COMPTES, DEBITS, CREDITS, VIDES, ["", None]),
            "Ligne 2 : le compte, le débit, le crédit, le tiers et le libellé sont tous donnés"
            " (une chaîne vide pour un tiers ou un libellé sans objet).",
        ),
        (
            (COMPTES, ["12.34", None], CREDITS, VIDES, VIDES),
            "Ligne 2 : le compte, le débit, le crédit, le tiers et le libellé sont tous donnés",
        ),
        (
            (COMPTES, DEBITS, CREDITS, [""], VIDES),
            "Les lignes de l'écriture sont incomplètes : 2 comptes, 2 débits, 2 crédits,"
            " 1 tiers et 2 libellés.",
        ),
        (
            (COMPTES, DEBITS, CREDITS + ["0"], VIDES, VIDES),
            "Les lignes de l'écriture sont incomplètes : 2 comptes, 2 débits, 3 crédits,"
            " 2 tiers et 2 libellés.",
        ),
        (
            (COMPTES, DEBITS, CREDITS, VIDES, None),
            "Les lignes de l'écriture sont incomplètes : 2 comptes, 2 débits, 2 crédits,"
            " 2 tiers et 0 libellés.",
        ),
    ],
)
def test_un_tableau_troue_ou_trop_court_est_refuse_en_francais(
    comptable, exercice, jour, tableaux, message
):
    erreur = refus_sql(_appel(exercice, jour, comptable, *tableaux), message)
    assert erreur.sqlstate == "LG087"
    assert not Ecriture.objects.exists()


def test_des_tableaux_complets_passent(comptable, exercice, jour):
    with curseur_en_savepoint() as cur:
        _appel(exercice, jour, comptable, COMPTES, DEBITS, CREDITS, VIDES, VIDES)(cur)
    assert Ecriture.objects.filter(exercice=exercice).count() == 1
