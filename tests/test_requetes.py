"""Query counts of the list pages and list endpoints: a list costs a fixed
number of queries whatever its number of rows (no N+1). Each test fills its
lists with 3 rows, counts the queries of every page and endpoint, grows the
lists to 30 rows and counts again: the counts must be the same."""

import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from depenses import services as d
from ledger.services import LigneSaisie, ecriture_passer
from recettes import services as r
from tests.factories import MOT_DE_PASSE
from tests.oppositions.conftest import enregistrer
from tests.tresorerie.conftest import (  # noqa: F401 (fixtures)
    AUJOURD_HUI,
    comptes,
    credits,
    ordre_recette,
    ordre_vise,
    regisseur,
)
from tresorerie import services as t

pytestmark = pytest.mark.django_db

PEU, BEAUCOUP = 3, 30


def page(utilisateur):
    from django.test import Client

    client = Client()
    client.force_login(utilisateur)
    return client


def api(utilisateur):
    client = APIClient()
    client.force_authenticate(utilisateur)
    return client


def compter(clients_urls) -> dict[str, int]:
    """{url: queries} for each (client, url), after checking each answers 200."""
    comptes_requetes = {}
    for client, url in clients_urls:
        with CaptureQueriesContext(connection) as requetes:
            reponse = client.get(url)
        assert reponse.status_code == 200, (url, reponse.status_code)
        comptes_requetes[url] = len(requetes)
    return comptes_requetes


def sans_n_plus_un(clients_urls, remplir) -> tuple[dict, dict]:
    """Fill to PEU rows, count; fill to BEAUCOUP, count: both counts."""
    remplir(0, PEU)
    compter(clients_urls)  # warm the caches (content types, sessions)
    peu = compter(clients_urls)
    remplir(PEU, BEAUCOUP)
    return peu, compter(clients_urls)


# --- Ordres de recette ----------------------------------------------------------------


def test_listes_des_ordres_de_recette(directrice, comptable, exercice):
    def remplir(debut, fin):
        for i in range(debut, fin):
            lignes = [r.LigneDebiteur(f"Débiteur {i}", "débiteur", "100.00")]
            if i % 3 == 0:
                ordre = ordre_recette(directrice, comptable, lignes)
                r.ordre_recette_reduire(
                    acting_user=directrice,
                    ordre=ordre,
                    type="reduction",
                    montant_reduction="10.00",
                    motif="Erreur de base",
                    nouvelles_bases="90 €",
                    mot_de_passe=MOT_DE_PASSE,
                )
                continue
            ordre = r.ordre_recette_creer(
                acting_user=directrice,
                saisie=r.SaisieOrdre(
                    nature="autre",
                    objet=f"Frais de dossier {i}",
                    bases_liquidation="Convention",
                    compte_imputation="7585",
                    compte_tiers="4671",
                    date_fait=AUJOURD_HUI,
                    dates={"liquidation": AUJOURD_HUI, "droits_acquis": AUJOURD_HUI},
                    lignes=lignes,
                    pieces_references="Convention, au dossier",
                ),
            )
            if i % 3 == 1:
                r.ordre_recette_signer(
                    acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE
                )
                r.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)

    ordonnateur, agent = page(directrice), page(comptable)
    urls = [
        (agent, "/recettes/"),
        (ordonnateur, "/recettes/parapheur/"),
        (agent, "/recettes/a-prendre-en-charge/"),
        (api(comptable), "/api/ordres-recette/"),
    ]
    peu, beaucoup = sans_n_plus_un(urls, remplir)
    assert beaucoup == peu


# --- Ordres de dépense -----------------------------------------------------------------


