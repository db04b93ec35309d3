"""The second factor of signatures (TOTP): enrolment on its page, then every
signature asks for the code, on the pages and through the API; a wrong code
counts like a wrong password; a code serves once."""

import datetime
import html

import pyotp
import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core import horloge as horloge_caisse
from core.models import JournalAudit
from personnes.models import SecondFacteur
from recettes.models import OrdreRecette
from tests.factories import MOT_DE_PASSE
from tests.recettes.test_services import creer

pytestmark = pytest.mark.django_db

PAGE = "/personnes/second-facteur/"


def _texte(reponse) -> str:
    return html.unescape(reponse.content.decode())


def _code(secret: str, decalage: int = 0) -> str:
    instant = horloge_caisse.maintenant() + datetime.timedelta(seconds=30 * decalage)
    return pyotp.TOTP(secret).at(instant)


def _enroler(client) -> str:
    client.post(PAGE, {"action": "preparer"})
    secret = SecondFacteur.objects.get().secret
    reponse = client.post(
        PAGE,
        {"action": "confirmer", "code": _code(secret), "mot_de_passe": MOT_DE_PASSE},
        follow=True,
    )
    assert "Second facteur en service" in _texte(reponse)
    return secret


def test_la_page_montre_le_secret_son_adresse_et_son_code_qr(client, directrice):
    client.force_login(directrice)
    assert "Aucun second facteur n'est en service" in _texte(client.get(PAGE))

    page = _texte(client.post(PAGE, {"action": "preparer"}, follow=True))

    secret = SecondFacteur.objects.get(utilisateur=directrice).secret
    assert f"<code>{secret}</code>" in page
    assert "otpauth://totp/" in page and f"secret={secret}" in page
    assert "<svg" in page and "Code QR du second facteur" in page
    # a wrong first code does not put it in force
    reponse = client.post(
        PAGE, {"action": "confirmer", "code": "000000", "mot_de_passe": MOT_DE_PASSE}, follow=True
    )
    assert "Ce code ne correspond pas au secret" in _texte(reponse)
    assert SecondFacteur.objects.get().confirme_le is None


def test_une_fois_enrole_la_signature_demande_le_code(client, directrice, exercice, horloge):
    horloge(datetime.datetime(2026, 6, 15, 10, 0))
    ordre = creer(directrice)
    client.force_login(directrice)
    secret = _enroler(client)

    # the parapheur now shows the code's field
    page = _texte(client.get(reverse("recettes:parapheur")))
    assert 'name="code_signature"' in page

    def signer(**champs):
        return _texte(
            client.post(
                reverse("recettes:parapheur"),
                {"ordres": [ordre.pk], "mot_de_passe": MOT_DE_PASSE, **champs},
                follow=True,
            )
        )

    # the password alone no longer signs, nor a wrong code; each is a failure
    assert "Code du second facteur absent ou incorrect" in signer()
    assert "Code du second facteur absent ou incorrect" in signer(code_signature="123456")
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "brouillon"
    assert (
        JournalAudit.objects.filter(
            acte="authentification.echec", apres__canal="signature", acteur=directrice
        ).count()
        == 2
    )

    # the password and the code of the moment sign
    horloge(datetime.datetime(2026, 6, 15, 10, 1))
    assert "1 ordre(s) signé(s)" in signer(code_signature=_code(secret))


def test_un_code_ne_sert_qu_une_fois(client, directrice, exercice, horloge):
    horloge(datetime.datetime(2026, 6, 15, 10, 0))
    premier, second = creer(directrice), creer(directrice)
    client.force_login(directrice)
    secret = _enroler(client)
    horloge(datetime.datetime(2026, 6, 15, 10, 5))
    code = _code(secret)

    def signer(ordre):
        return _texte(
            client.post(
                reverse("recettes:parapheur"),
                {"ordres": [ordre.pk], "mot_de_passe": MOT_DE_PASSE, "code_signature": code},
                follow=True,
            )
        )

    assert "1 ordre(s) signé(s)" in signer(premier)
    assert "Code du second facteur absent ou incorrect" in signer(second)


def test_l_api_lit_le_code_dans_l_en_tete(client, directrice, exercice, horloge):
    horloge(datetime.datetime(2026, 6, 15, 10, 0))
    ordre = creer(directrice)
    client.force_login(directrice)
    secret = _enroler(client)
    horloge(datetime.datetime(2026, 6, 15, 10, 2))
    api = APIClient()
    api.force_authenticate(directrice)
    adresse = f"/api/ordres-recette/{ordre.pk}/signer/"

    sans = api.post(adresse, {"mot_de_passe": MOT_DE_PASSE}, format="json")
    assert sans.status_code == 403
    assert sans.json()["message"].startswith("Code du second facteur absent ou incorrect")

    avec = api.post(
        adresse,
        {"mot_de_passe": MOT_DE_PASSE},
        format="json",
        HTTP_X_CODE_SIGNATURE=_code(secret),
    )
    assert avec.status_code == 200, avec.json()
    assert OrdreRecette.objects.get(pk=ordre.pk).etat != "brouillon"


def test_le_reglage_rend_le_second_facteur_obligatoire(client, directrice, exercice, settings):
    settings.CAISSE_SECOND_FACTEUR_OBLIGATOIRE = True
    ordre = creer(directrice)
    client.force_login(directrice)
    reponse = client.post(
        reverse("recettes:parapheur"),
        {"ordres": [ordre.pk], "mot_de_passe": MOT_DE_PASSE},
        follow=True,
    )
    assert "La signature exige un second facteur : enregistrez-le d'abord" in _texte(reponse)
    assert OrdreRecette.objects.get(pk=ordre.pk).etat == "brouillon"


def test_le_second_facteur_se_retire_avec_le_mot_de_passe_et_un_code(client, directrice, horloge):
    horloge(datetime.datetime(2026, 6, 15, 10, 0))
    client.force_login(directrice)
    secret = _enroler(client)
    horloge(datetime.datetime(2026, 6, 15, 10, 3))
    reponse = client.post(
        PAGE,
        {"action": "retirer", "code": _code(secret), "mot_de_passe": MOT_DE_PASSE},
        follow=True,
    )
    assert "Second facteur retiré" in _texte(reponse)
    assert not SecondFacteur.objects.exists()
    assert list(
        JournalAudit.objects.filter(acte__startswith="second_facteur.")
        .order_by("id")
        .values_list("acte", flat=True)
    ) == ["second_facteur.enregistre", "second_facteur.retire"]
