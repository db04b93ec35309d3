"""Back and resubmit in a real browser records nothing twice (issue 10, point 10):
the agent comptable records Mme Martin's cash at the desk, goes back to the
form and sends it again; the page says the form was already sent, and one
receipt, one quittance and one entry exist."""

import re
from decimal import Decimal

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


def test_un_encaissement_renvoye_par_le_bouton_retour_n_est_enregistre_qu_une_fois(
    page,  # noqa: F811 (the fixtures imported above)
    live_server,
    demo,  # noqa: F811
):
    from ledger.models import Ecriture
    from recettes.models import OrdreRecette
    from recettes.services import reste_a_recouvrer
    from tresorerie.models import Encaissement, Quittance

    ordre = OrdreRecette.objects.get(nature="recuperation_indu", etat="pris_en_charge")
    ecritures = Ecriture.objects.count()
    _connexion(page, live_server, "comptable")
    page.goto(f"{live_server.url}/recettes/{ordre.pk}/")
    page.get_by_role("link", name="Encaisser le règlement de Mme Martin").click()
    expect(page.get_by_label("Montant encaissé (€)")).to_have_value(re.compile(r"^312[.,]40$"))
    page.get_by_label("Objet du versement").fill("Remboursement de l'indu, au guichet")
    page.get_by_role("button", name="Enregistrer l'encaissement").click()
    expect(page.get_by_role("link", name="Quittance n°")).to_be_visible()
    recu = page.url

    # Back to the form as it was filled in, and sent again.
    page.go_back()
    expect(page.get_by_label("Objet du versement")).to_be_visible()
    page.get_by_label("Objet du versement").fill("Remboursement de l'indu, au guichet")
    page.get_by_role("button", name="Enregistrer l'encaissement").click()

    expect(
        page.get_by_text(
            "Ce formulaire a déjà été envoyé : l'acte n'a pas été enregistré une seconde fois."
        )
    ).to_be_visible()
    assert page.url == recu  # back to the receipt recorded the first time
    CAPTURES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(CAPTURES / "formulaire-renvoye.png"), full_page=True)
    martin = Encaissement.objects.filter(payeur="Mme Martin")
    assert martin.count() == 1
    assert Quittance.objects.filter(encaissement__payeur="Mme Martin").count() == 1
    assert Ecriture.objects.count() == ecritures + 1
    assert reste_a_recouvrer(OrdreRecette.objects.get(pk=ordre.pk)) == Decimal("0.00")


def test_un_encaissement_saisi_sur_la_page_de_la_liste_n_est_pas_repasse_par_retour(
    page,  # noqa: F811
    live_server,
    demo,  # noqa: F811
):
    """The form and its result share an address (the list of receipts): going
    back reloads the form with a fresh token and the browser fills it in again;
    the same data are still refused, once."""
    from tresorerie.models import Encaissement

    avant = Encaissement.objects.count()
    _connexion(page, live_server, "comptable")
    page.goto(f"{live_server.url}/tresorerie/encaissements/")
    compte = page.locator("select[name=compte] option", has_text="5122").first.get_attribute(
        "value"
    )
    page.select_option("select[name=compte]", compte)
    page.select_option("select[name=moyen]", "virement")
    page.fill("input[name=montant]", "3.00")
    page.fill("input[name=payeur]", "SCI Valmont")
    page.fill("input[name=objet]", "Acompte de loyer, envoi unique")
    page.fill("input[name=reference]", "VIR-UNIQUE-1")
    page.locator("form[method=post]").filter(has=page.locator("input[name=payeur]")).locator(
        "button[type=submit]"
    ).click()
    page.wait_for_load_state()
    assert Encaissement.objects.count() == avant + 1

    page.go_back()
    page.wait_for_load_state()
    for champ, valeur in (
        ("montant", "3.00"),
        ("payeur", "SCI Valmont"),
        ("objet", "Acompte de loyer, envoi unique"),
        ("reference", "VIR-UNIQUE-1"),
    ):
        page.fill(f"input[name={champ}]", valeur)
    page.select_option("select[name=compte]", compte)
    page.select_option("select[name=moyen]", "virement")
    page.locator("form[method=post]").filter(has=page.locator("input[name=payeur]")).locator(
        "button[type=submit]"
    ).click()
    page.wait_for_load_state()
    expect(
        page.get_by_text("Vous avez envoyé exactement les mêmes données depuis ce formulaire")
    ).to_be_visible()
    assert Encaissement.objects.count() == avant + 1
