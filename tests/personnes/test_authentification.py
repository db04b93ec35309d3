"""Authentication that resists guessing: the lockout after repeated failures on
the login page, on /api/jeton/ and on a signature's password; the audit log of
every attempt; the journal of connections."""

import datetime
import html

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core import horloge as horloge_caisse
from core.models import JournalAudit
from personnes.models import CompteurEchecs, Fonction
from recettes.models import OrdreRecette
from tests.factories import MOT_DE_PASSE, personne
from tests.recettes.test_services import creer

pytestmark = pytest.mark.django_db

INCORRECT = "Identifiant ou mot de passe incorrect."
BLOQUE = "Trop de tentatives infructueuses : la connexion est suspendue jusqu'à 10 h 15"


def texte(reponse) -> str:
    return html.unescape(reponse.content.decode())


def _connexion(client, login, mot_de_passe, adresse="192.0.2.10"):
    return client.post(
        reverse("login"), {"username": login, "password": mot_de_passe}, REMOTE_ADDR=adresse
    )


def _jeton(login, mot_de_passe, adresse="192.0.2.10"):
    return APIClient().post(
        "/api/jeton/", {"username": login, "password": mot_de_passe}, REMOTE_ADDR=adresse
    )


@pytest.fixture
def dix_heures(horloge):
    """The clock at 10:00 sharp (Paris), so that the messages' times are known."""
    horloge(datetime.datetime(2026, 6, 15, 10, 0))
    return horloge


def test_cinq_echecs_bloquent_la_page_de_connexion_meme_au_bon_mot_de_passe(
    client, comptable, dix_heures
):
    # given four wrong passwords: each answered as a wrong pair, nothing more
    for _ in range(4):
        reponse = _connexion(client, "comptable", "pas-le-bon")
        assert reponse.status_code == 200
        assert INCORRECT in texte(reponse)

    # when the fifth is wrong too, then the login is locked for 15 minutes
    reponse = _connexion(client, "comptable", "pas-le-bon")
    assert reponse.status_code == 429
    assert BLOQUE in texte(reponse)
    assert reponse["Retry-After"] == "900"

    # and the right password is refused while it lasts, with the same message
    reponse = _connexion(client, "comptable", MOT_DE_PASSE)
    assert reponse.status_code == 429
    assert "(dans 15 minutes)" in texte(reponse)
    assert "_auth_user_id" not in client.session


def test_le_blocage_se_leve_apres_le_delai_puis_double(client, comptable, dix_heures):
    for _ in range(5):
        _connexion(client, "comptable", "pas-le-bon")

    # fourteen minutes later it still holds; sixteen later the right password enters
    dix_heures(datetime.datetime(2026, 6, 15, 10, 14))
    assert _connexion(client, "comptable", MOT_DE_PASSE).status_code == 429
    dix_heures(datetime.datetime(2026, 6, 15, 10, 16))
    reponse = _connexion(client, "comptable", MOT_DE_PASSE)
    assert reponse.status_code == 302
    assert client.session["_auth_user_id"] == str(comptable.pk)
    client.logout()

    # five new failures lock it again, for twice as long (30 minutes)
    for _ in range(5):
        reponse = _connexion(client, "comptable", "pas-le-bon")
    assert reponse.status_code == 429
    assert "jusqu'à 10 h 46 (dans 30 minutes)" in texte(reponse)


def test_un_succes_remet_le_compteur_du_compte_a_zero(client, comptable, dix_heures):
    for _ in range(4):
        _connexion(client, "comptable", "pas-le-bon")
    assert _connexion(client, "comptable", MOT_DE_PASSE).status_code == 302
    client.logout()
    for _ in range(4):
        assert _connexion(client, "comptable", "pas-le-bon").status_code == 200


def test_un_identifiant_inconnu_se_bloque_comme_un_vrai(client, dix_heures):
    # the answers never tell whether the account exists
    reponses = [_connexion(client, "personne-inconnue", "pas-le-bon") for _ in range(5)]
    assert [r.status_code for r in reponses] == [200, 200, 200, 200, 429]
    assert INCORRECT in texte(reponses[0])
    assert BLOQUE in texte(reponses[-1])


def test_le_jeton_de_l_api_se_bloque_avec_429_et_retry_after(comptable, dix_heures):
    reponse = _jeton("comptable", "pas-le-bon")
    assert reponse.status_code == 400
    assert reponse.json() == {
        "code": "identifiants_incorrects",
        "message": INCORRECT,
        "details": {},
    }
    for _ in range(4):
        reponse = _jeton("comptable", "pas-le-bon")

    assert reponse.status_code == 429
    reponse = _jeton("comptable", MOT_DE_PASSE)
    assert reponse.status_code == 429
    assert reponse["Retry-After"] == "900"
    corps = reponse.json()
    assert corps["code"] == "trop_de_tentatives"
    assert corps["message"].startswith(BLOQUE)
    assert corps["details"] == {"reessayer_apres": "2026-06-15T10:15:00+02:00"}

    dix_heures(datetime.datetime(2026, 6, 15, 10, 15, 1))
    assert _jeton("comptable", MOT_DE_PASSE).status_code == 200


def test_le_jeton_sans_identifiants_repond_en_francais():
    reponse = APIClient().post("/api/jeton/", {}, format="json")
    assert reponse.status_code == 400
    assert reponse.json()["code"] == "donnee_invalide"
    assert reponse.json()["message"] == (
        "Indiquez l'identifiant (« username ») et le mot de passe (« password »)."
    )


