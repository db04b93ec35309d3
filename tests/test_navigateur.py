"""Each role's main path in a real browser: Debian's chromium driven by Playwright."""

import csv
import io
import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accueil.demo import mot_de_passe_demo
from core import horloge

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason="chromium absent (make test l'installe)"
    ),
]
# Playwright's sync API runs an event loop in this thread; the ORM calls of
# the fixtures are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CAPTURES = Path(os.environ.get("CAISSE_CAPTURES", "/tmp/caisse-captures"))


@pytest.fixture(scope="module")
def navigateur():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-quic",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(navigateur):
    contexte = navigateur.new_context(accept_downloads=True, locale="fr-FR")
    page = contexte.new_page()
    yield page
    contexte.close()


@pytest.fixture
def demo(caisse_demo):
    """The demo year, loaded once for the session; each test gets a fresh copy."""
    return caisse_demo


def _connexion(page, live_server, login):
    page.goto(f"{live_server.url}/connexion/")
    page.get_by_label("Identifiant").fill(login)
    page.get_by_label("Mot de passe").fill(mot_de_passe_demo(login))
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{live_server.url}/")


def test_l_auditeur_telecharge_une_balance_juste(page, live_server, demo, tmp_path):
    annee = horloge.aujourdhui().year
    _connexion(page, live_server, "auditeur")
    expect(page.get_by_role("heading", name="Contrôle (lecture seule)")).to_be_visible()

    page.get_by_role("link", name="balance générale").first.click()
    page.get_by_role("button", name="Afficher").click()
    expect(page.get_by_text("Balance équilibrée.")).to_be_visible()
    CAPTURES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(CAPTURES / "balance.png"), full_page=True)

    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger en CSV").click()
    chemin = telechargement.value.path()
    lignes = list(csv.reader(io.StringIO(Path(chemin).read_text("utf-8-sig")), delimiter=";"))
    assert telechargement.value.suggested_filename.startswith(f"balance_generale_{annee}")
    total = [Decimal(v.replace(",", ".")) for v in lignes[-1][2:]]
    assert lignes[-1][1] == "Total général"
    assert total[0] == total[1] > 0, "soldes d'ouverture"
    assert total[2] == total[3] > 0, "mouvements"
    assert total[4] == total[5] > 0, "soldes de clôture"
    somme = [
        sum(Decimal(ligne[i].replace(",", ".")) for ligne in lignes[1:-1]) for i in range(2, 8)
    ]
    assert somme == total

    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger en PDF").click()
    pdf = tmp_path / "balance.pdf"
    telechargement.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        texte = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
        ).stdout
        assert "Total général" in texte and "Page 1 sur" in texte
        assert f"{total[4]:,.2f}".replace(",", " ").replace(".", ",") in texte.replace(
            "\u00a0", " "
        )


def test_le_comptable_passe_une_ecriture_dans_le_navigateur(page, live_server, demo):
    annee = horloge.aujourdhui().year
    _connexion(page, live_server, "comptable")
    page.get_by_role("link", name="Passer une écriture d'opérations diverses").click()
    page.get_by_label("Libellé").fill("Frais de tenue de compte")
    page.get_by_label("Date comptable").fill(f"{annee}-01-31")
    page.get_by_label("Compte, ligne 1").fill("627")
    page.get_by_label("Débit, ligne 1").fill("18,90")
    page.get_by_label("Compte, ligne 2").fill("5122")
    page.get_by_label("Crédit, ligne 2").fill("18,90")
    page.get_by_role("button", name="Passer l'écriture").click()
    expect(page.get_by_text("passée.")).to_be_visible()
    expect(page.get_by_text("18,90\u00a0€")).to_be_visible()
    page.screenshot(path=str(CAPTURES / "ecriture.png"), full_page=True)

    # An unbalanced entry is refused with its reason, nothing is posted.
    page.get_by_role("link", name="Accueil").click()
    page.get_by_role("link", name="Passer une écriture d'opérations diverses").click()
    page.get_by_label("Libellé").fill("Erreur de frappe")
    page.get_by_label("Compte, ligne 1").fill("627")
    page.get_by_label("Débit, ligne 1").fill("18,90")
    page.get_by_label("Compte, ligne 2").fill("5122")
    page.get_by_label("Crédit, ligne 2").fill("18,09")
    page.get_by_role("button", name="Passer l'écriture").click()
    expect(
        page.get_by_text("n'est pas équilibrée : débits 18,90\u00a0€, crédits 18,09\u00a0€")
    ).to_be_visible()


