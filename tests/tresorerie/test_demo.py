"""The demo fund's treasury: a camt.053 statement reconciles with the demo payments."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from core import horloge
from depenses.models import OrdreDepense
from tresorerie import services as t
from tresorerie.demo import releve_exemple
from tresorerie.models import CompteDisponibilite, Releve
from tresorerie.models_retours import Retour
from tresorerie.selectors import etat_rapprochement, restes_a_recouvrer
from tresorerie.selectors_retours import retours

pytestmark = pytest.mark.django_db


def test_le_releve_de_la_demo_se_rapproche_avec_les_paiements_du_jour(caisse_demo):
    aujourd_hui = horloge.aujourdhui()
    comptable = get_user_model().objects.get(username="comptable")
    banque = CompteDisponibilite.objects.get(code="BANQUE")
    if aujourd_hui.timetuple().tm_yday > 1:
        # Statements up to yesterday were imported and reconciled by the demo;
        # only the bank's fee is left, and the state balances.
        historique = Releve.objects.get(compte=banque)
        assert historique.lignes.filter(rapprochement__isnull=True).count() == 1
    # Three visaed orders: the two of the day's batch, and the pension whose
    # transfer the bank returned (issue 15), which waits for corrected bank
    # details before it is paid again.
    vises = list(OrdreDepense.objects.filter(etat="vise").exclude(retours__isnull=False))
    assert OrdreDepense.objects.filter(etat="vise").count() == 3
    assert len(vises) == 2
    lot = t.lot_payer(acting_user=comptable, ordres=vises, compte=banque)
    contenu = releve_exemple(banque, aujourd_hui, aujourd_hui)
    releve = t.releve_importer(
        acting_user=comptable, compte=banque, nom_fichier="releve-du-jour.xml", contenu=contenu
    )
    transferts = releve.lignes.filter(reference__startswith=lot.message_id[7:])
    assert transferts.count() == lot.nombre
    assert all(lg.rapprochement.mode == "automatique" for lg in transferts)
    assert releve.lignes.filter(rapprochement__isnull=True).count() == 1  # the fee
    etat = etat_rapprochement(banque)
    assert etat.ecritures_non_rapprochees == []
    assert etat.ecart == Decimal("0.00")
    assert restes_a_recouvrer().ecart_comptable == Decimal("0.00")


def test_la_demo_montre_un_virement_de_pension_retourne_par_la_banque(caisse_demo):
    """Issue 15 at work in the demo: the statement imported by the demo carries
    the return (AC04, compte clos) of a pension paid a few days before; its
    import cancelled the payment by counter-entry and put the order back to
    visé, « à corriger » in « Virements revenus »."""
    retour = Retour.objects.select_related("paiement__lot", "ordre", "ligne_releve").get()
    ordre = retour.ordre
    assert (retour.motif, retour.motif_info) == (
        "AC04",
        "Compte clôturé à la demande de la titulaire",
    )
    assert ordre.etat == "vise" and ordre.nature == "prestation"
    assert ordre.compte_imputation.numero == "6561" and ordre.lignes.count() == 1
    assert retour.montant == ordre.montant == Decimal("1184.62")
    assert ordre.paye_le is None
    # The counter-entry debits the bank account and credits the insured's 412.
    lignes = {(lg.compte.numero, lg.debit, lg.credit) for lg in retour.ecriture.lignes.all()}
    assert lignes == {
        ("5122", Decimal("1184.62"), Decimal("0.00")),
        ("412", Decimal("0.00"), Decimal("1184.62")),
    }
    assert retour.ecriture.piece == retour.paiement.bout_en_bout
    # The statement's return line, dated after the payment, matched to it.
    ligne = retour.ligne_releve
    assert (ligne.sens, ligne.reference, ligne.code_operation) == (
        "credit",
        retour.paiement.bout_en_bout,
        "PMNT/ICDT/RRTN",
    )
    assert ligne.contre_passation and ligne.motif_retour == "AC04"
    assert ligne.date_operation > retour.paiement.lot.date
    assert ligne.rapprochement.lignes_ecriture.get().ecriture_id == retour.ecriture_id
    assert [(lg.retour, lg.etat, lg.etat_libelle) for lg in retours()] == [
        (retour, "a_corriger", "à corriger")
    ]
    # The statement still balances and chains with the books but for its fee.
    etat = etat_rapprochement(retour.paiement.lot.compte)
    assert etat.ecritures_non_rapprochees == []
