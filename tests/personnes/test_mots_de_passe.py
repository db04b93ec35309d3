"""Passwords: Django's validators (length 12, common, numeric, similarity) in
French, on the page where a person changes hers; the demo's still pass."""

import html

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from accueil.demo import DISTRIBUTION, mot_de_passe_demo
from core.models import JournalAudit
from tests.factories import MOT_DE_PASSE

pytestmark = pytest.mark.django_db


def _messages(mot_de_passe, utilisateur) -> list[str]:
    with pytest.raises(ValidationError) as refus:
        validate_password(mot_de_passe, utilisateur)
    return refus.value.messages


def test_les_mots_de_passe_faibles_sont_refuses_en_francais(comptable):
    assert _messages("12345678", comptable) == [
        "Ce mot de passe est trop court. Il doit contenir au minimum 12 caractères.",
        "Ce mot de passe est trop courant.",
        "Ce mot de passe est entièrement numérique.",
    ]
    assert _messages("password", comptable) == [
        "Ce mot de passe est trop court. Il doit contenir au minimum 12 caractères.",
        "Ce mot de passe est trop courant.",
    ]
    assert _messages("comptable1", comptable) == [
        "Le mot de passe est trop semblable au champ «\xa0nom d’utilisateur\xa0».",
        "Ce mot de passe est trop court. Il doit contenir au minimum 12 caractères.",
    ]


def test_les_mots_de_passe_de_la_demo_restent_valides(django_user_model):
    for login, prenom, nom, _fonction in DISTRIBUTION:
        utilisateur = django_user_model(username=login, first_name=prenom, last_name=nom)
        validate_password(mot_de_passe_demo(login), utilisateur)


def _changer(client, ancien, nouveau):
    reponse = client.post(
        reverse("personnes:mot_de_passe"),
        {"old_password": ancien, "new_password1": nouveau, "new_password2": nouveau},
    )
    return reponse, html.unescape(reponse.content.decode())


def test_la_page_refuse_un_mot_de_passe_faible_et_accepte_une_phrase(client, comptable):
    client.force_login(comptable)
    bandeau = client.get(reverse("personnes:delegations")).content.decode()
    assert f'<a href="{reverse("personnes:mot_de_passe")}">Mot de passe</a>' in bandeau
    assert f'<a href="{reverse("personnes:connexions")}">Connexions</a>' in bandeau
    assert (
        "Changer de mot de passe" in client.get(reverse("personnes:mot_de_passe")).content.decode()
    )

    reponse, contenu = _changer(client, MOT_DE_PASSE, "comptable1")
    assert reponse.status_code == 200
    assert "Le mot de passe est trop semblable au champ «\xa0nom d’utilisateur\xa0»." in contenu
    comptable.refresh_from_db()
    assert comptable.check_password(MOT_DE_PASSE)

    reponse, _ = _changer(client, MOT_DE_PASSE, "quatre chevaux dans le pré")
    assert reponse.status_code == 302
    comptable.refresh_from_db()
    assert comptable.check_password("quatre chevaux dans le pré")
    assert JournalAudit.objects.filter(acte="mot_de_passe.change", acteur=comptable).count() == 1


def test_l_ancien_mot_de_passe_faux_est_compte_comme_un_echec(client, comptable):
    client.force_login(comptable)
    reponse, contenu = _changer(client, "pas-le-bon", "quatre chevaux dans le pré")
    assert "Votre mot de passe actuel est incorrect." in contenu
    echec = JournalAudit.objects.get(acte="authentification.echec")
    assert echec.apres["canal"] == "changement de mot de passe"
    for _ in range(4):
        reponse, contenu = _changer(client, "pas-le-bon", "quatre chevaux dans le pré")
    reponse, contenu = _changer(client, MOT_DE_PASSE, "quatre chevaux dans le pré")
    assert "Trop de tentatives infructueuses" in contenu
    comptable.refresh_from_db()
    assert comptable.check_password(MOT_DE_PASSE)


def test_le_nom_et_le_prenom_ensemble_ne_font_pas_un_mot_de_passe(django_user_model):
    helene = django_user_model.objects.create(
        username="hmarchand", first_name="Hélène", last_name="Marchand"
    )
    message = "Ce mot de passe ressemble trop à vos nom et prénom : choisissez-en un autre."
    for essai in ("Marchand Helene", "hélène marchand", "HELENE-MARCHAND", "marchandhelene1"):
        assert message in _messages(essai, helene), essai
    validate_password("cheval-agrafe-pile-2026", helene)  # unrelated: admitted