def test_listes_des_ordres_de_depense(directrice, comptable, credits):  # noqa: F811
    def remplir(debut, fin):
        for i in range(debut, fin):
            if i % 2 == 0:
                ordre_vise(directrice, comptable, credits, montant="100.00", creancier=f"C {i}")
                continue
            engagement = d.engagement_creer(
                acting_user=directrice,
                exercice=credits,
                gestion="budgetaire",
                objet="Papeterie",
                creancier=f"C {i}",
                compte_imputation="6064",
                montant_engage="100.00",
            )
            ordre = d.ordre_depense_creer(
                acting_user=directrice,
                saisie=d.SaisieDepense(
                    gestion="budgetaire",
                    nature="fournitures",
                    objet="Papeterie",
                    bases_liquidation="Facture",
                    compte_imputation="6064",
                    compte_tiers="401",
                    date_fait=AUJOURD_HUI,
                    dates={"reception": AUJOURD_HUI},
                    engagement=engagement,
                    lignes=[
                        d.LigneCreancier(
                            f"C {i}", "fournisseur", "FR7630006000011234567890189", "100.00"
                        )
                    ],
                    pieces_references="Facture, au dossier",
                ),
            )
            d.ordre_depense_attester_service_fait(
                acting_user=directrice, ordre=ordre, le=AUJOURD_HUI
            )
            d.ordre_depense_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
            d.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)

    agent = page(comptable)
    urls = [
        (agent, "/depenses/"),
        (agent, "/depenses/a-viser/"),
        (agent, "/depenses/engagements/"),
        (api(comptable), "/api/ordres-depense/"),
    ]
    peu, beaucoup = sans_n_plus_un(urls, remplir)
    assert beaucoup == peu


# --- Oppositions -------------------------------------------------------------------------


def test_listes_des_oppositions(comptable, exercice):
    def remplir(debut, fin):
        for i in range(debut, fin):
            enregistrer(comptable, reference_acte=f"ATD 2026-{i}", montant=Decimal("100.00"))

    urls = [(page(comptable), "/oppositions/"), (api(comptable), "/api/oppositions/")]
    peu, beaucoup = sans_n_plus_un(urls, remplir)
    assert beaucoup == peu


# --- Trésorerie ------------------------------------------------------------------------


def test_listes_de_la_tresorerie(directrice, comptable, comptes):  # noqa: F811
    def remplir(debut, fin):
        for i in range(debut, fin):
            ordre = ordre_recette(
                directrice, comptable, [r.LigneDebiteur(f"Débiteur {i}", "débiteur", "100.00")]
            )
            t.encaissement_enregistrer(
                acting_user=comptable,
                compte=comptes["CAISSE"],
                moyen="numeraire",
                montant="60.00",
                payeur=f"Débiteur {i}",
                objet="Règlement partiel",
                repartitions=[t.Repartition(ordre.lignes.get(), "60.00")],
            )

    agent, service = page(comptable), api(comptable)
    urls = [
        (agent, "/tresorerie/encaissements/"),
        (agent, "/tresorerie/restes/"),
        (service, "/api/tresorerie/encaissements/"),
        (service, "/api/tresorerie/quittances/"),
        (service, "/api/tresorerie/restes/"),
    ]
    peu, beaucoup = sans_n_plus_un(urls, remplir)
    assert beaucoup == peu


# --- Comptabilité ------------------------------------------------------------------------


def test_listes_de_la_comptabilite(comptable, exercice):
    def remplir(debut, fin):
        for i in range(debut, fin):
            ecriture_passer(
                acting_user=comptable,
                exercice=exercice,
                journal="OD",
                date=AUJOURD_HUI,
                libelle=f"Opération {i}",
                lignes=[
                    LigneSaisie("6064", debit="10.00"),
                    LigneSaisie("401", credit="10.00", tiers=f"Fournisseur {i}"),
                ],
            )

    agent, service = page(comptable), api(comptable)
    urls = [
        (agent, "/comptabilite/ecritures/"),
        (agent, "/comptabilite/balance/"),
        (service, "/api/ecritures/"),
        (service, f"/api/balance/?exercice={exercice.annee}"),
    ]
    peu, beaucoup = sans_n_plus_un(urls, remplir)
    assert beaucoup == peu


