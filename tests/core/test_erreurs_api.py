"""Every error of the API in one shape, in French: `{code, message, details}`.

The lists' pagination read strictly (a huge limit is no server error), a NUL
character refused before any view, DRF's and Django's own errors (method,
media type, authentication, malformed JSON, unknown address, server error)
in French, the database's refusals in the pages' words."""

from __future__ import annotations

import datetime
import json

import pytest
from django.db import IntegrityError, transaction
from django.test import Client, override_settings
from django.urls import include, path
from rest_framework.test import APIClient

from core.exceptions import ValeurDejaPrise, erreur_base
from core.messages_base import lisible
from tests.factories import MOT_DE_PASSE
from tests.tresorerie.conftest import comptes, regisseur  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

ANGLAIS = ("No ", "matches", "Not found", "not found", "Method", "Unsupported", "credentials")

LISTES = [
    "/api/ordres-recette/",
    "/api/ordres-depense/",
    "/api/ecritures/",
    "/api/tresorerie/encaissements/",
    "/api/delegations/",
]


def api(utilisateur=None) -> APIClient:
    client = APIClient()
    if utilisateur is not None:
        client.force_authenticate(utilisateur)
    return client


def forme_francaise(reponse, statut: int, code: str | None = None) -> dict:
    """The answer has the API's shape, the status and no English sentence."""
    assert reponse.status_code == statut, reponse.content
    assert reponse["Content-Type"].startswith("application/json")
    corps = reponse.json()
    assert set(corps) == {"code", "message", "details"}, corps
    if code is not None:
        assert corps["code"] == code, corps
    assert not any(mot in corps["message"] for mot in ANGLAIS), corps["message"]
    return corps


# --- Pagination ----------------------------------------------------------------------


@pytest.mark.parametrize("liste", LISTES)
def test_une_limite_au_dela_d_un_bigint_est_ramenee_au_maximum(comptable, exercice, liste):
    # when a list is asked with a limit of 2**70 (PostgreSQL's LIMIT is a bigint)
    reponse = api(comptable).get(liste, {"limit": 2**70})

    # then it answers, at most 1 000 rows a page
    assert reponse.status_code == 200, reponse.content
    assert "results" in reponse.json()


@pytest.mark.parametrize(
    "parametres, nom",
    [
        ({"limit": "-1"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"limit": "abc"}, "limit"),
        ({"limit": "1.5"}, "limit"),
        ({"limit": "١٢"}, "limit"),
        ({"limit": "1_0"}, "limit"),
        ({"offset": "-3"}, "offset"),
        ({"offset": str(2**70)}, "offset"),
        ({"offset": "9" * 5000}, "offset"),
    ],
)
def test_une_limite_ou_un_decalage_invalide_est_refuse_en_francais(comptable, parametres, nom):
    reponse = api(comptable).get("/api/ordres-recette/", parametres)

    corps = forme_francaise(reponse, 400, "donnee_invalide")
    assert f"Le paramètre « {nom} »" in corps["message"]
    assert nom in corps["details"]


def test_un_decalage_au_dela_du_nombre_de_lignes_rend_une_page_vide(comptable):
    reponse = api(comptable).get("/api/ordres-recette/", {"offset": "1000000000", "limit": "5"})

    assert reponse.status_code == 200
    assert reponse.json()["results"] == []


# --- NUL ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "adresse",
    [
        "/api/tresorerie/encaissements/?payeur=%00",
        "/api/tresorerie/encaissements/?etat=%00",
        "/api/ordres-recette/?etat=a%00b",
        "/api/ordres-recette/?%00=1",
    ],
)
def test_un_caractere_nul_dans_un_filtre_de_l_api_est_refuse(comptable, adresse):
    reponse = api(comptable).get(adresse)

    corps = forme_francaise(reponse, 400, "donnee_invalide")
    assert "caractère nul" in corps["message"]
    assert corps["details"]


@pytest.mark.parametrize(
    "type_de_contenu", ["application/x-www-form-urlencoded", "multipart/form-data; boundary=X"]
)
def test_un_caractere_nul_dans_un_corps_de_formulaire_de_l_api_est_refuse(
    comptable, exercice, type_de_contenu
):
    from ledger.models import Ecriture

    corps = (
        "libelle=a%00b"
        if type_de_contenu.startswith("application")
        else '--X\r\nContent-Disposition: form-data; name="libelle"\r\n\r\na\x00b\r\n--X--\r\n'
    )

    reponse = api(comptable).post("/api/ecritures/passer/", corps, content_type=type_de_contenu)

    # refused by the API's own parsers (or as a type it does not read), never a 500
    corps_reponse = forme_francaise(reponse, reponse.status_code)
    assert reponse.status_code in (400, 415), corps_reponse
    assert not Ecriture.objects.exists()