def test_la_directrice_voit_ses_chiffres_sans_pouvoir_saisir(page, live_server, demo):
    _connexion(page, live_server, "directrice")
    expect(page.get_by_role("heading", name="Restes à recouvrer")).to_be_visible()
    expect(page.get_by_text("€").first).to_be_visible()
    reponse = page.goto(f"{live_server.url}/comptabilite/saisie/")
    assert reponse.status == 403


def test_la_directrice_signe_au_parapheur_et_le_comptable_prend_en_charge(page, live_server, demo):
    from ledger.models import Exercice
    from ledger.selectors import balance_generale
    from recettes.models import OrdreRecette

    exercice = Exercice.objects.get(annee=horloge.aujourdhui().year)

    def solde_4671():
        lignes = {ligne.numero: ligne for ligne in balance_generale(exercice=exercice).lignes}
        return lignes["4671"].solde_debit - lignes["4671"].solde_credit

    avant = solde_4671()
    ordre = OrdreRecette.objects.filter(etat="brouillon", nature="loyer").get()

    _connexion(page, live_server, "directrice")
    page.get_by_role("link", name="Parapheur").first.click()
    expect(page.locator(f"a[href='/recettes/{ordre.pk}/']")).to_be_visible()
    page.get_by_label(f"Signer l'ordre {ordre.reference}", exact=True).check()
    page.get_by_label("Mot de passe (signature)").fill(mot_de_passe_demo("directrice"))
    page.get_by_role("button", name="Signer la sélection").click()
    expect(page.get_by_text(f"1 ordre(s) signé(s) : {ordre.reference}.")).to_be_visible()
    page.screenshot(path=str(CAPTURES / "parapheur.png"), full_page=True)
    page.get_by_role("button", name="Se déconnecter").click()

    _connexion(page, live_server, "comptable")
    page.get_by_role("link", name="Ordres de recette à prendre en charge").click()
    page.locator(f"a[href='/recettes/{ordre.pk}/']").click()
    for case in page.get_by_label("conforme", exact=True).all():
        case.check()
    page.get_by_role("button", name="Prendre en charge").click()
    expect(page.get_by_text(f"Ordre n° {ordre.reference} pris en charge.")).to_be_visible()
    page.screenshot(path=str(CAPTURES / "prise_en_charge.png"), full_page=True)

    assert solde_4671() - avant == ordre.montant
    page.get_by_role("link", name="Balance").first.click()
    page.get_by_role("button", name="Afficher").click()
    ligne = page.get_by_role("row").filter(has=page.get_by_role("link", name="4671", exact=True))
    attendu = f"{solde_4671():,.2f}".replace(",", "\u00a0").replace(".", ",")
    expect(ligne).to_contain_text(attendu)

    reponse = page.request.get(f"{live_server.url}/recettes/{ordre.pk}/pdf/")
    assert reponse.ok and reponse.body().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        texte = subprocess.run(
            ["pdftotext", "-", "-"], input=reponse.body(), capture_output=True, check=True
        ).stdout
        assert "sept cent vingt euros" in texte.decode()


