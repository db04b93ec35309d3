"""The lists of entries read a page through the entries' numbers
(`ledger.selectors.EcrituresParNumero`): the same rows, in the same order, as
the queryset that counts and sorts, with neither COUNT nor OFFSET sent."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from ledger import selectors
from ledger.models import Journal
from ledger.services import LigneSaisie, ecriture_passer, exercice_ouvrir

pytestmark = pytest.mark.django_db

# Journal and day of each entry posted in each of the two exercises: the
# journals interleave, so that a page spans several (exercise, journal) ranges.
SAISIES = ["TR", "OD", "TR", "DE", "OD", "TR", "OD", "OD", "DE", "TR", "OD"]


def _passer(comptable, exercice, prefixe):
    for n, journal in enumerate(SAISIES, start=1):
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal=journal,
            date=datetime.date(exercice.annee, 1 + n % 12, 10),
            libelle=f"{prefixe} {n}",
            lignes=[LigneSaisie("627", debit=f"{n}.01"), LigneSaisie("5122", credit=f"{n}.01")],
        )


@pytest.fixture
def deux_exercices(comptable, exercice, horloge):
    _passer(comptable, exercice, "Courant")
    horloge(datetime.date(exercice.annee + 1, 1, 15))
    suivant = exercice_ouvrir(acting_user=comptable, annee=exercice.annee + 1)
    _passer(comptable, suivant, "Suivant")
    horloge(datetime.date(exercice.annee, 11, 30))
    return exercice, suivant


@pytest.fixture
def api_auditeur(auditeur):
    api = APIClient()
    api.force_authenticate(auditeur)
    return api


def _cles(ecritures):
    return [(e.exercice.annee, e.journal.code, e.numero) for e in ecritures]


def test_chaque_tranche_est_celle_de_la_requete_qui_compte_et_trie(deux_exercices):
    courant, _ = deux_exercices
    od = Journal.objects.get(code="OD")
    for filtres in (
        {},
        {"exercice": courant},
        {"journal": od},
        {"exercice": courant, "journal": od},
    ):
        reference = _cles(selectors.ecritures_page(**filtres))
        lues = selectors.ecritures_par_page(selectors.ecritures_page(), **filtres)
        assert isinstance(lues, selectors.EcrituresParNumero)
        assert lues.count() == len(reference)
        for debut in range(len(reference) + 1):
            for fin in range(debut, len(reference) + 2):
                assert _cles(lues[debut:fin]) == reference[debut:fin], (filtres, debut, fin)
    assert len(reference) == SAISIES.count("OD")
    assert lues.count() == 5 and _cles(lues[3:10]) == [
        (courant.annee, "OD", 4),
        (courant.annee, "OD", 5),
    ]


def test_une_periode_garde_la_requete_qui_compte_et_trie(deux_exercices):
    courant, _ = deux_exercices
    du, au = datetime.date(courant.annee, 3, 1), datetime.date(courant.annee, 6, 30)
    lues = selectors.ecritures_par_page(selectors.ecritures_page(), exercice=courant, du=du, au=au)
    assert [e.libelle for e in lues] == ["Courant 4", "Courant 2", "Courant 5", "Courant 3"]
    assert [(e.journal.code, e.numero) for e in lues] == [
        ("DE", 1),
        ("OD", 1),
        ("OD", 2),
        ("TR", 2),
    ]


def test_l_api_pagine_par_les_numeros_sans_count_ni_offset(deux_exercices, auditeur):
    courant, suivant = deux_exercices
    api = APIClient()
    api.force_authenticate(auditeur)
    lues, adresse = [], "/api/ecritures/?limit=4"
    with CaptureQueriesContext(connection) as requetes:
        while adresse:
            reponse = api.get(adresse).json()
            assert reponse["count"] == 2 * len(SAISIES)
            lues += [(e["exercice"], e["journal"], e["numero"]) for e in reponse["results"]]
            adresse = reponse["next"]
    assert lues == _cles(selectors.ecritures_page())
    assert lues[0] == (courant.annee, "DE", 1) and lues[-1] == (suivant.annee, "TR", 4)
    # The queue of recorded entries (`file_validation`, a few rows) is counted; the ledger is not.
    sql = " ".join(
        q["sql"].upper() for q in requetes.captured_queries if "ledger_ecriture" in q["sql"]
    )
    # (each entry's lines are counted, on its own index: `nombre_lignes`)
    assert "LEDGER_ECRITURE" in sql and '"__COUNT"' not in sql and "OFFSET" not in sql


def test_la_page_des_journaux_montre_l_exercice_du_jour_sans_compter_le_grand_livre(
    client, auditeur, deux_exercices
):
    courant, suivant = deux_exercices
    client.force_login(auditeur)
    contenu = client.get(reverse("ledger:ecritures")).content.decode()
    assert "Courant 1<" in contenu and "Suivant" not in contenu
    assert f'<option value="{courant.annee}" selected>' in contenu
    with CaptureQueriesContext(connection) as requetes:
        reponse = client.get(reverse("ledger:ecritures"), {"exercice": suivant.annee, "page": "1"})
    contenu = reponse.content.decode()
    assert "Suivant 11<" in contenu and "Courant" not in contenu
    # The queue of recorded entries (`file_validation`, a few rows) is counted; the ledger is not.
    sql = " ".join(
        q["sql"].upper() for q in requetes.captured_queries if "ledger_ecriture" in q["sql"]
    )
    # (each entry's lines are counted, on its own index: `nombre_lignes`)
    assert "LEDGER_ECRITURE" in sql and '"__COUNT"' not in sql and "OFFSET" not in sql


def test_une_ecriture_de_nombreuses_lignes_est_montree_en_partie_et_comptee(
    client, api_auditeur, comptable, auditeur, exercice
):
    lignes = [LigneSaisie("627", debit="1.00") for _ in range(1_203)]
    grande = ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=datetime.date(exercice.annee, 2, 1),
        libelle="Lot de virements",
        lignes=[*lignes, LigneSaisie("5122", credit="1203.00")],
    )
    client.force_login(auditeur)
    contenu = client.get(reverse("ledger:ecritures"), {"exercice": exercice.annee}).content
    contenu = contenu.decode()
    assert contenu.count("627 ") == selectors.LIGNES_PAR_ECRITURE
    assert "Voir les 1\u00a0204 lignes de l'écriture OD-1" in contenu
    assert reverse("ledger:ecriture", args=[grande.pk]) in contenu
    liste = api_auditeur.get("/api/ecritures/").json()["results"][0]
    assert liste["nombre_lignes"] == 1_204 and len(liste["lignes"]) == 100
    detail = api_auditeur.get(f"/api/ecritures/{grande.pk}/").json()
    assert detail["nombre_lignes"] == 1_204 and len(detail["lignes"]) == 1_204
    assert detail["lignes"][-1]["compte"] == "5122"


def test_les_pages_suivantes_restent_sur_l_exercice_par_defaut(client, auditeur, deux_exercices):
    """The first page links to `?page=2` alone: still today's exercise, not every one."""
    client.force_login(auditeur)
    contenu = client.get(reverse("ledger:ecritures"), {"page": "2"}).content.decode()
    assert "Courant 1<" in contenu and "Suivant" not in contenu
    assert "Ce champ est obligatoire" not in contenu


