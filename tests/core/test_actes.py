"""The act mechanism's page edge: its form errors in French, and where a refused
act sends the person back (never to another site)."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from core import jetons
from core.actes import Acte, erreurs_formulaire, page_acte
from core.exceptions import DonneeInvalide
from tests.factories import UtilisateurFactory


class Saisie(forms.Form):
    le = forms.DateField(
        label="Mainlevée à compter du",
        error_messages={"required": "Indiquez la date à laquelle la mainlevée a été reçue."},
    )
    motif = forms.CharField(label="Motif")


def test_un_message_propre_au_champ_se_suffit_un_message_de_django_porte_le_libelle():
    saisie = Saisie({})
    assert not saisie.is_valid()
    assert erreurs_formulaire(saisie) == (
        "Indiquez la date à laquelle la mainlevée a été reçue. Motif : Ce champ est obligatoire."
    )


def _refuser(_utilisateur, _objet, _donnees):
    raise DonneeInvalide("Rien n'est fait : refus de démonstration.")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("precedente", "retour"),
    [
        ("http://testserver/tresorerie/", "http://testserver/tresorerie/"),
        ("https://ailleurs.example/piege", "/"),
        ("", "/"),
    ],
)
def test_un_acte_refuse_renvoie_a_la_page_d_origine_si_elle_est_des_notres(precedente, retour):
    vue = page_acte(Acte("essai.refuse", _refuser), vers="accueil")
    utilisateur = UtilisateurFactory(username="essai")
    requete = RequestFactory().post(
        "/essai/", {jetons.CHAMP: jetons.emettre(utilisateur)}, HTTP_REFERER=precedente
    )
    requete.user = utilisateur
    requete.session = SessionStore()
    requete._messages = FallbackStorage(requete)

    reponse = vue(requete)

    assert reponse.status_code == 302 and reponse.url == retour
    assert [str(m) for m in get_messages(requete)] == ["Rien n'est fait : refus de démonstration."]
