import csv
import datetime
import io
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse

from ledger.models import Ecriture
from ledger.services import LigneSaisie, ecriture_passer
from tests.factories import MOT_DE_PASSE, UtilisateurFactory

pytestmark = pytest.mark.django_db


def livres_exemple(comptable, exercice, *, libelle_cotisations="Cotisations", piece=""):
    """Opening balances, a cotisation order and its receipt, a purchase."""
    a = datetime.date(exercice.annee, 1, 1)
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="AN",
        date=a,
        libelle="À-nouveaux",
        lignes=[LigneSaisie("5122", debit="1000000"), LigneSaisie("102", credit="1000000")],
    )
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="RE",
        date=a.replace(month=2),
        libelle=libelle_cotisations,
        piece=piece,
        lignes=[
            LigneSaisie("4111", debit="12345.67", tiers="Garage Lambert"),
            LigneSaisie("7511", credit="12345.67"),
        ],
    )
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="TR",
        date=a.replace(month=3),
        libelle="Encaissement",
        lignes=[
            LigneSaisie("5122", debit="10000"),
            LigneSaisie("4111", credit="10000", tiers="Garage Lambert"),
        ],
    )
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="DE",
        date=a.replace(month=4),
        libelle="Fournitures",
        lignes=[LigneSaisie("6064", debit="250.10"), LigneSaisie("401", credit="250.10")],
    )


@pytest.fixture
def ecritures(comptable, exercice):
    livres_exemple(comptable, exercice)


def test_la_page_de_connexion_est_en_francais(client):
    reponse = client.get(reverse("login"))
    contenu = reponse.content.decode()
    assert reponse.status_code == 200
    assert '<html lang="fr">' in contenu
    assert "Mot de passe" in contenu and "Se connecter" in contenu


def test_un_anonyme_est_renvoye_a_la_connexion(client):
    reponse = client.get(reverse("ledger:balance"))
    assert reponse.status_code == 302
    assert reponse.url.startswith(reverse("login"))


def test_une_personne_sans_fonction_ne_voit_rien(client, exercice):
    client.force_login(UtilisateurFactory(username="visiteur"))
    assert client.get(reverse("ledger:balance")).status_code == 403
    assert (
        "Aucune fonction ne vous est attribuée" in client.get(reverse("accueil")).content.decode()
    )


@pytest.mark.parametrize(
    ("login", "attendu"),
    [
        ("comptable", "Tenue des comptes"),
        ("directrice", "Ordonnateur"),
        ("auditeur", "Contrôle (lecture seule)"),
    ],
)
def test_chaque_fonction_a_sa_page_d_accueil(client, request, ecritures, login, attendu):
    utilisateur = request.getfixturevalue(login)
    reponse = client.post(
        reverse("login"), {"username": login, "password": MOT_DE_PASSE}, follow=True
    )
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert attendu in contenu
    assert utilisateur.first_name in contenu
    assert "Restes à recouvrer" in contenu and "2\u00a0345,67\u00a0€" in contenu


def test_la_balance_html_montre_les_totaux_au_format_francais(
    client, auditeur, exercice, ecritures
):
    client.force_login(auditeur)
    reponse = client.get(reverse("ledger:balance"), {"exercice": exercice.annee})
    contenu = reponse.content.decode()
    assert "Balance équilibrée." in contenu
    assert "1\u00a0000\u00a0000,00" in contenu  # opening balance of 5122
    assert "12\u00a0345,67" in contenu


def test_la_balance_csv_est_exacte_et_equilibree(client, auditeur, exercice, ecritures):
    client.force_login(auditeur)
    reponse = client.get(reverse("ledger:balance_csv"), {"exercice": exercice.annee})
    assert reponse["Content-Type"].startswith("text/csv")
    assert f"balance_generale_{exercice.annee}" in reponse["Content-Disposition"]
    lignes = list(csv.reader(io.StringIO(reponse.content.decode("utf-8-sig")), delimiter=";"))
    assert lignes[0][:2] == ["Compte", "Libellé"]
    par_compte = {ligne[0]: ligne for ligne in lignes[1:-1]}
    assert par_compte["5122"][2:] == [
        "1000000,00",
        "0,00",
        "10000,00",
        "0,00",
        "1010000,00",
        "0,00",
    ]
    assert par_compte["4111"][6:] == ["2345,67", "0,00"]
    total = [Decimal(v.replace(",", ".")) for v in lignes[-1][2:]]
    assert lignes[-1][1] == "Total général"
    assert total[0] == total[1] == Decimal("1000000.00")
    assert total[2] == total[3] == Decimal("22595.77")
    assert total[4] == total[5]


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils absent (make test l'installe)"
)
def test_la_balance_pdf_porte_organisme_totaux_et_pages(
    client, auditeur, exercice, ecritures, tmp_path
):
    client.force_login(auditeur)
    reponse = client.get(reverse("ledger:balance_pdf"), {"exercice": exercice.annee})
    assert reponse["Content-Type"] == "application/pdf"
    fichier = tmp_path / "balance.pdf"
    fichier.write_bytes(reponse.content)
    texte = subprocess.run(
        ["pdftotext", "-layout", str(fichier), "-"], capture_output=True, text=True, check=True
    ).stdout
    infos = subprocess.run(
        ["pdfinfo", str(fichier)], capture_output=True, text=True, check=True
    ).stdout
    assert "Caisse primaire d'assurance maladie de Valmont" in texte
    assert f"exercice {exercice.annee}" in texte
    assert "Page 1 sur 1" in texte
    assert "Total général" in texte and "Total classe 4" in texte
    assert "1 000 000,00" in texte.replace("\u00a0", " ")
    assert "Contrôle : total des débits égal au total des crédits" in texte
    largeur, hauteur = (float(v) for v in infos.split("Page size:")[1].split("pts")[0].split(" x "))
    assert largeur > hauteur  # A4 landscape


