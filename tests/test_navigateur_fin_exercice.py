"""A year-end in a real browser (issue 11): in January N+1, during the période
complémentaire of N, the agent comptable records a produit à recevoir and a
provision with their signed états (their PDF downloaded and read), freezes
and downloads the balance après inventaire (PDF and CSV) and posts the
result; the directrice records the board's arrêté of the accounts; after the
délais the agent comptable closes N; the auditor downloads the bilan and the
compte de résultat as PDF."""

import csv
import datetime
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

# The fixtures and marks (navigateur, a real commit) of the other browser tests.
from tests.test_navigateur import CAPTURES, navigateur, pytestmark  # noqa: F401

D = datetime.date
N = 2026
ATTENTE = 20_000  # ms: a long act may run in the background, its page refreshing


def _texte_pdf(chemin) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils absent (make test l'installe)")
    sortie = subprocess.run(
        ["pdftotext", str(chemin), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(sortie.split())


def _telecharger(page, lien, dossier: Path) -> Path:
    with page.expect_download() as telechargement:
        lien.click()
    chemin = dossier / telechargement.value.suggested_filename
    telechargement.value.save_as(chemin)
    return chemin


def _session(navigateur, live_server, login):  # noqa: F811
    """A page of its own browser context, logged in as `login`."""
    from tests.factories import MOT_DE_PASSE

    contexte = navigateur.new_context(accept_downloads=True, locale="fr-FR")
    page = contexte.new_page()
    page.set_default_timeout(ATTENTE)
    page.goto(f"{live_server.url}/connexion/")
    page.get_by_label("Identifiant").fill(login)
    page.get_by_label("Mot de passe").fill(MOT_DE_PASSE)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{live_server.url}/")
    return page


@pytest.fixture
def annee_n(horloge, comptable, directrice, auditeur):
    """N with a few entries; in January N+1 its période complémentaire is open
    and its balance avant inventaire frozen."""
    from comptes_annuels.defaut import charger_correspondances
    from comptes_annuels.models import Correspondance, Rubrique
    from ledger.services import (
        LigneSaisie,
        balance_figer,
        ecriture_passer,
        exercice_ouvrir,
        exercice_ouvrir_periode_complementaire,
    )

    # The default mapping of the comptes annuels (a data migration; the
    # transactional tests empty the tables).
    charger_correspondances(Rubrique, Correspondance)
    horloge(D(N, 6, 15))
    exercice = exercice_ouvrir(acting_user=comptable, annee=N)
    for journal, jour, debit, credit, montant, tiers in (
        ("OD", D(N, 1, 2), "5122", "102", "100000.00", ""),
        ("RE", D(N, 3, 1), "4111", "7511", "5000.00", "SARL Dupuis"),
        ("DE", D(N, 4, 1), "6064", "401", "250.00", "Papeterie Roux"),
    ):
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal=journal,
            date=jour,
            libelle="Opération de l'année",
            lignes=[
                LigneSaisie(debit, debit=montant, tiers=tiers),
                LigneSaisie(credit, credit=montant, tiers=tiers),
            ],
        )
    horloge(D(N + 1, 1, 4))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    balance_figer(acting_user=comptable, exercice=exercice, nature="avant_inventaire")
    return exercice


def _etablir(page, live_server, dossier, nature: str, articles: str) -> str:
    from tests.factories import MOT_DE_PASSE

    page.goto(f"{live_server.url}/inventaire/{N}/")
    page.get_by_role("link", name=re.compile(f"Établir un état : {nature}")).click()
    page.get_by_label("Méthode d'évaluation").fill("Pièces et situation de chaque débiteur")
    page.get_by_label("Articles (un par ligne)").fill(articles)
    page.get_by_label("Mot de passe (signature de l'état)").fill(MOT_DE_PASSE)
    page.get_by_role("button", name="Signer l'état et passer l'écriture").click()
    expect(page.get_by_text(re.compile(r"État d'inventaire n° \d{4}-\d{3} signé"))).to_be_visible()
    pdf = _telecharger(
        page, page.get_by_role("link", name="Télécharger l'état signé (PDF)"), dossier
    )
    return _texte_pdf(pdf)


def test_une_fin_d_exercice_dans_le_navigateur(
    navigateur,  # noqa: F811
    live_server,
    horloge,
    annee_n,
    tmp_path,
):
    from ledger.models import Exercice

    comptable = _session(navigateur, live_server, "comptable")

    # The inventory: a produit à recevoir and a provision, each with its état.
    texte = _etablir(
        comptable,
        live_server,
        tmp_path,
        "produits à recevoir",
        "7511 ; Cotisations de décembre non déclarées ; 12 500,00",
    )
    assert f"État d'inventaire n° {N}-001 : produits à recevoir" in texte
    assert "D253-17-2" in texte and "12 500,00 €" in texte
    assert "Cotisations de décembre non déclarées" in texte
    texte = _etablir(
        comptable,
        live_server,
        tmp_path,
        "provisions pour dépréciation",
        "SARL Dupuis ; Liquidation judiciaire ; 800,00",
    )
    assert f"État d'inventaire n° {N}-002 : provisions pour dépréciation" in texte
    assert "SARL Dupuis" in texte and "6817 491" in texte and "800,00 €" in texte

    # The balance après inventaire, frozen then downloaded.
    comptable.goto(f"{live_server.url}/comptabilite/balances-figees/{N}/")
    comptable.get_by_label("Balance", exact=True).select_option("apres_inventaire")
    comptable.get_by_role("button", name="Figer la balance").click()
    comptable.goto(f"{live_server.url}/comptabilite/balances-figees/{N}/")
    comptable.get_by_role("link", name=re.compile("après inventaire", re.I)).click()
    pdf = _telecharger(
        comptable, comptable.get_by_role("link", name="Télécharger en PDF"), tmp_path
    )
    texte = _texte_pdf(pdf)
    assert "après inventaire" in texte.lower() and "12 500,00" in texte and "800,00" in texte
    fichier = _telecharger(
        comptable, comptable.get_by_role("link", name="Télécharger en CSV"), tmp_path
    )
    rangees = list(csv.reader(io.StringIO(fichier.read_text("utf-8-sig")), delimiter=";"))
    par_compte = {r[0]: r for r in rangees if r and r[0].isdigit()}
    assert {"418", "491", "6817", "7511"} <= set(par_compte)
    assert "12500,00" in par_compte["418"] and "800,00" in par_compte["491"]

    # The result (classes 7 − 6: 17 500,00 − 1 050,00).
    comptable.goto(f"{live_server.url}/comptabilite/exercices/")
    comptable.get_by_role("button", name=f"Passer le résultat {N}").click()
    comptable.goto(f"{live_server.url}/comptabilite/exercices/")
    expect(
        comptable.get_by_text(re.compile(r"Résultat \(.*16\s450,00.*\) : passé"))
    ).to_be_visible()

    # The directrice records the board's arrêté of the accounts.
    directrice = _session(navigateur, live_server, "directrice")
    directrice.goto(f"{live_server.url}/comptabilite/exercices/")
    directrice.get_by_label("Arrêté par le conseil le").fill(f"{N + 1}-01-04")
    directrice.get_by_label("Délibération (référence)").fill(f"CA {N + 1}-03")
    directrice.get_by_role("button", name=f"Enregistrer l'arrêté des comptes {N}").click()
    expect(directrice.get_by_text(f"délibération CA {N + 1}-03")).to_be_visible()

    # After the délais of the période complémentaire, the agent comptable closes N.
    horloge(D(N + 1, 3, 15))
    comptable.goto(f"{live_server.url}/comptabilite/exercices/")
    comptable.get_by_role("button", name="Clore l'exercice").click()
    comptable.goto(f"{live_server.url}/comptabilite/exercices/")
    expect(comptable.get_by_text("Clôture : exercice clos")).to_be_visible()
    assert Exercice.objects.get(annee=N).etat == Exercice.Etat.CLOS
    CAPTURES.mkdir(parents=True, exist_ok=True)
    comptable.screenshot(path=str(CAPTURES / "fin_exercice.png"), full_page=True)

    # The auditor downloads the bilan and the compte de résultat.
    auditeur = _session(navigateur, live_server, "auditeur")
    auditeur.goto(f"{live_server.url}/comptes-annuels/{N}/")
    bilan = _texte_pdf(
        _telecharger(
            auditeur, auditeur.locator(f"a[href='/comptes-annuels/{N}/bilan.pdf']"), tmp_path
        )
    )
    # 5122 100 000,00 + 4111 5 000,00 + 418 12 500,00 − 491 800,00
    assert "Bilan" in bilan and f"{N}" in bilan and "116 700,00" in bilan
    resultat = _texte_pdf(
        _telecharger(
            auditeur, auditeur.locator(f"a[href='/comptes-annuels/{N}/resultat.pdf']"), tmp_path
        )
    )
    assert "Compte de résultat" in resultat
    assert "17 500,00" in resultat and "1 050,00" in resultat and "16 450,00" in resultat
