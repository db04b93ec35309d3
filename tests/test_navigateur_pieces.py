"""The agent comptable opens the invoice of an ordre de dépense before his visa
(issue 10, point 5; circ. 93/82 §2.1.3, §VI), in a real browser: from the
order's page he downloads the pièce, finds the file joined by the ordonnateur
(its SHA-256 the one on the page), then visas the order."""

import hashlib
from pathlib import Path

from playwright.sync_api import expect

# The fixtures and marks (navigateur, a real commit) of the other browser tests.
from tests.test_navigateur import (  # noqa: F401
    CAPTURES,
    _connexion,
    demo,
    navigateur,
    page,
    pytestmark,
)


def test_le_comptable_ouvre_la_facture_avant_de_viser(
    page,  # noqa: F811 (the fixtures imported above)
    live_server,
    demo,  # noqa: F811
):
    from depenses.models import OrdreDepense

    # given the bailiff's order in the agent comptable's queue, with its invoice
    ordre = OrdreDepense.objects.get(objet="Signification d'un jugement")
    assert ordre.etat == "transmis"
    piece = ordre.pieces.get()
    with piece.fichier.open("rb") as fichier:
        joint = fichier.read()

    _connexion(page, live_server, "comptable")
    page.get_by_role("link", name="Ordres de dépense à viser").click()
    page.locator(f"a[href='/depenses/{ordre.pk}/']").click()
    expect(page.get_by_text(piece.sha256)).to_be_visible()

    # when he opens the invoice from the order's page (the browser shows it),
    # then saves it
    page.get_by_role("link", name=piece.nom, exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/depenses/{ordre.pk}/pieces/{piece.pk}/")
    page.go_back()
    with page.expect_download() as telechargement:
        page.get_by_role("link", name=f"Télécharger {piece.nom}").click()
    contenu = Path(telechargement.value.path()).read_bytes()

    # then it is the invoice joined by the ordonnateur
    assert telechargement.value.suggested_filename == piece.nom
    assert contenu == joint and contenu.startswith(b"%PDF")
    assert hashlib.sha256(contenu).hexdigest() == piece.sha256
    assert b"Signification d'un jugement" in contenu

    # and he visas the order
    page.goto(f"{live_server.url}/depenses/{ordre.pk}/")
    page.locator("input[name='controle_imputation'][value='conforme']").check()
    page.locator("input[name='controle_validite_dette'][value='conforme']").check()
    CAPTURES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(CAPTURES / "piece_avant_visa.png"), full_page=True)
    page.get_by_role("button", name="Viser l'ordre").click()
    expect(page.get_by_text(f"Ordre n° {ordre.reference} visé.")).to_be_visible()
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "vise"