def test_une_periode_hors_exercice_est_refusee_en_francais(client, auditeur, exercice):
    client.force_login(auditeur)
    reponse = client.get(
        reverse("ledger:balance_csv"),
        {"exercice": exercice.annee, "du": f"{exercice.annee - 1}-12-01"},
    )
    assert reponse.status_code == 400
    assert (
        f"La date doit être comprise dans l&#x27;exercice {exercice.annee}"
        in reponse.content.decode()
    )


def test_le_grand_livre_donne_le_solde_progressif(client, auditeur, exercice, ecritures):
    client.force_login(auditeur)
    reponse = client.get(
        reverse("ledger:grand_livre"), {"exercice": exercice.annee, "compte": "411"}
    )
    contenu = reponse.content.decode()
    assert "12\u00a0345,67" in contenu and "2\u00a0345,67" in contenu
    assert "Garage Lambert" in contenu


def test_le_journal_liste_les_ecritures_avec_peu_de_requetes(
    client, auditeur, exercice, ecritures, django_assert_max_num_queries
):
    client.force_login(auditeur)
    with django_assert_max_num_queries(12):
        reponse = client.get(reverse("ledger:ecritures"), {"exercice": exercice.annee})
    assert "Encaissement" in reponse.content.decode()


def test_le_comptable_passe_une_ecriture_par_le_formulaire_sans_javascript(
    client, comptable, exercice
):
    client.force_login(comptable)
    jour = datetime.date(exercice.annee, 5, 2)
    donnees = {
        "journal": "OD",
        "date": jour.isoformat(),
        "libelle": "Reclassement",
        "piece": "note 12",
        "compte_1": "6064",
        "debit_1": "1 234,50",
        "compte_2": "401",
        "credit_2": "1234,50",
    }
    reponse = client.post(reverse("ledger:saisie"), donnees, follow=True)
    assert "Écriture OD-1 passée." in reponse.content.decode()
    ecriture = Ecriture.objects.get()
    assert sum(ligne.debit for ligne in ecriture.lignes.all()) == Decimal("1234.50")


def test_une_saisie_desequilibree_reaffiche_le_formulaire_avec_le_motif(
    client, comptable, exercice
):
    client.force_login(comptable)
    donnees = {
        "journal": "OD",
        "date": f"{exercice.annee}-05-02",
        "libelle": "Erreur",
        "compte_1": "6064",
        "debit_1": "10",
        "compte_2": "401",
        "credit_2": "9",
    }
    reponse = client.post(reverse("ledger:saisie"), donnees)
    assert reponse.status_code == 400
    assert (
        "n&#x27;est pas équilibrée : débits 10,00\u00a0€, crédits 9,00\u00a0€"
        in reponse.content.decode()
    )
    assert Ecriture.objects.count() == 0


def test_l_auditeur_ne_peut_ni_saisir_ni_contrepasser(client, auditeur, exercice, ecritures):
    client.force_login(auditeur)
    assert client.get(reverse("ledger:saisie")).status_code == 403
    cible = Ecriture.objects.first()
    reponse = client.post(reverse("ledger:ecriture_contrepasser", args=[cible.pk]), follow=True)
    assert "Seul l&#x27;agent comptable" in reponse.content.decode()
    assert Ecriture.objects.count() == 4


def test_le_comptable_contrepasse_depuis_la_page_de_l_ecriture(
    client, comptable, exercice, ecritures
):
    client.force_login(comptable)
    cible = Ecriture.objects.get(journal__code="DE")
    reponse = client.post(reverse("ledger:ecriture_contrepasser", args=[cible.pk]), follow=True)
    assert "Écriture contrepassée par DE-2." in reponse.content.decode()
    assert Ecriture.objects.filter(contrepasse=cible).count() == 1


def test_la_page_d_integrite_vérifie_le_grand_livre(client, auditeur, exercice, ecritures):
    client.force_login(auditeur)
    contenu = client.get(reverse("ledger:integrite"), {"verifier": "1"}).content.decode()
    assert "Aucune anomalie : le grand livre est intègre." in contenu


def test_la_page_des_exercices_mene_aux_balances_figees_et_a_l_inventaire(
    client, auditeur, exercice
):
    client.force_login(auditeur)
    page = client.get(reverse("ledger:exercices")).content.decode()
    annee = exercice.annee
    assert f'href="{reverse("ledger:balances_figees", args=[annee])}"' in page
    assert f'href="{reverse("inventaire:etats", args=[annee])}"' in page
    assert f"Balances figées {annee}" in page and f"Inventaire {annee}" in page
