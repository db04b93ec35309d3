"""Progress of long operations (core.progression): steps and counts recorded
in order, through a connection of their own, so that another session reads
them while the operation's transaction is still open."""

import json
import uuid

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from core import progression as p
from core.exceptions import TransitionInterdite

pytestmark = pytest.mark.django_db


@pytest.fixture
def cible():
    """A target of its own: the rows are committed (another connection wrote them)."""
    nom = f"essai:{uuid.uuid4()}"
    yield nom
    autre = connections.create_connection(DEFAULT_DB_ALIAS)
    with autre.cursor() as curseur:
        curseur.execute("DELETE FROM core_progression WHERE cible = %s", [nom])
    autre.close()


def lire_ailleurs(cible: str) -> list[tuple]:
    """What another session reads: (etat, etapes) of the target's rows, newest first."""
    autre = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with autre.cursor() as curseur:
            curseur.execute(
                "SELECT etat, etapes FROM core_progression WHERE cible = %s ORDER BY id DESC",
                [cible],
            )
            return [(etat, json.loads(etapes)) for etat, etapes in curseur.fetchall()]
    finally:
        autre.close()


def test_les_etapes_sont_lues_d_ailleurs_pendant_la_transaction(cible):
    vus = []
    # The operation's transaction (inside the test's).
    with (
        transaction.atomic(),
        p.progression("Essai long", etapes=["lecture", "écriture"], cible=cible) as suivi,
    ):
        suivi.etape("lecture", unite="comptes")
        suivi.avance(135)
        suivi.etape("écriture", total=5_000, unite="lignes")
        suivi.avance(2_000)
        vus = lire_ailleurs(cible)
    assert len(vus) == 1
    etat, etapes = vus[0]
    assert etat == "en_cours"
    assert [(e["nom"], e["etat"], e["fait"], e["total"]) for e in etapes] == [
        ("lecture", "faite", 135, None),
        ("écriture", "en_cours", 0, 5_000),  # `avance` writes at most every 0.5 s
    ]
    assert etapes[0]["duree"] is not None


def test_terminee_une_fois_la_transaction_validee(cible, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with p.progression("Essai validé", etapes=["seule"], cible=cible) as suivi:
            suivi.etape("seule", total=3, unite="lignes")
        # The work is done, the COMMIT is not: the row says so.
        (operation,) = p.operations(cible=cible)
        assert operation.etat == p.EN_COURS
        assert operation.etapes[-1]["nom"] == p.ETAPE_COMMIT
    (operation,) = p.operations(cible=cible)
    assert operation.etat == p.TERMINEE and operation.libelle_etat == "terminée"
    assert [e["nom"] for e in operation.etapes] == ["seule", p.ETAPE_COMMIT]
    assert all(e["etat"] == "faite" for e in operation.etapes)
    assert operation.etapes_lues[0]["compte"] == "3 lignes"
    assert operation.fin is not None and operation.duree >= 0


def test_un_refus_est_enregistre_avec_son_message(cible):
    with (
        pytest.raises(TransitionInterdite),
        p.progression("Essai refusé", etapes=["contrôle", "écriture"], cible=cible) as suivi,
    ):
        suivi.etape("contrôle")
        raise TransitionInterdite("L'exercice 2025 est ouvert : on ne peut pas.")
    (operation,) = p.operations(cible=cible)
    assert operation.etat == p.ECHOUEE
    assert operation.message == "L'exercice 2025 est ouvert : on ne peut pas."
    assert [e["etat"] for e in operation.etapes] == ["faite", "a_venir"]


def test_une_operation_dont_la_transaction_a_disparu_est_interrompue(cible):
    with transaction.atomic():
        with p.progression("Essai annulé", cible=cible) as suivi:
            suivi.etape("travail")
        # Still inside the transaction: en cours (the COMMIT is awaited).
        assert p.operations(cible=cible)[0].etat == p.EN_COURS
    autre = connections.create_connection(DEFAULT_DB_ALIAS)
    with autre.cursor() as curseur:  # as if its process had died
        curseur.execute("UPDATE core_progression SET pid = -1 WHERE cible = %s", [cible])
    autre.close()
    (operation,) = p.operations(cible=cible)
    assert operation.etat == p.INTERROMPUE and operation.libelle_etat == "interrompue"


def test_les_ecouteurs_recoivent_chaque_evenement_et_les_sections_s_imbriquent(
    cible, django_capture_on_commit_callbacks
):
    evenements = []
    with (
        p.ecouter(lambda ev, suivi, etape: evenements.append((ev, etape and etape.nom))),
        django_capture_on_commit_callbacks(execute=True),
        p.progression("Externe", etapes=["a"], cible=cible) as externe,
    ):
        externe.etape("a")
        with p.progression("Interne") as interne:
            interne.etape("b")
            p.avance(2, 4)
    assert evenements == [
        ("debut", None),
        ("etape", "a"),
        ("etape_finie", "a"),
        ("etape", "Interne : b"),
        ("avance", "Interne : b"),
        ("etape_finie", "Interne : b"),
        ("etape", p.ETAPE_COMMIT),  # the test runs inside a transaction
        ("etape_finie", p.ETAPE_COMMIT),
        ("fin", None),
    ]
    (operation,) = p.operations(cible=cible)
    assert [e["nom"] for e in operation.etapes] == ["a", "Interne : b", p.ETAPE_COMMIT]
    assert operation.etapes[1]["fait"] == 2 and operation.etapes[1]["total"] == 4


def test_sans_progression_etape_et_avance_ne_font_rien():
    assert p.courante() is None
    p.etape("rien")
    p.avance(1)


def test_une_panne_du_suivi_n_arrete_pas_l_operation(monkeypatch):
    def panne(_alias):
        raise RuntimeError("serveur injoignable")

    monkeypatch.setattr(p.connections, "create_connection", panne)
    with p.progression("Essai sans suivi", cible="essai:panne") as suivi:
        suivi.etape("travail")
        fait = "oui"
    assert fait == "oui" and suivi.id is None


def test_durees_lisibles():
    assert p.duree_lisible(0.04) == "0,04 s"
    assert p.duree_lisible(12.34) == "12,3 s"
    assert p.duree_lisible(125) == "2 min 05 s"
    assert p.duree_lisible(None) == "—"