def test_une_adresse_qui_essaie_vingt_comptes_est_bloquee(client, comptable, dix_heures):
    # given twenty failures from one address, on twenty different logins
    for n in range(19):
        assert _connexion(client, f"essai{n}", "pas-le-bon").status_code == 200
    assert _connexion(client, "essai19", "pas-le-bon").status_code == 429

    # then a real account's right password is refused from that address…
    assert _connexion(client, "comptable", MOT_DE_PASSE).status_code == 429
    assert _jeton("comptable", MOT_DE_PASSE).status_code == 429
    # …but not from another one: the account itself was never locked
    assert _jeton("comptable", MOT_DE_PASSE, adresse="198.51.100.7").status_code == 200


def test_les_tentatives_sont_au_journal_d_audit(client, comptable, auditeur, dix_heures):
    for _ in range(5):
        _connexion(client, "comptable", "pas-le-bon")
    _connexion(client, "comptable", MOT_DE_PASSE)
    _jeton("inconnu", "x")
    assert _connexion(client, "auditeur", MOT_DE_PASSE, adresse="198.51.100.7").status_code == 302

    lignes = list(
        JournalAudit.objects.filter(acte__startswith="authentification.")
        .order_by("id")
        .values_list("acte", "apres__identifiant", "apres__adresse", "apres__canal")
    )
    assert lignes == [
        *[("authentification.echec", "comptable", "192.0.2.10", "connexion")] * 5,
        ("authentification.blocage", "comptable", "192.0.2.10", "connexion"),
        ("authentification.refus_pendant_blocage", "comptable", "192.0.2.10", "connexion"),
        ("authentification.echec", "inconnu", "192.0.2.10", "jeton"),
        ("authentification.reussite", "auditeur", "198.51.100.7", "connexion"),
    ]
    echec = JournalAudit.objects.filter(acte="authentification.echec").order_by("id").first()
    assert (echec.objet_type, echec.objet_id) == ("auth.user", str(comptable.pk))
    inconnu = JournalAudit.objects.get(apres__identifiant="inconnu")
    assert inconnu.objet_type == "personnes.compteurechecs"

    # and the auditor reads them on the journal of connections, filtered by login
    page = client.get(reverse("personnes:connexions"), {"identifiant": "comptable"})
    contenu = texte(page)
    assert page.status_code == 200
    assert contenu.count("<td>comptable</td>") == 7
    assert "identifiant bloqué jusqu'au 15/06/2026 à 10 h 15" in contenu
    assert "<td>inconnu</td>" not in contenu


def test_le_journal_des_connexions_est_refuse_a_la_directrice(client, directrice):
    client.force_login(directrice)
    reponse = client.get(reverse("personnes:connexions"))
    assert reponse.status_code == 403


def test_le_mot_de_passe_de_signature_se_bloque_et_l_echec_survit_au_refus(
    client, directrice, exercice, dix_heures
):
    # given a draft and the directrice logged in
    ordre = creer(directrice)
    client.force_login(directrice)

    def signer(mot_de_passe):
        return texte(
            client.post(
                reverse("recettes:parapheur"),
                {"ordres": [ordre.pk], "mot_de_passe": mot_de_passe},
                follow=True,
                REMOTE_ADDR="192.0.2.20",
            )
        )

    # when she types a wrong password five times, each refused and recorded
    for _ in range(5):
        assert "Mot de passe incorrect" in signer("pas-le-bon")
    assert (
        JournalAudit.objects.filter(
            acte="authentification.echec", apres__canal="signature", acteur=directrice
        ).count()
        == 5
    )

    # then the right one is refused too, and nothing is signed
    contenu = signer(MOT_DE_PASSE)
    assert "la signature par mot de passe est suspendue jusqu'à 10 h 15" in contenu
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "brouillon"

    # after the delay she signs
    dix_heures(datetime.datetime(2026, 6, 15, 10, 16))
    assert "1 ordre(s) signé(s)" in signer(MOT_DE_PASSE)


def test_derriere_un_proxy_de_confiance_l_adresse_vient_de_x_forwarded_for(
    client, comptable, settings
):
    settings.CAISSE_PROXIES_DE_CONFIANCE = 1
    client.post(
        reverse("login"),
        {"username": "comptable", "password": "faux"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.3",
    )
    assert CompteurEchecs.objects.filter(portee="adresse").get().cle == "198.51.100.3"


def test_la_connexion_d_administration_passe_par_le_meme_blocage(client, dix_heures):
    personne("admin", Fonction.AGENT_COMPTABLE)
    for _ in range(5):
        reponse = client.post(
            "/admin/login/", {"username": "admin", "password": "faux"}, REMOTE_ADDR="192.0.2.30"
        )
    assert "Trop de tentatives infructueuses" in texte(reponse)
    assert horloge_caisse.maintenant().hour == 10


def test_par_l_api_la_signature_bloquee_repond_429_avec_retry_after(
    directrice, exercice, dix_heures
):
    ordre = creer(directrice)
    api = APIClient()
    api.force_authenticate(directrice)
    adresse = f"/api/ordres-recette/{ordre.pk}/signer/"
    statuts = [
        api.post(adresse, {"mot_de_passe": "pas-le-bon"}, format="json").status_code
        for _ in range(5)
    ]
    assert statuts == [403] * 5

    reponse = api.post(adresse, {"mot_de_passe": MOT_DE_PASSE}, format="json")
    assert reponse.status_code == 429
    assert reponse["Retry-After"] == "900"
    assert reponse.json()["code"] == "trop_de_tentatives"
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "brouillon"
