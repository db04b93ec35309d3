"""The compte financier of the agent comptable (circ. 93/82 §IV): established
once per ended exercise from its frozen balance après inventaire, the
commission de contrôle's report (a PDF) joined under its SHA-256; numbered,
dated, hashed, kept by PostgreSQL; read and downloaded by the auditor, who
changes nothing."""

import datetime
import hashlib
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from rest_framework.test import APIClient

from comptes_annuels import compte_financier, selectors
from comptes_annuels.models import CompteFinancier
from comptes_annuels.services import compte_financier_etablir
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from ledger.services import balance_figer, exercice_ouvrir_periode_complementaire
from tests.fichiers import pdf
from tests.savepoint import refus_sql
from tests.tresorerie.test_pages import page, texte_pdf

pytestmark = pytest.mark.django_db
D = datetime.date
RAPPORT = pdf("rapport de la commission de contrôle")
SHA_RAPPORT = hashlib.sha256(RAPPORT).hexdigest()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def termine(horloge, comptable, livres):
    """N ended, in its période complémentaire, its balances avant and après
    inventaire frozen; the clock on 20 January N+1."""
    a = livres.annee
    horloge(D(a + 1, 1, 2))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=livres)
    balance_figer(acting_user=comptable, exercice=livres, nature="avant_inventaire")
    balance_figer(acting_user=comptable, exercice=livres, nature="apres_inventaire")
    horloge(D(a + 1, 1, 20))
    livres.refresh_from_db()
    return livres


def etablir(utilisateur, exercice, *, nom="rapport_commission.pdf", contenu=RAPPORT, le=None):
    return compte_financier_etablir(
        acting_user=utilisateur,
        exercice=exercice,
        commission_le=le or D(exercice.annee + 1, 1, 15),
        rapport_nom=nom,
        rapport=contenu,
    )


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def test_etabli_numerote_date_et_scelle(comptable, termine):
    cf = etablir(comptable, termine)
    a = termine.annee
    assert (cf.numero, cf.reference) == (1, f"{a}-CF-001")
    assert cf.balance.nature == "apres_inventaire" and cf.balance.exercice == termine
    assert cf.empreinte == compte_financier.empreinte(cf)
    assert compte_financier.verification(cf)[0]
    assert cf.rapport_sha256 == SHA_RAPPORT and cf.rapport.read() == RAPPORT
    chiffres = cf.contenu["chiffres"]
    assert chiffres["total_actif"] == chiffres["total_passif"] == "1012245.67"
    assert chiffres["resultat"] == "11945.57" and chiffres["resultat_verifie"] is True
    assert [s["cle"] for s in cf.contenu["sections"]] == list(compte_financier.SECTIONS)
    tresorerie = compte_financier.section(cf, "tresorerie")["tableaux"][0]
    assert tresorerie["lignes"] == [["5122", tresorerie["lignes"][0][1], "1010000.00", "0.00"]]
    assert cf.contenu["couverture"]["agent_comptable"] == comptable.get_full_name()
    assert selectors.compte_financier_de(termine) == cf
    assert JournalAudit.objects.filter(
        acte="comptes_annuels.compte_financier_etablir", objet_id=str(cf.pk)
    ).exists()


def test_refus_avant_la_fin_de_l_exercice_et_sans_balance_apres_inventaire(
    horloge, comptable, livres
):
    a = livres.annee
    with pytest.raises(TransitionInterdite, match=f"L'exercice {a} n'est pas terminé"):
        etablir(comptable, livres, le=D(a, 6, 1))
    horloge(D(a + 1, 1, 2))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=livres)
    with pytest.raises(
        TransitionInterdite,
        match=f"La balance après inventaire de l'exercice {a} n'est pas figée",
    ):
        etablir(comptable, livres)
    assert not CompteFinancier.objects.exists()


def test_refus_a_qui_n_est_pas_agent_comptable(directrice, auditeur, termine):
    for personne in (directrice, auditeur):
        with pytest.raises(
            DroitInsuffisant,
            match=r"Seul l'agent comptable \(ou son fondé de pouvoir\) peut établir le compte",
        ):
            etablir(personne, termine)
    assert not CompteFinancier.objects.exists()