@pytest.mark.parametrize(
    "adresse",
    ["/depenses/?creancier=%00", "/tresorerie/encaissements/?debiteur=%00", "/recettes/?etat=%00"],
)
def test_un_caractere_nul_dans_un_filtre_d_une_page_est_refuse_par_une_page_francaise(
    comptable, adresse
):
    client = Client()
    client.force_login(comptable)

    reponse = client.get(adresse)

    assert reponse.status_code == 400
    assert "Requête refusée" in reponse.content.decode()
    assert "caractère nul" in reponse.content.decode()


def test_un_caractere_nul_dans_un_formulaire_est_refuse_sans_rien_enregistrer(comptable):
    from ledger.models import Exercice

    client = Client()
    client.force_login(comptable)

    reponse = client.post("/comptabilite/exercices/", {"annee": "2031\x00"})

    assert reponse.status_code == 400
    assert "caractère nul" in reponse.content.decode()
    assert not Exercice.objects.filter(annee=2031).exists()


# --- Unknown ids across the API ------------------------------------------------------


def _routes_avec_identifiant():
    from django.urls import URLResolver, get_resolver

    def parcourir(motifs, prefixe):
        for motif in motifs:
            route = prefixe + str(motif.pattern)
            if isinstance(motif, URLResolver):
                yield from parcourir(motif.url_patterns, route)
            elif route.startswith("api/") and "<int:" in route:
                methode = "get" if hasattr(motif.callback.cls, "get") else "post"
                yield methode, route

    return sorted(set(parcourir(get_resolver().url_patterns, "")))


# `<int:annee>` is a year, not an id: a year without deferred payments lists none.
ANNEE_SANS_DIFFERES = "/api/ordres-depense/differes/999999999/"


def test_un_identifiant_inconnu_est_dit_en_francais_sur_toute_l_api(
    comptable,
    directrice,
    regisseur,  # noqa: F811
    exercice,
):
    import re

    vues = _routes_avec_identifiant()
    assert len(vues) > 50
    personnes = [api(comptable), api(directrice), api(regisseur)]
    sans_404 = []
    for methode, route in vues:
        chemin = "/" + re.sub(r"<int:\w+>", "999999999", route)
        chemin = re.sub(r"<(?:str:|slug:)?\w+>", "inconnu", chemin)
        if chemin == ANNEE_SANS_DIFFERES:
            continue
        # An act whose role the person lacks is refused before the lookup (403,
        # telling nothing of the id); someone who holds the role reads the 404.
        for client in personnes:
            reponse = getattr(client, methode)(chemin, {}, format="json")
            if reponse.status_code == 404:
                forme_francaise(reponse, 404, "not_found")
                break
            forme_francaise(reponse, 403, "permission_denied")
        else:
            sans_404.append(chemin)
    assert sans_404 == []
    reponse = api(comptable).get(ANNEE_SANS_DIFFERES)
    assert (reponse.status_code, reponse.json()) == (200, [])


def test_l_identifiant_inconnu_est_cite_avec_le_nom_de_l_objet(comptable):
    reponse = api(comptable).get("/api/ordres-recette/999999999/")

    corps = forme_francaise(reponse, 404, "not_found")
    assert corps["message"] == (
        "Introuvable : ordre de recette n° 999999999 (ce numéro n'existe pas ou ne vous est "
        "pas ouvert)."
    )


# --- DRF's and Django's own errors ---------------------------------------------------


def test_une_adresse_inconnue_sous_api_repond_en_json_francais(comptable):
    reponse = api(comptable).get("/api/nexiste-pas/")

    corps = forme_francaise(reponse, 404, "not_found")
    assert corps["message"] == "Cette adresse n'existe pas dans l'API."


@override_settings(DEBUG=True)
def test_meme_en_debug_une_adresse_inconnue_sous_api_ne_liste_pas_les_routes(comptable):
    reponse = api(comptable).get("/api/nexiste-pas/")

    forme_francaise(reponse, 404, "not_found")
    assert "ordres-recette" not in reponse.content.decode()


def test_une_methode_non_prise_en_charge(comptable):
    reponse = api(comptable).delete("/api/ordres-recette/")

    corps = forme_francaise(reponse, 405, "method_not_allowed")
    assert corps["message"] == "La méthode DELETE n'est pas acceptée à cette adresse de l'API."


