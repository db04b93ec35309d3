"""A délégation withdrawn in the same instant as an act under it: the act
share-locks the délégations it reads (`delegations_recues(partagees=True)`),
so it waits for the withdrawal in flight and then reads it withdrawn."""

import threading
from decimal import Decimal

import pytest
from django.db import connections, transaction

from core import horloge
from core.exceptions import DelegationInvalide
from personnes.permissions import pouvoir_ordonnateur
from tests.ledger.sql_brut import connexion_brute
from tests.personnes.conftest import une_delegation

pytestmark = pytest.mark.django_db(transaction=True)


def test_un_acte_en_meme_temps_que_le_retrait_attend_et_le_lit(directrice, delegue):
    aujourd_hui = horloge.aujourdhui()
    delegation = une_delegation(
        directrice,
        delegue,
        debut=aujourd_hui.replace(month=1, day=1),
        fin=aujourd_hui.replace(month=12, day=31),
        notifiee_le=aujourd_hui.replace(month=1, day=1),
    )
    resultat: dict[str, object] = {}

    def agir():
        try:
            with transaction.atomic():
                resultat["acte"] = pouvoir_ordonnateur(
                    delegue,
                    nature="ordre_recette",
                    montant=Decimal("100.00"),
                    compte_numero="7511",
                    le=aujourd_hui,
                )
        except DelegationInvalide as exc:
            resultat["acte"] = exc
        finally:
            connections.close_all()

    # when the directrice's withdrawal is in flight and the délégué acts
    with connexion_brute() as retrait:
        retrait.execute(
            "SELECT 1 FROM personnes_delegation WHERE id = %s FOR NO KEY UPDATE", [delegation.pk]
        )
        retrait.execute(
            "UPDATE personnes_delegation SET retiree_le = %s WHERE id = %s",
            [aujourd_hui, delegation.pk],
        )
        t = threading.Thread(target=agir)
        t.start()
        t.join(1.0)
        assert t.is_alive(), "l'acte n'a pas attendu le retrait en cours"
        retrait.commit()
        t.join(5)

    # then the act read the délégation withdrawn
    refus = resultat["acte"]
    assert isinstance(refus, DelegationInvalide), refus
    assert refus.details["regle"] == "retrait"