def test_depense_suspendue_completee_visee_et_une_autre_requise(page, live_server, demo):
    from depenses.models import OrdreDepense, Requisition

    loyer = OrdreDepense.objects.get(objet__startswith="Loyer de l'annexe")
    huissier = OrdreDepense.objects.get(objet="Signification d'un jugement")

    # The directrice signs the rent order in the parapheur.
    _connexion(page, live_server, "directrice")
    page.get_by_role("link", name="Parapheur").first.click()
    page.get_by_label(f"Signer l'ordre de dépense {loyer.reference}").check()
    page.get_by_label("Mot de passe (signature)").fill(mot_de_passe_demo("directrice"))
    page.get_by_role("button", name="Signer la sélection").click()
    expect(page.get_by_text(f"1 ordre(s) de dépense signé(s) : {loyer.reference}.")).to_be_visible()
    page.get_by_role("button", name="Se déconnecter").click()

    # The agent comptable sees the missing service fait and suspends.
    _connexion(page, live_server, "comptable")
    page.get_by_role("link", name="Ordres de dépense à viser").click()
    page.locator(f"a[href='/depenses/{loyer.pk}/']").click()
    expect(
        page.get_by_text("Aucune attestation de service fait ni d'ouverture de droits.")
    ).to_be_visible()
    page.screenshot(path=str(CAPTURES / "controles_depense.png"), full_page=True)
    page.get_by_label("Motif").select_option("service_fait")
    page.get_by_label("Explication").fill("Attestation de service fait absente")
    page.get_by_role("button", name="Suspendre").click()
    expect(page.get_by_text(f"Paiement de l'ordre n° {loyer.reference} suspendu.")).to_be_visible()
    # He also suspends the bailiff's order for missing pièces.
    page.goto(f"{live_server.url}/depenses/{huissier.pk}/")
    page.get_by_label("Motif").select_option("pieces")
    page.get_by_label("Explication").fill("Copie du jugement absente")
    page.get_by_role("button", name="Suspendre").click()
    page.get_by_role("button", name="Se déconnecter").click()

    # The directrice completes the first and requisitions the second.
    _connexion(page, live_server, "directrice")
    page.goto(f"{live_server.url}/depenses/{loyer.pk}/")
    page.get_by_label("Ce qui complète le dossier").fill("Attestation du gestionnaire de l'annexe")
    page.get_by_label("Service fait le (si c'est ce qui manquait)").fill(
        horloge.aujourdhui().isoformat()
    )
    page.get_by_role("button", name="Compléter et renvoyer à l'agent comptable").click()
    expect(page.get_by_text("complété et renvoyé à l'agent comptable")).to_be_visible()
    page.goto(f"{live_server.url}/depenses/{huissier.pk}/")
    page.get_by_label("Motif écrit de la réquisition").fill(
        "Délai de procédure : l'huissier doit être payé"
    )
    page.get_by_label("Mot de passe (signature)").fill(mot_de_passe_demo("directrice"))
    page.get_by_role("button", name="Signer la réquisition").click()
    expect(page.get_by_text("est requis et attend le visa de l'agent comptable")).to_be_visible()
    reponse = page.request.get(f"{live_server.url}/depenses/{huissier.pk}/pdf/")
    assert reponse.ok and reponse.body().startswith(b"%PDF")
    page.get_by_role("button", name="Se déconnecter").click()

    # The agent comptable visas the completed order.
    _connexion(page, live_server, "comptable")
    page.goto(f"{live_server.url}/depenses/{loyer.pk}/")
    page.locator("input[name='controle_imputation'][value='conforme']").check()
    page.locator("input[name='controle_validite_dette'][value='conforme']").check()
    page.get_by_role("button", name="Viser l'ordre").click()
    expect(page.get_by_text(f"Ordre n° {loyer.reference} visé.")).to_be_visible()
    # He defers to the réquisition: the visa and its entry are his (circ. 93/82 §1.1.1).
    page.goto(f"{live_server.url}/depenses/{huissier.pk}/")
    page.get_by_role("button", name="Viser sur réquisition").click()
    expect(page.get_by_text(f"Ordre n° {huissier.reference} visé sur réquisition")).to_be_visible()

    # The board's report lists the réquisition.
    page.goto(f"{live_server.url}/depenses/requisitions/")
    expect(page.locator(f"a[href='/depenses/{huissier.pk}/']")).to_be_visible()
    expect(page.get_by_text("Délai de procédure")).to_be_visible()
    page.screenshot(path=str(CAPTURES / "requisitions.png"), full_page=True)
    assert OrdreDepense.objects.get(pk=loyer.pk).etat == "vise"
    assert OrdreDepense.objects.get(pk=huissier.pk).ecriture.passee_par.username == "comptable"
    assert Requisition.objects.get(ordre=huissier).reponse.par.username == "comptable"