def test_un_type_de_contenu_non_pris_en_charge(directrice, exercice):
    reponse = api(directrice).post(
        "/api/ordres-recette/creer/", "bonjour", content_type="text/plain"
    )

    corps = forme_francaise(reponse, 415, "unsupported_media_type")
    assert "« text/plain »" in corps["message"]


def test_un_format_de_reponse_indisponible(comptable):
    reponse = api(comptable).get("/api/ordres-recette/", HTTP_ACCEPT="application/xml")

    corps = forme_francaise(reponse, 406, "not_acceptable")
    assert "JSON" in corps["message"]


def test_sans_authentification(db):
    reponse = api().get("/api/ordres-recette/")

    corps = forme_francaise(reponse, reponse.status_code, "not_authenticated")
    assert reponse.status_code in (401, 403)
    assert corps["message"].startswith("Authentification requise")


def test_un_jeton_inconnu(db):
    reponse = api().get("/api/ordres-recette/", HTTP_AUTHORIZATION="Token inconnu")

    corps = forme_francaise(reponse, reponse.status_code, "authentication_failed")
    assert corps["message"].startswith("Authentification refusée")


def test_un_json_mal_forme(directrice, exercice):
    reponse = api(directrice).post(
        "/api/ordres-recette/creer/", '{"objet": ', content_type="application/json"
    )

    corps = forme_francaise(reponse, 400)
    assert "JSON" in corps["message"]


def _vue_qui_echoue(request):
    raise RuntimeError("panne imprévue")


urlpatterns = [
    path("api/panne/", _vue_qui_echoue),
    path("page/panne/", _vue_qui_echoue),
    path("", include("config.urls")),
]


@override_settings(ROOT_URLCONF=__name__)
def test_une_erreur_interne_sous_api_repond_en_json_francais_et_se_journalise(db, caplog):
    client = Client(raise_request_exception=False)

    reponse = client.get("/api/panne/")

    corps = forme_francaise(reponse, 500, "erreur_interne")
    assert corps["message"].startswith("Une erreur interne est survenue")
    assert "panne imprévue" not in reponse.content.decode()
    assert any("panne imprévue" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)


@override_settings(ROOT_URLCONF=__name__)
def test_une_erreur_interne_hors_api_reste_une_page(db):
    reponse = Client(raise_request_exception=False).get("/page/panne/")

    assert reponse.status_code == 500
    assert not reponse["Content-Type"].startswith("application/json")


# --- The database's refusals ---------------------------------------------------------


def test_un_refus_de_la_base_cite_montants_et_dates_comme_les_pages():
    message = lisible(
        "Les échéances du délai de paiement n° 17 totalisent 1234.50 € : elles doivent égaler "
        "exactement le montant échelonné de 1300.00 € (circulaire 93/82 §2.0.5), le 2026-03-01.",
        "LG920",
    )

    assert message == (
        "Les échéances du délai de paiement totalisent 1\u202f234,50\xa0€ : elles doivent "
        "égaler exactement le montant échelonné de 1\u202f300,00\xa0€ (circulaire 93/82 "
        "§2.0.5), le 01/03/2026."
    ).replace("\u202f", _separateur())
    assert lisible("débits 100.00, crédits 99.99.", "LG031") == (
        "débits 100,00\xa0€, crédits 99,99\xa0€."
    )


def _refus_de_la_base(sql: str):
    from django.db import DatabaseError, connection

    with pytest.raises(DatabaseError) as refus, transaction.atomic(), connection.cursor() as c:
        c.execute(sql)
    return erreur_base(refus.value)


def test_un_refus_d_un_declencheur_est_relu_montant_et_date_a_la_francaise():
    # given a guard of PostgreSQL that quotes a numeric and a date as SQL prints them
    traduite = _refus_de_la_base(
        "DO $$ BEGIN RAISE EXCEPTION 'Débits %, crédits %, le %.', 1234.5::numeric(18, 2), "
        "0.1::numeric(18, 2), DATE '2026-03-01' USING ERRCODE = 'LG031'; END $$"
    )

    # then the user reads them as the pages write them
    espace = _separateur()
    assert traduite.message == (f"Débits 1{espace}234,50\xa0€, crédits 0,10\xa0€, le 01/03/2026.")
    assert traduite.details == {"sqlstate": "LG031"}


def test_un_refus_des_gardes_des_comptes_annuels_est_traduit_aussi():
    traduite = _refus_de_la_base(
        "DO $$ BEGIN RAISE EXCEPTION 'Le compte financier doit porter le numéro 3.' "
        "USING ERRCODE = 'CA010'; END $$"
    )

    assert traduite is not None and traduite.statut_http == 409
    assert traduite.message == "Le compte financier doit porter le numéro 3."


