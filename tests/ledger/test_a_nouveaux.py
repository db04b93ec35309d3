"""The journal of the à-nouveaux holds opening balances only (ledger 0024).

An entry of the AN journal is dated the exercise's first day and carries no
charge or produit account (classes 6 and 7): otherwise, posted through the
API on any day, it rewrote the opening balances that the previous exercise's
closing gave (found walking the API as the agent comptable, 1/12/2026).
Refused by the service, by PostgreSQL for every entry written to the ledger
(posting, validation, raw SQL) and for every recorded entry.
"""

import datetime
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide
from ledger.models import Ecriture
from ledger.services import LigneSaisie, ecriture_enregistrer, ecriture_passer, file_attente
from tests.ledger.sql_brut import inserer_ecriture
from tests.savepoint import curseur_en_savepoint, refus_sql

pytestmark = pytest.mark.django_db


def _lignes(debit: str, credit: str, montant: str = "100.00"):
    return [
        LigneSaisie(debit, debit=Decimal(montant)),
        LigneSaisie(credit, credit=Decimal(montant)),
    ]


def test_un_a_nouveau_se_passe_le_premier_jour_sur_des_comptes_de_bilan(comptable, exercice):
    premier = datetime.date(exercice.annee, 1, 1)
    ecriture = ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="AN",
        date=premier,
        libelle="Reprise des soldes",
        lignes=_lignes("5122", "102"),
    )
    assert (ecriture.journal.code, ecriture.numero, ecriture.date) == ("AN", 1, premier)


@pytest.mark.parametrize("saisir", [ecriture_passer, ecriture_enregistrer])
def test_le_service_refuse_un_a_nouveau_date_d_un_autre_jour_ou_sur_un_compte_de_gestion(
    saisir, comptable, exercice, jour
):
    premier = datetime.date(exercice.annee, 1, 1)
    cas = [
        (
            jour,
            _lignes("5122", "102"),
            f"datés du premier jour de l'exercice (01/01/{exercice.annee}), pas du {jour:%d/%m/%Y}",
        ),
        (
            premier,
            _lignes("627", "5122"),
            "ne reprend pas les comptes de charges et de produits (classes 6 et 7) : "
            "le compte 627 en est un",
        ),
        (premier, _lignes("5122", "7511"), "le compte 7511 en est un"),
    ]
    for date, lignes, morceau in cas:
        with pytest.raises(DonneeInvalide) as refus:
            saisir(
                acting_user=comptable,
                exercice=exercice,
                journal="AN",
                date=date,
                libelle="À-nouveau hors de propos",
                lignes=lignes,
            )
        assert morceau in str(refus.value)
    assert not Ecriture.objects.filter(journal__code="AN").exists()
    assert file_attente(exercice)[0] == 0


def test_postgresql_refuse_un_a_nouveau_hors_du_premier_jour_ou_sur_un_compte_de_gestion(
    comptable, exercice, jour
):
    """Around the service: the posting function, and the recording function under
    the application's role (`caisse_app`)."""
    parametres = [exercice.annee, jour, comptable.pk]
    passer = (
        "SELECT * FROM ledger_passer_ecriture(%s, 'AN', %s, 'x', '', %s, now(), NULL,"
        " ARRAY['5122','102'], ARRAY[5, 0]::numeric[], ARRAY[0, 5]::numeric[],"
        " ARRAY['',''], ARRAY['',''])"
    )
    erreur = refus_sql(lambda cur: cur.execute(passer, parametres), "premier jour de l'exercice")
    assert erreur.sqlstate == "LG092"
    enregistrer = (
        "SELECT ledger_enregistrer_ecriture(%s, 'AN', %s, 'x', '', %s, now(), NULL,"
        " ARRAY[%s, %s], ARRAY[5, 0]::numeric[], ARRAY[0, 5]::numeric[],"
        " ARRAY['',''], ARRAY['',''])"
    )
    premier = datetime.date(exercice.annee, 1, 1)
    for date, comptes, code, morceau in [
        (jour, ["5122", "102"], "LG092", f"pas du {jour:%d/%m/%Y}"),
        (premier, ["5122", "6061"], "LG093", "le compte 6061 en est un"),
    ]:
        erreur = refus_sql(
            lambda cur, d=date, c=comptes: (
                cur.execute("SET ROLE caisse_app"),
                cur.execute(enregistrer, [exercice.annee, d, comptable.pk, *c]),
            ),
            morceau,
        )
        assert erreur.sqlstate == code
    assert not Ecriture.objects.filter(journal__code="AN").exists()
    assert file_attente(exercice)[0] == 0


def test_l_api_refuse_en_francais_un_a_nouveau_de_decembre(comptable, exercice):
    api = APIClient()
    api.force_authenticate(comptable)
    corps = {
        "exercice": exercice.annee,
        "journal": "AN",
        "date": f"{exercice.annee}-12-01",
        "libelle": "AN manuel",
        "lignes": [{"compte": "5122", "debit": "1.00"}, {"compte": "102", "credit": "1.00"}],
    }
    for adresse in ("/api/ecritures/enregistrer/", "/api/ecritures/passer/"):
        reponse = api.post(adresse, corps, format="json")
        assert reponse.status_code == 400, reponse.json()
        assert "pas du 01/12/" in reponse.json()["message"]
    assert not Ecriture.objects.filter(journal__code="AN").exists()
    assert file_attente(exercice)[0] == 0


def test_postgresql_refuse_a_la_validation_du_lot_un_a_nouveau_sur_un_compte_de_gestion(
    comptable, exercice
):
    """LG093 for every entry reaching the ledger (migration 0025): the posting
    function called directly, and an entry and its lines inserted as plain SQL
    under the application's role, both refused at commit; an à-nouveau on
    balance-sheet accounts still passes."""
    premier = datetime.date(exercice.annee, 1, 1)
    passer = (
        "SELECT * FROM ledger_passer_ecriture(%s, 'AN', %s, 'x', '', %s, now(), NULL,"
        " ARRAY['5122', %s], ARRAY[5, 0]::numeric[], ARRAY[0, 5]::numeric[],"
        " ARRAY['',''], ARRAY['',''])"
    )
    erreur = refus_sql(
        lambda cur: cur.execute(passer, [exercice.annee, premier, comptable.pk, "6061"]),
        "le compte 6061 en est un",
    )
    assert erreur.sqlstate == "LG093"
    erreur = refus_sql(
        lambda cur: (
            cur.execute("SET ROLE caisse_app"),
            inserer_ecriture(
                cur,
                exercice_id=exercice.pk,
                user_id=comptable.pk,
                date=premier,
                journal="AN",
                lignes=[("5122", "7.00", "0"), ("7511", "0", "7.00")],
            ),
        ),
        "le compte 7511 en est un",
    )
    assert erreur.sqlstate == "LG093"
    assert not Ecriture.objects.filter(journal__code="AN").exists()

    with curseur_en_savepoint() as cur:
        cur.execute(passer, [exercice.annee, premier, comptable.pk, "102"])
    assert Ecriture.objects.filter(journal__code="AN").count() == 1
