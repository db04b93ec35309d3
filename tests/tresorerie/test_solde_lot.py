"""Money cannot leave from nothing (issue 10, point 10): a payment batch that would
leave the account's book balance below its authorised overdraft is refused, with
the balance in the message; the overdraft is data the agent comptable records.
Through the service, the API, the pages, concurrently, and PostgreSQL's guard."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connections
from django.utils.html import escape
from rest_framework.test import APIClient

from core.exceptions import ApplicationError, DonneeInvalide, DroitInsuffisant
from core.models import JournalAudit
from depenses.models import OrdreDepense
from ledger.models import Ecriture, Exercice
from ledger.services import LigneSaisie, ecriture_passer, exercice_ouvrir_periode_complementaire
from tests.savepoint import refus_sql
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_vise
from tresorerie import services as t
from tresorerie.models import CompteDisponibilite, LotPaiement, Paiement
from tresorerie.selectors import solde_comptable

pytestmark = pytest.mark.django_db


def sans_decouvert(*comptes):
    """The suite's accounts carry an overdraft (conftest): these tests start without."""
    CompteDisponibilite.objects.filter(pk__in=[c.pk for c in comptes]).update(decouvert_autorise=0)
    for c in comptes:
        c.decouvert_autorise = Decimal("0.00")


def approvisionner(comptable, exercice, numero: str, montant: str):
    """Opening balance of a treasury account (à-nouveaux)."""
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="AN",
        date=exercice.debut,
        libelle="Reprise du solde de l'exercice précédent",
        lignes=[LigneSaisie(numero, debit=montant), LigneSaisie("102", credit=montant)],
    )


def instantane():
    return (
        Ecriture.objects.count(),
        LotPaiement.objects.count(),
        Paiement.objects.count(),
        sorted(OrdreDepense.objects.values_list("pk", "etat")),
    )


def test_un_lot_que_le_solde_ne_couvre_pas_est_refuse_avec_le_solde_et_ne_change_rien(
    directrice, comptable, comptes, credits
):
    banque = comptes["BANQUE"]
    sans_decouvert(banque)
    approvisionner(comptable, credits, "5122", "1234.56")
    a = ordre_vise(directrice, comptable, credits, montant="2000.00")
    avant = instantane()
    with pytest.raises(t.SoldeInsuffisant) as refus:
        t.lot_payer(acting_user=comptable, ordres=[a], compte=banque)
    assert refus.value.message == (
        "Le compte « Compte externe de disponibilités » (5122) ne peut pas payer ce lot : "
        "solde comptable 1\u00a0234,56\u00a0€, lot 2\u00a0000,00\u00a0€. Son solde deviendrait "
        "-765,44\u00a0€ ; aucun découvert n'est autorisé sur ce compte. Approvisionnez-le "
        "d'abord (virement interne) ou payez moins d'ordres."
    )
    assert refus.value.details["solde_comptable"] == "1234.56"
    assert instantane() == avant
    # What the balance covers is paid, to the last cent.
    b = ordre_vise(directrice, comptable, credits, montant="1234.56")
    t.lot_payer(acting_user=comptable, ordres=[b], compte=banque)
    assert solde_comptable("5122", AUJOURD_HUI) == Decimal("0.00")


