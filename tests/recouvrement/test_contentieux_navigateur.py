"""The directeur's contentious recovery in a real browser, without JavaScript
doing anything the pages need: from the home page to the claim, the mise en
demeure and its letter, the avis de réception, a contrainte refused on the
thirtieth day and engaged on the thirty-first, a bailiff inscribed and his
act recorded; the journal lists them (annexe art. 13)."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.test_navigateur import navigateur, pytestmark  # noqa: F401
from tests.test_navigateur_fin_exercice import _session, _telecharger, _texte_pdf

D = datetime.date


@pytest.fixture
def orion(directrice, ordre_cotisation):
    from tests.recouvrement.test_contentieux import _qualifier

    ligne = ordre_cotisation.lignes.get()
    _qualifier(directrice, ligne)
    return ligne


def test_de_la_mise_en_demeure_a_l_huissier_dans_le_navigateur(
    navigateur,  # noqa: F811
    live_server,
    horloge,
    directrice,
    exercice,
    orion,
    tmp_path,
):
    horloge(D(2026, 6, 16))
    page = _session(navigateur, live_server, directrice.username)
    page.get_by_role("link", name="Recouvrement contentieux", exact=False).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recouvrement contentieux")
    page.get_by_role("link", name="Société Orion").click()
    page.get_by_role("button", name="Adresser la mise en demeure").click()
    expect(page.locator("body")).to_contain_text("enregistrée : imprimez la lettre recommandée")
    lettre = _texte_pdf(
        _telecharger(
            page,
            page.get_by_role(
                "link", name="Lettre recommandée avec demande d'avis de réception (PDF)"
            ),
            tmp_path,
        )
    )
    assert "Lettre recommandée avec demande d'avis de réception" in lettre
    assert "2 400,00 €" in lettre

    # The forms' one-time tokens age with the clock: a page is reloaded after a move.
    horloge(D(2026, 6, 20))
    page.reload()
    page.get_by_label("Avis de réception signé le").fill("2026-06-18")
    page.get_by_role("button", name="Enregistrer l'avis de réception").click()
    expect(page.locator("body")).to_contain_text("court jusqu'au 18/07/2026")

    horloge(D(2026, 7, 18))
    page.reload()
    page.get_by_label("Nature de la procédure").select_option("contrainte")
    page.get_by_label("Description de la procédure engagée").fill("Contrainte n° 12")
    page.get_by_role("button", name="Engager la procédure").click()
    expect(page.locator("body")).to_contain_text("qu'à compter du 19/07/2026")

    horloge(D(2026, 7, 19))
    page.reload()
    page.get_by_label("Nature de la procédure").select_option("contrainte")
    page.get_by_label("Description de la procédure engagée").fill("Contrainte n° 12")
    page.get_by_role("button", name="Engager la procédure").click()
    expect(page.locator("body")).to_contain_text("Contrainte enregistrée le 19/07/2026")
    retour = page.url

    page.get_by_role("link", name="Recouvrement contentieux").first.click()
    page.get_by_role("link", name="Registre des huissiers").click()
    page.get_by_label("Nom de l'huissier").fill("Maître Dupuis")
    page.get_by_label("Nom de l'étude").fill("Étude Dupuis")
    page.get_by_label("Adresse de l'étude").fill("3 rue du Palais, Valmont")
    page.get_by_label("IBAN (règlement de ses honoraires)").fill("FR7630004000031234567890143")
    page.get_by_label("Sous la convention nationale depuis le").fill("2026-01-01")
    page.get_by_role("button", name="Inscrire l'huissier").click()
    expect(page.locator("body")).to_contain_text("visite due au plus tard le 31/12/2026")

    page.goto(retour)
    page.get_by_label("Huissier chargé de l'acte").select_option(
        label="Maître Dupuis (Étude Dupuis)"
    )
    page.get_by_label("Nature de l'acte").fill("Signification de la contrainte")
    page.get_by_label("Coût de l'acte (€, 0 si aucun)").fill("0")
    page.get_by_role("button", name="Enregistrer l'acte d'huissier").click()
    expect(page.locator("body")).to_contain_text("Acte d'huissier enregistré.")
    journal = page.get_by_role("table", name="Journal des actes de la créance")
    for acte in ("mise en demeure", "avis de réception", "contrainte", "acte d'huissier"):
        expect(journal).to_contain_text(acte)
