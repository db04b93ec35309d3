"""Frozen balances (circ. 93/82 §3.2): the service, PostgreSQL's guards, the hash."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from ledger import balances_figees
from ledger.models import BalanceFigee, EnvoiBalance
from ledger.selectors import COLONNES, balance_generale
from ledger.services import LigneSaisie, balance_envoyer, balance_figer, ecriture_passer
from tests.savepoint import curseur_en_savepoint, refus_sql

pytestmark = pytest.mark.django_db


def passer(comptable, exercice, date, journal, debit, credit, montant):
    return ecriture_passer(
        acting_user=comptable,
        exercice=exercice,
        journal=journal,
        date=date,
        libelle="Écriture de test",
        lignes=[LigneSaisie(debit, debit=montant), LigneSaisie(credit, credit=montant)],
    )


@pytest.fixture
def livres(comptable, exercice):
    a = exercice.annee
    passer(comptable, exercice, datetime.date(a, 1, 1), "AN", "5122", "102", "1000000")
    passer(comptable, exercice, datetime.date(a, 2, 10), "RE", "4111", "7511", "12345.67")
    passer(comptable, exercice, datetime.date(a, 3, 5), "TR", "5122", "4111", "10000")
    passer(comptable, exercice, datetime.date(a, 5, 20), "DE", "6064", "401", "250.10")
    return exercice


@pytest.fixture
def en_janvier(horloge, annee):
    horloge(datetime.date(annee + 1, 1, 20))


def test_la_balance_mensuelle_figee_egale_la_balance_du_moment(comptable, livres):
    # given the books at 15 June; when the May balance is frozen on request
    balance = balance_figer(
        acting_user=comptable,
        exercice=livres,
        nature="mensuelle",
        mois=5,
        demande="Lettre de la DRASS du 02/06",
    )
    # then its rows and totals are the live balance from 1 January to 31 May
    vivante = balance_generale(
        exercice=livres, du=livres.debut, au=datetime.date(livres.annee, 5, 31)
    )
    lignes = balances_figees.lignes_de(balance)
    assert [ligne.numero for ligne in lignes] == [ligne.numero for ligne in vivante.lignes]
    for nom in COLONNES:
        assert getattr(balance, nom) == getattr(vivante.totaux, nom)
    assert balance.ouverture_debit == balance.ouverture_credit == 1000000
    assert balance.mouvement_debit == balance.mouvement_credit
    assert balance.au == datetime.date(livres.annee, 5, 31)
    assert balance.empreinte == balances_figees.empreinte(balance, lignes)
    assert balances_figees.verifier(balance).intacte
    assert JournalAudit.objects.filter(acte="balance.figee", objet_id=str(balance.pk)).count() == 1


def test_une_ecriture_posterieure_ne_change_pas_la_balance_figee(comptable, livres):
    balance = balance_figer(
        acting_user=comptable, exercice=livres, nature="mensuelle", mois=5, demande="DRASS"
    )
    avant = [(ligne.numero, ligne.solde_debit) for ligne in balances_figees.lignes_de(balance)]
    # when an entry dated in May is posted afterwards
    passer(comptable, livres, datetime.date(livres.annee, 5, 25), "DE", "6064", "401", "99.90")
    # then the frozen balance keeps its figures and its hash, the live one moved
    balance.refresh_from_db()
    assert [
        (ligne.numero, ligne.solde_debit) for ligne in balances_figees.lignes_de(balance)
    ] == avant
    assert balance.mouvement_debit == Decimal("22595.77")
    vivante = balance_generale(
        exercice=livres, du=livres.debut, au=datetime.date(livres.annee, 5, 31)
    )
    assert vivante.totaux.mouvement_debit - balance.mouvement_debit == Decimal("99.90")
    assert balances_figees.verifier(balance).intacte


def test_la_balance_mensuelle_d_un_mois_en_cours_est_refusee(comptable, livres):
    with pytest.raises(TransitionInterdite, match="n'est pas achevé"):
        balance_figer(
            acting_user=comptable, exercice=livres, nature="mensuelle", mois=6, demande="DRASS"
        )
    with pytest.raises(DonneeInvalide, match="indiquez cette demande"):
        balance_figer(acting_user=comptable, exercice=livres, nature="mensuelle", mois=5)
    assert not BalanceFigee.objects.exists()


def test_seul_l_agent_comptable_fige_une_balance(directrice, auditeur, livres):
    for personne in (directrice, auditeur):
        with pytest.raises(DroitInsuffisant):
            balance_figer(
                acting_user=personne, exercice=livres, nature="mensuelle", mois=5, demande="x"
            )
    assert not BalanceFigee.objects.exists()


def test_avant_et_apres_inventaire_a_la_cloture(comptable, livres, horloge, annee):
    # before 31 December: refused
    with pytest.raises(TransitionInterdite, match="après le 31/12"):
        balance_figer(acting_user=comptable, exercice=livres, nature="avant_inventaire")
    horloge(datetime.date(annee + 1, 1, 20))
    # après before avant: refused
    with pytest.raises(TransitionInterdite, match="Figez d'abord la balance avant inventaire"):
        balance_figer(acting_user=comptable, exercice=livres, nature="apres_inventaire")
    avant = balance_figer(acting_user=comptable, exercice=livres, nature="avant_inventaire")
    # an inventory entry (provision), then the balance après inventaire
    passer(comptable, livres, datetime.date(annee, 12, 31), "IN", "6817", "491", "300")
    with pytest.raises(TransitionInterdite, match="écritures d'inventaire sont déjà passées"):
        balance_figer(acting_user=comptable, exercice=livres, nature="avant_inventaire")
    apres = balance_figer(acting_user=comptable, exercice=livres, nature="apres_inventaire")
    assert avant.au == apres.au == datetime.date(annee, 12, 31)
    assert apres.mouvement_debit - avant.mouvement_debit == 300
    vivante = balance_generale(exercice=livres)
    assert apres.solde_debit == vivante.totaux.solde_debit == apres.solde_credit
    assert {ligne.numero for ligne in balances_figees.lignes_de(apres)} >= {"6817", "491"}
    assert "6817" not in {ligne.numero for ligne in balances_figees.lignes_de(avant)}


def test_l_envoi_a_la_drass_et_au_tpg_est_enregistre(comptable, livres, horloge, annee):
    horloge(datetime.date(annee + 1, 1, 20))
    balance = balance_figer(acting_user=comptable, exercice=livres, nature="avant_inventaire")
    jour = datetime.date(annee + 1, 1, 20)
    balance_envoyer(
        acting_user=comptable,
        balance=balance,
        destinataire="drass",
        envoyee_le=jour,
        reference="B-1",
    )
    balance_envoyer(acting_user=comptable, balance=balance, destinataire="tpg", envoyee_le=jour)
    assert sorted(balance.envois.values_list("destinataire", flat=True)) == ["drass", "tpg"]
    with pytest.raises(TransitionInterdite, match="déjà enregistré"):
        balance_envoyer(acting_user=comptable, balance=balance, destinataire="tpg", envoyee_le=jour)
    with pytest.raises(DonneeInvalide, match="non à l'organisme national"):
        balance_envoyer(
            acting_user=comptable,
            balance=balance,
            destinataire="organisme_national",
            envoyee_le=jour,
        )
    autre = balance_figer(
        acting_user=comptable, exercice=livres, nature="mensuelle", mois=3, demande="DRASS"
    )
    with pytest.raises(DonneeInvalide, match="dans le futur"):
        balance_envoyer(
            acting_user=comptable,
            balance=autre,
            destinataire="drass",
            envoyee_le=jour + datetime.timedelta(days=1),
        )
    with pytest.raises(DonneeInvalide, match="n'a pas pu être envoyée"):
        balance_envoyer(
            acting_user=comptable,
            balance=autre,
            destinataire="drass",
            envoyee_le=jour - datetime.timedelta(days=1),
        )
    assert EnvoiBalance.objects.count() == 2
    assert JournalAudit.objects.filter(acte="balance.envoyee").count() == 2


# --- PostgreSQL ----------------------------------------------------------------


@pytest.fixture
def figee(comptable, livres):
    balance = balance_figer(
        acting_user=comptable, exercice=livres, nature="mensuelle", mois=5, demande="DRASS"
    )
    balance_envoyer(
        acting_user=comptable,
        balance=balance,
        destinataire="drass",
        envoyee_le=datetime.date(livres.annee, 6, 15),
    )
    return balance


def test_postgresql_refuse_de_modifier_ou_supprimer_une_balance_figee(figee):
    refus_sql(
        lambda c: c.execute(
            "UPDATE ledger_balancefigee SET solde_debit = 0 WHERE id = %s", [figee.pk]
        ),
        "Une balance figée ne se modifie ni ne se supprime",
    )
    refus_sql(
        lambda c: c.execute(
            "DELETE FROM ledger_lignebalancefigee WHERE balance_id = %s", [figee.pk]
        ),
        "Une ligne de balance figée ne se modifie ni ne se supprime",
    )
    refus_sql(
        lambda c: c.execute("UPDATE ledger_envoibalance SET envoyee_le = envoyee_le - 1"),
        "L'envoi d'une balance enregistré ne se modifie ni ne se supprime",
    )


def test_postgresql_refuse_une_ligne_ajoutee_plus_tard(figee):
    # the test's transaction created the balance: pretend another one did
    def ajouter(c):
        c.execute(
            "INSERT INTO ledger_lignebalancefigee (balance_id, rang, numero, libelle, classe,"
            " ouverture_debit, ouverture_credit, mouvement_debit, mouvement_credit, solde_debit,"
            " solde_credit) VALUES (%s, 999, '6064', 'ajout', 6, 0, 0, 5, 0, 5, 0)",
            [figee.pk],
        )

    def apres_coup(c):
        c.execute("SET LOCAL session_replication_role = replica")
        c.execute("UPDATE ledger_balancefigee SET tx = '1'::xid8 WHERE id = %s", [figee.pk])
        c.execute("SET LOCAL session_replication_role = origin")
        ajouter(c)

    refus_sql(apres_coup, "Une balance figée ne reçoit plus de lignes")


def test_postgresql_refuse_un_envoi_avant_le_gel(figee):
    refus_sql(
        lambda c: c.execute(
            "INSERT INTO ledger_envoibalance (balance_id, destinataire, envoyee_le, reference,"
            " enregistre_par_id, enregistre_le) SELECT id, 'tpg', %s, '', figee_par_id, now()"
            " FROM ledger_balancefigee WHERE id = %s",
            [datetime.date(figee.au.year, 1, 2), figee.pk],
        ),
        "ne peut pas avoir été envoyée avant d'avoir été figée",
    )


def test_une_modification_brute_est_detectee_par_l_empreinte(figee):
    # someone able to disable the triggers changes an amount
    with curseur_en_savepoint() as c:
        c.execute("SET LOCAL session_replication_role = replica")
        c.execute(
            "UPDATE ledger_lignebalancefigee SET libelle = 'Compte maquillé'"
            " WHERE balance_id = %s AND rang = 1",
            [figee.pk],
        )
        c.execute("SET LOCAL session_replication_role = origin")
        verification = balances_figees.verifier(BalanceFigee.objects.get(pk=figee.pk))
    assert not verification.intacte
    assert "Balance altérée" in verification.message
    assert connection.in_atomic_block