def test_le_decouvert_autorise_est_une_donnee_du_compte_fixee_par_l_agent_comptable(
    directrice, comptable, comptes, credits
):
    banque = comptes["BANQUE"]
    sans_decouvert(banque)
    a = ordre_vise(directrice, comptable, credits, montant="1500.00")
    b = ordre_vise(directrice, comptable, credits, montant="600.00")
    with pytest.raises(DroitInsuffisant):
        t.compte_decouvert_fixer(acting_user=directrice, compte=banque, montant="2000")
    with pytest.raises(DonneeInvalide, match="Le découvert autorisé"):
        t.compte_decouvert_fixer(acting_user=comptable, compte=banque, montant="-5")
    compte = t.compte_decouvert_fixer(
        acting_user=comptable, compte=banque, montant="2000,00", motif="Facilité de caisse n° 12"
    )
    assert compte.decouvert_autorise == Decimal("2000.00")
    trace = JournalAudit.objects.get(acte="tresorerie.decouvert_fixe")
    assert (trace.avant, trace.apres) == (
        {"decouvert_autorise": "0.00"},
        {"decouvert_autorise": "2000.00", "motif": "Facilité de caisse n° 12"},
    )
    t.lot_payer(acting_user=comptable, ordres=[a], compte=banque)
    with pytest.raises(t.SoldeInsuffisant) as refus:
        t.lot_payer(acting_user=comptable, ordres=[b], compte=banque)
    assert (
        "solde comptable -1\u00a0500,00\u00a0€, lot 600,00\u00a0€. Son solde deviendrait "
        "-2\u00a0100,00\u00a0€, au-delà du découvert autorisé de 2\u00a0000,00\u00a0€"
    ) in refus.value.message
    # Not below what the account already owes.
    with pytest.raises(DonneeInvalide, match="ne peut pas être fixé en deçà"):
        t.compte_decouvert_fixer(acting_user=comptable, compte=banque, montant="1000")
    assert CompteDisponibilite.objects.get(pk=banque.pk).decouvert_autorise == Decimal("2000.00")


def test_la_caisse_ne_paie_pas_plus_que_son_numeraire(directrice, comptable, comptes, credits):
    caisse = comptes["CAISSE"]
    sans_decouvert(caisse)
    approvisionner(comptable, credits, "531", "150.00")
    a = ordre_vise(directrice, comptable, credits, montant="200.00")
    with pytest.raises(t.SoldeInsuffisant, match="solde comptable 150,00\u00a0€, lot 200,00"):
        t.lot_payer(acting_user=comptable, ordres=[a], compte=caisse, moyen="numeraire")
    assert OrdreDepense.objects.get(pk=a.pk).etat == "vise"


def test_deux_lots_simultanes_ne_passent_pas_tous_deux_sur_le_meme_solde(
    directrice, comptable, comptes, credits, transactional_db
):
    banque = comptes["BANQUE"]
    sans_decouvert(banque)
    approvisionner(comptable, credits, "5122", "1000.00")
    a = ordre_vise(directrice, comptable, credits, montant="700.00")
    b = ordre_vise(directrice, comptable, credits, montant="600.00", identifiant="38899977700015")
    resultats = []
    depart = threading.Barrier(2)

    def payer(ordre):
        try:
            depart.wait()
            resultats.append(t.lot_payer(acting_user=comptable, ordres=[ordre], compte=banque))
        except ApplicationError as exc:
            resultats.append(exc)
        finally:
            connections.close_all()

    fils = [threading.Thread(target=payer, args=(o,)) for o in (a, b)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    lots = [r for r in resultats if isinstance(r, LotPaiement)]
    refus = [r for r in resultats if isinstance(r, ApplicationError)]
    assert len(lots) == 1 and len(refus) == 1
    assert refus[0].code == "solde_insuffisant"
    assert "solde comptable 300,00\u00a0€" in refus[0].message or (
        "solde comptable 400,00\u00a0€" in refus[0].message
    )
    assert solde_comptable("5122", AUJOURD_HUI) >= 0


def test_la_base_refuse_un_lot_qui_mene_le_solde_au_dela_du_decouvert(
    directrice, comptable, comptes, credits
):
    banque = comptes["BANQUE"]
    lot = t.lot_payer(
        acting_user=comptable,
        ordres=[ordre_vise(directrice, comptable, credits, montant="100.00")],
        compte=banque,
    )
    CompteDisponibilite.objects.filter(pk=banque.pk).update(decouvert_autorise=Decimal("99.99"))
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO tresorerie_lotpaiement (exercice_id, compte_id, moyen, date, nombre,"
            " total, message_id, fichier, empreinte_fichier, ecriture_id, cree_par_id, cree_le)"
            " SELECT exercice_id, compte_id, moyen, date, 0, 0, 'BRUT-SOLDE', ''::bytea, '',"
            " ecriture_id, cree_par_id, now() FROM tresorerie_lotpaiement WHERE id = %s",
            [lot.pk],
        ),
        "solde comptable de -100,00\u00a0€, en deçà du découvert autorisé (99,99\u00a0€)",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE tresorerie_comptedisponibilite SET decouvert_autorise = -1 WHERE id = %s",
            [banque.pk],
        ),
        "decouvert_autorise_positif",
    )


