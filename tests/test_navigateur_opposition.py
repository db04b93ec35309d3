"""An opposition cannot be bypassed (issue 10, point 4; circ. 93/82 §2.1.5), in a
real browser: the order names its creditor's SIRET typed with spaces; the agent
comptable records the opposition served on him, the SIRET written without them,
then pays the order: the payment is split, the opposing party first."""

import re
from decimal import Decimal

from playwright.sync_api import expect

from accueil.demo import mot_de_passe_demo
from core import horloge

# The fixtures and marks (navigateur, a real commit) of the other browser tests.
from tests.test_navigateur import (  # noqa: F401
    CAPTURES,
    _connexion,
    demo,
    navigateur,
    page,
    pytestmark,
)


def _ordre_vise_siret_avec_espaces():
    """The ordonnateur's order for the Imprimerie Valmontaise, its SIRET typed
    « 732 829 320 00074 », signed, transmitted and visaed (services, as the
    parapheur and the visa page would)."""
    from django.contrib.auth import get_user_model

    from depenses import services as d
    from ledger.models import Exercice

    aujourd_hui = horloge.aujourdhui()
    exercice = Exercice.objects.get(annee=aujourd_hui.year)
    directrice = get_user_model().objects.get(username="directrice")
    comptable = get_user_model().objects.get(username="comptable")
    engagement = d.engagement_creer(
        acting_user=directrice,
        exercice=exercice,
        gestion="budgetaire",
        objet="Ramettes de papier",
        creancier="Imprimerie Valmontaise",
        compte_imputation="6064",
        montant_engage="1200.00",
    )
    ordre = d.ordre_depense_creer(
        acting_user=directrice,
        saisie=d.SaisieDepense(
            gestion="budgetaire",
            nature="fournitures",
            objet="Ramettes de papier",
            bases_liquidation="Facture n° 2207",
            compte_imputation="6064",
            compte_tiers="401",
            date_fait=aujourd_hui,
            dates={"reception": aujourd_hui},
            engagement=engagement,
            lignes=[
                d.LigneCreancier(
                    "Imprimerie Valmontaise",
                    "fournisseur",
                    "FR1420041010050500013M02606",
                    "1200.00",
                    bic="PSSTFRPPXXX",
                    identifiant="732 829 320 00074",
                )
            ],
            pieces_references="Facture n° 2207, au dossier",
        ),
    )
    d.ordre_depense_attester_service_fait(acting_user=directrice, ordre=ordre, le=aujourd_hui)
    d.ordre_depense_signer(
        acting_user=directrice, ordre=ordre, mot_de_passe=mot_de_passe_demo(directrice.username)
    )
    d.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)
    return d.ordre_depense_viser(
        acting_user=comptable,
        ordre=ordre,
        appreciations={"imputation": (True, ""), "validite_dette": (True, "")},
    )


def test_une_opposition_sur_un_siret_saisi_avec_espaces_partage_le_paiement(
    page,  # noqa: F811 (the fixtures imported above)
    live_server,
    demo,  # noqa: F811
):
    from oppositions.models import Imputation, Opposition
    from tresorerie.models import CompteDisponibilite, LotPaiement

    # given a visaed order whose creditor's SIRET was typed with spaces
    ordre = _ordre_vise_siret_avec_espaces()
    assert ordre.lignes.get().identifiant == "732 829 320 00074"

    # when the agent comptable records the opposition served on him today,
    # the SIRET written as on the act, without spaces
    _connexion(page, live_server, "comptable")
    page.goto(f"{live_server.url}/oppositions/nouvelle/")
    page.get_by_label("Créancier de la caisse (nom)").fill("Imprimerie Valmontaise")
    page.get_by_label("Identifiant du créancier").fill("73282932000074")
    page.get_by_label("Nature de l'acte").select_option("saisie_attribution")
    page.get_by_label("Référence de l'acte").fill("PV 2026-441")
    page.get_by_label("Signifiée à l'agent comptable le").fill(horloge.aujourdhui().isoformat())
    page.get_by_label("Montant porté sur l'acte (euros)").fill("500,00")
    page.get_by_label("Opposant (créancier saisissant)").fill("Huissiers associés de Valmont")
    page.get_by_label("IBAN de l'opposant").fill("FR76 3000 3000 3012 3456 7890 118")
    page.get_by_label("BIC de l'opposant").fill("SOGEFRPPXXX")
    page.get_by_role("button", name="Enregistrer l'opposition").click()
    expect(page.get_by_text(re.compile(r"Opposition n° \d+ enregistrée"))).to_be_visible()
    expect(page.get_by_text("par le SIREN 732829320")).to_be_visible()
    opposition = Opposition.objects.get(reference_acte="PV 2026-441")

    # and pays the order from the payments' page
    page.goto(f"{live_server.url}/tresorerie/paiements/")
    page.get_by_label(f"Payer l'ordre {ordre.reference}").check()
    banque = CompteDisponibilite.objects.get(code="BANQUE")
    page.get_by_label("Compte qui paie").select_option(str(banque.pk))
    page.get_by_role("button", name="Payer la sélection").click()

    # then the batch's page shows the payment split: the opposing party first
    expect(page.get_by_role("heading", name=re.compile("Lot de paiements"))).to_be_visible()
    lignes = page.locator("table tbody tr")
    expect(lignes).to_have_count(2)
    expect(lignes.nth(0)).to_contain_text("Huissiers associés de Valmont")
    expect(lignes.nth(0)).to_contain_text("500,00")
    expect(lignes.nth(0)).to_contain_text("saisie-attribution de Huissiers associés de Valmont")
    expect(lignes.nth(1)).to_contain_text("Imprimerie Valmontaise")
    expect(lignes.nth(1)).to_contain_text("700,00")
    CAPTURES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(CAPTURES / "opposition_lot.png"), full_page=True)
    lot = LotPaiement.objects.filter(paiements__ordre=ordre).distinct().get()
    assert [(p.beneficiaire, p.montant, p.opposition_id) for p in lot.paiements.all()] == [
        ("Huissiers associés de Valmont", Decimal("500.00"), opposition.pk),
        ("Imprimerie Valmontaise", Decimal("700.00"), None),
    ]
    assert Imputation.objects.get(opposition=opposition).montant == Decimal("500.00")