def _separateur() -> str:
    from core.money import format_nombre

    return format_nombre(1000)[1]


def test_une_serie_de_carnet_deja_prise_est_refusee_en_francais(comptable, comptes):  # noqa: F811
    from tresorerie.models import Carnet

    serie = Carnet.objects.order_by("pk").first().serie
    avant = Carnet.objects.count()

    reponse = api(comptable).post(
        "/api/tresorerie/carnets/",
        {"type": "recu", "compte": "EXECUTION", "serie": serie},
        format="json",
    )

    corps = forme_francaise(reponse, 400, "donnee_invalide")
    assert corps["message"] == (
        f"La série « {serie} » est déjà celle d'un autre carnet : chaque carnet à souches porte "
        "sa propre série. Rien n'a été enregistré."
    )
    assert Carnet.objects.count() == avant


def test_la_contrainte_d_unicite_de_la_serie_est_traduite(comptable, comptes):  # noqa: F811
    from tresorerie.models import Carnet

    carnet = Carnet.objects.order_by("pk").first()

    with pytest.raises(IntegrityError) as refus, transaction.atomic():
        Carnet.objects.create(
            type=carnet.type,
            compte=comptes["EXECUTION"],
            titulaire=comptable,
            serie=carnet.serie,
            premier_numero=1,
            dernier_numero=10,
            dernier_utilise=0,
            ouvert_le=carnet.ouvert_le,
            ouvert_par=comptable,
        )

    traduite = erreur_base(refus.value)
    assert isinstance(traduite, ValeurDejaPrise)
    assert traduite.statut_http == 409
    assert traduite.message == (
        f"La valeur « {carnet.serie} » (série, carnet à souches) est déjà prise par un autre "
        "enregistrement : rien n'a été enregistré."
    ) or traduite.message.startswith(f"La valeur « {carnet.serie} » (série, ")


def _encaisser_le(utilisateur, le: datetime.date):
    return api(utilisateur).post(
        "/api/tresorerie/encaissements/",
        {
            "compte": "BANQUE",
            "moyen": "cheque",
            "montant": "10.00",
            "payeur": "Société Orion",
            "objet": "Règlement",
            "date": le.isoformat(),
        },
        format="json",
    )


def test_l_agent_comptable_hors_exercice_recoit_le_message_de_l_exercice(comptable, comptes):  # noqa: F811
    from personnes.models import Affectation
    from tresorerie.models import Encaissement

    # given an agent comptable in office since the first day of the exercise
    annee = comptes["CAISSE"].ouvert_le.year
    Affectation.objects.filter(utilisateur=comptable).update(debut=datetime.date(annee, 1, 1))

    # when he records a receipt dated the year before, which has no exercise
    reponse = _encaisser_le(comptable, datetime.date(annee - 1, 6, 1))

    # then the refusal speaks of the exercise, not of the régisseur's rules
    corps = forme_francaise(reponse, 400, "exercice_invalide")
    assert corps["message"] == f"Aucun exercice n'est ouvert pour l'année {annee - 1}."
    assert not Encaissement.objects.exists()


def test_l_agent_comptable_avant_sa_prise_de_fonction_le_lit(comptable, comptes, horloge):  # noqa: F811
    from personnes.models import Affectation
    from tresorerie.models import Encaissement

    annee = comptes["CAISSE"].ouvert_le.year
    horloge(datetime.date(annee, 3, 2))
    Affectation.objects.filter(utilisateur=comptable).update(debut=datetime.date(annee, 3, 1))

    reponse = _encaisser_le(comptable, datetime.date(annee, 2, 2))

    corps = forme_francaise(reponse, 403, "droit_insuffisant")
    assert corps["message"].startswith(
        f"Le 02/02/{annee}, vous n'exerciez pas la fonction d'agent comptable"
    )
    assert not Encaissement.objects.exists()


def test_le_jeton_de_l_api_mal_forme_repond_en_francais(comptable):
    reponse = Client().post(
        "/api/jeton/",
        json.dumps({"username": "comptable", "password": MOT_DE_PASSE}) + "}",
        content_type="application/json",
    )

    forme_francaise(reponse, 400)


def test_le_nom_d_un_modele_vient_de_son_application_avec_ses_accents():
    from core.messages_base import nom_du_modele
    from ledger.models import Ecriture
    from recettes.models import OrdreRecette
    from recouvrement.models import MiseEnDemeureCreance
    from tresorerie.models import Releve

    assert [nom_du_modele(m) for m in (Ecriture, Releve, MiseEnDemeureCreance, OrdreRecette)] == [
        "écriture",
        "relevé",
        "créance d'une mise en demeure",
        "ordre de recette",
    ]