def test_l_api_refuse_le_lot_avec_le_solde_et_fixe_le_decouvert(
    directrice, comptable, auditeur, comptes, credits
):
    banque = comptes["BANQUE"]
    sans_decouvert(banque)
    a = ordre_vise(directrice, comptable, credits, montant="250.00")
    api = APIClient()
    api.force_authenticate(comptable)
    avant = instantane()
    reponse = api.post(
        "/api/tresorerie/lots/", {"ordres": [a.pk], "compte": "BANQUE"}, format="json"
    )
    assert reponse.status_code == 409
    corps = reponse.json()
    assert corps["code"] == "solde_insuffisant"
    assert "solde comptable 0,00\u00a0€, lot 250,00\u00a0€" in corps["message"]
    assert corps["details"]["montant"] == "250.00"
    assert instantane() == avant
    api.force_authenticate(auditeur)
    refus = api.post(
        f"/api/tresorerie/comptes/{banque.pk}/decouvert/", {"montant": "500"}, format="json"
    )
    assert refus.status_code == 403
    api.force_authenticate(comptable)
    fixe = api.post(
        f"/api/tresorerie/comptes/{banque.pk}/decouvert/",
        {"montant": "500.00", "motif": "Convention de trésorerie"},
        format="json",
    )
    assert fixe.status_code == 200
    assert fixe.json()["decouvert_autorise"] == "500.00"
    comptes_lus = {c["code"]: c for c in api.get("/api/tresorerie/comptes/").json()["results"]}
    assert comptes_lus["BANQUE"]["decouvert_autorise"] == "500.00"
    paye = api.post("/api/tresorerie/lots/", {"ordres": [a.pk], "compte": "BANQUE"}, format="json")
    assert paye.status_code == 201


def test_les_pages_montrent_le_refus_et_le_decouvert_du_compte(
    client, directrice, comptable, comptes, credits
):
    banque = comptes["BANQUE"]
    sans_decouvert(banque)
    a = ordre_vise(directrice, comptable, credits, montant="250.00")
    client.force_login(comptable)
    reponse = client.post(
        "/tresorerie/paiements/",
        {"ordres": [a.pk], "compte": banque.pk, "moyen": "virement"},
    )
    assert reponse.status_code == 400
    assert escape("solde comptable 0,00\u00a0€, lot 250,00\u00a0€") in reponse.content.decode()
    tableau = client.get("/tresorerie/").content.decode()
    assert "Découvert autorisé" in tableau
    fixe = client.post(
        f"/tresorerie/comptes/{banque.pk}/decouvert/",
        {"montant": "300,00", "motif": "Facilité"},
        follow=True,
    )
    assert escape(
        "Découvert autorisé de « Compte externe de disponibilités » fixé à 300,00\u00a0€."
    ) in (fixe.content.decode())
    assert CompteDisponibilite.objects.get(pk=banque.pk).decouvert_autorise == Decimal("300.00")


def test_en_janvier_le_solde_porte_l_exercice_precedent_tant_que_les_a_nouveaux_attendent(
    horloge, comptable, comptes, exercice
):
    # given 1 000 € on the bank account in December of the exercise
    sans_decouvert(comptes["BANQUE"])
    ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal="TR",
        date=datetime.date(exercice.annee, 12, 20),
        libelle="Cotisations reçues",
        lignes=[LigneSaisie("5122", debit="1000.00"), LigneSaisie("4711", credit="1000.00")],
    )
    # when the next exercise opens and nothing is carried forward yet
    horloge(datetime.date(exercice.annee + 1, 1, 2))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    suivant = Exercice.objects.get(annee=exercice.annee + 1)
    le = datetime.date(suivant.annee, 1, 2)
    # then the balance on 2 January is last year's, not zero
    assert solde_comptable("5122", le) == Decimal("1000.00")
    # and once the à-nouveaux are posted, the new exercise counts alone
    approvisionner(comptable, suivant, "5122", "900.00")
    assert solde_comptable("5122", le) == Decimal("900.00")
    assert solde_comptable("5122", datetime.date(exercice.annee, 12, 31)) == Decimal("1000.00")
