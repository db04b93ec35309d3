"""The payments page shows one page of the visaed orders waiting for payment
(`?a_payer=N`), in a bounded number of queries, with « Page suivante »."""

import importlib

import pytest
from django.urls import reverse

from tests.tresorerie.conftest import ordre_vise

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
