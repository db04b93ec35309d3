"""A compte spécial d'encaissement takes only cotisations (circ. 93/82
§2.2.0.2: « alimentés que par le versement des cotisations »): an entry that
debits it credits only the accounts the chart flags `cotisations`. The service
says so in French before posting; PostgreSQL refuses the same entry at commit
(migration 0009), whatever writes it."""

import datetime
import re
from decimal import Decimal

import psycopg
import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide
from core.jetons import CHAMP, emettre
from core.models import JournalAudit
from ledger.models import Compte, Ecriture, Ligne
from ledger.services import EcritureSaisie, LigneSaisie, ecriture_passer, ecritures_importer
from recettes import services as r
from tests.ledger.sql_brut import connexion_brute, inserer_ecriture
from tests.savepoint import refus_sql
from tests.tresorerie.conftest import comptes, ordre_recette, regisseur  # noqa: F401 (fixtures)
from tresorerie import services as t

pytestmark = pytest.mark.django_db

REFUS_SQL = (
    "le compte 5123 est un compte spécial d'encaissement, alimenté par le seul versement des "
    "cotisations (circulaire 93/82 §2.2.0.2) ; l'écriture qui le débite ne crédite que des "
    "comptes de cotisants, de cotisations ou de majorations, ou les versements en attente "
    "d'affectation, non le compte 7585."
)
REFUS = (
    "Le compte 5123 est un compte spécial d'encaissement, alimenté par le seul versement des "
    "cotisations (circulaire 93/82 §2.2.0.2) : l'écriture qui le débite ne crédite que des "
    "comptes de cotisants, de cotisations ou de majorations, ou les versements en attente "
    "d'affectation, non le compte 7585 (Récupérations d'indus)."
)


def _etat():
    return Ecriture.objects.count(), Ligne.objects.count(), JournalAudit.objects.count()


def test_le_plan_marque_les_comptes_de_cotisations():
    marques = set(Compte.objects.filter(cotisations=True).values_list("numero", flat=True))
    assert {"4111", "4112", "416", "7511", "7512", "753", "4711"} <= marques
    assert not marques & {"7585", "752", "761", "775", "4671", "413", "5122", "515"}


@pytest.mark.parametrize(
    "lignes, compte",
    [
        ([("5123", "10.00", "0"), ("7585", "0", "10.00")], "7585"),
        # A cotisation and another produit in the same entry: still refused.
        ([("5123", "30.00", "0"), ("4111", "0", "20.00"), ("752", "0", "10.00")], "752"),
        # Money from another account of funds is no cotisation either.
        ([("5123", "10.00", "0"), ("5122", "0", "10.00")], "5122"),
    ],
)
def test_la_base_refuse_une_od_qui_credite_un_autre_produit_par_le_compte_special(
    exercice, comptable, jour, lignes, compte
):
    avant = _etat()
    erreur = refus_sql(
        lambda cur: inserer_ecriture(
            cur, exercice_id=exercice.pk, user_id=comptable.pk, date=jour, lignes=lignes
        ),
        f"non le compte {compte}.",
    )
    assert erreur.sqlstate == "LG045"
    assert _etat() == avant


@pytest.mark.django_db(transaction=True)
def test_la_base_refuse_a_la_validation_et_accepte_les_cotisations(exercice, comptable, jour):
    """The check reads the whole entry, so it runs at COMMIT: the lines are
    accepted one by one, the commit is refused; a receipt of cotisations with
    its excess awaiting allocation commits."""
    with connexion_brute() as cnx, cnx.cursor() as cur:
        inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[("5123", "10.00", "0"), ("7585", "0", "10.00")],
        )
        with pytest.raises(psycopg.Error) as refus:
            cnx.commit()
    assert refus.value.sqlstate == "LG045"
    assert REFUS_SQL in str(refus.value)
    assert Ecriture.objects.count() == 0

    with connexion_brute() as cnx, cnx.cursor() as cur:
        inserer_ecriture(
            cur,
            exercice_id=exercice.pk,
            user_id=comptable.pk,
            date=jour,
            lignes=[
                ("5123", "130.00", "0"),
                ("4111", "0", "100.00"),
                ("753", "0", "10.00"),
                ("4711", "0", "20.00"),
            ],
        )
        cnx.commit()
    assert Ligne.objects.filter(compte__numero="5123").get().debit == Decimal("130.00")


