"""Idempotency keys of the API's writes (core.idempotence): a request retried
with its `Idempotency-Key` records its act once and gets the first answer
again; the key used for another request is refused (409); a refused act
leaves the key free; every write endpoint of the API takes the key."""

import datetime
import json
import re
import threading
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.test.client import encode_multipart
from django.urls import get_resolver
from django.urls.resolvers import URLResolver
from rest_framework.test import APIClient

from core import horloge as horloge_caisse
from core import idempotence
from core.models import CleIdempotence, JournalAudit
from ledger.models import BalanceFigee, Ecriture
from recettes.models import OrdreRecette, PieceJustificative
from tests.fichiers import pdf
from tests.recettes.test_api_pieces_parapheur import CORPS
from tests.tresorerie.conftest import comptes, regisseur  # noqa: F401 (fixtures)
from tests.tresorerie.test_regies import regie  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

PASSER = "/api/ecritures/passer/"
REUTILISEE = (
    "Cette clé d'idempotence a déjà servi à une autre requête (autre adresse, autre méthode ou "
    "autres données) : rien n'a été enregistré. Choisissez une clé nouvelle pour un acte "
    "nouveau, ou renvoyez exactement la même requête pour relire sa réponse."
)


def saisie(annee, credit="12.30", libelle="Frais bancaires") -> dict:
    return {
        "exercice": annee,
        "journal": "OD",
        "date": f"{annee}-06-10",
        "libelle": libelle,
        "lignes": [{"compte": "627", "debit": "12.30"}, {"compte": "5122", "credit": credit}],
    }


