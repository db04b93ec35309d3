"""Amicable recovery in a real browser (circ. 93/82 §2.0.5): the agent
comptable reminds M. Petit in a batch (the letters' PDF read), grants him a
payment delay on his written request, records the default the day after the
instalment unpaid and hands the claim to the directrice with its file (PDF
read); she finds it among the claims handed over; the auditor reads and is
offered no act."""

import datetime

from playwright.sync_api import expect

from tests.test_navigateur import navigateur, pytestmark  # noqa: F401
from tests.test_navigateur_fin_exercice import _session, _telecharger, _texte_pdf
from tests.tresorerie.conftest import comptes, regisseur  # noqa: F401 (fixtures)

D = datetime.date
LIEN = "Recouvrement amiable : relances, délais de paiement, créances transmises au directeur"


def test_relance_delai_defaillance_transmission_dans_le_navigateur(
    navigateur,  # noqa: F811
    live_server,
    horloge,
    comptable,
    directrice,
    auditeur,
    exercice,
    ordre_loyer,
    tmp_path,
):
    from recouvrement.models import Creance

    ref = ordre_loyer.reference
    horloge(D(2026, 6, 16))
    page = _session(navigateur, live_server, comptable.username)
    page.get_by_role("link", name=LIEN).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recouvrement amiable")
    page.get_by_label(f"relancer M. Petit (n° {ref})").check()
    page.get_by_role(
        "button", name="Établir le lot de relances des créances cochées (une lettre par débiteur)"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lot de relances n° 2026-0001")
    expect(page.get_by_text("Lot de relances n° 2026-0001 établi : 1 lettre.")).to_be_visible()
    texte = _texte_pdf(
        _telecharger(
            page, page.get_by_role("link", name="Toutes les lettres du lot (PDF)"), tmp_path
        )
    )
    assert "1re relance" in texte and "M. Petit" in texte and "600,00" in texte

    page.get_by_role("link", name=f"ordre n° {ref}").click()
    page.get_by_label("Date de la lettre du débiteur").fill("2026-06-12")
    page.get_by_label("Référence de la lettre").fill("Lettre de M. Petit du 12/06/2026")
    page.get_by_label("Échéance 1 : date").fill("2026-07-15")
    page.get_by_label("Échéance 1 : montant (€)").fill("300,00")
    page.get_by_label("Échéance 2 : date").fill("2026-08-15")
    page.get_by_label("Échéance 2 : montant (€)").fill("300,00")
    page.get_by_role("button", name="Accorder le délai de paiement").click()
    expect(page.get_by_text("Délai de paiement accordé : 2 échéance(s), 600,00 €.")).to_be_visible()

    # The day after the first instalment, unpaid: the échéancier is in default.
    horloge(D(2026, 7, 16))
    page.reload()
    expect(page.get_by_text("en défaut").first).to_be_visible()
    page.get_by_role("button", name="Constater la défaillance de l'échéancier").click()
    expect(page.get_by_text("Défaillance de l'échéancier constatée.")).to_be_visible()
    page.get_by_label(
        "Compte rendu des tentatives de recouvrement amiable (les actes du journal y sont joints)"
    ).fill("Première échéance impayée, aucune réponse à nos appels.")
    page.get_by_role("button", name="Transmettre la créance au directeur").click()
    expect(
        page.get_by_text(
            "Créance de M. Petit transmise au directeur, seul chargé du recouvrement contentieux."
        )
    ).to_be_visible()
    texte = _texte_pdf(
        _telecharger(page, page.get_by_role("link", name="dossier transmis (PDF)"), tmp_path)
    )
    assert "Première échéance impayée" in texte
    assert "défaillance de l'échéancier" in texte and "transmission au directeur" in texte
    creance = Creance.objects.get()
    assert (creance.responsable, creance.stade) == ("directeur", "transmise")

    direction = _session(navigateur, live_server, directrice.username)
    direction.get_by_role("link", name=LIEN).click()
    expect(direction.get_by_role("link", name=f"M. Petit, ordre n° {ref}")).to_be_visible()

    audit = _session(navigateur, live_server, auditeur.username)
    audit.get_by_role("link", name=LIEN).click()
    expect(audit.get_by_role("heading", level=1)).to_have_text("Recouvrement amiable")
    expect(audit.locator('input[name="lignes"]')).to_have_count(0)
