"""The passages between states are declared once per kind (`TRANSITIONS` on
the model): the services refuse by that table, and PostgreSQL's trigger
`ordres_ordre_fige` must allow exactly the same pairs.

The database is asked, not read: for every pair of states, the order is put
in the first state with the triggers off (`session_replication_role =
replica`, as a superuser), then moved to the second with the triggers on, in
a savepoint. Only the transition refusal (SQLSTATE <kind>12) counts as
"not allowed"; another guard refusing (lines, hash, payment mention) means
the transition itself passed.
"""

from __future__ import annotations

import itertools

import pytest
from django.db import DatabaseError, connection, transaction

from core.exceptions import TransitionInterdite
from depenses.models import OrdreDepense
from ordres.services import exiger_transition
from recettes.models import OrdreRecette
from tests.depenses.test_services import AUJOURD_HUI
from tests.depenses.test_services import creer as creer_depense
from tests.recettes.test_services import creer as creer_recette

pytestmark = pytest.mark.django_db


def _sqlstate(exc: BaseException) -> str | None:
    while exc is not None:
        if getattr(exc, "sqlstate", None):
            return exc.sqlstate
        exc = exc.__cause__
    return None


def _transitions_de_la_base(modele, ordre, code_refus: str) -> set[tuple[str, str]]:
    with connection.cursor() as cur:
        cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cur.fetchone()[0]:
            pytest.skip("Mettre un ordre dans un état quelconque exige un superutilisateur.")
    table = modele._meta.db_table
    permises = set()
    for depart, arrivee in itertools.permutations(modele.Etat.values, 2):
        with connection.cursor() as cur:
            cur.execute("SET LOCAL session_replication_role = replica")
            cur.execute(f"UPDATE {table} SET etat = %s WHERE id = %s", [depart, ordre.pk])
            cur.execute("SET LOCAL session_replication_role = origin")
        try:
            with transaction.atomic(), connection.cursor() as cur:
                cur.execute(f"UPDATE {table} SET etat = %s WHERE id = %s", [arrivee, ordre.pk])
                # Undo in the savepoint: the next pair starts from its own state.
                raise _Permise
        except _Permise:
            permises.add((depart, arrivee))
        except DatabaseError as exc:
            if _sqlstate(exc) != code_refus:
                permises.add((depart, arrivee))
    return permises


class _Permise(Exception):
    pass


def test_la_base_et_le_modele_des_ordres_de_recette_ont_les_memes_transitions(directrice, exercice):
    ordre = creer_recette(directrice)
    base = _transitions_de_la_base(OrdreRecette, ordre, "LG112")
    assert base == set(OrdreRecette.TRANSITIONS)
    assert ("signe", "pris_en_charge") not in base
    assert ("transmis", "pris_en_charge") in base


def test_la_base_et_le_modele_des_ordres_de_depense_ont_les_memes_transitions(directrice, exercice):
    # A benefit (gestion technique) needs no engagement nor credits.
    ordre = creer_depense(
        directrice,
        gestion="technique",
        nature="prestation",
        compte_imputation="6561",
        dates={"service_fait": AUJOURD_HUI},
    )
    base = _transitions_de_la_base(OrdreDepense, ordre, "LG212")
    assert base == set(OrdreDepense.TRANSITIONS)
    # A réquisition makes the order requis; only the agent comptable's visa makes it visé.
    assert ("suspendu", "requis") in base and ("requis", "vise") in base
    assert ("suspendu", "vise") not in base
    # Back to visé from payé: only with a return of its transfer recorded in the
    # same transaction (LG380, tests/tresorerie/test_retours_gardes.py).
    assert ("paye", "vise") in base


def test_un_acte_hors_de_la_table_est_refuse_en_francais(directrice, exercice):
    ordre = creer_recette(directrice)
    with pytest.raises(TransitionInterdite) as refus:
        exiger_transition(ordre, OrdreRecette.Etat.PRIS_EN_CHARGE, "prendre en charge")
    assert refus.value.message == (
        f"L'ordre de recette n° {ordre.reference} est brouillon : on ne peut le prendre en charge "
        "que s'il est transmis à l'agent comptable."
    )
    assert OrdreRecette.etats_vers(OrdreRecette.Etat.ABANDONNE) == {"brouillon", "rejete"}


def test_le_refus_elide_le_pronom_devant_une_voyelle(directrice, exercice):
    ordre = creer_recette(directrice)
    with pytest.raises(TransitionInterdite) as refus:
        exiger_transition(ordre, OrdreRecette.Etat.PRIS_EN_CHARGE, "accepter")
    assert ": on ne peut l'accepter que s'il est" in refus.value.message
