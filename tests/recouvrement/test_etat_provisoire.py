"""The état nominatif of the half-year still running is a provisional one, as
at today: the page and the PDF say so, and give the day the état will be
arrêté (30 June or 31 December, annexe art. 13 al. 7)."""

import datetime

import pytest

from tests.recouvrement.surveillance_outils import en_contentieux, texte_pdf

pytestmark = pytest.mark.django_db


def test_l_etat_du_semestre_en_cours_est_provisoire(ordre_cotisation, directrice, client, horloge):
    en_contentieux(ordre_cotisation, directrice, datetime.date(2026, 6, 20))
    horloge(datetime.date(2026, 11, 30))
    client.force_login(directrice)
    page = client.get("/recouvrement/etat-nominatif/2026/2/").content.decode()
    assert "<h1>État nominatif provisoire des débiteurs au 30/11/2026</h1>" in page
    assert "l'état sera arrêté au 31/12/2026" in page.replace("&#x27;", "'")
    pdf = texte_pdf(client.get("/recouvrement/etat-nominatif/2026/2/etat.pdf").content)
    assert "État nominatif provisoire des débiteurs au 30/11/2026" in pdf
    assert "l'état sera arrêté au 31/12/2026" in pdf
    csv = client.get("/recouvrement/etat-nominatif/2026/2/etat.csv").content.decode("utf-8-sig")
    assert csv.splitlines()[0] == "État nominatif provisoire des débiteurs au 30/11/2026"
    # The half-year ended, the état is arrêté at its day.
    page = client.get("/recouvrement/etat-nominatif/2026/1/").content.decode()
    assert "<h1>État nominatif des débiteurs arrêté au 30/06/2026</h1>" in page
