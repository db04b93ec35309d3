"""The grand livre by pages of keys: the pages chain without gap or overlap,
forwards and backwards, the balance carried to each page is the running
balance of the window function over every line, and bad keys are refused in
French (400, never 500)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from ledger import selectors
from ledger.selectors_grand_livre import Cle, LignePage, cle_de, grand_livre_page
from ledger.services import LigneSaisie, ecriture_passer

pytestmark = pytest.mark.django_db


@pytest.fixture
def livres(comptable, exercice):
    """À-nouveaux on 4111, then entries of several 4111 lines on few dates, so
    that lines of one date fall on both sides of page boundaries; one line on 412."""
    a = datetime.date(exercice.annee, 1, 1)

    def passer(journal, date, lignes):
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal=journal,
            date=date,
            libelle=f"Écriture du {date:%d/%m}",
            lignes=lignes,
        )

    passer("AN", a, [LigneSaisie("4111", debit="1000"), LigneSaisie("102", credit="1000")])
    montant = 1
    for mois, jour, nombre in ((1, 1, 2), (2, 3, 5), (2, 3, 4), (2, 4, 3), (5, 31, 6), (12, 31, 2)):
        lignes = [LigneSaisie("4111", debit=str(montant + n)) for n in range(nombre)]
        total = sum(montant + n for n in range(nombre))
        lignes.append(LigneSaisie("7511", credit=str(total)))
        passer("RE", datetime.date(exercice.annee, mois, jour), lignes)
        montant += 10
    passer(
        "TR",
        datetime.date(exercice.annee, 2, 3),
        [LigneSaisie("5122", debit="7"), LigneSaisie("4111", credit="7")],
    )
    passer(
        "TR",
        datetime.date(exercice.annee, 3, 1),
        [LigneSaisie("412", debit="3"), LigneSaisie("5122", credit="3")],
    )
    return exercice


def grand_livre(*, exercice, compte_numero, du=None, au=None):
    """The reference: every line with the window function's running balance
    (as `ledger.selectors.grand_livre`), each with its line id."""
    ouverture, _lignes = selectors.grand_livre(
        exercice=exercice, compte_numero=compte_numero, du=du, au=au
    )
    with connection.cursor() as curseur:
        curseur.execute(
            """
            SELECT e.date, j.code, e.numero, e.id, '', '', l.debit, l.credit,
                   %(ouverture)s + sum(l.debit - l.credit) OVER (ORDER BY e.date, e.id, l.id),
                   l.id
              FROM ledger_ligne l
              JOIN ledger_compte c ON c.id = l.compte_id
              JOIN ledger_ecriture e ON e.id = l.ecriture_id
              JOIN ledger_journal j ON j.id = e.journal_id
             WHERE c.numero LIKE %(prefixe)s AND e.exercice_id = %(exercice)s
               AND NOT j.a_nouveaux AND e.date BETWEEN %(du)s AND %(au)s
             ORDER BY e.date, e.id, l.id
            """,
            {
                "exercice": exercice.pk,
                "prefixe": f"{compte_numero}%",
                "du": du or exercice.debut,
                "au": au or exercice.fin,
                "ouverture": ouverture,
            },
        )
        lignes = [LignePage(*rangee) for rangee in curseur.fetchall()]
    assert [ligne.solde for ligne in lignes] == [ligne.solde for ligne in _lignes]
    return ouverture, lignes


def _en_avant(exercice, compte, taille, **periode):
    pages = [grand_livre_page(exercice=exercice, compte_numero=compte, taille=taille, **periode)]
    while pages[-1].suivante:
        pages.append(
            grand_livre_page(
                exercice=exercice,
                compte_numero=compte,
                taille=taille,
                apres=pages[-1].suivante,
                **periode,
            )
        )
    return pages


@pytest.mark.parametrize("compte", ["4111", "41", "7511"])
@pytest.mark.parametrize("taille", [1, 4, 7, 200])
def test_les_pages_s_enchainent_et_reportent_le_solde_de_la_fonction_fenetre(
    livres, compte, taille
):
    ouverture, attendues = grand_livre(exercice=livres, compte_numero=compte)
    pages = _en_avant(livres, compte, taille)
    lues = [ligne for page in pages for ligne in page.lignes]
    # No gap, no overlap: the pages' lines are the window function's, in order.
    assert [cle_de(ligne) for ligne in lues] == [cle_de(ligne) for ligne in attendues]
    assert [ligne.solde for ligne in lues] == [ligne.solde for ligne in attendues]
    assert all(len(page.lignes) == taille for page in pages[:-1])
    # The balance carried to each page is the last balance of the page before.
    assert pages[0].premiere and pages[0].report == ouverture
    for avant, page in zip(pages, pages[1:], strict=False):
        assert not page.premiere
        assert page.report == avant.lignes[-1].solde
    final = attendues[-1].solde if attendues else ouverture
    assert {page.solde for page in pages} == {final}
    # Backwards from the last page by `avant`: the same pages' lines again.
    arriere = [pages[-1]]
    while arriere[-1].precedente:
        arriere.append(
            grand_livre_page(
                exercice=livres, compte_numero=compte, taille=taille, avant=arriere[-1].precedente
            )
        )
    relues = [ligne for page in reversed(arriere) for ligne in page.lignes]
    assert [(cle_de(ligne), ligne.solde) for ligne in relues] == [
        (cle_de(ligne), ligne.solde) for ligne in attendues
    ]
    assert arriere[-1].premiere


def test_une_date_partagee_par_deux_pages_et_une_periode(livres):
    fevrier = {"du": datetime.date(livres.annee, 2, 3), "au": datetime.date(livres.annee, 2, 28)}
    ouverture, attendues = grand_livre(exercice=livres, compte_numero="4111", **fevrier)
    pages = _en_avant(livres, "4111", 4, **fevrier)
    # 3 February holds ten lines of 4111: they span three pages.
    assert {page.lignes[0].date for page in pages[:3]} == {fevrier["du"]}
    assert [(cle_de(ligne), ligne.solde) for page in pages for ligne in page.lignes] == [
        (cle_de(ligne), ligne.solde) for ligne in attendues
    ]
    assert pages[0].report == pages[0].ouverture == ouverture == Decimal("1003.00")
    assert pages[0].total_debit == sum(ligne.debit for ligne in attendues)


def test_un_compte_sans_ligne_donne_une_page_vide(livres):
    page = grand_livre_page(exercice=livres, compte_numero="6064")
    assert page.lignes == [] and page.premiere
    assert page.suivante is None and page.precedente is None
    assert page.report == page.solde == 0
    apres_la_fin = grand_livre_page(
        exercice=livres,
        compte_numero="4111",
        apres=Cle(datetime.date(livres.annee, 12, 31), 10**9, 0),
    )
    assert apres_la_fin.lignes == [] and apres_la_fin.suivante is None
    assert apres_la_fin.report == apres_la_fin.solde


def test_le_role_applicatif_lit_les_pages(livres):
    with connection.cursor() as curseur:
        curseur.execute("SET ROLE caisse_app")
    try:
        page = grand_livre_page(exercice=livres, compte_numero="4111", taille=3)
        suite = grand_livre_page(
            exercice=livres, compte_numero="4111", taille=3, apres=page.suivante
        )
    finally:
        with connection.cursor() as curseur:
            curseur.execute("RESET ROLE")
    assert suite.report == page.lignes[-1].solde


def test_la_page_web_chaine_par_les_liens_sans_javascript(client, auditeur, livres, monkeypatch):
    monkeypatch.setattr("ledger.selectors_grand_livre.TAILLE_PAGE", 5)
    client.force_login(auditeur)
    adresse = reverse("ledger:grand_livre")
    reponse = client.get(adresse, {"exercice": livres.annee, "compte": "4111"})
    soldes, reports = [], []
    while True:
        assert reponse.status_code == 200
        contenu = reponse.content.decode().replace("\xa0", " ")
        reports.append(
            re.search(r'(?:ouverture|précédentes)</td><td class="montant">([^<]*)<', contenu)[1]
        )
        soldes += re.findall(r'</a></td>.*?<td class="montant">([^<]*)</td></tr>', contenu)
        suivante = re.search(r'href="\?([^"]*)">Page suivante', contenu)
        if not suivante:
            break
        reponse = client.get(f"{adresse}?{suivante[1].replace('&amp;', '&')}")
    assert "Report du solde des lignes précédentes" in contenu and "Page précédente" in contenu
    _ouverture, attendues = grand_livre(exercice=livres, compte_numero="4111")
    assert len(reports) == 5  # 23 lines, 5 a page
    assert soldes == [
        f"{ligne.solde:,.2f}".replace(",", " ").replace(".", ",") for ligne in attendues
    ]
    assert reports[1:] == soldes[4::5]


@pytest.mark.parametrize(
    ("parametres", "motif"),
    [
        ({"apres": "abc"}, "La clé de page « abc » est invalide"),
        ({"avant": "2026-02-30.1.1"}, "est invalide (format attendu : AAAA-MM-JJ.écriture.ligne)"),
        ({"apres": "2001-01-01.1.1"}, "est hors de la période demandée"),
        ({"apres": "{a}-01-01.1.1", "avant": "{a}-02-01.1.1"}, "soit la page suivante"),
        ({"taille": "0"}, "La taille de page doit être comprise entre 1 et 1000"),
        ({"taille": "x"}, "La taille de page doit être un nombre entier"),
    ],
)
def test_les_mauvaises_cles_sont_refusees_en_francais(client, auditeur, livres, parametres, motif):
    parametres = {k: v.format(a=livres.annee) for k, v in parametres.items()}
    choix = {"exercice": livres.annee, "compte": "4111", **parametres}
    api = APIClient()
    api.force_authenticate(auditeur)
    reponse = api.get("/api/grand-livre/", choix)
    assert reponse.status_code == 400
    assert motif in reponse.json()["message"]
    if "taille" not in parametres:
        client.force_login(auditeur)
        page = client.get(reverse("ledger:grand_livre"), choix)
        assert page.status_code == 400
        assert motif.replace("'", "&#x27;") in page.content.decode()


def test_l_api_donne_les_liens_des_pages(auditeur, livres):
    api = APIClient()
    api.force_authenticate(auditeur)
    corps = api.get(
        "/api/grand-livre/", {"exercice": livres.annee, "compte": "4111", "taille": 5}
    ).json()
    assert corps["precedente"] is None and corps["report"] == "1000.00"
    lues = list(corps["lignes"])
    while corps["suivante"]:
        corps = api.get(corps["suivante"]).json()
        assert corps["report"] == lues[-1]["solde"]
        lues += corps["lignes"]
    _ouverture, attendues = grand_livre(exercice=livres, compte_numero="4111")
    assert [ligne["cle"] for ligne in lues] == [str(cle_de(ligne)) for ligne in attendues]
    assert corps["solde"] == lues[-1]["solde"] == f"{attendues[-1].solde:.2f}"
    precedente = api.get(corps["precedente"]).json()
    assert precedente["lignes"][-1]["cle"] == lues[-len(corps["lignes"]) - 1]["cle"]


def test_le_csv_diffuse_toutes_les_lignes(client, auditeur, livres):
    client.force_login(auditeur)
    reponse = client.get(
        reverse("ledger:grand_livre_csv"), {"exercice": livres.annee, "compte": "4111"}
    )
    assert reponse.streaming
    lignes = b"".join(reponse.streaming_content).decode("utf-8-sig").splitlines()
    _ouverture, attendues = grand_livre(exercice=livres, compte_numero="4111")
    assert len(lignes) == 1 + 1 + len(attendues) + 1
    assert lignes[-1].endswith(f"{attendues[-1].solde:.2f}".replace(".", ","))


def test_une_ecriture_passee_entre_deux_pages_ne_fait_ni_saut_ni_doublon(comptable, livres):
    page = grand_livre_page(exercice=livres, compte_numero="4111", taille=6)
    # Meanwhile, an entry dated before the page's end and one after it.
    for jour, montant in ((datetime.date(livres.annee, 1, 1), "100"), (page.lignes[-1].date, "5")):
        ecriture_passer(
            acting_user=comptable,
            exercice=livres,
            journal="RE",
            date=jour,
            libelle="Passée entre deux pages",
            lignes=[LigneSaisie("4111", debit=montant), LigneSaisie("7511", credit=montant)],
        )
    suite = grand_livre_page(exercice=livres, compte_numero="4111", taille=20, apres=page.suivante)
    # The next page starts right after the last line shown; the balance carried
    # counts the entry posted before that line, the later one shows on the page.
    assert suite.lignes[0].ligne_id != page.lignes[-1].ligne_id
    assert cle_de(suite.lignes[0]) > cle_de(page.lignes[-1])
    assert suite.report == page.lignes[-1].solde + 100
    assert Decimal("5") in [ligne.debit for ligne in suite.lignes]
    _ouverture, attendues = grand_livre(exercice=livres, compte_numero="4111")
    rang = [cle_de(ligne) for ligne in attendues].index(cle_de(suite.lignes[0]))
    assert [ligne.solde for ligne in suite.lignes] == [
        ligne.solde for ligne in attendues[rang : rang + 20]
    ]
