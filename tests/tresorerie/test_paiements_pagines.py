"""The payments page shows one page of the visaed orders waiting for payment
(`?a_payer=N`), in a bounded number of queries, with « Page suivante »."""

import importlib

import pytest
from django.urls import reverse

from tests.tresorerie.conftest import ordre_vise
from tresorerie import services as t

pytestmark = pytest.mark.django_db

PAR_PAGE = 2


def test_les_ordres_a_payer_sont_pagines(
    client, directrice, comptable, comptes, credits, monkeypatch, django_assert_max_num_queries
):
    # The package re-exports the view under the module's name: patch the module itself.
    vues = importlib.import_module("tresorerie.views.paiements")
    monkeypatch.setattr(vues, "A_PAYER_PAR_PAGE", PAR_PAGE)
    ordres = [
        ordre_vise(directrice, comptable, credits, montant="100.00", creancier=f"Papeterie {n}")
        for n in range(PAR_PAGE + 1)
    ]
    client.force_login(comptable)
    with django_assert_max_num_queries(30):
        page = client.get(reverse("tresorerie:paiements")).content.decode()
    assert page.count('name="ordres"') == PAR_PAGE
    assert 'href="?a_payer=2">Page suivante' in page and "(3 ordres)" in page
    suite = client.get(reverse("tresorerie:paiements"), {"a_payer": 2}).content.decode()
    assert suite.count('name="ordres"') == 1 and ordres[-1].reference in suite
    assert "Page suivante" not in suite.split("Lots de paiements")[0]


def test_la_page_des_ordres_a_payer_et_celle_des_lots_se_gardent_l_une_l_autre(
    client, directrice, comptable, comptes, credits, monkeypatch
):
    """A refused payment shows again the page where the orders were ticked, still
    ticked; the links of either pagination keep the other's page."""
    vues = importlib.import_module("tresorerie.views.paiements")
    monkeypatch.setattr(vues, "A_PAYER_PAR_PAGE", PAR_PAGE)
    monkeypatch.setattr(vues, "LOTS_PAR_PAGE", 1)
    payes = [
        ordre_vise(directrice, comptable, credits, montant="50.00", creancier=f"Payé {n}")
        for n in range(2)
    ]
    for ordre in payes:  # two batches: two pages of batches
        t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    ordres = [
        ordre_vise(directrice, comptable, credits, montant="100.00", creancier=f"Papeterie {n}")
        for n in range(PAR_PAGE + 1)
    ]
    client.force_login(comptable)
    adresse = reverse("tresorerie:paiements")
    page = client.get(adresse, {"a_payer": 2, "page": 2}).content.decode()
    assert 'href="?a_payer=1&amp;page=2">« Page précédente' in page
    assert 'href="?a_payer=2&page=1">« Page précédente' in page
    action = page.split('aria-labelledby="titre-payer"')[0].rsplit('action="', 1)[1].split('"')[0]
    assert action == f"{adresse}?a_payer=2&amp;page=2"
    dernier = ordres[-1]
    jeton = page.split('name="jeton_formulaire" value="')[1].split('"')[0]
    # No account chosen: refused, and the page shows the ticked order again.
    refus = client.post(
        action.replace("&amp;", "&"),
        {"ordres": [dernier.pk], "moyen": "virement", "compte": "", "jeton_formulaire": jeton},
    )
    assert refus.status_code == 400
    texte = refus.content.decode()
    assert f'name="ordres" value="{dernier.pk}" checked' in texte
    assert texte.count('name="ordres"') == 1
