"""The lockout under concurrency (guesses in parallel never pass the limit), a
second factor's code used once even at the same moment, the administrator's
acts on locks and second factors audited, API tokens that expire and die with
a password changed, IPv6 addresses counted by /64."""

import datetime
import html
import threading

import pyotp
import pytest
from django.contrib.auth import get_user_model
from django.db import connections, transaction
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core import horloge as horloge_caisse
from core.exceptions import DroitInsuffisant
from core.models import JournalAudit
from personnes import services_securite
from personnes.authentification import cle_adresse
from personnes.models import CompteurEchecs, SecondFacteur
from personnes.second_facteur import code_valide
from recettes.models import OrdreRecette
from tests.factories import MOT_DE_PASSE
from tests.recettes.test_services import creer

pytestmark = pytest.mark.django_db

EXPIRE = (
    "Jeton d'API expiré : un jeton vaut 12 heures après sa délivrance. Demandez-en un "
    "nouveau par POST /api/jeton/ (identifiant et mot de passe)."
)


def _jeton(login, mot_de_passe, adresse="192.0.2.10"):
    return APIClient().post(
        "/api/jeton/", {"username": login, "password": mot_de_passe}, REMOTE_ADDR=adresse
    )


def _en_parallele(nombre: int, essai) -> list:
    """`essai()` run by `nombre` threads released together; their results."""
    depart = threading.Barrier(nombre)
    resultats = [None] * nombre

    def fil(rang):
        try:
            depart.wait(10)
            resultats[rang] = essai()
        finally:
            connections.close_all()

    fils = [threading.Thread(target=fil, args=(rang,)) for rang in range(nombre)]
    for f in fils:
        f.start()
    for f in fils:
        f.join(30)
    return resultats


# --- 1. Parallel guesses ----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_douze_essais_simultanes_sur_le_jeton_n_en_laissent_passer_que_cinq(comptable, horloge):
    horloge(datetime.datetime(2026, 6, 15, 10, 0))

    reponses = _en_parallele(12, lambda: _jeton("comptable", "pas-le-bon"))

    codes = sorted(r.json()["code"] for r in reponses)
    assert codes.count("identifiants_incorrects") <= 5
    assert codes.count("identifiants_incorrects") + codes.count("trop_de_tentatives") == 12
    # five attempts were checked (the fifth placed the lock), seven refused unchecked
    assert JournalAudit.objects.filter(acte="authentification.echec").count() == 5
    assert JournalAudit.objects.filter(acte="authentification.refus_pendant_blocage").count() == 7
    compteur = CompteurEchecs.objects.get(portee="compte", cle="comptable")
    assert compteur.niveau == 1
    assert compteur.bloque_jusqua == horloge_caisse.maintenant() + datetime.timedelta(minutes=15)
    assert CompteurEchecs.objects.get(portee="adresse").echecs == 5
    # and the right password is refused while the lock lasts
    assert _jeton("comptable", MOT_DE_PASSE).status_code == 429


@pytest.mark.django_db(transaction=True)
def test_des_signatures_simultanees_au_mauvais_mot_de_passe_ne_passent_pas_la_limite(
    directrice, exercice, horloge
):
    horloge(datetime.datetime(2026, 6, 15, 10, 0))
    ordre = creer(directrice)

    def signer():
        api = APIClient()
        api.force_authenticate(directrice)
        return api.post(
            f"/api/ordres-recette/{ordre.pk}/signer/",
            {"mot_de_passe": "pas-le-bon"},
            format="json",
            REMOTE_ADDR="192.0.2.40",
        ).status_code

    statuts = _en_parallele(8, signer)

    assert sorted(statuts) == [403] * 5 + [429] * 3
    assert JournalAudit.objects.filter(acte="authentification.echec").count() == 5
    assert CompteurEchecs.objects.get(portee="compte", cle="directrice").niveau == 1
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "brouillon"


