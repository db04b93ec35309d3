"""The progress of the year-end (core.progression in ledger.services.cloture
and balances): steps in order with their counts for a real closing, read from
another connection while the closing's transaction is open, printed by
`manage.py cloturer_exercice`, shown on a page that refreshes itself."""

import datetime
import io
import json
import re
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from core import progression
from ledger.models import Ecriture
from ledger.services import a_nouveaux_passer, arrete_enregistrer, resultat_passer
from tests.ledger import test_cloture
from tests.ledger.cloture_outils import clore
from tests.tresorerie.test_pages import page

pytestmark = pytest.mark.django_db

# The small exercise of test_cloture (fixtures found by their names here).
livres, en_janvier = test_cloture.livres, test_cloture.en_janvier

D = datetime.date


@pytest.fixture
def avant():
    """Progress rows are committed by their own connection and outlive the
    test's transaction: each test reads those written after this id."""
    with connection.cursor() as curseur:
        curseur.execute("SELECT coalesce(max(id), 0) FROM core_progression")
        return curseur.fetchone()[0]


def nouvelles(avant: int, cible: str) -> list[progression.Operation]:
    """The operations on `cible` since `avant`, oldest first."""
    return [o for o in reversed(progression.operations(cible=cible, limite=50)) if o.id > avant]


def etapes(operation) -> list[tuple]:
    return [(e["nom"], e["etat"], e["fait"], e["unite"]) for e in operation.etapes]


def test_une_cloture_enregistre_ses_etapes_dans_l_ordre_avec_leurs_decomptes(
    comptable, en_janvier, avant, django_capture_on_commit_callbacks
):
    n = en_janvier.annee
    with django_capture_on_commit_callbacks(execute=True):
        clore(en_janvier, comptable)
        a_nouveaux_passer(acting_user=comptable, exercice=en_janvier)
    operations = nouvelles(avant, f"exercice:{n}")
    assert [o.libelle for o in operations] == [
        f"Balance avant inventaire {n} figée",
        f"Balance après inventaire {n} figée",
        f"Résultat de l'exercice {n}",
        f"À-nouveaux de l'exercice {n + 1}",
    ]
    assert all(o.etat == progression.TERMINEE for o in operations)
    avant_inventaire, _apres, resultat, a_nouveaux = operations
    # 4111, 5122, 401, 6064, 7511
    assert etapes(avant_inventaire)[:2] == [
        ("lecture de la balance", "faite", 5, "comptes"),
        ("lignes figées", "faite", 5, "lignes"),
    ]
    assert etapes(resultat) == [
        ("soldes des classes 6 et 7", "faite", 2, "comptes"),
        ("écriture de résultat", "faite", 3, "lignes"),
        (progression.ETAPE_COMMIT, "faite", 0, ""),
    ]
    assert (
        resultat.message.replace("\xa0", " ") == "Écriture OD-1 de 3 lignes : excédent de 700,00 €."
    )
    assert etapes(a_nouveaux)[:2] == [
        ("soldes des classes 1 à 5", "faite", 4, "comptes et tiers"),
        ("écriture d'à-nouveaux", "faite", 4, "lignes"),
    ]
    assert a_nouveaux.message.replace("\xa0", " ").startswith(
        "Écriture AN-1 de 4 lignes, 1 000,00 €"
    )
    assert all(e["duree"] is not None for o in operations for e in o.etapes)


def test_la_progression_se_lit_d_une_autre_connexion_pendant_la_transaction(
    comptable, directrice, en_janvier, avant
):
    """The closing waits at its posting step; another thread, with its own
    connection, reads the progress meanwhile but none of the closing's writes."""
    n = en_janvier.annee
    en_pause, reprendre = threading.Event(), threading.Event()
    lu = {}

    def ecouteur(evenement, _suivi, etape):
        if evenement == "etape" and etape.nom == "écriture de résultat":
            en_pause.set()
            assert reprendre.wait(30)

    def lecteur():
        try:
            assert en_pause.wait(30)
            with connection.cursor() as curseur:  # this thread's own connection
                curseur.execute(
                    "SELECT etat, etapes::text FROM core_progression WHERE id > %s AND cible = %s"
                    " ORDER BY id DESC LIMIT 1",
                    [avant, f"exercice:{n}"],
                )
                lu["progression"] = curseur.fetchone()
                curseur.execute(
                    "SELECT count(*) FROM ledger_ecriture WHERE exercice_id = %s", [en_janvier.pk]
                )
                lu["ecritures"] = curseur.fetchone()[0]
        finally:
            reprendre.set()
            connection.close()

    autre = threading.Thread(target=lecteur)
    test_cloture.figer(comptable, en_janvier)
    autre.start()
    with progression.ecouter(ecouteur):
        resultat_passer(acting_user=comptable, exercice=en_janvier)
    autre.join(30)
    etat, texte = lu["progression"]
    assert etat == "en_cours"
    assert [(e["nom"], e["etat"], e["fait"], e["total"]) for e in json.loads(texte)] == [
        ("soldes des classes 6 et 7", "faite", 2, None),
        ("écriture de résultat", "en_cours", 0, 3),
    ]
    # The operation's own writes (and the test's) are not seen outside its transaction.
    assert lu["ecritures"] == 0
    assert Ecriture.objects.filter(exercice=en_janvier, piece=f"resultat:{n}").exists()


