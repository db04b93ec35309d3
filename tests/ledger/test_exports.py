"""The files auditors take away: the FEC (checked against the format of
article A47 A-1 written out here, not with the exporter's own code), and the
grand livre, journaux and integrity report as PDF and CSV."""

import csv
import datetime
import io
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from ledger.services import LigneSaisie, ecriture_passer
from tests.ledger.test_pages import livres_exemple

pytestmark = pytest.mark.django_db

pdf_requis = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils absent (make test l'installe)"
)


def texte_pdf(contenu: bytes) -> str:
    sortie = subprocess.run(
        ["pdftotext", "-", "-"], input=contenu, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(sortie.split())


def _contenu(reponse) -> bytes:
    return b"".join(reponse.streaming_content) if reponse.streaming else reponse.content


@pytest.fixture
def ecritures(comptable, exercice):
    """The ledger pages' example books, a cotisation labelled with a tab and a pipe."""
    livres_exemple(
        comptable,
        exercice,
        libelle_cotisations="Cotisations\tde | février",
        piece="ordre_recette:2026-0001",
    )


# --- The FEC -------------------------------------------------------------------

# Article A47 A-1 of the Livre des procédures fiscales: the 18 fields, in order.
CHAMPS_A47A1 = [
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
]
OBLIGATOIRES = ("JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum")
OBLIGATOIRES += ("CompteLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit")
DATE = re.compile(r"^\d{8}$")
MONTANT = re.compile(r"^\d+,\d{2}$")  # decimal comma, no thousands separator


def verifier_fec(nom: str, contenu: bytes, annee: int) -> list[dict]:
    """An independent reading of a FEC: returns its records as dicts."""
    assert re.fullmatch(r"\d{9}FEC\d{8}\.txt", nom), nom
    cloture = datetime.datetime.strptime(nom[12:20], "%Y%m%d").date()
    assert cloture == datetime.date(annee, 12, 31)
    texte = contenu.decode("utf-8")
    assert texte.endswith("\r\n")
    lignes = texte[:-2].split("\r\n")
    separateur = "\t" if "\t" in lignes[0] else "|"
    assert lignes[0].split(separateur) == CHAMPS_A47A1
    enregistrements = []
    for numero, ligne in enumerate(lignes[1:], start=2):
        champs = ligne.split(separateur)
        assert len(champs) == 18, f"ligne {numero} : {len(champs)} champs"
        e = dict(zip(CHAMPS_A47A1, champs, strict=True))
        for nom_champ in OBLIGATOIRES:
            assert e[nom_champ], f"ligne {numero} : {nom_champ} vide"
        for nom_champ in ("EcritureDate", "PieceDate", "ValidDate"):
            assert DATE.match(e[nom_champ]), (numero, nom_champ, e[nom_champ])
            datetime.datetime.strptime(e[nom_champ], "%Y%m%d")
        assert e["EcritureDate"][:4] == str(annee)
        assert re.match(r"^\d{3}", e["CompteNum"]) or re.match(r"^\d{2}$", e["CompteNum"])
        assert MONTANT.match(e["Debit"]) and MONTANT.match(e["Credit"]), numero
        debit, credit = (Decimal(e[c].replace(",", ".")) for c in ("Debit", "Credit"))
        assert (debit > 0) != (credit > 0), f"ligne {numero} : un seul sens"
        assert bool(e["CompAuxNum"]) == bool(e["CompAuxLib"])
        assert not e["Montantdevise"] and not e["Idevise"]
        e["debit"], e["credit"] = debit, credit
        enregistrements.append(e)
    # Each entry balances, and numbers run without a gap in each journal.
    par_ecriture: dict[tuple, Decimal] = {}
    for e in enregistrements:
        cle = (e["JournalCode"], e["EcritureNum"])
        par_ecriture[cle] = par_ecriture.get(cle, Decimal(0)) + e["debit"] - e["credit"]
    assert all(solde == 0 for solde in par_ecriture.values()), par_ecriture
    return enregistrements


def test_le_fec_respecte_le_format_de_l_article_a47_a_1(client, auditeur, exercice, ecritures):
    client.force_login(auditeur)
    reponse = client.get(reverse("ledger:exercice_fec", args=[exercice.annee]))
    assert reponse.status_code == 200
    nom = re.search(r'filename="([^"]+)"', reponse["Content-Disposition"]).group(1)
    assert nom == f"{settings.SIREN_ORGANISME}FEC{exercice.annee}1231.txt"
    enregistrements = verifier_fec(nom, _contenu(reponse), exercice.annee)

    assert len(enregistrements) == 8
    assert sum(e["debit"] for e in enregistrements) == Decimal("1022595.77")
    assert sum(e["credit"] for e in enregistrements) == Decimal("1022595.77")
    # The à-nouveaux first, then in the order of validation.
    assert [e["EcritureNum"] for e in enregistrements[::2]] == ["AN-1", "RE-1", "TR-1", "DE-1"]
    cotisation = enregistrements[2]
    assert cotisation["EcritureDate"] == f"{exercice.annee}0201"
    assert cotisation["CompteNum"] == "4111" and cotisation["Debit"] == "12345,67"
    assert cotisation["PieceRef"] == "ordre_recette:2026-0001"
    # Neither the tab nor the pipe of the label breaks the fields.
    assert cotisation["EcritureLib"] == "Cotisations de février — Garage Lambert"
    assert enregistrements[0]["PieceRef"] == "AN-1"  # no pièce: its number
    assert enregistrements[0]["ValidDate"] == f"{exercice.annee}0615"  # the suite's day


def test_le_fec_est_refuse_a_la_directrice_et_donne_par_l_api(
    client, directrice, comptable, exercice, ecritures
):
    client.force_login(directrice)
    assert client.get(reverse("ledger:exercice_fec", args=[exercice.annee])).status_code == 403
    assert "Télécharger le FEC" not in client.get(reverse("ledger:exercices")).content.decode()

    api = APIClient()
    api.force_authenticate(directrice)
    refus = api.get(reverse("api_exercice_fec", args=[exercice.annee]))
    assert refus.status_code == 403
    assert "fichier des écritures comptables" in refus.json()["message"]

    api.force_authenticate(comptable)
    reponse = api.get(reverse("api_exercice_fec", args=[exercice.annee]))
    nom = re.search(r'filename="([^"]+)"', reponse["Content-Disposition"]).group(1)
    assert len(verifier_fec(nom, _contenu(reponse), exercice.annee)) == 8
    introuvable = api.get(reverse("api_exercice_fec", args=[exercice.annee - 5]))
    assert introuvable.status_code == 404


def test_la_commande_ecrit_le_fec_dans_le_dossier(tmp_path, exercice, ecritures):
    sortie = io.StringIO()
    call_command("exporter_fec", str(exercice.annee), "--dossier", str(tmp_path), stdout=sortie)
    nom = f"{settings.SIREN_ORGANISME}FEC{exercice.annee}1231.txt"
    assert f"({8} lignes)" in sortie.getvalue()
    assert len(verifier_fec(nom, (tmp_path / nom).read_bytes(), exercice.annee)) == 8


# --- The books as CSV and PDF --------------------------------------------------


def _csv(reponse) -> list[list[str]]:
    assert reponse["Content-Type"].startswith("text/csv")
    texte = _contenu(reponse).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(texte), delimiter=";"))


