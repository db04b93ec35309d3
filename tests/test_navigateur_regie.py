"""The régisseur in a real browser (issue 13, point 6; circulaire 93/82: « les
régisseurs agissant pour le compte et sous la surveillance de l'agent
comptable »): from his home page he cashes at his desk against a quittance of
his own carnet, closes his arrêté of the day (a receipt after it is refused),
remits his cash to the agent comptable with a bordereau (PDF read), and sees
nothing of the annex's régie; the next day the agent comptable receives the
remittance (531 / 541)."""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

# The fixtures and marks (navigateur, a real commit) of the other browser tests.
from tests.test_navigateur import navigateur, pytestmark  # noqa: F401
from tests.test_navigateur_fin_exercice import _session, _texte_pdf
from tests.tresorerie.conftest import comptes, regisseur  # noqa: F401 (fixtures)

D = datetime.date
JOUR = D(2026, 6, 15)  # a Monday
LENDEMAIN = D(2026, 6, 16)


def _solde(numero: str) -> Decimal:
    from ledger.models import Ligne

    return sum(
        (lg.debit - lg.credit for lg in Ligne.objects.filter(compte__numero=numero)),
        Decimal("0.00"),
    )


@pytest.fixture
def regies(horloge, directrice, comptable, comptes, exercice):  # noqa: F811
    """Two régies created after the agent comptable's avis: the front desk's
    for the régisseur, the annex's for another, with a receipt of its own."""
    from tests.tresorerie.test_regies import autre_regie, creer_regie, encaisser

    horloge(JOUR)
    accueil = creer_regie(directrice, comptable, comptes["REGIE"])
    collegue, annexe = autre_regie(directrice, comptable, exercice)
    encaisser(collegue, annexe, "77.00")
    return accueil, annexe


def test_le_regisseur_encaisse_arrete_et_verse_sans_rien_voir_des_autres_regies(
    navigateur,  # noqa: F811
    live_server,
    horloge,
    comptable,
    regisseur,  # noqa: F811
    regies,
    tmp_path,
):
    from tresorerie.models import VersementRegie

    accueil, annexe = regies
    page = _session(navigateur, live_server, "regisseur")
    expect(page.get_by_role("heading", name=re.compile("Ma régie"))).to_be_visible()

    # He cashes a duplicate's fee at his desk, against his own carnet's quittance.
    page.get_by_role("link", name="encaisser une recette").click()
    caisse = page.locator("#encaisser")
    caisse.get_by_label("Nature de la recette").select_option(label="Frais de duplicata (771)")
    caisse.get_by_label("Montant (€)").fill("12,50")
    caisse.get_by_label("Partie versante").fill("M. Petit")
    caisse.get_by_label("Objet").fill("Duplicata d'attestation")
    caisse.get_by_role("button", name="Encaisser").click()
    expect(page.get_by_text("quittance n° Q2026-R-0001 délivrée")).to_be_visible()

    # He closes his day: 10 € + 2 € + 0,50 € counted.
    arrete = page.locator("#arreter")
    arrete.get_by_label("Billets de 10 €").fill("1")
    arrete.get_by_label("Pièces de 2 €").fill("1")
    arrete.get_by_label("Pièces de 0,50 €").fill("1")
    arrete.get_by_role("button", name="Arrêter la régie").click()
    expect(page.get_by_text("Régie arrêtée au 15/06/2026 : concordance")).to_be_visible()

    # After his arrêté, no act of that day is offered any more; the page says when it reopens.
    expect(page.get_by_text(re.compile("Elle rouvre le mardi 16/06/2026"))).to_be_visible()
    for acte in ("#encaisser", "#verser", "#arreter"):
        expect(page.locator(acte)).to_have_count(0)

    # The next morning he remits his cash to the agent comptable: the bordereau.
    horloge(LENDEMAIN)
    page.reload()
    page.locator("#verser").get_by_role("button", name="Verser").click()
    versement = VersementRegie.objects.get(regie=accueil)
    expect(page.get_by_text(f"Versement {versement.reference} de 12,50")).to_be_visible()
    lien = page.get_by_role("link", name=re.compile("Bordereau")).get_attribute("href")
    chemin = tmp_path / "bordereau.pdf"
    chemin.write_bytes(page.request.get(f"{live_server.url}{lien}").body())
    texte = _texte_pdf(chemin)
    assert "Bordereau de versement de la régie" in texte and "12,50" in texte
    assert "En attente de réception" in texte
    assert "Q2026-R-0001" in texte and "M. Petit" in texte  # the quittances it covers

    # Nothing of the annex's régie: not listed, its page and bordereau answer 404.
    page.goto(f"{live_server.url}/tresorerie/regies/")
    expect(page.get_by_role("heading", level=1)).to_have_text(accueil.libelle)
    expect(page.get_by_text("annexe")).to_have_count(0)
    reponse = page.goto(f"{live_server.url}/tresorerie/regies/{annexe.pk}/")
    assert reponse.status == 404
    liste = page.request.get(f"{live_server.url}/tresorerie/regies/liste.csv").text()
    assert "accueil" in liste and "annexe" not in liste
    api = page.request.get(f"{live_server.url}/api/tresorerie/regies/{annexe.pk}/")
    assert api.status == 404

    # The same morning the agent comptable receives it at his cash desk.
    agent = _session(navigateur, live_server, "comptable")
    agent.goto(f"{live_server.url}/tresorerie/regies/{accueil.pk}/")
    recevoir = agent.locator("#versements")
    recevoir.get_by_label("Reçu sur").select_option(label="Caisse de l'agence comptable (531)")
    recevoir.get_by_role("button", name=f"Recevoir le versement {versement.reference}").click()
    expect(agent.get_by_text(f"Versement {versement.reference} de 12,50 € reçu.")).to_be_visible()
    assert (_solde("541"), _solde("531")) == (Decimal("0.00"), Decimal("12.50"))
