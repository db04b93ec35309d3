"""CSV formula injection (OWASP): a text cell a spreadsheet would run as a
formula comes out with an apostrophe first, in every CSV export (they all
write through `core.csv_sur`); amounts, dates and account numbers are left
as they are."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from core.csv_sur import cellule
from ledger.services import LigneSaisie, ecriture_passer
from recouvrement.etat_nominatif import etat_au, etat_csv
from tests.recouvrement.conftest import ordre_pris_en_charge
from tests.recouvrement.surveillance_outils import en_contentieux


@pytest.mark.parametrize(
    ("valeur", "ecrite"),
    [
        ("=1+1", "'=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+1+1", "'+1+1"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ('=HYPERLINK("http://x";"clic")', '\'=HYPERLINK("http://x";"clic")'),
        ("-12,30", "-12,30"),
        ("-12.30", "-12.30"),
        ("-1 234,56", "-1 234,56"),
        ("-1\u202f234,56 €", "-1\u202f234,56 €"),
        ("+5", "+5"),
        ("-3,5 %", "-3,5 %"),
        ("-", "-"),
        ("30/06/2026", "30/06/2026"),
        ("4111", "4111"),
        ("M. Petit", "M. Petit"),
        ("", ""),
        (None, None),
    ],
)
def test_une_cellule_qui_serait_une_formule_est_prefixee(valeur, ecrite):
    assert cellule(valeur) == ecrite


@pytest.mark.django_db
def test_le_grand_livre_en_csv_prefixe_libelle_et_tiers(client, comptable, auditeur, exercice):
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="OD",
        date=datetime.date(exercice.annee, 6, 10),
        libelle="=1+1",
        lignes=[
            LigneSaisie(compte="627", debit="12.30"),
            LigneSaisie(compte="5122", credit="12.30", tiers="@SUM(A1)"),
        ],
    )
    client.force_login(auditeur)

    reponse = client.get(
        reverse("ledger:grand_livre_csv"), {"exercice": exercice.annee, "compte": "5122"}
    )

    texte = b"".join(reponse.streaming_content).decode("utf-8-sig")
    lignes = list(csv.reader(io.StringIO(texte), delimiter=";"))
    assert lignes[2][1:] == ["OD-1", "'=1+1", "'@SUM(A1)", "0,00", "12,30", "-12,30"]


@pytest.mark.django_db
def test_l_etat_nominatif_en_csv_prefixe_le_nom_du_debiteur(directrice, comptable, exercice):
    ordre = ordre_pris_en_charge(
        directrice,
        comptable,
        debiteur='=HYPERLINK("http://x";"clic")',
        qualite="locataire",
        montant="600.00",
        nature="loyer",
        imputation="752",
        tiers="4671",
        objet="Loyer de mars",
    )
    en_contentieux(ordre, directrice, datetime.date(2026, 6, 10))

    lignes = list(
        csv.reader(io.StringIO(etat_csv(etat_au(datetime.date(2026, 6, 30)))), delimiter=";")
    )

    [ligne] = [ligne for ligne in lignes if ligne[2:3] == ["4671"]]
    assert ligne[1] == '\'=HYPERLINK("http://x";"clic")'
    assert ligne[5:7] == ["600,00", "600,00"]
