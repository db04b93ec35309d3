"""The parapheur and the agent comptable's queue show one page at a time, in a bounded
number of queries, and the lists fetch a page's rows in two queries (core.pagination)."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accueil.management.commands import demarrer
from core.pagination import Paginateur, lignes_de_la_page
from depenses import selectors
from depenses import services as s
from depenses.models import OrdreDepense
from tests.depenses.test_services import AUJOURD_HUI, creer, engager
from tests.factories import MOT_DE_PASSE
from tests.recettes.test_services import creer as creer_recette

pytestmark = pytest.mark.django_db

PAR_PAGE = 3  # the pages' sizes, small here (50 served)
NOMBRE = PAR_PAGE + 2


@pytest.fixture(autouse=True)
def petites_pages(monkeypatch):
    monkeypatch.setattr("recettes.views.PARAPHEUR_PAR_PAGE", PAR_PAGE)
    monkeypatch.setattr("depenses.views.A_VISER_PAR_PAGE", PAR_PAGE)


def _brouillons(directrice, exercice, nombre=NOMBRE):
    ordres = []
    for _ in range(nombre):
        ordre = creer(directrice, engager(directrice, exercice, montant="100.00"), montant="100.00")
        s.ordre_depense_attester_service_fait(acting_user=directrice, ordre=ordre, le=AUJOURD_HUI)
        ordres.append(ordre)
    return ordres


def test_le_parapheur_montre_une_page_et_signe_ce_qui_est_coche(
    client, directrice, credits, django_assert_max_num_queries
):
    ordres = _brouillons(directrice, credits)
    client.force_login(directrice)
    # Session, user, functions, interim; two counts, the exercises (the drafts are read
    # exercise by exercise, core.pagination), the drafts' ids and rows (their
    # creditors and service fait by subqueries); the signature's second factor; the
    # signed or rejected ordres de recette, the suspended or requisitioned ordres de
    # dépense below the form (one query each).
    with django_assert_max_num_queries(12):
        page = client.get(reverse("recettes:parapheur")).content.decode()
    assert page.count('name="ordres_depense"') == PAR_PAGE
    assert f"Ordres de dépense à ordonnancer ({NOMBRE})" in page
    assert 'href="?page_ordres_depense=2">Page suivante' in page
    suite = client.get(reverse("recettes:parapheur"), {"page_ordres_depense": 2}).content.decode()
    assert suite.count('name="ordres_depense"') == NOMBRE - PAR_PAGE
    assert "Page suivante" not in suite
    assert 'href="?page_ordres_depense=1">« Page précédente' in suite
    # The last page's orders are signed from it, the others stay drafts.
    derniers = [o.pk for o in sorted(ordres, key=lambda o: o.numero)[PAR_PAGE:]]
    champs = {"mot_de_passe": MOT_DE_PASSE, "ordres_depense": derniers}
    jeton = suite.split('name="jeton_formulaire" value="')[1].split('"')[0]
    client.post(reverse("recettes:parapheur"), {**champs, "jeton_formulaire": jeton})
    signes = OrdreDepense.objects.exclude(etat=OrdreDepense.Etat.BROUILLON)
    assert sorted(signes.values_list("pk", flat=True)) == sorted(derniers)


def test_chaque_rubrique_du_parapheur_a_sa_page_et_ses_liens_gardent_celle_des_autres(
    client, directrice, credits
):
    """Two kinds of drafts, each on its own page: on the ordres de dépense's page 2,
    the ordres de recette stay on their page 1 (never shown again as a « last page »),
    each kind's links keep the other's page, and a signature returns to both pages."""
    depenses = sorted(_brouillons(directrice, credits), key=lambda o: o.numero)
    recettes = [creer_recette(directrice) for _ in range(PAR_PAGE + 1)]
    recettes.sort(key=lambda o: o.numero)
    client.force_login(directrice)
    adresse = reverse("recettes:parapheur")
    page = client.get(adresse, {"page_ordres_depense": 2}).content.decode()
    coches = page.split('name="ordres" value="')[1:]
    assert [int(c.split('"')[0]) for c in coches] == [o.pk for o in recettes[:PAR_PAGE]]
    coches = page.split('name="ordres_depense" value="')[1:]
    assert [int(c.split('"')[0]) for c in coches] == [o.pk for o in depenses[PAR_PAGE:]]
    assert 'href="?page_ordres_depense=1">« Page précédente' in page
    assert 'href="?page_ordres_depense=2&amp;page_ordres=2">Page suivante' in page
    suite = client.get(adresse, {"page_ordres_depense": 2, "page_ordres": 2}).content.decode()
    coches = suite.split('name="ordres" value="')[1:]
    assert [int(c.split('"')[0]) for c in coches] == [recettes[-1].pk]
    assert suite.count('name="ordres_depense"') == NOMBRE - PAR_PAGE
    assert 'href="?page_ordres_depense=2&amp;page_ordres=1">« Page précédente' in suite
    # The form posts to the page's own address; signing returns to the same pages.
    jeton = suite.split('name="jeton_formulaire" value="')[1].split('"')[0]
    reponse = client.post(
        f"{adresse}?page_ordres_depense=2&page_ordres=2",
        {"mot_de_passe": MOT_DE_PASSE, "ordres": [recettes[-1].pk], "jeton_formulaire": jeton},
    )
    assert reponse.status_code == 302
    assert reponse["Location"] == f"{adresse}?page_ordres=2&page_ordres_depense=2"


def test_la_liste_des_ordres_de_depense_en_peu_de_requetes(
    client, directrice, credits, django_assert_max_num_queries
):
    ordres = _brouillons(directrice, credits)
    client.force_login(directrice)
    # Session, user, functions, interim; the count, the page's ids, its rows (the
    # first two creditors by a subquery): no lines, pièces, suspensions nor accounts.
    with django_assert_max_num_queries(7):
        page = client.get(reverse("depenses:liste")).content.decode()
    for ordre in ordres:
        assert ordre.reference in page
        assert ordre.lignes.first().creancier in page


def test_la_file_a_viser_est_paginee_en_peu_de_requetes(
    client, directrice, comptable, credits, django_assert_max_num_queries
):
    ordres = _brouillons(directrice, credits)
    s.ordre_depense_signer_lot(acting_user=directrice, ordres=ordres, mot_de_passe=MOT_DE_PASSE)
    for ordre in ordres:
        s.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)
    client.force_login(comptable)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("depenses:a_viser")).content.decode()
    assert f"Ordres transmis ou requis ({NOMBRE})" in page
    assert page.count("depenses/") > 0 and "Page suivante" in page
    premier = min(ordres, key=lambda o: o.numero)
    assert premier.reference in page
    suite = client.get(reverse("depenses:a_viser"), {"page": 2}).content.decode()
    assert max(ordres, key=lambda o: o.numero).reference in suite
    assert premier.reference not in suite


def test_une_page_se_lit_en_deux_requetes_dans_l_ordre_de_la_liste(
    directrice, credits, django_assert_num_queries
):
    _brouillons(directrice, credits, nombre=7)
    liste = selectors.ordres_depense()
    attendu = [o.pk for o in liste[2:5]]
    # The exercises by year, the count of the first (the page starts past its first
    # row), the page's ids in it, the rows, then the list's four prefetches.
    with django_assert_num_queries(4 + 4):
        lignes = lignes_de_la_page(liste, 2, 5)
    assert [o.pk for o in lignes] == attendu
    assert all(o.exercice.annee == credits.annee for o in lignes)
    page = Paginateur(liste, 3).get_page(3)
    assert [o.pk for o in page] == [o.pk for o in liste[6:7]] and not page.has_next()
    # A list that is not a queryset of models is sliced as is.
    assert lignes_de_la_page(list(range(10)), 2, 4) == [2, 3]


def test_la_liste_de_l_api_garde_son_ordre_et_ses_bornes(
    directrice, comptable, credits, django_assert_max_num_queries
):
    _brouillons(directrice, credits, nombre=6)
    api = APIClient()
    api.force_authenticate(comptable)
    with django_assert_max_num_queries(15):
        reponse = api.get("/api/ordres-depense/", {"limit": 3, "offset": 2})
    corps = reponse.json()
    attendu = [o.pk for o in selectors.ordres_depense()[2:5]]
    assert [o["id"] for o in corps["results"]] == attendu and corps["count"] == 6
    assert "offset=5" in corps["next"]


def test_le_serveur_garde_ses_connexions_d_une_requete_a_l_autre(settings):
    from django.db import connections

    avant = {alias: dict(reglages) for alias, reglages in connections.settings.items()}
    try:
        demarrer.connexions_persistantes()
        reglages = connections.settings["default"]
        assert reglages["CONN_MAX_AGE"] == demarrer.DUREE_CONNEXION > 0
        assert reglages["CONN_HEALTH_CHECKS"] is True
    finally:
        for alias, reglages in avant.items():
            connections.settings[alias].clear()
            connections.settings[alias].update(reglages)


def test_le_serveur_compile_ses_adresses_avant_de_se_dupliquer():
    from django.urls import clear_url_caches, get_resolver
    from gunicorn.config import Config

    clear_url_caches()
    demarrer.prechauffer()
    resolveur = get_resolver()
    assert resolveur._populated
    # Every pattern's regex already compiled (cached on the pattern) before any request.
    a_voir, motifs = list(resolveur.url_patterns), 0
    while a_voir:
        motif = a_voir.pop()
        assert "regex" in motif.pattern.__dict__
        motifs += 1
        a_voir.extend(getattr(motif, "url_patterns", []))
    assert motifs > 100
    # Every page's templates compiled into the cached loader before the fork.
    from django.template import engines

    chargeur = engines["django"].engine.template_loaders[0]
    compiles = {cle.partition("-")[0] for cle in chargeur.get_template_cache}
    assert {"recettes/liste.html", "ledger/balance.html", "base.html"} <= compiles
    assert demarrer.compiler_gabarits() > 200
    serveur = demarrer.ServeurCaisse.__new__(demarrer.ServeurCaisse)
    serveur.ecoute = type("Ecoute", (), {"fileno": lambda self: 3})()
    serveur.processus, serveur.cfg = 2, Config()
    serveur.load_config()
    assert serveur.cfg.preload_app is True