@pytest.mark.parametrize(
    ("nom", "contenu", "message"),
    [
        ("rapport.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "n'est pas ce qu'il prétend être"),
        ("rapport.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "« rapport.png » n'en est pas un"),
        ("rapport.pdf", b"", "Joignez le rapport de la commission de contrôle"),
        ("rapport.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "dépasse la taille admise"),
    ],
)
def test_un_rapport_qui_n_est_pas_un_pdf_est_refuse(comptable, termine, nom, contenu, message):
    with pytest.raises(DonneeInvalide, match=message):
        etablir(comptable, termine, nom=nom, contenu=contenu)
    assert not CompteFinancier.objects.exists()


def test_une_fois_par_exercice_et_pas_de_commission_future(comptable, termine):
    a = termine.annee
    with pytest.raises(DonneeInvalide, match="ne peut être postérieure à aujourd'hui"):
        etablir(comptable, termine, le=D(a + 1, 2, 1))
    cf = etablir(comptable, termine)
    with pytest.raises(
        TransitionInterdite,
        match=f"Le compte financier de l'exercice {a} est déjà établi \\(n° {cf.reference}",
    ):
        etablir(comptable, termine)
    assert CompteFinancier.objects.count() == 1


def test_postgresql_garde_le_compte_financier(comptable, termine):
    cf = etablir(comptable, termine)
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE comptes_annuels_comptefinancier SET empreinte = repeat('0', 64)"
        ),
        "Le compte financier établi ne se modifie ni ne se supprime.",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM comptes_annuels_comptefinancier"),
        "Le compte financier établi ne se modifie ni ne se supprime.",
    )
    precedent = cf.exercice.__class__.objects.get(annee=cf.exercice.annee - 1)

    def inserer(numero, exercice_id):
        return lambda cur: cur.execute(
            "INSERT INTO comptes_annuels_comptefinancier (numero, exercice_id, balance_id, "
            "etabli_le, etabli_par_id, qualite, agent_comptable, commission_le, rapport, "
            "rapport_nom, rapport_taille, rapport_sha256, contenu, empreinte) "
            "VALUES (%s, %s, %s, now(), %s, 'x', 'x', %s, 'x.pdf', 'x.pdf', 1, %s, '{}', %s)",
            [numero, exercice_id, cf.balance_id, cf.etabli_par_id, cf.commission_le]
            + ["a" * 64, "b" * 64],
        )

    refus_sql(inserer(3, precedent.pk), "doit porter le numéro 2")
    refus_sql(
        inserer(2, precedent.pk),
        "s'établit sur la balance après inventaire figée de son exercice",
    )
    assert CompteFinancier.objects.get().empreinte == cf.empreinte


def test_le_pdf_contient_les_totaux_du_bilan_et_l_empreinte_du_rapport(
    client, auditeur, comptable, termine
):
    cf = etablir(comptable, termine)
    a = termine.annee
    client.force_login(auditeur)
    reponse = client.get(f"/comptes-annuels/{a}/compte-financier/compte_financier.pdf")
    assert reponse.status_code == 200
    assert reponse["Content-Disposition"] == (
        f'attachment; filename="compte_financier_{a}_compte_financier.pdf"'
    )
    pdf = texte_pdf(reponse.content)
    assert f"Compte financier de l'exercice {a}" in pdf
    assert f"Agent comptable en fonction {comptable.get_full_name()}" in pdf
    assert "Total actif 1 012 245,67 € 1 000,00 €" in pdf
    # the passif's total (pdftotext reads a wrapped label apart from its row)
    assert "Total passif" in pdf and pdf.count("1 012 245,67 € 1 000,00 €") == 2
    assert "total de l'actif 1 012 245,67 €, total du passif 1 012 245,67 €" in pdf
    assert "Restes à payer au 31 décembre" in pdf and "Situation de la trésorerie" in pdf
    colle = pdf.replace(" ", "")
    assert SHA_RAPPORT in colle and cf.empreinte in colle
    assert "rapport de la commission de contrôle" in pdf.lower()


def test_l_auditeur_lit_et_telecharge_sans_rien_changer(client, auditeur, comptable, termine):
    a = termine.annee
    client.force_login(auditeur)
    texte = page(client.get(f"/comptes-annuels/{a}/"))
    assert "n'est pas encore établi par l'agent comptable" in texte
    assert "Établir le compte financier" not in texte
    reponse = client.post(
        f"/comptes-annuels/{a}/compte-financier/etablir/",
        {"commission_le": f"{a + 1}-01-15", "rapport": SimpleUploadedFile("r.pdf", RAPPORT)},
    )
    assert reponse.status_code == 403
    reponse = _api(auditeur).post(
        f"/api/comptes-annuels/{a}/compte-financier/",
        {"commission_le": f"{a + 1}-01-15", "rapport": SimpleUploadedFile("r.pdf", RAPPORT)},
        format="multipart",
    )
    assert reponse.status_code == 403
    assert (
        "Seul l'agent comptable (ou son fondé de pouvoir) peut établir" in reponse.json()["message"]
    )
    assert not CompteFinancier.objects.exists()
    cf = etablir(comptable, termine)
    texte = page(client.get(f"/comptes-annuels/{a}/"))
    assert f"Compte financier n° {cf.reference} établi" in texte
    detail = page(client.get(f"/comptes-annuels/{a}/compte-financier/"))
    assert "Empreinte vérifiée : le compte financier est celui qui a été établi." in detail
    assert "1 012 245,67 €" in detail
    rapport = client.get(f"/comptes-annuels/{a}/compte-financier/rapport.pdf")
    assert rapport.content == RAPPORT and rapport["X-Piece-Sha256"] == SHA_RAPPORT
    bilan = client.get(f"/comptes-annuels/{a}/compte-financier/bilan.csv").content.decode()
    assert "Actif;;Total actif;;1012245.67;1000.00" in bilan.splitlines()
    assert client.get(f"/comptes-annuels/{a}/compte-financier/inconnu.csv").status_code == 404
    lu = _api(auditeur).get(f"/api/comptes-annuels/{a}/compte-financier/").json()
    assert lu["reference"] == cf.reference and lu["empreinte_verifiee"] is True
    assert lu["rapport"]["sha256"] == SHA_RAPPORT
    assert lu["chiffres"]["total_actif"] == "1012245.67"
    assert (
        _api(auditeur).get(f"/api/comptes-annuels/{a}/compte-financier/rapport/").content == RAPPORT
    )


def test_l_agent_comptable_etablit_par_la_page_et_par_l_api(client, comptable, termine):
    a = termine.annee
    client.force_login(comptable)
    assert "Établir le compte financier" in page(client.get(f"/comptes-annuels/{a}/"))
    refuse = client.post(
        f"/comptes-annuels/{a}/compte-financier/etablir/",
        {"commission_le": f"{a + 1}-01-15", "rapport": SimpleUploadedFile("r.pdf", b"GIF89a...")},
    )
    assert refuse.status_code == 400
    assert "n'est pas ce qu'il prétend être" in page(refuse)
    reponse = _api(comptable).post(
        f"/api/comptes-annuels/{a}/compte-financier/",
        {"commission_le": f"{a + 1}-01-15", "rapport": SimpleUploadedFile("r.pdf", RAPPORT)},
        format="multipart",
    )
    assert reponse.status_code == 201, reponse.content
    assert reponse.json()["numero"] == 1
    second = client.post(
        f"/comptes-annuels/{a}/compte-financier/etablir/",
        {"commission_le": f"{a + 1}-01-15", "rapport": SimpleUploadedFile("r.pdf", RAPPORT)},
    )
    assert second.status_code == 400 and "est déjà établi" in page(second)
    assert CompteFinancier.objects.get().rapport_sha256 == SHA_RAPPORT
    assert Decimal(CompteFinancier.objects.get().contenu["chiffres"]["total_actif"]) > 0


def test_le_schema_openapi_decrit_le_compte_financier(auditeur):
    chemins = _api(auditeur).get("/api/schema/", {"format": "json"}).json()["paths"]
    cf = chemins["/api/comptes-annuels/{annee}/compte-financier/"]
    assert {"get", "post"} <= set(cf)
    assert "multipart/form-data" in cf["post"]["requestBody"]["content"]
    assert "/api/comptes-annuels/{annee}/compte-financier/rapport/" in chemins


def test_sous_le_role_applicatif_il_s_etablit_et_ne_se_modifie_pas(comptable, termine):
    with connection.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
    try:
        cf = etablir(comptable, termine)
        refus_sql(
            lambda cur: cur.execute("UPDATE comptes_annuels_comptefinancier SET numero = 9"),
            "permission denied",
        )
    finally:
        with connection.cursor() as cur:
            cur.execute("RESET ROLE")
    assert CompteFinancier.objects.get().empreinte == cf.empreinte