def test_grand_livre_en_csv_et_pdf(client, auditeur, exercice, ecritures):
    client.force_login(auditeur)
    choix = {"exercice": exercice.annee, "compte": "411"}
    lignes = _csv(client.get(reverse("ledger:grand_livre_csv"), choix))
    assert lignes[0] == ["Date", "Pièce", "Libellé", "Tiers", "Débit", "Crédit", "Solde"]
    assert lignes[1][-1] == "0,00"
    assert lignes[2][1:] == [
        "RE-1",
        "Cotisations\tde | février",
        "Garage Lambert",
        "12345,67",
        "0,00",
        "12345,67",
    ]
    assert lignes[-1][-3:] == ["12345,67", "10000,00", "2345,67"]
    if shutil.which("pdftotext"):
        reponse = client.get(reverse("ledger:grand_livre_pdf"), choix)
        assert reponse["Content-Type"] == "application/pdf"
        texte = texte_pdf(reponse.content)
        assert f"Grand livre — compte 411 — {settings.NOM_ORGANISME}" in texte
        assert "RE-1" in texte and "Garage Lambert" in texte
        assert "Totaux de la période et solde final" in texte
        assert "12 345,67" in texte and "2 345,67" in texte


def test_journaux_en_csv_et_pdf(client, auditeur, exercice, ecritures):
    client.force_login(auditeur)
    lignes = _csv(client.get(reverse("ledger:ecritures_csv"), {"exercice": exercice.annee}))
    assert lignes[0][:4] == ["Journal", "Numéro", "Date", "Libellé de l'écriture"]
    assert len(lignes) == 1 + 8 + 1
    assert lignes[-1][-2:] == ["1022595,77", "1022595,77"]
    seul_re = _csv(
        client.get(reverse("ledger:ecritures_csv"), {"exercice": exercice.annee, "journal": "RE"})
    )
    assert [ligne[5] for ligne in seul_re[1:-1]] == ["4111", "7511"]
    assert seul_re[-1][-2:] == ["12345,67", "12345,67"]
    if shutil.which("pdftotext"):
        reponse = client.get(
            reverse("ledger:ecritures_pdf"), {"exercice": exercice.annee, "journal": "TR"}
        )
        texte = texte_pdf(reponse.content)
        assert "Journal TR — Trésorerie" in texte
        assert "TR-1" in texte and "RE-1" not in texte
        assert "Totaux (1 écriture)" in texte and "10 000,00" in texte