def test_le_bon_mot_de_passe_reprend_l_essai_compte_d_avance(comptable, horloge):
    horloge(datetime.datetime(2026, 6, 15, 10, 0))
    for _ in range(4):
        _jeton("comptable", "pas-le-bon")
    # the fifth attempt, counted first, would lock: right, it is taken back
    assert _jeton("comptable", MOT_DE_PASSE).status_code == 200
    compte = CompteurEchecs.objects.get(portee="compte")
    assert (compte.echecs, compte.bloque_jusqua, compte.niveau) == (0, None, 0)
    assert CompteurEchecs.objects.get(portee="adresse").echecs == 4
    assert _jeton("comptable", "pas-le-bon").status_code == 400


# --- 2. A code at the same moment ---------------------------------------------------------


def _facteur(utilisateur) -> SecondFacteur:
    return SecondFacteur.objects.create(
        utilisateur=utilisateur,
        secret=pyotp.random_base32(),
        cree_le=horloge_caisse.maintenant(),
        confirme_le=horloge_caisse.maintenant(),
    )


def test_un_code_lu_par_deux_signatures_a_la_fois_ne_sert_qu_une_fois(directrice, horloge):
    horloge(datetime.datetime(2026, 6, 15, 10, 0))
    _facteur(directrice)
    code = pyotp.TOTP(SecondFacteur.objects.get().secret).at(horloge_caisse.maintenant())
    # two acts read the factor before either takes the code
    premier, second = SecondFacteur.objects.get(), SecondFacteur.objects.get()

    assert code_valide(premier, code) is True
    assert code_valide(second, code) is False


def test_un_code_pris_par_un_acte_refuse_est_rendu_par_son_annulation(directrice, horloge):
    horloge(datetime.datetime(2026, 6, 15, 10, 0))
    facteur = _facteur(directrice)
    code = pyotp.TOTP(facteur.secret).at(horloge_caisse.maintenant())
    with pytest.raises(DroitInsuffisant), transaction.atomic():
        assert code_valide(SecondFacteur.objects.get(), code)
        raise DroitInsuffisant("l'acte est refusé après le code")

    assert code_valide(SecondFacteur.objects.get(), code) is True


# --- 3. The administrator's acts --------------------------------------------------------


@pytest.fixture
def administrateur():
    return get_user_model().objects.create_superuser("admin-tech", password=MOT_DE_PASSE)


def test_lever_un_blocage_depuis_l_administration_est_audite(
    client, administrateur, comptable, horloge
):
    horloge(datetime.datetime(2026, 6, 15, 10, 0))
    for _ in range(5):
        _jeton("comptable", "pas-le-bon")
    compteur = CompteurEchecs.objects.get(portee="compte")
    client.force_login(administrateur)

    reponse = client.post(
        "/admin/personnes/compteurechecs/",
        {"action": "lever", "_selected_action": [compteur.pk]},
        follow=True,
    )

    assert "1 blocage(s) levé(s)." in reponse.content.decode()
    assert not CompteurEchecs.objects.filter(portee="compte").exists()
    ligne = JournalAudit.objects.get(acte="authentification.blocage_leve")
    assert ligne.acteur == administrateur
    assert ligne.avant["cle"] == "comptable" and ligne.avant["niveau"] == 1
    assert ligne.apres["identifiant"] == "comptable"
    assert _jeton("comptable", MOT_DE_PASSE).status_code == 200


def test_retirer_le_second_facteur_d_un_signataire_est_audite(client, administrateur, directrice):
    facteur = _facteur(directrice)
    client.force_login(administrateur)

    reponse = client.post(
        "/admin/personnes/secondfacteur/",
        {"action": "retirer", "_selected_action": [facteur.pk]},
        follow=True,
    )

    assert "1 second(s) facteur(s) retiré(s)." in reponse.content.decode()
    assert not SecondFacteur.objects.exists()
    ligne = JournalAudit.objects.get(acte="second_facteur.retire_par_administrateur")
    assert (ligne.acteur, ligne.objet_id) == (administrateur, str(directrice.pk))


def test_les_actes_de_l_administrateur_sont_refuses_a_qui_ne_l_est_pas(comptable, directrice):
    facteur = _facteur(directrice)
    with pytest.raises(DroitInsuffisant, match="Seul un administrateur"):
        services_securite.second_facteur_retirer_par_administrateur(
            acting_user=comptable, facteur=facteur
        )
    assert SecondFacteur.objects.exists()
    assert not JournalAudit.objects.filter(acte__startswith="second_facteur").exists()


