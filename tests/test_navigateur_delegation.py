"""In a real browser (issue 10, point 1): the directrice withdraws a
delegation from the register; the délégué's next engagement of credits is
refused with the reason shown on the page, and nothing is engaged."""

import re

from playwright.sync_api import expect

from budget import services as budget
from budget.selectors import situation
from core import horloge
from depenses.models import Engagement
from ledger.models import Exercice
from personnes.models import Delegation
from tests.test_navigateur import (  # noqa: F401 (the fixtures and the marks)
    _connexion,
    demo,
    navigateur,
    page,
    pytestmark,
)


def _engager(onglet, live_server, objet: str):
    onglet.goto(f"{live_server.url}/depenses/engagements/")
    onglet.get_by_label("Objet").fill(objet)
    onglet.get_by_label("Créancier").fill("Papeterie Centrale")
    onglet.get_by_label("Compte de charge").fill("6064")
    onglet.get_by_label("Montant engagé").fill("180,00")
    onglet.get_by_role("button", name="Engager").click()


def _engage_6064() -> object:
    exercice = Exercice.objects.get(annee=horloge.aujourdhui().year)
    return situation(credit=budget.credit_pour(exercice=exercice, compte_numero="6064")).engage


def test_la_directrice_retire_la_delegation_et_l_engagement_du_delegue_est_refuse(
    navigateur,  # noqa: F811 (the fixtures imported above)
    live_server,
    demo,  # noqa: F811
):
    delegation = Delegation.objects.get(
        delegataire__username="delegue", nature="ordre_depense", retiree_le__isnull=True
    )

    # Two sessions side by side: the délégué's and the directrice's.
    contextes = [navigateur.new_context(locale="fr-FR") for _ in range(2)]
    try:
        _retrait_puis_refus(live_server, delegation, *(c.new_page() for c in contextes))
    finally:
        for contexte in contextes:
            contexte.close()


def _retrait_puis_refus(live_server, delegation, delegue, directrice):
    aujourd_hui = horloge.aujourdhui()
    # Within his delegation, the délégué engages.
    _connexion(delegue, live_server, "delegue")
    _engager(delegue, live_server, "Cartouches d'encre")
    expect(delegue.get_by_text(re.compile(r"Engagement n° \d+ enregistré\."))).to_be_visible()
    engagements, engage = Engagement.objects.count(), _engage_6064()

    # The directrice withdraws his delegation on the ordres de dépense.
    _connexion(directrice, live_server, "directrice")
    directrice.get_by_role("link", name="Délégations").click()
    ligne = directrice.get_by_role("row").filter(
        has=directrice.get_by_role("rowheader", name=str(delegation.pk), exact=True)
    )
    expect(ligne).to_contain_text("en vigueur")
    ligne.get_by_role("button", name="Retirer").click()
    expect(directrice.get_by_text(f"Délégation n° {delegation.pk} retirée.")).to_be_visible()
    expect(ligne).to_contain_text(f"retirée le {aujourd_hui:%d/%m/%Y}")

    # His next engagement is refused, with the reason, on the page.
    _engager(delegue, live_server, "Ramettes de papier")
    expect(
        delegue.get_by_text(
            f"Votre délégation n° {delegation.pk} a été retirée le {aujourd_hui:%d/%m/%Y} : "
            f"elle ne vaut plus pour un acte du {aujourd_hui:%d/%m/%Y} (circulaire 93/82 §1.0)."
        )
    ).to_be_visible()
    assert Engagement.objects.count() == engagements
    assert _engage_6064() == engage
    assert not Engagement.objects.filter(objet="Ramettes de papier").exists()