def client(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def passer(api, annee, cle=None, **modifs):
    entetes = {} if cle is None else {"HTTP_IDEMPOTENCY_KEY": cle}
    return api.post(PASSER, saisie(annee, **modifs), format="json", **entetes)


# --- The same request twice -----------------------------------------------------------


def test_la_meme_ecriture_envoyee_deux_fois_avec_sa_cle_n_est_passee_qu_une_fois(
    comptable, exercice
):
    api = client(comptable)
    premiere = passer(api, exercice.annee, cle="passer-2026-0001")
    audit = JournalAudit.objects.count()

    seconde = passer(api, exercice.annee, cle="passer-2026-0001")

    assert premiere.status_code == seconde.status_code == 201, premiere.json()
    assert seconde.content == premiere.content  # byte for byte
    assert seconde["Idempotent-Replayed"] == "true"
    assert not premiere.has_header("Idempotent-Replayed")
    assert Ecriture.objects.count() == 1
    assert JournalAudit.objects.count() == audit
    cle = CleIdempotence.objects.get()
    assert (cle.utilisateur, cle.methode, cle.chemin, cle.statut) == (
        comptable,
        "POST",
        PASSER,
        201,
    )


def test_sans_cle_rien_ne_change_deux_envois_passent_deux_ecritures(comptable, exercice):
    api = client(comptable)
    assert passer(api, exercice.annee).status_code == 201
    assert passer(api, exercice.annee).status_code == 201
    assert Ecriture.objects.count() == 2
    assert not CleIdempotence.objects.exists()


def test_la_meme_cle_pour_une_autre_requete_est_refusee_en_409(comptable, exercice):
    api = client(comptable)
    premiere = passer(api, exercice.annee, cle="k-1")
    ecriture = premiere.json()["id"]

    autres_donnees = passer(api, exercice.annee, cle="k-1", libelle="Frais de tenue de compte")
    autre_adresse = api.post(
        f"/api/ecritures/{ecriture}/contrepasser/", format="json", HTTP_IDEMPOTENCY_KEY="k-1"
    )

    for refus in (autres_donnees, autre_adresse):
        assert refus.status_code == 409
        assert refus.json() == {
            "code": "cle_idempotence_reutilisee",
            "message": REUTILISEE,
            "details": {},
        }
    assert Ecriture.objects.count() == 1
    # The first answer is still the key's.
    assert passer(api, exercice.annee, cle="k-1").json() == premiere.json()


def test_la_cle_est_propre_a_chaque_personne(comptable, directrice, exercice):
    assert passer(client(comptable), exercice.annee, cle="commune").status_code == 201

    ordre = client(directrice).post(
        "/api/ordres-recette/creer/", CORPS, format="json", HTTP_IDEMPOTENCY_KEY="commune"
    )

    assert ordre.status_code == 201, ordre.json()
    assert not ordre.has_header("Idempotent-Replayed")
    assert OrdreRecette.objects.count() == 1 and Ecriture.objects.count() == 1
    assert CleIdempotence.objects.filter(cle="commune").count() == 2


@pytest.mark.parametrize("cle", ["", "   ", "clé-accentuée", "x" * 256, "tab\tulation"])
def test_une_cle_mal_formee_est_refusee_en_francais_et_rien_n_est_passe(comptable, exercice, cle):
    reponse = passer(client(comptable), exercice.annee, cle=cle)

    assert reponse.status_code == 400
    assert reponse.json()["code"] == "cle_idempotence_invalide"
    assert reponse.json()["message"].startswith(
        "L'en-tête Idempotency-Key doit compter de 1 à 255 caractères ASCII imprimables"
    )
    assert not Ecriture.objects.exists() and not CleIdempotence.objects.exists()


# --- A refused act leaves the key free ---------------------------------------------------


def test_un_acte_refuse_libere_la_cle_et_se_refuse_de_meme_a_la_relance(comptable, exercice):
    api = client(comptable)
    audit = JournalAudit.objects.count()

    refus = passer(api, exercice.annee, cle="k-refus", credit="12.31")
    relance = passer(api, exercice.annee, cle="k-refus", credit="12.31")

    assert refus.status_code == relance.status_code == 400
    assert refus.json() == relance.json()
    assert relance.json()["code"] == "ecriture_desequilibree"
    assert not relance.has_header("Idempotent-Replayed")
    assert not Ecriture.objects.exists() and not CleIdempotence.objects.exists()
    assert JournalAudit.objects.count() == audit
    # Corrected, the same key passes the entry: the refusal did not hold it.
    assert passer(api, exercice.annee, cle="k-refus").status_code == 201
    assert Ecriture.objects.count() == 1


def test_une_cle_expire_apres_vingt_quatre_heures(comptable, exercice, horloge):
    api = client(comptable)
    depart = horloge_caisse.maintenant()
    assert passer(api, exercice.annee, cle="k-jour").status_code == 201
    horloge(depart + idempotence.DUREE - datetime.timedelta(minutes=1))
    assert passer(api, exercice.annee, cle="k-jour")["Idempotent-Replayed"] == "true"

    horloge(depart + idempotence.DUREE)
    apres = passer(api, exercice.annee, cle="k-jour")

    assert apres.status_code == 201 and not apres.has_header("Idempotent-Replayed")
    assert Ecriture.objects.count() == 2
    assert CleIdempotence.objects.count() == 1


def test_la_commande_purge_les_cles_expirees(comptable, exercice, horloge):
    api = client(comptable)
    depart = horloge_caisse.maintenant()
    passer(api, exercice.annee, cle="ancienne")
    horloge(depart + idempotence.DUREE)
    passer(api, exercice.annee, cle="recente")

    call_command("purger_cles_idempotence", verbosity=0)

    assert list(CleIdempotence.objects.values_list("cle", flat=True)) == ["recente"]


# --- Views with their own write method, multipart -------------------------------------------


def test_une_vue_d_ecriture_propre_fige_une_seule_balance(comptable, exercice):
    api = client(comptable)
    adresse = f"/api/exercices/{exercice.annee}/balances/figer/"
    donnees = {"nature": "mensuelle", "mois": "4", "demande": "Organisme national"}

    premiere = api.post(adresse, donnees, HTTP_IDEMPOTENCY_KEY="figer-avril")
    seconde = api.post(adresse, donnees, HTTP_IDEMPOTENCY_KEY="figer-avril")
    autre = api.post(adresse, {**donnees, "mois": "5"}, HTTP_IDEMPOTENCY_KEY="figer-avril")

    assert premiere.status_code == seconde.status_code == 201, premiere.json()
    assert seconde.json() == premiere.json() and seconde["Idempotent-Replayed"] == "true"
    assert autre.status_code == 409 and autre.json()["code"] == "cle_idempotence_reutilisee"
    assert BalanceFigee.objects.count() == 1


def test_un_ordre_envoye_en_multipart_avec_sa_piece_n_est_cree_qu_une_fois(directrice, exercice):
    """A client retrying a multipart request draws a new boundary: the key
    compares the fields and the files, not the bytes around them."""
    api = client(directrice)
    contenu = pdf("convention signee")

    def envoyer(separateur: str):
        fichier = SimpleUploadedFile("convention.pdf", contenu, content_type="application/pdf")
        corps = encode_multipart(separateur, {"saisie": json.dumps(CORPS), "pieces": [fichier]})
        return api.generic(
            "POST",
            "/api/ordres-recette/creer/",
            corps,
            content_type=f"multipart/form-data; boundary={separateur}",
            HTTP_IDEMPOTENCY_KEY="ordre-convention",
        )

    premiere, seconde = envoyer("separateur-1"), envoyer("separateur-2")

    assert premiere.status_code == seconde.status_code == 201, premiere.json()
    assert seconde.json() == premiere.json() and seconde["Idempotent-Replayed"] == "true"
    assert OrdreRecette.objects.count() == 1 and PieceJustificative.objects.count() == 1


# --- Every write endpoint of the API takes the key -----------------------------------------

# Not acts: obtaining a token; the registre's POST, which refuses every request.
SANS_CLE = {"api/jeton/", "api/responsabilite/registre/"}


def _adresses(motifs, prefixe=""):
    for motif in motifs:
        if isinstance(motif, URLResolver):
            yield from _adresses(motif.url_patterns, prefixe + str(motif.pattern))
        else:
            yield prefixe + str(motif.pattern), motif.callback


# Objects looked up before the act's method runs (their visibility is checked with
# the permissions): a request naming an unknown one never reaches the key.
VUS_AVANT = {
    "/api/tresorerie/regies-versements/999999999/recevoir/",
    "/api/tresorerie/regies-etats/999999999/admettre/",
}


def test_chaque_ecriture_de_l_api_prend_la_cle_d_idempotence(
    comptable,
    directrice,
    regisseur,  # noqa: F811
    auditeur,
    regie,  # noqa: F811
):
    """Behaviour, not a flag: each write method of the API, sent with a key that
    already served another request, answers the 409 of a reused key before doing
    anything (as someone who holds the act's role: the others get the 403 first)."""
    personnes = [comptable, directrice, regisseur, auditeur]
    for personne_ in personnes:
        CleIdempotence.objects.create(
            utilisateur=personne_,
            cle="deja-servie",
            methode="POST",
            chemin="/api/ailleurs/",
            empreinte="0" * 64,
            statut=201,
            reponse="{}",
            cree_le=horloge_caisse.maintenant(),
        )
    clients = [client(personne_) for personne_ in personnes]
    ecritures, oublis = 0, []
    for adresse, vue in _adresses(get_resolver().url_patterns):
        classe = getattr(vue, "cls", None) or getattr(vue, "view_class", None)
        if not adresse.startswith("api/") or adresse in SANS_CLE or classe is None:
            continue
        chemin = "/" + adresse.replace("regies/<int:pk>/", f"regies/{regie.pk}/")
        chemin = re.sub(r"<int:\w+>", "999999999", chemin)
        chemin = re.sub(r"<(?:str:|slug:|path:)?\w+>", "inconnu", chemin)
        for nom in idempotence.METHODES:
            if getattr(classe, nom, None) is None:
                continue
            ecritures += 1
            statuts = []
            for api in clients:
                reponse = api.generic(
                    nom.upper(),
                    chemin,
                    b"{}",
                    content_type="application/json",
                    HTTP_IDEMPOTENCY_KEY="deja-servie",
                )
                statuts.append(reponse.status_code)
                if reponse.status_code != 403:
                    break
            if reponse.status_code == 409:
                assert reponse.json()["code"] == "cle_idempotence_reutilisee", chemin
            elif not (chemin in VUS_AVANT and reponse.status_code == 404):
                oublis.append(f"{nom.upper()} {chemin} {statuts}")
    assert ecritures > 100
    assert oublis == [], "écritures de l'API sans clé d'idempotence : " + ", ".join(oublis)
    assert CleIdempotence.objects.count() == len(personnes)


# --- Two requests with the same key at the same instant ------------------------------------


def _attendre_bloques(nombre: int, delai: float = 15.0) -> bool:
    """Wait until `nombre` other sessions wait on a lock."""
    fin = time.monotonic() + delai
    while time.monotonic() < fin:
        with connection.cursor() as curseur:
            curseur.execute("SELECT pg_stat_clear_snapshot()")
            curseur.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if curseur.fetchone()[0] >= nombre:
                return True
        time.sleep(0.05)
    return False


@pytest.mark.django_db(transaction=True)
def test_deux_envois_simultanes_avec_la_meme_cle_passent_une_seule_ecriture(comptable, exercice):
    """The answer lost, the client retries while the first request still runs:
    the second waits on the key's unique index until the first commits, then
    gets its answer; one entry."""
    reponses = {}

    def envoyer(nom):
        try:
            reponses[nom] = passer(client(comptable), exercice.annee, cle="simultanee")
        finally:
            connections.close_all()

    # The entry's chain is held: the first request to take the key waits on it.
    with transaction.atomic():
        with connection.cursor() as curseur:
            curseur.execute(
                "SELECT 1 FROM ledger_chaine WHERE exercice_id = %s FOR UPDATE", [exercice.pk]
            )
        fils = [threading.Thread(target=envoyer, args=(nom,)) for nom in ("a", "b")]
        for f in fils:
            f.start()
        # One waits on the chain, the other on the first's key (the unique index).
        assert _attendre_bloques(2)
        assert all(f.is_alive() for f in fils)
    for f in fils:
        f.join(20)

    a, b = reponses["a"], reponses["b"]
    assert a.status_code == b.status_code == 201, (a.json(), b.json())
    assert a.json() == b.json()
    assert sorted([a.has_header("Idempotent-Replayed"), b.has_header("Idempotent-Replayed")]) == [
        False,
        True,
    ]
    assert Ecriture.objects.count() == 1 and CleIdempotence.objects.count() == 1


def test_un_corps_trop_volumineux_avec_sa_cle_recoit_le_413_de_l_api(comptable, exercice, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    api = client(comptable)
    corps = saisie(exercice.annee, libelle="x" * 2000)

    sans_cle = api.post(PASSER, corps, format="json")
    avec_cle = api.post(PASSER, corps, format="json", HTTP_IDEMPOTENCY_KEY="grosse")

    assert sans_cle.status_code == avec_cle.status_code == 413
    assert avec_cle.json() == sans_cle.json()
    assert avec_cle.json()["code"] == "corps_trop_volumineux"
    assert not Ecriture.objects.exists() and not CleIdempotence.objects.exists()


@pytest.mark.parametrize("en_flux", [False, True])
def test_une_reponse_fichier_se_rejoue_avec_ses_octets_et_son_nom(comptable, rf, en_flux):
    """No write of the API answers a file today; one that would is kept whole."""
    contenu = b"%PDF-1.7 quittance"
    actes = []

    def faire():
        actes.append(1)
        classe = StreamingHttpResponse if en_flux else HttpResponse
        reponse = classe(iter([contenu]) if en_flux else contenu, status=201)
        reponse["Content-Type"] = "application/pdf"
        reponse["Content-Disposition"] = 'attachment; filename="quittance.pdf"'
        return reponse

    requete = rf.post("/api/essai/", b"{}", content_type="application/json")
    requete.META["HTTP_IDEMPOTENCY_KEY"] = "fichier"
    requete.user = comptable
    cle = idempotence.lire(requete)
    premiere = idempotence.executer(requete, cle, faire)
    seconde = idempotence.reponse_connue(cle)

    assert actes == [1]
    assert premiere.content == seconde.content == contenu
    assert (seconde.status_code, seconde["Content-Type"], seconde["Content-Disposition"]) == (
        201,
        "application/pdf",
        'attachment; filename="quittance.pdf"',
    )
    assert seconde["Idempotent-Replayed"] == "true"


def test_l_empreinte_d_un_corps_n_est_pas_son_simple_hachage(comptable, exercice):
    """A signed act's body holds the signing password: the stored fingerprint
    is keyed with the project's secret, so that reading the table gives no
    offline test of a guessed body."""
    import hashlib

    corps = json.dumps(saisie(exercice.annee)).encode()
    api = client(comptable)
    reponse = api.post(
        PASSER, corps, content_type="application/json", HTTP_IDEMPOTENCY_KEY="empreinte-1"
    )
    assert reponse.status_code == 201, reponse.json()
    stockee = CleIdempotence.objects.get().empreinte
    assert stockee != hashlib.sha256(b"\n" + corps).hexdigest()
    assert stockee != hashlib.sha256(corps).hexdigest()
    assert len(stockee) == 64
