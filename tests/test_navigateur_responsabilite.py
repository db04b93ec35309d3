"""The agent comptable's liability in a real browser (issue 12, circ. 93/82
§6.1, §6.2): the agent comptable closes the cash desk with a shortfall; the
directrice sees it waiting for her order on the register, issues the ordre de
recette against him, downloads the registered letter (its text read), records
the avis de réception and the board's information; the agent comptable posts
the débet to 429, asks for a sursis de versement, then for a décharge de
responsabilité; the auditor reads the register (page, PDF, CSV) and may do
none of the acts."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

# The fixtures and marks (navigateur, a real commit) of the other browser tests.
from tests.test_navigateur import CAPTURES, navigateur, pytestmark  # noqa: F401
from tests.test_navigateur_fin_exercice import _session, _telecharger, _texte_pdf
from tests.tresorerie.conftest import comptes, regisseur  # noqa: F401 (fixtures)

D = datetime.date
N = 2026
ARRETE = D(N, 6, 15)  # a Monday
AVIS = D(N, 6, 17)  # the avis de réception comes back
DEMANDES = D(N, 6, 18)  # the agent comptable posts the débet and asks
REF = f"DEB-{N}-0001"
REGISTRE = "Responsabilité de l'agent comptable : registre des débets"


@pytest.fixture
def caisse(horloge, comptable, comptes):  # noqa: F811
    """On the day of the arrêté, the caisse has received 1 334,56 € in cash."""
    from tresorerie import services as t

    horloge(ARRETE)
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["CAISSE"],
        moyen="numeraire",
        montant="1334.56",
        payeur="M. Girard",
        objet="Versement au guichet",
    )
    return comptes["CAISSE"]


def _solde(numero: str) -> Decimal:
    from ledger.models import Ligne

    return sum(
        (lg.debit - lg.credit for lg in Ligne.objects.filter(compte__numero=numero)),
        Decimal("0.00"),
    )


def _registre(page, live_server):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name=REGISTRE).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("registre des débets")


def test_un_manquant_de_caisse_jusqu_a_la_decharge_dans_le_navigateur(
    navigateur,  # noqa: F811
    live_server,
    horloge,
    comptable,
    directrice,
    auditeur,
    exercice,
    caisse,
    tmp_path,
):
    from responsabilite.models import OrdreDebet

    nom_comptable = comptable.get_full_name()

    # The agent comptable counts 100 € where the books say 1 334,56 €.
    agent = _session(navigateur, live_server, "comptable")
    agent.get_by_role("link", name="arrêter la caisse").click()
    agent.get_by_label("Caisse ou régie").select_option(
        label=f"{caisse.libelle} ({caisse.compte.numero})"
    )
    agent.get_by_label("Billets de 100 €").fill("1")
    agent.get_by_label("Observations").fill("Comptage contradictoire avec la caissière")
    agent.get_by_role("button", name="Arrêter la caisse").click()
    expect(
        agent.get_by_text(re.compile(r"Caisse arrêtée au 15/06/2026 : manquant, écriture OD-\d+"))
    ).to_be_visible()
    assert _solde("4722") == Decimal("1234.56")

    # The directrice finds the shortfall waiting for her order.
    dir_ = _session(navigateur, live_server, "directrice")
    _registre(dir_, live_server)
    manquants = dir_.get_by_role("region", name="Manquants de caisse sans ordre de recette")
    expect(manquants).to_contain_text("manquant de 1\u00a0234,56\u00a0€")
    emettre = manquants.get_by_role("group", name="Émettre l'ordre de recette sur ce manquant")
    emettre.get_by_label("Mise en cause par").select_option(label="les autorités de tutelle")
    emettre.get_by_label("Décision du").fill(ARRETE.isoformat())
    emettre.get_by_role("button", name="Émettre l'ordre de recette").click()
    expect(dir_.get_by_text(f"Ordre de recette {REF} émis")).to_be_visible()
    expect(
        dir_.get_by_role("region", name="Manquants de caisse sans ordre de recette")
    ).to_have_count(0)
    ordre = OrdreDebet.objects.get()
    assert (ordre.reference, ordre.agent_comptable, ordre.montant) == (
        REF,
        comptable,
        Decimal("1234.56"),
    )

    # Her registered letter, read as the agent comptable will.
    debet = dir_.get_by_role("region", name=re.compile(f"Ordre {REF}"))
    lettre = _texte_pdf(
        _telecharger(
            dir_,
            debet.get_by_role("link", name="lettre recommandée de notification (PDF)"),
            tmp_path,
        )
    )
    assert "Lettre recommandée avec demande d'avis de réception" in lettre
    assert f"À {nom_comptable}, agent comptable" in lettre
    assert f"Ordre de recette n° {REF} émis à votre encontre" in lettre
    assert "d'un montant de 1 234,56 €" in lettre
    assert "Vous pouvez demander un sursis de versement" in lettre

    # Two days later the avis de réception comes back; the board is informed.
    horloge(AVIS)
    _registre(dir_, live_server)
    avis = dir_.get_by_role("group", name="Avis de réception de la lettre recommandée")
    avis.get_by_label("Le").fill(AVIS.isoformat())
    avis.get_by_role("button", name="Enregistrer l'avis de réception").click()
    expect(dir_.get_by_text(f"Avis de réception de l'ordre {REF} enregistré.")).to_be_visible()
    conseil = dir_.get_by_role("group", name="Information du conseil d'administration")
    conseil.get_by_label("Le").fill(AVIS.isoformat())
    conseil.get_by_role("button", name="Enregistrer l'information du conseil").click()
    expect(
        dir_.get_by_text(f"Information du conseil d'administration sur l'ordre {REF} enregistrée.")
    ).to_be_visible()
    debet = dir_.get_by_role("region", name=re.compile(f"Ordre {REF}"))
    expect(debet).to_contain_text("Avis de réception : 17/06/2026")
    expect(debet).to_contain_text("Conseil informé : 17/06/2026")
    # Neither the posting nor the agent comptable's requests are hers.
    expect(debet.get_by_role("button", name=re.compile("Comptabiliser"))).to_have_count(0)
    expect(debet.get_by_role("button", name="Demander le sursis de versement")).to_have_count(0)

    # The agent comptable posts his débet to 429, then asks for a sursis.
    horloge(DEMANDES)
    _registre(agent, live_server)
    debet = agent.get_by_role("region", name=re.compile(f"Ordre {REF}"))
    debet.get_by_role("button", name="Comptabiliser au compte 429 (débet des comptables)").click()
    expect(
        agent.get_by_text(f"Ordre {REF} comptabilisé au compte 429, débet des comptables.")
    ).to_be_visible()
    assert (_solde("429"), _solde("4722")) == (Decimal("1234.56"), Decimal("0.00"))
    debet = agent.get_by_role("region", name=re.compile(f"Ordre {REF}"))
    expect(debet).to_contain_text(re.compile(r"Comptabilisé : écriture OD \d+"))
    sursis = debet.get_by_role("group", name=re.compile("Demander le sursis de versement"))
    sursis.get_by_label("Motifs de la demande de sursis").fill(
        "Le manquant sera couvert par l'association de cautionnement mutuel"
    )
    sursis.get_by_role("button", name="Demander le sursis de versement").click()
    expect(
        agent.get_by_text(f"Demande de sursis de versement de l'ordre {REF} enregistrée.")
    ).to_be_visible()

    # Then a décharge de responsabilité, the remise gracieuse not yet open to him.
    debet = agent.get_by_role("region", name=re.compile(f"Ordre {REF}"))
    demande = debet.get_by_role("group", name=re.compile("Demander la décharge de responsabilité"))
    demande.get_by_label(re.compile("^Demande")).select_option(label="décharge de responsabilité")
    demande.get_by_label(re.compile("^Motifs")).fill(
        "Le comptage du 15/06 a été fait en l'absence du caissier titulaire"
    )
    demande.get_by_role("button", name="Envoyer la demande").click()
    expect(
        agent.get_by_text(f"Demande de décharge de responsabilité sur l'ordre {REF} enregistrée.")
    ).to_be_visible()
    ordre.refresh_from_db()
    assert ordre.sursis_etat == "demande" and ordre.sursis_demande_le == DEMANDES
    assert [(d.nature, d.etat, d.montant_demande) for d in ordre.demandes.all()] == [
        ("decharge", "demandee", Decimal("1234.56"))
    ]

    # Meanwhile he covers part of it from his own money, on the order's page.
    debet.get_by_role("link", name=re.compile(f"Paiement, .* de l'ordre {REF}")).click()
    versement = agent.get_by_role(
        "group", name=re.compile("Enregistrer un versement de l'agent comptable")
    )
    expect(versement).to_contain_text("reste dû : 1\u00a0234,56\u00a0€")
    versement.get_by_label(re.compile("^Montant versé")).fill("234.56")
    versement.get_by_label(re.compile("^Versé à")).select_option("531")
    versement.get_by_role("button", name="Enregistrer le versement").click()
    expect(
        agent.get_by_text(
            f"Versement de 234,56\u00a0€ de l'agent comptable sur ses deniers enregistré sur "
            f"l'ordre {REF}."
        )
    ).to_be_visible()
    situation = agent.get_by_role("table", name="Situation du débet (article D253-81)")
    expect(situation.get_by_role("cell", name="1\u00a0000,00\u00a0€")).to_have_count(1)
    assert (_solde("429"), _solde("531")) == (Decimal("1000.00"), Decimal("334.56"))

    # The auditor reads the register: the débet, its state and amounts.
    audit = _session(navigateur, live_server, "auditeur")
    _registre(audit, live_server)
    tableau = audit.get_by_role("table", name=nom_comptable)
    ligne = tableau.get_by_role("row").filter(has_text=REF)
    expect(ligne).to_contain_text("les autorités de tutelle")
    expect(ligne).to_contain_text("15/06/2026")
    expect(ligne).to_contain_text("avis de réception reçu")
    expect(ligne).to_contain_text("sursis de versement demandé le 18/06/2026")
    expect(ligne).to_contain_text(
        "décharge de responsabilité demandée, en attente de la décision du conseil"
    )
    for montant, fois in (("1\u00a0234,56", 1), ("234,56", 1), ("1\u00a0000,00", 1)):
        # dû, payé, reste dû
        expect(ligne.get_by_role("cell", name=f"{montant}\u00a0€", exact=True)).to_have_count(fois)
    CAPTURES.mkdir(parents=True, exist_ok=True)
    audit.screenshot(path=str(CAPTURES / "registre_debets.png"), full_page=True)

    # … downloads it as PDF and CSV …
    pdf = _texte_pdf(
        _telecharger(audit, audit.get_by_role("link", name="PDF", exact=True), tmp_path)
    )
    assert "Registre des débets des comptables" in pdf
    assert REF in pdf and nom_comptable in pdf and "1 234,56 €" in pdf
    fichier = _telecharger(audit, audit.get_by_role("link", name="CSV", exact=True), tmp_path)
    rangees = list(csv.DictReader(io.StringIO(fichier.read_text("utf-8-sig")), delimiter=";"))
    (rangee,) = [r for r in rangees if r["Ordre"] == REF]
    assert rangee["Agent comptable"] == nom_comptable and rangee["Faits du"] == "2026-06-15"
    assert (rangee["Dû"], rangee["Payé par l'agent comptable"], rangee["Reste dû"]) == (
        "1234,56",
        "234,56",
        "1000,00",
    )
    assert "sursis de versement demandé" in rangee["État"]

    # … and may do none of the acts: no form on the page, a refusal by the
    # page and by the API, nothing changed.
    expect(audit.locator("main form")).to_have_count(0)
    expect(audit.get_by_role("main").get_by_role("button")).to_have_count(0)
    audit.get_by_role("link", name=re.compile(f"Paiement, .* de l'ordre {REF}")).click()
    expect(audit.get_by_role("heading", level=1)).to_contain_text(f"Ordre de recette {REF}")
    expect(audit.locator("main form")).to_have_count(0)
    jeton_csrf = next(c["value"] for c in audit.context.cookies() if c["name"] == "csrftoken")
    refus = audit.request.post(
        f"{live_server.url}/responsabilite/ordres/{ordre.pk}/sursis/decision/",
        form={
            "csrfmiddlewaretoken": jeton_csrf,
            "accorde": "1",
            "decide_le": DEMANDES.isoformat(),
            "decision": "Décision de complaisance",
        },
        headers={"Referer": f"{live_server.url}/responsabilite/"},
    )
    assert "Seul le directeur enregistre la décision sur le sursis" in " ".join(
        refus.text().split()
    )
    refus = audit.request.post(
        f"{live_server.url}/api/responsabilite/ordres/{ordre.pk}/sursis/decision/",
        data={"accorde": True, "decide_le": DEMANDES.isoformat(), "decision": "Complaisance"},
        headers={"X-CSRFToken": jeton_csrf, "Referer": f"{live_server.url}/"},
    )
    assert refus.status == 403 and "Seul le directeur" in refus.json()["message"]
    refus = audit.request.post(
        f"{live_server.url}/api/responsabilite/ordres/{ordre.pk}/comptabiliser/",
        headers={"X-CSRFToken": jeton_csrf, "Referer": f"{live_server.url}/"},
    )
    assert refus.status == 403
    ordre.refresh_from_db()
    assert ordre.sursis_etat == "demande" and not ordre.sursis_decision
