"""Recovery in a real browser (issue 13): a rent claim goes from the agent
comptable's reminder to a payment delay, whose default he records before
handing the claim to the directrice (circ. 93/82 §2.0.5); she sends the mise
en demeure, records the avis de réception and, after the thirty days, the
contrainte and a bailiff's act (annexe art. 13); the situation individuelle
PDF lists them; in January the état nominatif of the second half-year, due
on 1 February, is on her home page and downloads as CSV and PDF."""

import datetime
import re

import pytest
from playwright.sync_api import expect

# The fixtures and marks (navigateur, a real commit) of the other browser tests.
from tests.test_navigateur import CAPTURES, navigateur, pytestmark  # noqa: F401
from tests.test_navigateur_fin_exercice import _session, _telecharger, _texte_pdf
from tests.tresorerie.conftest import comptes, regisseur  # noqa: F401 (fixtures)

D = datetime.date
RELANCE = D(2026, 6, 16)  # the day after the rent fell due
DELAI = D(2026, 6, 18)
DEFAUT = D(2026, 7, 1)  # the instalment of 30 June is unpaid
MISE = D(2026, 7, 2)
AVIS = D(2026, 7, 4)
POURSUITE = D(2026, 8, 4)  # the thirty days from the avis run to 3 August
JANVIER = D(2027, 1, 5)


def _message(page, motif) -> None:
    """The page's message of success (or refusal) after an act."""
    expect(page.locator("p.message").filter(has_text=motif)).to_be_visible()


@pytest.fixture
def loyer(directrice, comptable, exercice):
    """M. Petit's rent of 600,00 € taken in charge, due on 15 June; credits
    for the bailiff's fees (622)."""
    from budget import services as budget
    from tests.recouvrement.conftest import ordre_pris_en_charge

    budget.credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="622",
        libelle="Honoraires d'huissiers",
        montant_initial="1000.00",
    )
    ordre = ordre_pris_en_charge(
        directrice,
        comptable,
        debiteur="M. Petit",
        qualite="locataire",
        montant="600.00",
        nature="loyer",
        imputation="752",
        tiers="4671",
        objet="Loyer de juin",
    )
    return ordre.lignes.get()