def _texte_pdf(contenu: bytes, tmp_path) -> str:
    chemin = tmp_path / "document.pdf"
    chemin.write_bytes(contenu)
    texte = subprocess.run(
        ["pdftotext", "-layout", str(chemin), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(texte.replace("\u00a0", " ").split())


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils absent")
def test_un_ordre_paye_en_especes_au_guichet_donne_sa_quittance(page, live_server, demo, tmp_path):
    from recettes.models import OrdreRecette
    from recettes.services import reste_a_recouvrer

    ordre = OrdreRecette.objects.get(nature="recuperation_indu", etat="pris_en_charge")
    _connexion(page, live_server, "comptable")
    page.goto(f"{live_server.url}/recettes/{ordre.pk}/")
    page.get_by_role("link", name="Encaisser le règlement de Mme Martin").click()
    # The desk's form comes prefilled: cash, the caisse, what remains on Mme Martin.
    expect(page.get_by_label("Montant encaissé (€)")).to_have_value(re.compile(r"^312[.,]40$"))
    expect(page.get_by_role("textbox", name="Partie versante")).to_have_value("Mme Martin")
    page.get_by_label("Objet du versement").fill("Remboursement de l'indu, au guichet")
    page.get_by_role("button", name="Enregistrer l'encaissement").click()
    lien = page.get_by_role("link", name="Quittance n°")
    expect(lien).to_be_visible()
    CAPTURES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(CAPTURES / "encaissement.png"), full_page=True)
    reponse = page.request.get(live_server.url + lien.get_attribute("href"))
    assert reponse.headers["content-type"] == "application/pdf"
    texte = _texte_pdf(reponse.body(), tmp_path)
    assert "QUITTANCE" in texte and "Mme Martin" in texte
    assert "trois cent douze euros et quarante centimes" in texte
    assert "312,40 €" in texte and f"Ordre de recette n° {ordre.reference}".lower() in texte.lower()
    assert reste_a_recouvrer(OrdreRecette.objects.get(pk=ordre.pk)) == Decimal("0.00")


def test_un_lot_de_deux_ordres_vises_est_paye_et_son_fichier_sepa_se_telecharge(
    page, live_server, demo, tmp_path
):
    from lxml import etree

    from depenses.models import OrdreDepense
    from tresorerie.sepa import valider_pain001

    # Three visaed orders in the demo: these two, and the pension whose transfer the
    # bank returned (issue 15), which waits for corrected bank details.
    vises = list(OrdreDepense.objects.filter(etat="vise", retours__isnull=True).order_by("numero"))
    assert len(vises) == 2
    _connexion(page, live_server, "comptable")
    page.get_by_role("link", name="Ordres de dépense visés à payer : 3").click()
    expect(page.get_by_role("link", name="virement revenu")).to_be_visible()
    for o in vises:
        page.get_by_label(f"Payer l'ordre {o.reference}").check()
    page.get_by_role("button", name="Payer la sélection").click()
    expect(
        page.get_by_role("link", name="Télécharger le fichier SEPA (pain.001.001.09)")
    ).to_be_visible()
    page.screenshot(path=str(CAPTURES / "lot.png"), full_page=True)
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger le fichier SEPA (pain.001.001.09)").click()
    fichier = tmp_path / "pain001.xml"
    telechargement.value.save_as(fichier)
    contenu = fichier.read_bytes()
    valider_pain001(contenu)
    ns = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"}  # the default version
    document = etree.fromstring(contenu)
    assert document.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=ns) == "2"
    total = sum(o.montant for o in vises)
    assert Decimal(document.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=ns)) == total
    assert {o.etat for o in OrdreDepense.objects.filter(pk__in=[o.pk for o in vises])} == {"paye"}
    # The auditor reads the batch and its file, with no act offered.
    lot = page.url
    page.get_by_role("button", name="Se déconnecter").click()
    _connexion(page, live_server, "auditeur")
    page.goto(lot)
    expect(
        page.get_by_role("link", name="Télécharger le fichier SEPA (pain.001.001.09)")
    ).to_be_visible()
    page.goto(f"{live_server.url}/tresorerie/paiements/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.get_by_role("button", name="Payer la sélection").count() == 0
