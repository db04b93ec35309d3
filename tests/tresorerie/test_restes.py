"""Restes à recouvrer are whole (issue 10, point 11): the cotisants of a
collective ordre de recette appear one by one in the restes page, its CSV, the
API and the allocation lists, from the one computation of recettes.selectors;
and the page's agreement with the books is a query against the ledger on each
display (the balance of the receivable accounts), shown with its difference."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from recettes import services as r
from tests.ledger.sql_brut import inserer_ecriture
from tests.savepoint import curseur_en_savepoint
from tests.tresorerie.conftest import comptes, ordre_recette, regisseur  # noqa: F401 (fixtures)
from tests.tresorerie.test_pages import page, sans_pdftotext, texte_pdf
from tresorerie import services as t
from tresorerie.selectors import restes_a_recouvrer
from tresorerie.views.encaissements import lignes_a_recouvrer

pytestmark = pytest.mark.django_db

COTISANTS = {
    "Boulangerie Morel": "2500.00",
    "Hôtel du Lac": "812.35",
    "Garage Lambert": "1204.10",
}
# After Hôtel du Lac paid 300,00 € of its 812,35 €.
RESTES = {
    "Boulangerie Morel": Decimal("2500.00"),
    "Hôtel du Lac": Decimal("512.35"),
    "Garage Lambert": Decimal("1204.10"),
}


@pytest.fixture
def collectif(directrice, comptable, comptes):  # noqa: F811
    """The daily collective order of cotisations, three cotisants, one of whom
    paid part of his share on the compte spécial d'encaissement."""
    ordre = ordre_recette(
        directrice,
        comptable,
        [r.LigneDebiteur(nom, "employeur", montant) for nom, montant in COTISANTS.items()],
        nature="cotisation",
        imputation="7511",
        tiers="4111",
    )
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["ENCAISSEMENT"],
        moyen="virement",
        montant="300.00",
        payeur="Hôtel du Lac",
        objet="Cotisations de mai, acompte",
        repartitions=[t.Repartition(ordre.lignes.get(debiteur="Hôtel du Lac"), "300.00")],
    )
    return ordre


def test_chaque_cotisant_d_un_ordre_collectif_a_sa_ligne_de_reste(collectif):
    etat = restes_a_recouvrer()
    assert {d.debiteur: d.reste for d in etat.debiteurs} == RESTES
    assert all(d.compte == "4111" and d.ordres == 1 for d in etat.debiteurs)
    assert etat.total_reste == sum(RESTES.values())


def test_la_page_et_son_csv_montrent_les_trois_cotisants(client, auditeur, collectif):
    client.force_login(auditeur)
    contenu = page(client.get(reverse("tresorerie:restes")))
    for nom, reste in (
        ("Boulangerie Morel", "2 500,00 €"),
        ("Hôtel du Lac", "512,35 €"),
        ("Garage Lambert", "1 204,10 €"),
    ):
        assert nom in contenu and reste in contenu

    reponse = client.get(reverse("tresorerie:restes"), {"format": "csv"})

    assert reponse["Content-Type"].startswith("text/csv")
    lignes = list(csv.reader(io.StringIO(reponse.content.decode("utf-8-sig")), delimiter=";"))
    assert lignes[0][:2] == ["Compte", "Débiteur"]
    assert {lg[1]: lg[6] for lg in lignes[1:-1]} == {
        "Boulangerie Morel": "2500,00",
        "Hôtel du Lac": "512,35",
        "Garage Lambert": "1204,10",
    }
    assert lignes[-1][1] == "Total" and lignes[-1][6] == "4216,45"


@sans_pdftotext
def test_le_pdf_des_restes_montre_les_cotisants_et_l_accord(client, auditeur, collectif):
    client.force_login(auditeur)
    page_html = page(client.get(reverse("tresorerie:restes")))
    assert "?format=pdf" in page_html
    reponse = client.get(reverse("tresorerie:restes"), {"format": "pdf"})
    assert reponse["Content-Type"] == "application/pdf"
    texte = texte_pdf(reponse.content)
    assert "État des restes à recouvrer" in texte
    for nom in ("Boulangerie Morel", "Hôtel du Lac", "Garage Lambert"):
        assert nom in texte
    assert "4 216,45" in texte
    assert "La comptabilité concorde avec les restes à recouvrer : écart 0,00" in texte