def test_un_choix_refuse_le_dit_en_francais_et_ne_liste_rien(client, auditeur, deux_exercices):
    courant, _ = deux_exercices
    client.force_login(auditeur)
    reponse = client.get(
        reverse("ledger:ecritures"),
        {"exercice": courant.annee, "du": f"{courant.annee + 1}-01-05"},
    )
    contenu = reponse.content.decode()
    assert reponse.status_code == 200
    assert f"La date doit être comprise dans l&#x27;exercice {courant.annee}" in contenu
    assert "Aucune écriture." in contenu
    assert "Courant" not in contenu and "Suivant" not in contenu


def test_les_premieres_lignes_de_chaque_ecriture_en_deux_requetes_sur_deux_exercices(
    deux_exercices, comptable, django_assert_num_queries
):
    courant, suivant = deux_exercices
    lignes = [LigneSaisie(str(c), debit=f"{n}.00") for n, c in enumerate([627, 6064, 4111], 1)]
    for exercice in deux_exercices:
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal="OD",
            date=datetime.date(exercice.annee, 3, 1),
            libelle="Trois débits",
            lignes=[*lignes, LigneSaisie("5122", credit="6.00")],
        )
    # The entries, then (`lire_premieres_lignes`) their first lines and their accounts.
    with django_assert_num_queries(3):
        page = list(selectors.ecritures_page().filter(journal__code="OD"))
    grandes = [e for e in page if e.libelle == "Trois débits"]
    assert [e.exercice.annee for e in grandes] == [courant.annee, suivant.annee]
    assert all(e.nombre_lignes == 4 for e in grandes)
    toutes = {e.pk: [lu.compte.numero for lu in e.lignes_lues] for e in grandes}
    assert all(numeros == ["627", "6064", "4111", "5122"] for numeros in toutes.values())
    courtes = [e for e in page if e.libelle != "Trois débits"]
    assert courtes and all(
        [lu.compte.numero for lu in e.lignes_lues] == ["627", "5122"] for e in courtes
    )
    # At most `lignes_max` lines of each entry, the first ones.
    api = list(selectors.ecritures_api(lignes_max=2).filter(pk__in=toutes))
    assert [[lu.compte.numero for lu in e.lignes_lues] for e in api] == [["627", "6064"]] * 2
    assert {e.nombre_lignes for e in api} == {4}


@pytest.mark.parametrize("sens", ["exercice__annee", "-exercice__annee"])
def test_une_liste_triee_par_annee_se_lit_exercice_par_exercice(deux_exercices, sens):
    """`core.pagination.lignes_de_la_page` reads a list sorted by its exercise's
    year exercise by exercise (the orders' lists): every window gives the rows
    of the query that sorts through the join, across the two exercises."""
    from core.pagination import Paginateur, lignes_de_la_page
    from ledger.models import Ecriture

    liste = Ecriture.objects.filter(journal__code__in=["OD", "TR"]).order_by(
        sens, "journal__code", "-numero"
    )
    attendu = [e.pk for e in liste]
    n = len(attendu)
    assert n > 10 and {e.exercice_id for e in liste} == {e.pk for e in deux_exercices}
    for debut in range(0, n + 1):
        for fin in range(debut, n + 2):
            assert [e.pk for e in lignes_de_la_page(liste, debut, fin)] == attendu[debut:fin]
    with CaptureQueriesContext(connection) as requetes:
        lignes_de_la_page(liste, 0, 3)
    # The exercises, the first one's ids (the page is full), the rows.
    assert len(requetes) == 3 and "ORDER BY" in requetes[1]["sql"]
    assert "ledger_exercice" not in requetes[1]["sql"].split("WHERE")[0]
    page = Paginateur(liste, 5).get_page(3)
    assert [e.pk for e in page] == attendu[10:15]
