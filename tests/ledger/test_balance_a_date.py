"""The balance générale at any date of the exercise (issue 16, point 3): page,
API, CSV and PDF take any `au` inside the exercise and give the lines' totals
up to that day; a date outside the exercise or malformed is refused in French."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from ledger.selectors import balance_generale
from tests.ledger.test_grand_livre_pages import livres  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _brut(exercice, au):
    """Per account, the lines' debit and credit up to `au` (à-nouveaux included)."""
    with connection.cursor() as curseur:
        curseur.execute(
            """
            SELECT c.numero, sum(l.debit), sum(l.credit)
              FROM ledger_ligne l JOIN ledger_ecriture e ON e.id = l.ecriture_id
              JOIN ledger_compte c ON c.id = l.compte_id
             WHERE e.exercice_id = %s AND e.date <= %s GROUP BY c.numero
            """,
            [exercice.pk, au],
        )
        return {numero: (debit, credit) for numero, debit, credit in curseur.fetchall()}


@pytest.mark.parametrize(("mois", "jour"), [(1, 1), (2, 3), (2, 15), (2, 28), (5, 31), (12, 31)])
def test_la_balance_a_toute_date_est_l_agregat_des_lignes(livres, mois, jour):  # noqa: F811
    au = datetime.date(livres.annee, mois, jour)
    balance = balance_generale(exercice=livres, au=au)
    assert balance.equilibree and balance.au == au
    obtenu = {
        ligne.numero: (
            ligne.ouverture_debit + ligne.mouvement_debit,
            ligne.ouverture_credit + ligne.mouvement_credit,
        )
        for ligne in balance.lignes
    }
    attendu = _brut(livres, au)
    for numero, (debit, credit) in obtenu.items():
        assert debit - credit == attendu[numero][0] - attendu[numero][1]
    assert set(obtenu) == {n for n, (d, c) in attendu.items() if d or c}


def test_page_api_csv_et_pdf_a_une_date_du_milieu_du_mois(client, auditeur, livres):  # noqa: F811
    client.force_login(auditeur)
    choix = {"exercice": livres.annee, "au": f"{livres.annee}-02-15"}
    page = client.get(reverse("ledger:balance"), choix)
    assert page.status_code == 200 and "4111" in page.content.decode()
    csv = client.get(reverse("ledger:balance_csv"), choix)
    assert csv.status_code == 200
    assert (
        f"balance_generale_{livres.annee}_{livres.annee}0101_{livres.annee}0215.csv"
        in (csv["Content-Disposition"])
    )
    pdf = client.get(reverse("ledger:balance_pdf"), choix)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    api = APIClient()
    api.force_authenticate(auditeur)
    corps = api.get("/api/balance/", choix).json()
    assert corps["au"] == f"{livres.annee}-02-15" and corps["equilibree"] is True


@pytest.mark.parametrize(
    ("au", "motif"),
    [
        ("{suivante}-01-05", "La date doit être comprise dans l'exercice"),
        ("{annee}-02-30", "date"),
        ("15/02", "date"),
    ],
)
def test_une_date_hors_de_l_exercice_ou_mal_formee_est_refusee(
    client,
    auditeur,
    livres,  # noqa: F811
    au,
    motif,
):
    choix = {
        "exercice": livres.annee,
        "au": au.format(annee=livres.annee, suivante=livres.annee + 1),
    }
    api = APIClient()
    api.force_authenticate(auditeur)
    reponse = api.get("/api/balance/", choix)
    assert reponse.status_code == 400
    assert motif in reponse.json()["message"]
    client.force_login(auditeur)
    for vue in ("ledger:balance_csv", "ledger:balance_pdf"):
        refus = client.get(reverse(vue), choix)
        assert refus.status_code == 400
        assert motif.replace("'", "&#x27;") in refus.content.decode()