# --- 4. Tokens that expire ----------------------------------------------------------------


def _vieillir(jeton: str, heures: int) -> None:
    Token.objects.filter(key=jeton).update(
        created=timezone.now() - datetime.timedelta(hours=heures)
    )


def test_un_jeton_de_plus_de_douze_heures_est_refuse_en_401_puis_renouvele(comptable):
    jeton = _jeton("comptable", MOT_DE_PASSE).json()["token"]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {jeton}")
    _vieillir(jeton, 11)
    assert api.get("/api/exercices/").status_code == 200

    _vieillir(jeton, 12)
    reponse = api.get("/api/exercices/")

    assert reponse.status_code == 401
    assert reponse.json() == {"code": "jeton_expire", "message": EXPIRE, "details": {}}
    assert reponse["WWW-Authenticate"] == "Token"
    nouveau = _jeton("comptable", MOT_DE_PASSE).json()["token"]
    assert nouveau != jeton
    api.credentials(HTTP_AUTHORIZATION=f"Token {nouveau}")
    assert api.get("/api/exercices/").status_code == 200


def test_un_jeton_valide_est_redonne_tel_quel(comptable):
    premier = _jeton("comptable", MOT_DE_PASSE).json()["token"]
    assert _jeton("comptable", MOT_DE_PASSE).json()["token"] == premier


def test_changer_de_mot_de_passe_revoque_les_jetons(client, comptable):
    jeton = _jeton("comptable", MOT_DE_PASSE).json()["token"]
    client.force_login(comptable)
    page = client.get("/personnes/mot-de-passe/")
    assert "révoque les jetons d'API" in html.unescape(page.content.decode())

    comptable.set_password("une-phrase-de-passe-nouvelle")
    comptable.save()

    assert not Token.objects.filter(key=jeton).exists()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {jeton}")
    assert api.get("/api/exercices/").status_code == 403


def test_le_mot_de_passe_du_jeton_est_borne_comme_les_autres(comptable):
    reponse = _jeton("comptable", "x" * 257)
    assert reponse.status_code == 400
    assert set(reponse.json()["details"]) == {"password"}
    assert not CompteurEchecs.objects.exists()


# --- 5. IPv6 ------------------------------------------------------------------------------


def test_une_adresse_ipv6_compte_pour_son_reseau_de_64_bits(comptable, horloge):
    horloge(datetime.datetime(2026, 6, 15, 10, 0))
    assert cle_adresse("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert cle_adresse("::ffff:192.0.2.7") == "192.0.2.7"
    assert cle_adresse("192.0.2.7") == "192.0.2.7"

    # twenty logins tried from twenty addresses of one /64: the network is locked
    for rang in range(20):
        _jeton(f"inconnu-{rang}", "faux", adresse=f"2001:db8:1:2::{rang + 1:x}")
    reponse = _jeton("comptable", MOT_DE_PASSE, adresse="2001:db8:1:2:ffff::9")
    assert reponse.status_code == 429
    # another /64 is not
    assert _jeton("comptable", MOT_DE_PASSE, adresse="2001:db8:1:3::1").status_code == 200
    assert JournalAudit.objects.filter(apres__adresse="2001:db8:1:2::1").exists()


def test_la_page_de_connexion_refuse_un_mot_de_passe_trop_long_sans_le_compter(client, comptable):
    reponse = client.post(
        reverse("login"),
        {"username": "comptable", "password": "x" * 257},
        REMOTE_ADDR="192.0.2.50",
    )
    assert "Identifiant ou mot de passe incorrect." in html.unescape(reponse.content.decode())
    assert not CompteurEchecs.objects.exists()


def test_un_nouveau_mot_de_passe_de_plus_de_256_caracteres_est_refuse(client, comptable):
    client.force_login(comptable)
    long = "une phrase de passe " * 13
    reponse = client.post(
        "/personnes/mot-de-passe/",
        {"old_password": MOT_DE_PASSE, "new_password1": long, "new_password2": long},
    )
    assert "Le mot de passe compte au plus 256 caractères" in html.unescape(
        reponse.content.decode()
    )
    comptable.refresh_from_db()
    assert comptable.check_password(MOT_DE_PASSE)