def test_un_pdf_trop_gros_renvoie_a_la_page_avec_le_motif(
    client, auditeur, exercice, ecritures, monkeypatch
):
    monkeypatch.setattr("ledger.pdf.LIMITE_PDF", 2)
    client.force_login(auditeur)
    reponse = client.get(reverse("ledger:ecritures_pdf"), {"exercice": exercice.annee}, follow=True)
    contenu = reponse.content.decode()
    assert "Trop de écritures pour un PDF (4, au plus 2)" in contenu.replace("&#x27;", "'")


def test_rapport_d_integrite_en_csv_et_pdf(client, auditeur, exercice, ecritures):
    client.force_login(auditeur)
    lignes = _csv(client.get(reverse("ledger:integrite_csv")))
    assert lignes[1][:6] == [str(exercice.annee), "ouvert", "4", "8", "1022595,77", "1022595,77"]
    assert re.fullmatch(r"[0-9a-f]{64}", lignes[1][6])
    assert lignes[-1] == ["Aucune anomalie : le grand livre est intègre."]
    if shutil.which("pdftotext"):
        texte = texte_pdf(client.get(reverse("ledger:integrite_pdf")).content)
        assert "Rapport d'intégrité du grand livre" in texte
        assert "Aucune anomalie : le grand livre est intègre." in texte
        assert "1 022 595,77 €" in texte


# --- The grand livre's pages carry the balance ---------------------------------