def test_la_commande_affiche_chaque_etape_avec_son_decompte_et_sa_duree(
    comptable, directrice, en_janvier, avant, horloge
):
    n = en_janvier.annee
    sortie = io.StringIO()
    with pytest.raises(CommandError, match="arrêté des comptes .* n'est pas enregistré"):
        call_command("cloturer_exercice", n, utilisateur="comptable", stdout=sortie)
    lignes = sortie.getvalue().splitlines()
    assert re.fullmatch(r"\[ *\d+,\d+ s\] Balance avant inventaire \d+ figée : début", lignes[0])
    texte = sortie.getvalue()
    for attendu in (
        r"  lecture de la balance : 5 comptes en \d+,\d+ s",
        r"  lignes figées : 5 lignes en \d+,\d+ s",
        r"Résultat de l'exercice \d+ : début",
        r"  soldes des classes 6 et 7 : 2 comptes en \d+,\d+ s",
        r"  écriture de résultat : 3 lignes en \d+,\d+ s",
        r"Clôture de l'exercice \d+ : échouée — L'arrêté des comptes",
    ):
        assert re.search(attendu, texte), attendu
    arrete_enregistrer(
        acting_user=directrice, exercice=en_janvier, arrete_le=D(n + 1, 1, 19), deliberation="CA 1"
    )
    horloge(D(n + 1, 3, 1))  # the délais of the période complémentaire are over
    sortie = io.StringIO()
    call_command("cloturer_exercice", n, utilisateur="comptable", stdout=sortie)
    texte = sortie.getvalue()
    assert "Balance" not in texte  # done already: `tout` skips them
    for attendu in (
        r"  contrôles et clôture en \d+,\d+ s",
        rf"À-nouveaux de l'exercice {n + 1} : début",
        r"  soldes des classes 1 à 5 : 4 comptes et tiers en \d+,\d+ s",
        r"  écriture d'à-nouveaux : 4 lignes en \d+,\d+ s",
        rf"Fin d'exercice {n} : 2 étape\(s\) en \d+,\d+ s\.",
    ):
        assert re.search(attendu, texte), attendu
    sortie = io.StringIO()
    call_command("cloturer_exercice", n, utilisateur="comptable", stdout=sortie)
    assert sortie.getvalue().strip() == f"Rien à faire : la fin de l'exercice {n} est achevée."


def test_la_page_suit_l_operation_et_se_rafraichit_tant_qu_elle_court(
    client, comptable, auditeur, en_janvier, avant, django_capture_on_commit_callbacks
):
    n = en_janvier.annee
    client.force_login(comptable)
    # Refused: the French message, nothing to wait for.
    resultat = None
    try:
        resultat_passer(acting_user=comptable, exercice=en_janvier)
    except Exception as erreur:  # noqa: BLE001 - its message is what the page shows
        resultat = erreur
    assert "balance après inventaire" in resultat.message
    (refus,) = nouvelles(avant, f"exercice:{n}")
    texte = page(client.get(reverse("ledger:operation", args=[refus.id])))
    assert 'http-equiv="refresh"' not in texte
    assert f"Opération refusée ou échouée : {resultat.message}" in texte

    # Under way (its COMMIT awaited): the steps so far, and the page refreshes itself.
    with django_capture_on_commit_callbacks(execute=True):
        clore(en_janvier, comptable)
        en_cours = nouvelles(avant, f"exercice:{n}")[-1]
        assert en_cours.libelle == f"Résultat de l'exercice {n}" and en_cours.en_cours
        texte = page(client.get(reverse("ledger:operation", args=[en_cours.id])))
        assert '<meta http-equiv="refresh" content="2">' in texte
        assert "Opération en cours" in texte
        assert "soldes des classes 6 et 7" in texte and "2 comptes" in texte
        exercices = page(client.get(reverse("ledger:exercices")))
        assert '<meta http-equiv="refresh" content="2">' in exercices
        assert f"Suivre « Résultat de l'exercice {n} »" in exercices
    texte = page(client.get(reverse("ledger:operation", args=[en_cours.id])))
    assert 'http-equiv="refresh"' not in texte
    assert re.search(r"Opération terminée en \d+,\d+ s\. Écriture OD-1 de 3 lignes", texte)
    liste = page(client.get(reverse("ledger:operations")))
    assert f"Résultat de l'exercice {n}</a> — terminée" in liste
    assert 'http-equiv="refresh"' not in liste or "— en cours" in liste

    # Only those who may do the act follow it.
    client.force_login(auditeur)
    assert client.get(reverse("ledger:operation", args=[en_cours.id])).status_code == 404
    assert f"Résultat de l'exercice {n}" not in page(client.get(reverse("ledger:operations")))


def test_l_accueil_mene_aux_operations_longues(client, comptable):
    client.force_login(comptable)
    assert reverse("ledger:operations") in page(client.get(reverse("accueil")))
