"""The freezing of the balance après inventaire against a posting in flight:
the freezing waits for it and counts it; the next posting is refused. Two
connections, as two people acting at once."""

import datetime
import threading
import time
from decimal import Decimal

import pytest
from django.db import connections, transaction

from core.exceptions import ExerciceClos
from ledger.models import BalanceFigee, LigneBalanceFigee
from ledger.services import (
    LigneSaisie,
    balance_figer,
    ecriture_passer,
    exercice_ouvrir_periode_complementaire,
)
from tests.ledger.sql_brut import connexion_brute

pytestmark = pytest.mark.django_db(transaction=True)
D = datetime.date


def _attendre_un_verrou(fil: threading.Thread, secondes: float = 10.0) -> None:
    """Until another session of the test database waits on a lock, `fil` ends,
    or `secondes` pass (a loaded machine may take longer to get there: the
    assertions that follow hold either way)."""
    fin = time.monotonic() + secondes
    with connexion_brute() as conn:
        while time.monotonic() < fin and fil.is_alive():
            attente = conn.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            ).fetchone()[0]
            if attente:
                return
            time.sleep(0.05)


def _passer(comptable, exercice, montant: str):
    return ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=exercice.fin,
        libelle="Écriture en cours",
        lignes=[LigneSaisie("418", debit=montant), LigneSaisie("7511", credit=montant)],
    )


def test_la_balance_apres_inventaire_attend_l_ecriture_en_cours_puis_ferme_l_exercice(
    comptable, exercice, horloge
):
    horloge(D(exercice.annee + 1, 1, 20))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    exercice.refresh_from_db()
    balance_figer(acting_user=comptable, exercice=exercice, nature="avant_inventaire")

    ecrite, relachee = threading.Event(), threading.Event()
    erreurs: list[BaseException] = []
    figee: list[BalanceFigee] = []

    def ecrivain():
        try:
            with transaction.atomic():
                _passer(comptable, exercice, "40.00")
                ecrite.set()
                relachee.wait(180)  # holds the exercise's chain head until commit
        except BaseException as exc:  # noqa: BLE001 - reported below
            erreurs.append(exc)
            ecrite.set()
        finally:
            connections.close_all()

    def figeur():
        try:
            figee.append(
                balance_figer(acting_user=comptable, exercice=exercice, nature="apres_inventaire")
            )
        except BaseException as exc:  # noqa: BLE001 - reported below
            erreurs.append(exc)
        finally:
            connections.close_all()

    a = threading.Thread(target=ecrivain)
    a.start()
    assert ecrite.wait(60) and erreurs == []
    b = threading.Thread(target=figeur)
    b.start()
    try:
        _attendre_un_verrou(b)
        # Without the chain-head lock the freezing would be done by now, the
        # entry in flight left out of its balance.
        assert not figee  # still waiting while the entry is uncommitted
    finally:
        relachee.set()
        a.join(60)
        b.join(60)
    assert erreurs == []
    # The entry committed first and is in the frozen balance.
    ligne = LigneBalanceFigee.objects.get(balance=figee[0], numero="418")
    assert ligne.mouvement_debit == Decimal("40.00")
    # After it, N takes no entry but the result's.
    with pytest.raises(ExerciceClos, match="balance après inventaire .* est figée"):
        _passer(comptable, exercice, "1.00")