def test_le_service_refuse_en_francais_sans_rien_ecrire(exercice, comptable, jour):
    avant = _etat()
    with pytest.raises(DonneeInvalide, match=re.escape(REFUS)) as refus:
        ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal="OD",
            date=jour,
            libelle="Indu encaissé sur le compte des cotisations",
            lignes=[LigneSaisie("5123", debit="10"), LigneSaisie("7585", credit="10")],
        )
    assert refus.value.details == {"compte": "5123", "contrepartie": "7585"}
    assert _etat() == avant


def test_l_import_refuse_la_meme_ecriture(exercice, comptable, jour):
    avant = _etat()
    with pytest.raises(DonneeInvalide, match="non le compte 7585"):
        ecritures_importer(
            acting_user=comptable,
            exercice=exercice,
            journal="OD",
            ecritures=[
                EcritureSaisie(
                    date=jour,
                    libelle="Indu encaissé sur le compte des cotisations",
                    lignes=[LigneSaisie("5123", debit="10"), LigneSaisie("7585", credit="10")],
                )
            ],
        )
    assert _etat() == avant


def test_le_service_accepte_un_versement_de_cotisations(exercice, comptable, jour):
    ecriture = ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="TR",
        date=jour,
        libelle="Versement de cotisations",
        lignes=[
            LigneSaisie("5123", debit="110"),
            LigneSaisie("4111", credit="100", tiers="Boulangerie Morel"),
            LigneSaisie("4711", credit="10", tiers="Boulangerie Morel"),
        ],
    )
    assert ecriture.lignes.count() == 3


def test_la_page_de_saisie_refuse_l_od_en_francais(client, comptable, exercice):
    client.force_login(comptable)
    avant = _etat()
    reponse = client.post(
        reverse("ledger:saisie"),
        {
            "journal": "OD",
            "date": datetime.date(exercice.annee, 5, 2).isoformat(),
            "libelle": "Indu encaissé sur le compte des cotisations",
            "compte_1": "5123",
            "debit_1": "10",
            "compte_2": "7585",
            "credit_2": "10",
            CHAMP: emettre(comptable),
        },
    )
    assert reponse.status_code == 400
    assert "alimenté par le seul versement des cotisations" in reponse.content.decode()
    assert _etat() == avant


def test_l_api_refuse_l_od_en_francais(comptable, exercice):
    api = APIClient()
    api.force_authenticate(comptable)
    avant = _etat()
    reponse = api.post(
        "/api/ecritures/passer/",
        {
            "exercice": exercice.annee,
            "journal": "OD",
            "date": f"{exercice.annee}-05-02",
            "libelle": "Indu encaissé sur le compte des cotisations",
            "lignes": [{"compte": "5123", "debit": "10"}, {"compte": "7585", "credit": "10"}],
        },
        format="json",
    )
    assert reponse.status_code == 400
    assert reponse.json()["message"] == REFUS
    assert _etat() == avant


def test_un_excedent_recu_sur_le_compte_special_ne_va_qu_a_des_cotisations(
    directrice,
    comptable,
    comptes,  # noqa: F811
):
    """A versement on the compte spécial that waits in 4711 is later allocated
    to a cotisation, never to another recette (the treasury's service)."""
    autre = ordre_recette(directrice, comptable)
    cotisation = ordre_recette(
        directrice,
        comptable,
        [r.LigneDebiteur("Boulangerie Morel", "employeur", "100.00")],
        nature="cotisation",
        imputation="7511",
        tiers="4111",
    )
    versement = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["ENCAISSEMENT"],
        moyen="virement",
        montant="100.00",
        payeur="Boulangerie Morel",
        objet="Cotisations de mai",
    )
    avant = _etat(), r.reste_a_recouvrer(autre)

    with pytest.raises(DonneeInvalide, match="n'est alimenté que par le versement des cotisations"):
        t.excedent_affecter(
            acting_user=comptable,
            encaissement=versement,
            ligne=autre.lignes.get(),
            montant="100.00",
        )

    assert (_etat(), r.reste_a_recouvrer(autre)) == avant
    t.excedent_affecter(
        acting_user=comptable,
        encaissement=versement,
        ligne=cotisation.lignes.get(),
        montant="100.00",
    )
    assert r.reste_a_recouvrer(cotisation) == Decimal("0.00")
