"""Two engagements at once that together exceed the credit: exactly one passes."""

import threading
import time
from decimal import Decimal

import psycopg
import pytest
from django.db import connections, transaction

from budget import selectors
from budget.exceptions import CreditsInsuffisants
from budget.models import MouvementCredit
from budget.services import credit_engager
from tests.ledger.cloture_outils import preparer_cloture
from tests.ledger.sql_brut import connexion_brute

pytestmark = pytest.mark.django_db(transaction=True)


def test_deux_engagements_simultanes_un_seul_passe(directrice, exercice, fournitures):
    # given 1 200,00 available, two orders of 700,00 engaged at the same instant
    depart = threading.Barrier(2)
    resultats: dict[int, object] = {}

    def engager(indice):
        try:
            depart.wait()
            with transaction.atomic():
                credit_engager(
                    acting_user=directrice,
                    exercice=exercice,
                    compte_numero="6064",
                    montant=Decimal("700.00"),
                    reference=f"ordre_depense:{indice}",
                )
                # keep the lock a while: the other one must wait for the commit
                time.sleep(0.3)
            resultats[indice] = "engagé"
        except Exception as exc:  # noqa: BLE001 - asserted below
            resultats[indice] = exc
        finally:
            connections.close_all()

    fils = [threading.Thread(target=engager, args=(i,)) for i in (1, 2)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()

    passes = [i for i, r in resultats.items() if r == "engagé"]
    refus = [r for r in resultats.values() if r != "engagé"]
    assert len(passes) == 1
    assert len(refus) == 1 and isinstance(refus[0], CreditsInsuffisants)
    assert "disponible 500,00" in refus[0].message
    s = selectors.situation(credit=fournitures)
    assert (s.engage, s.disponible) == (Decimal("700.00"), Decimal("500.00"))
    assert list(MouvementCredit.objects.values_list("reference", flat=True)) == [
        f"ordre_depense:{passes[0]}"
    ]


def test_sans_verrou_applicatif_la_base_refuse_le_second(directrice, fournitures):
    """Two raw writers that skip the services: the second waits on the credit row
    the first one's trigger locked, then the guard refuses it."""
    insertion = (
        "INSERT INTO budget_mouvementcredit (credit_id, nature, montant, reference, par_id)"
        " VALUES (%s, 'engagement', 700, %s, %s)"
    )
    erreurs = []
    with connexion_brute() as premiere:
        premiere.execute(insertion, [fournitures.pk, "brut:1", directrice.pk])

        def second():
            try:
                with connexion_brute() as conn:
                    conn.execute(insertion, [fournitures.pk, "brut:2", directrice.pk])
                    conn.commit()
            except psycopg.Error as exc:
                erreurs.append(exc)

        fil = threading.Thread(target=second)
        fil.start()
        time.sleep(0.3)
        assert fil.is_alive()  # blocked behind the first, uncommitted
        premiere.commit()
        fil.join(timeout=10)

    assert len(erreurs) == 1
    assert erreurs[0].sqlstate == "LGB04"
    assert "Crédits insuffisants au chapitre 6064" in str(erreurs[0])
    assert selectors.situation(credit=fournitures).engage == Decimal("700.00")


def test_une_cloture_attend_le_mouvement_de_credit_en_cours(directrice, comptable, annee):
    # given last year's exercise in période complémentaire, with a credit
    from budget.models import Credit
    from budget.services import credit_ouvrir
    from ledger.models import Exercice
    from ledger.services import (
        exercice_clore,
        exercice_ouvrir,
        exercice_ouvrir_periode_complementaire,
    )

    passe = exercice_ouvrir(acting_user=comptable, annee=annee - 1)
    credit = credit_ouvrir(
        acting_user=directrice,
        exercice=passe,
        chapitre="6064",
        libelle="Fournitures",
        montant_initial="100",
    )
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=passe)
    preparer_cloture(passe, comptable)
    engage, fin = threading.Event(), threading.Event()
    resultats: dict[str, object] = {}

    def engager():
        try:
            with transaction.atomic():
                credit_engager(
                    acting_user=directrice,
                    exercice=passe,
                    compte_numero="6064",
                    montant=Decimal("10.00"),
                    reference="ordre_depense:1",
                )
                engage.set()
                fin.wait(5)
            resultats["engager"] = "engagé"
        finally:
            connections.close_all()

    def clore():
        try:
            exercice_clore(acting_user=comptable, exercice=passe)
            resultats["clore"] = "clos"
        finally:
            connections.close_all()

    # when the closure starts while an engagement is in flight
    t_engager = threading.Thread(target=engager)
    t_engager.start()
    assert engage.wait(5)
    t_clore = threading.Thread(target=clore)
    t_clore.start()
    t_clore.join(1.0)
    # then it waits for the engagement (budget migration 0003), which commits first
    assert t_clore.is_alive(), "la clôture n'a pas attendu le mouvement de crédit en cours"
    fin.set()
    t_engager.join(5)
    t_clore.join(5)
    assert resultats == {"engager": "engagé", "clore": "clos"}
    assert Exercice.objects.get(pk=passe.pk).etat == Exercice.Etat.CLOS
    assert Credit.objects.get(pk=credit.pk).engage == Decimal("10.00")


def test_un_mouvement_qui_attendait_la_cloture_est_refuse(directrice, comptable, annee):
    # given a closure in flight on last year's exercise
    from budget.models import Credit
    from budget.services import credit_ouvrir
    from core.exceptions import ApplicationError
    from ledger.models import Exercice
    from ledger.services import exercice_ouvrir, exercice_ouvrir_periode_complementaire

    passe = exercice_ouvrir(acting_user=comptable, annee=annee - 1)
    credit = credit_ouvrir(
        acting_user=directrice,
        exercice=passe,
        chapitre="6064",
        libelle="Fournitures",
        montant_initial="100",
    )
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=passe)
    with connexion_brute() as cloture:
        cloture.execute("SELECT 1 FROM ledger_exercice WHERE id = %s FOR UPDATE", [passe.pk])
        cloture.execute("UPDATE ledger_exercice SET etat = 'clos' WHERE id = %s", [passe.pk])
        resultat: dict[str, object] = {}

        def engager():
            try:
                credit_engager(
                    acting_user=directrice,
                    exercice=passe,
                    compte_numero="6064",
                    montant=Decimal("10.00"),
                    reference="ordre_depense:1",
                )
                resultat["engager"] = "engagé"
            except Exception as exc:  # noqa: BLE001 - asserted below
                resultat["engager"] = exc
            finally:
                connections.close_all()

        # when an engagement arrives, it waits for the closure's lock
        t = threading.Thread(target=engager)
        t.start()
        t.join(1.0)
        assert t.is_alive(), "le mouvement n'a pas attendu la clôture en cours"
        cloture.commit()
        t.join(5)
    # then it reads the exercise closed and is refused; nothing moved
    assert Exercice.objects.get(pk=passe.pk).etat == Exercice.Etat.CLOS
    refus = resultat["engager"]
    assert isinstance(refus, ApplicationError), refus
    assert f"L'exercice {passe.annee} est clos" in refus.message
    assert Credit.objects.get(pk=credit.pk).engage == Decimal("0.00")