def test_un_loyer_de_la_relance_a_l_huissier_puis_l_etat_nominatif(
    navigateur,  # noqa: F811
    live_server,
    horloge,
    comptable,
    directrice,
    exercice,
    loyer,
    tmp_path,
):
    from recouvrement.models import Acte, Creance

    # 16 June: the agent comptable sends the first reminder, in a batch.
    horloge(RELANCE)
    agent = _session(navigateur, live_server, "comptable")
    agent.goto(f"{live_server.url}/recouvrement/amiable/")
    agent.get_by_label(re.compile(r"relancer M\. Petit")).check()
    agent.get_by_role("button", name=re.compile("Établir le lot de relances des créances")).click()
    expect(
        agent.get_by_text(re.compile(r"Lot de relances n° \S+ établi : 1 lettre"))
    ).to_be_visible()

    # 18 June: M. Petit asks in writing; a delay in two instalments.
    horloge(DELAI)
    agent.goto(f"{live_server.url}/recouvrement/amiable/")
    agent.get_by_role("link", name="M. Petit").first.click()
    agent.get_by_label("Date de la lettre du débiteur").fill("2026-06-17")
    agent.get_by_label("Référence de la lettre").fill("Lettre de M. Petit du 17/06/2026")
    agent.get_by_label("Échéance 1 : date").fill("2026-06-30")
    agent.get_by_label("Échéance 1 : montant (€)").fill("300,00")
    agent.get_by_label("Échéance 2 : date").fill("2026-07-15")
    agent.get_by_label("Échéance 2 : montant (€)").fill("300,00")
    agent.get_by_role("button", name="Accorder le délai de paiement").click()
    _message(agent, re.compile("Délai de paiement accordé"))

    # 1 July: the instalment of 30 June is unpaid: default, then the hand-over.
    horloge(DEFAUT)
    agent.reload()
    agent.get_by_role("button", name="Constater la défaillance de l'échéancier").click()
    _message(agent, re.compile("[Dd]éfaillance"))
    agent.get_by_label(re.compile("Compte rendu des tentatives de recouvrement amiable")).fill(
        "Relance du 16/06 ; délai accordé le 18/06, première échéance impayée."
    )
    agent.get_by_role("button", name="Transmettre la créance au directeur").click()
    _message(agent, re.compile("transmise au directeur"))
    assert Creance.objects.get().responsable == Creance.Responsable.DIRECTEUR

    # 2 July: the directrice sends the mise en demeure; the avis comes back on 4 July.
    horloge(MISE)
    directeur = _session(navigateur, live_server, "directrice")
    directeur.goto(f"{live_server.url}/recouvrement/contentieux/creances/{loyer.pk}/")
    directeur.get_by_role("button", name="Adresser la mise en demeure").click()
    _message(directeur, re.compile(r"Mise en demeure n° \S+ enregistrée"))
    lettre = _texte_pdf(
        _telecharger(
            directeur,
            directeur.get_by_role("link", name=re.compile("Lettre recommandée")),
            tmp_path,
        )
    )
    assert "M. Petit" in lettre and "600,00 €" in lettre and "trente jours" in lettre
    assert "selon les règles du droit commun" in " ".join(lettre.split())
    horloge(AVIS)
    directeur.reload()
    directeur.get_by_label("Avis de réception signé le").fill("2026-07-04")
    directeur.get_by_role("button", name="Enregistrer l'avis de réception").click()
    _message(directeur, re.compile("Avis de réception enregistré"))
    expect(
        directeur.get_by_text(re.compile("Avis de réception signé le 04/07/2026 .* 03/08/2026"))
    ).to_be_visible()

    # 4 August, after the thirty days: a bailiff on the register, the contrainte, his act.
    horloge(POURSUITE)
    directeur.goto(f"{live_server.url}/recouvrement/huissiers/")
    directeur.get_by_label("Nom de l'huissier").fill("Maître Durand")
    directeur.get_by_label(re.compile(r"^(Nom de l'étude|Étude)")).fill("Étude Durand et associés")
    directeur.get_by_label("Adresse de l'étude").fill("3 place du Marché, Valmont")
    directeur.get_by_label("IBAN (règlement de ses honoraires)").fill("FR7630004000031234567890143")
    directeur.get_by_label("Sous la convention nationale depuis le").fill("2026-01-01")
    directeur.get_by_role("button", name="Inscrire l'huissier").click()
    expect(directeur.get_by_role("heading", name="Maître Durand")).to_be_visible()
    directeur.goto(f"{live_server.url}/recouvrement/contentieux/creances/{loyer.pk}/")
    directeur.get_by_label(re.compile(r"^(Nature de la procédure|Procédure)")).select_option(
        "contrainte"
    )
    directeur.get_by_label("Description de la procédure engagée").fill("Contrainte n° 2026-07")
    directeur.get_by_role("button", name="Engager la procédure").click()
    expect(
        directeur.get_by_text(re.compile("Contrainte enregistrée le 04/08/2026"))
    ).to_be_visible()
    # Maître Durand, the only bailiff on the register, is proposed.
    directeur.get_by_label("Acte du").fill("2026-08-04")
    directeur.get_by_label("Nature de l'acte").fill("Signification de la contrainte")
    directeur.get_by_label("Coût de l'acte").fill("86,40")
    directeur.get_by_role("button", name="Enregistrer l'acte d'huissier").click()
    _message(directeur, re.compile("ordre de dépense"))
    types = set(Acte.objects.values_list("type", flat=True))
    assert {"relance", "delai", "defaillance", "transmission", "mise_en_demeure"} <= types
    assert {"contrainte", "acte_huissier"} <= types

    # The situation individuelle, reached from the home page's deadlines.
    directeur.goto(f"{live_server.url}/")
    directeur.get_by_role("link", name=re.compile("Toutes les échéances du recouvrement")).click()
    directeur.get_by_role("link", name="Situations individuelles").click()
    directeur.get_by_role("link", name="M. Petit").click()
    expect(directeur.get_by_role("heading", level=1)).to_have_text(
        "Situation individuelle de M. Petit"
    )
    situation = _texte_pdf(
        _telecharger(directeur, directeur.get_by_role("link", name="PDF", exact=True), tmp_path)
    )
    assert "Situation individuelle de M. Petit" in situation
    for texte in (
        "lettre de relance",
        "délai de paiement accordé",
        "défaillance de l'échéancier",
        "transmission au directeur",
        "mise en demeure",
        "contrainte",
        "acte d'huissier",
        "Signification de la contrainte",
        "600,00 €",
    ):
        assert texte in situation, texte
    directeur.screenshot(path=str(CAPTURES / "recouvrement_situation.png"), full_page=True)

    # January: the état nominatif arrêté au 31 décembre is due on 1 February.
    horloge(JANVIER)
    directeur.goto(f"{live_server.url}/")
    directeur.get_by_role("link", name=re.compile("Toutes les échéances du recouvrement")).click()
    directeur.get_by_role("link", name="état nominatif des débiteurs arrêté au 31/12/2026").click()
    expect(directeur.get_by_role("heading", level=1)).to_have_text(
        "État nominatif des débiteurs arrêté au 31/12/2026"
    )
    expect(directeur.get_by_text(re.compile("Encore 27 jours"))).to_be_visible()
    csv = _telecharger(directeur, directeur.get_by_role("link", name="CSV"), tmp_path)
    contenu = csv.read_text(encoding="utf-8")
    assert "État nominatif des débiteurs arrêté au 31/12/2026" in contenu
    assert "Recouvrement forcé : contrainte, actes d'huissier;M. Petit;4671;locataire;" in contenu
    assert ";600,00;600,00;" in contenu
    pdf = _texte_pdf(_telecharger(directeur, directeur.get_by_role("link", name="PDF"), tmp_path))
    assert "État nominatif des débiteurs arrêté au 31/12/2026" in pdf
    assert "Recouvrement forcé" in pdf and "M. Petit" in pdf and "01/02/2027" in pdf
