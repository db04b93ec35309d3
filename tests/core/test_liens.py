"""`{% lien %}` writes the address `{% url %}` writes (core/templatetags/liens.py)."""

import pytest
from django.template import engines
from django.urls import NoReverseMatch, set_script_prefix

NOMS = ("depenses:detail", "recettes:detail", "ledger:ecriture", "tresorerie:lot")


def rendre(texte: str, **contexte) -> str:
    return engines["django"].from_string(texte).render(contexte)


@pytest.mark.parametrize("nom", NOMS)
def test_meme_adresse_que_url(nom):
    gabarit = "{% load liens %}{% for i in cles %}{% url nom i %}|{% lien nom i %};{% endfor %}"
    for paire in rendre(gabarit, nom=nom, cles=[1, 42, 987654]).split(";")[:-1]:
        url, lien = paire.split("|")
        assert lien == url


def test_prefixe_du_script_pris_en_compte():
    gabarit = "{% load liens %}{% url 'ledger:ecriture' 7 %}|{% lien 'ledger:ecriture' 7 %}"
    set_script_prefix("/caisse/")
    try:
        url, lien = rendre(gabarit).split("|")
    finally:
        set_script_prefix("/")
    assert lien == url and url.startswith("/caisse/")


def test_nom_sans_cle_entiere_refuse():
    with pytest.raises((ValueError, NoReverseMatch)):
        rendre("{% load liens %}{% lien 'depenses:liste' 1 %}")


def test_autre_urlconf_pas_d_adresse_gardee(settings):
    gabarit = "{% load liens %}{% lien 'ledger:ecriture' 7 %}"
    avant = rendre(gabarit)
    settings.ROOT_URLCONF = "tests.core.urls_liens"
    assert rendre(gabarit) == "/autre/ecritures/7/"
    settings.ROOT_URLCONF = "config.urls"
    assert rendre(gabarit) == avant