def test_l_api_donne_chaque_cotisant(auditeur, collectif):
    api = APIClient()
    api.force_authenticate(auditeur)
    etat = api.get("/api/tresorerie/restes/").json()
    assert {d["debiteur"]: d["reste"] for d in etat["debiteurs"]} == {
        nom: f"{reste:.2f}" for nom, reste in RESTES.items()
    }
    assert etat["totaux"]["reste"] == "4216.45"


def test_la_liste_d_affectation_offre_chaque_cotisant_avec_son_reste(client, comptable, collectif):
    restes = {
        lg.debiteur: reste for lg, reste in lignes_a_recouvrer() if lg.ordre_id == collectif.pk
    }
    assert restes == RESTES
    client.force_login(comptable)
    contenu = page(client.get(reverse("tresorerie:encaissements")))
    for nom, reste in (
        ("Boulangerie Morel", "2 500,00"),
        ("Hôtel du Lac", "512,35"),
        ("Garage Lambert", "1 204,10"),
    ):
        assert f"{collectif.reference} — {nom} — reste {reste}" in contenu


class _Annulee(Exception):
    pass


# --- The agreement with the books, computed -------------------------------------------


def test_l_accord_avec_la_comptabilite_est_le_solde_du_grand_livre(client, auditeur, collectif):
    etat = restes_a_recouvrer()
    [compte] = etat.accord.comptes
    assert (compte.compte, compte.reste, compte.solde) == (
        "4111",
        Decimal("4216.45"),
        Decimal("4216.45"),
    )
    assert compte.sans_ordre == Decimal("0.00") and compte.ecart == Decimal("0.00")
    client.force_login(auditeur)
    contenu = page(client.get(reverse("tresorerie:restes")))
    assert "La comptabilité concorde avec les restes à recouvrer : écart 0,00 €." in contenu


def test_une_ecriture_passee_en_sql_se_voit_comme_un_ecart(
    client, auditeur, comptable, exercice, collectif
):
    """Someone with SQL access posts 100,00 € on a cotisant's account around the
    services: the next display reads the ledger again and shows the difference."""
    client.force_login(auditeur)
    with pytest.raises(_Annulee), curseur_en_savepoint() as cur:
        inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=exercice.debut,
            lignes=[("4111", "100.00", "0"), ("7511", "0", "100.00")],
        )
        etat = restes_a_recouvrer()
        [compte] = etat.accord.comptes
        assert (compte.reste, compte.solde) == (Decimal("4216.45"), Decimal("4316.45"))
        assert compte.sans_ordre == Decimal("100.00") and compte.ecart == Decimal("100.00")
        contenu = page(client.get(reverse("tresorerie:restes")))
        assert (
            "La comptabilité ne concorde pas avec les restes à recouvrer : écart 100,00 € (solde "
            "au grand livre 4 316,45 €, restes à recouvrer 4 216,45 €)."
        ) in contenu
        api = APIClient()
        api.force_authenticate(auditeur)
        accord = api.get("/api/tresorerie/restes/").json()["accord"]
        assert (accord["reste"], accord["solde"], accord["ecart"]) == (
            "4216.45",
            "4316.45",
            "100.00",
        )
        raise _Annulee  # the savepoint rolls back: the entry never was
    assert restes_a_recouvrer().accord.ecart == Decimal("0.00")


def test_une_liste_d_affectation_coupee_le_dit_et_se_cherche_par_debiteur(
    client, comptable, collectif
):
    coupee = lignes_a_recouvrer(limite=2)
    assert (len(coupee), coupee.total, coupee.tronquee) == (2, 3, True)
    trouvee = lignes_a_recouvrer(limite=2, debiteur="garage")
    assert [lg.debiteur for lg, _ in trouvee] == ["Garage Lambert"] and not trouvee.tronquee

    client.force_login(comptable)
    contenu = page(client.get(reverse("tresorerie:encaissements"), {"debiteur": "Garage"}))
    assert f"{collectif.reference} — Garage Lambert — reste 1 204,10" in contenu
    assert f"{collectif.reference} — Hôtel du Lac" not in contenu
    assert "1 ligne à recouvrer pour « Garage »" in contenu