def test_la_page_2_du_grand_livre_reporte_le_solde_de_la_page_1(
    client, auditeur, comptable, exercice
):
    a = datetime.date(exercice.annee, 1, 1)
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="AN",
        date=a,
        libelle="À-nouveaux",
        lignes=[LigneSaisie("4111", debit="1000"), LigneSaisie("102", credit="1000")],
    )
    # 250 lines on 4111: page 1 holds the first 200 (200,00 €), page 2 the rest.
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="RE",
        date=a.replace(month=2),
        libelle="Cotisations",
        lignes=[LigneSaisie("4111", debit="1") for _ in range(250)]
        + [LigneSaisie("7511", credit="250")],
    )
    client.force_login(auditeur)
    choix = {"exercice": exercice.annee, "compte": "4111"}
    page1 = client.get(reverse("ledger:grand_livre"), choix).content.decode().replace("\xa0", " ")
    assert 'Solde d\'ouverture</td><td class="montant">1 000,00' in page1
    suivante = re.search(r'href="\?([^"]*)">Page suivante', page1)[1].replace("&amp;", "&")
    page2 = client.get(f"{reverse('ledger:grand_livre')}?{suivante}").content.decode()
    page2 = page2.replace("\xa0", " ")
    assert 'lignes précédentes</td><td class="montant">1 200,00' in page2
    assert '<td class="montant">1 201,00</td></tr>' in page2  # its first line
    assert "1 250,00" in page2  # the final balance


# --- hledger reads our export as we read our books ------------------------------

hledger_requis = pytest.mark.skipif(
    shutil.which("hledger") is None, reason="hledger n'est pas installé (make test l'installe)"
)


def _hledger(fichier, *arguments) -> str:
    return subprocess.run(
        ["hledger", "-f", str(fichier), *arguments], check=True, capture_output=True, text=True
    ).stdout


def _totaux_csv(sortie: str) -> dict[str, Decimal]:
    """The totals rows of `hledger bs/is -O csv` by their section's title."""
    totaux, section = {}, None
    for rangee in csv.reader(io.StringIO(sortie)):
        if len(rangee) < 2:
            continue
        nom, montant = rangee[0], rangee[-1]
        if nom in ("Assets", "Liabilities", "Equity", "Revenues", "Expenses"):
            section = nom
        elif nom.lower().rstrip(":") in ("total", "net"):
            valeur = Decimal(montant.replace(" EUR", "").replace(",", "") or "0")
            totaux["Net" if nom.lower().startswith("net") else section] = valeur
    return totaux


@hledger_requis
def test_hledger_check_strict_bilan_et_resultat_sur_la_caisse_de_demo(tmp_path, caisse_demo):
    from core import horloge
    from ledger.models import Exercice
    from ledger.selectors import balance_generale

    exercice = Exercice.objects.get(annee=horloge.aujourdhui().year)
    fichier = tmp_path / "export.journal"
    call_command("exporter_journal", str(exercice.annee), "--sortie", str(fichier))
    _hledger(fichier, "check", "--strict")
    _hledger(fichier, "check", "payees", "ordereddates")

    par_classe: dict[int, Decimal] = {}
    for ligne in balance_generale(exercice=exercice).lignes:
        solde = ligne.solde_debit - ligne.solde_credit
        par_classe[ligne.classe] = par_classe.get(ligne.classe, Decimal(0)) + solde
    resultat = -(par_classe.get(7, Decimal(0)) + par_classe.get(6, Decimal(0)))  # 7 − 6

    bilan = _totaux_csv(_hledger(fichier, "balancesheetequity", "-O", "csv"))
    compte_resultat = _totaux_csv(_hledger(fichier, "incomestatement", "-O", "csv"))
    # Classes 1 to 5 make the bilan, whatever their type; 6 and 7 the result.
    assert bilan["Assets"] - bilan["Liabilities"] - bilan["Equity"] == sum(
        par_classe.get(c, Decimal(0)) for c in range(1, 6)
    )
    assert compte_resultat["Revenues"] == -par_classe.get(7, Decimal(0))
    assert compte_resultat["Expenses"] == par_classe.get(6, Decimal(0))
    assert compte_resultat["Net"] == resultat
    assert resultat != 0
    # What the bilan does not balance is the result not yet carried to class 1.
    assert bilan["Net"] == resultat
    assert bilan["Assets"] > 0 and bilan["Equity"] > 0