def test_le_restant_des_engagements_se_lit_en_une_requete(
    directrice,
    comptable,
    credits,  # noqa: F811
    django_assert_num_queries,
):
    from depenses import selectors as ds

    for i in range(3):
        ordre_vise(directrice, comptable, credits, montant="100.00", creancier=f"C {i}")
    d.engagement_creer(
        acting_user=directrice,
        exercice=credits,
        gestion="budgetaire",
        objet="Papeterie",
        creancier="C 9",
        compte_imputation="6064",
        montant_engage="250.00",
    )
    with django_assert_num_queries(1):
        engagements = list(ds.engagements())
    assert [e.ordonne for e in engagements] == [Decimal("0.00")] + [Decimal("100.00")] * 3
    assert [e.restant for e in engagements] == [Decimal("250.00")] + [Decimal("0.00")] * 3


# --- Acts: the checks read who holds what once per request -------------------------------

# The queries of one act through the API, the second of its kind (the first warms the
# caches): measured, then fixed here so that a repeated read shows. Before the reads of
# personnes were kept per request (personnes/memoire.py) and the separation of functions
# read in one query (ordres.services.acte_d_ordonnateur): 83, 65 and 62; before the
# answer was read without the page detail's prefetches and the draw made once per act
# (core.acte_courant.prealable_fait): 61, 47 and 47.
REQUETES_VISA, REQUETES_PRISE_EN_CHARGE, REQUETES_LOT = 49, 39, 47


def _jeton(utilisateur) -> APIClient:
    from rest_framework.authtoken.models import Token

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=utilisateur).key}")
    return client


def _deux_fois(client, urls_corps, attendu) -> int:
    """Send each act (the last one counted) with its own idempotency key."""
    for url, corps in urls_corps:
        with CaptureQueriesContext(connection) as requetes:
            reponse = client.post(url, corps, format="json", HTTP_IDEMPOTENCY_KEY=uuid.uuid4().hex)
        assert reponse.status_code == attendu, reponse.content
    return len(requetes)


def test_un_visa_une_prise_en_charge_et_un_lot_en_nombre_de_requetes_borne(
    directrice,
    comptable,
    credits,  # noqa: F811
    comptes,  # noqa: F811
):
    client = _jeton(comptable)
    transmis = [ordre_vise(directrice, comptable, credits, viser=False) for _ in range(2)]
    visa = {"appreciations": {"imputation": True, "validite_dette": True}}
    urls = [(f"/api/ordres-depense/{o.pk}/viser/", visa) for o in transmis]
    assert _deux_fois(client, urls, 200) <= REQUETES_VISA

    recettes = []
    for i in range(2):
        ordre = r.ordre_recette_creer(
            acting_user=directrice,
            saisie=r.SaisieOrdre(
                nature="autre",
                objet=f"Frais de dossier {i}",
                bases_liquidation="Convention",
                compte_imputation="7585",
                compte_tiers="4671",
                date_fait=AUJOURD_HUI,
                dates={"liquidation": AUJOURD_HUI, "droits_acquis": AUJOURD_HUI},
                lignes=[r.LigneDebiteur(f"Débiteur {i}", "débiteur", "100.00")],
                pieces_references="Convention, au dossier",
            ),
        )
        r.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
        r.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
        recettes.append(ordre)
    controles = [{"point": p, "conforme": True} for p in r.controles_requis(recettes[0]).points]
    urls = [
        (f"/api/ordres-recette/{o.pk}/prendre-en-charge/", {"controles": controles})
        for o in recettes
    ]
    assert _deux_fois(client, urls, 200) <= REQUETES_PRISE_EN_CHARGE

    vises = [ordre_vise(directrice, comptable, credits) for _ in range(10)]
    lots = [{"ordres": [o.pk for o in vises[i : i + 5]], "compte": "EXECUTION"} for i in (0, 5)]
    urls = [("/api/tresorerie/lots/", lot) for lot in lots]
    assert _deux_fois(client, urls, 201) <= REQUETES_LOT
