"""A bank undoing its own mistake is not a return: a transfer (or a whole batch)
debited twice, the second debit reversed by a credit carrying the reversal
indicator alone. And an unpaid direct debit takes back the right collection: a
recorded one of the same amount, never one cancelled by hand before."""

import dataclasses
import datetime
from decimal import Decimal

import pytest

from core.exceptions import DonneeInvalide
from core.money import format_euros
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_vise
from tests.tresorerie.releves_outils import fichier, importer, ligne, lignes_du_lot, mode
from tresorerie import releves
from tresorerie import services as t
from tresorerie.models import Encaissement, Retour
from tresorerie.releves.camt_ecriture import EntreeGroupee
from tresorerie.selectors_releves import suites
from tresorerie.services.retours_releve import (
    DOUBLON,
    VIREMENT,
    Debits,
    moyens_retournes,
    nature_retour,
)

pytestmark = pytest.mark.django_db

TEXTE_DOUBLON = (
    "Contre-passation sans motif de retour d'un virement débité deux fois : la banque annule "
    "un débit en double ; rien n'a été annulé dans nos comptes. Rapprochez cette ligne du "
    "débit en double."
)


@pytest.fixture
def lot(directrice, comptable, comptes, credits):
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    b = ordre_vise(directrice, comptable, credits, montant="99.90", identifiant="")
    return t.lot_payer(acting_user=comptable, ordres=[a, b], compte=comptes["BANQUE"])


def _contre_passation(paiement):
    return ligne(
        paiement.montant,
        "credit",
        paiement.bout_en_bout,
        "Annulation d'opération",
        code_operation="PMNT/ICDT/ESCT",
        contre_passation=True,
    )


def test_un_debit_en_double_contre_passe_n_est_pas_un_retour(comptable, comptes, lot):
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    double = ligne(paiement.montant, "debit", paiement.bout_en_bout, "Virement (doublon)")
    releve = importer(
        comptable,
        banque,
        fichier([*lignes_du_lot(lot), double, _contre_passation(paiement)], banque.iban),
    )

    assert not Retour.objects.exists()
    paiement.ordre.refresh_from_db()
    assert paiement.ordre.etat == "paye"  # not back to visé: it is not paid twice
    annulation = releve.lignes.get(sens="credit")
    assert mode(annulation) is None
    suite = suites([annulation], banque)[annulation.pk]
    assert suite.badges == ["contre-passation"]
    assert suite.texte == TEXTE_DOUBLON


def test_le_doublon_vu_sur_deux_releves_puis_contre_passe_par_un_avis(comptable, comptes, lot):
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    double = ligne(paiement.montant, "debit", paiement.bout_en_bout, "Virement (doublon)")
    importer(comptable, banque, fichier([*lignes_du_lot(lot), double], banque.iban))
    avis = importer(
        comptable,
        banque,
        fichier([_contre_passation(paiement)], banque.iban, "AVIS-1", version="camt.054.001.08"),
    )

    assert not Retour.objects.exists()
    seule = avis.lignes.get()
    assert suites([seule], banque)[seule.pk].texte == TEXTE_DOUBLON


def test_une_contre_passation_seule_d_un_virement_debite_une_fois_reste_un_retour(
    comptable, comptes, lot
):
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    importer(
        comptable, banque, fichier([*lignes_du_lot(lot), _contre_passation(paiement)], banque.iban)
    )

    assert Retour.objects.get().paiement == paiement
    paiement.ordre.refresh_from_db()
    assert paiement.ordre.etat == "vise"


def test_un_motif_de_retour_l_emporte_meme_sur_un_virement_debite_deux_fois(
    comptable, comptes, lot
):
    """A reason (RtrInf) is the bank's word: a return, however often it was debited."""
    banque = comptes["BANQUE"]
    paiement = lot.paiements.get(montant="1200.00")
    double = ligne(paiement.montant, "debit", paiement.bout_en_bout)
    retour = dataclasses.replace(_contre_passation(paiement), motif_retour="AC04")
    importer(comptable, banque, fichier([*lignes_du_lot(lot), double, retour], banque.iban))

    assert Retour.objects.get().motif == "AC04"


def test_un_lot_debite_deux_fois_en_une_entree_puis_contre_passe(comptable, comptes, lot):
    banque = comptes["BANQUE"]

    def entree(sens, **signes):
        lignes = [dataclasses.replace(lg, sens=sens, **signes) for lg in lignes_du_lot(lot)]
        return EntreeGroupee(lignes=tuple(lignes), reference_lot=lot.message_id, details=False)

    releve = importer(
        comptable,
        banque,
        fichier(
            [entree("debit"), entree("debit"), entree("credit", contre_passation=True)],
            banque.iban,
        ),
    )

    assert not Retour.objects.exists()
    annulation = releve.lignes.get(sens="credit")
    assert annulation.montant == lot.total and mode(annulation) is None
    assert suites([annulation], banque)[annulation.pk].texte == TEXTE_DOUBLON
    # Twice the batch's amount under its reference: left to the agent comptable.
    assert [mode(lg) for lg in releve.lignes.filter(sens="debit")] == [None, None]


def test_nature_du_retour_selon_les_debits_vus():
    seule = ligne(
        "10.00", "credit", "E2E-1", code_operation="PMNT/ICDT/ESCT", contre_passation=True
    )
    assert nature_retour(seule) == VIREMENT  # nothing known of the debits: as before
    for fois, nature in ((0, VIREMENT), (1, VIREMENT), (2, DOUBLON), (3, DOUBLON)):
        debits = Debits()
        debits.par_reference["E2E-1"] = fois
        assert nature_retour(seule, debits) == nature
    rrtn = dataclasses.replace(seule, code_operation="PMNT/ICDT/RRTN")
    debits = Debits()
    debits.par_reference["E2E-1"] = 2
    assert nature_retour(rrtn, debits) == VIREMENT
    # RCDT: a transfer received by us, not one of ours returned.
    recu = ligne("10.00", "credit", "E2E-1", code_operation="PMNT/RCDT/RRTN")
    assert nature_retour(recu) == ""
    assert moyens_retournes(ligne("10.00", "debit", code_operation="PMNT/ICDT/RRTN")) == []
    assert moyens_retournes(ligne("10.00", "debit", code_operation="PMNT/RCDT/ESCT")) == []
    assert moyens_retournes(ligne("10.00", "debit", contre_passation=True)) == [
        Encaissement.Moyen.PRELEVEMENT,
        Encaissement.Moyen.CHEQUE,
    ]


# --------------------------------------------------------------- unpaid direct debits


def _prelever(comptable, banque, directrice, montant, jour):
    return t.encaissement_enregistrer(
        acting_user=comptable,
        compte=banque,
        moyen="prelevement",
        montant=montant,
        payeur="Société Orion",
        objet="Prélèvement mensuel",
        reference="MANDAT-ORION",
        date=jour,
    )


def _impaye(montant, le=AUJOURD_HUI):
    return dataclasses.replace(
        ligne(montant, "debit", "MANDAT-ORION", "Impayé", code_operation="PMNT/IDDT/UPDD"),
        date_operation=le,
        date_valeur=le,
    )


def test_l_impaye_reprend_le_prelevement_enregistre_du_meme_montant(directrice, comptable, comptes):
    banque = comptes["BANQUE"]
    mai = _prelever(comptable, banque, directrice, "100.00", datetime.date(2026, 5, 15))
    juin = _prelever(comptable, banque, directrice, "80.00", datetime.date(2026, 6, 1))
    releve = importer(comptable, banque, fichier([_impaye("100.00")], banque.iban))

    mai.refresh_from_db()
    juin.refresh_from_db()
    assert (mai.etat, juin.etat) == (Encaissement.Etat.ANNULE, Encaissement.Etat.ENREGISTRE)
    assert mode(releve.lignes.get()) == "automatique"


def test_l_impaye_d_un_prelevement_deja_annule_a_la_main_ne_fait_rien(
    directrice, comptable, comptes
):
    banque = comptes["BANQUE"]
    mai = _prelever(comptable, banque, directrice, "100.00", datetime.date(2026, 5, 15))
    t.encaissement_annuler(acting_user=comptable, encaissement=mai, motif="Saisi en double")
    mai.refresh_from_db()
    annulation = mai.ecriture_annulation
    releve = importer(comptable, banque, fichier([_impaye("100.00")], banque.iban))

    mai.refresh_from_db()
    assert mai.ecriture_annulation_id == annulation.pk  # not cancelled a second time
    seule = releve.lignes.get()
    assert mode(seule) is None
    assert suites([seule], banque)[seule.pk].texte == (
        f"Encaissement {mai.reference_interne} de Société Orion ({format_euros(Decimal('100'))}) "
        f"déjà annulé le {annulation.date:%d/%m/%Y} (motif « Saisi en double ») : rien n'a été "
        "fait ; rapprochez la ligne de cette annulation "
        f"(écriture {annulation.journal.code}-{annulation.numero})."
    )


def test_l_impaye_ne_reprend_pas_un_prelevement_annule_quand_un_autre_est_enregistre(
    directrice, comptable, comptes
):
    """The older unpaid collection, still recorded, not the later one already cancelled."""
    banque = comptes["BANQUE"]
    mai = _prelever(comptable, banque, directrice, "100.00", datetime.date(2026, 5, 15))
    juin = _prelever(comptable, banque, directrice, "100.00", datetime.date(2026, 6, 1))
    t.encaissement_annuler(acting_user=comptable, encaissement=juin, motif="Erreur de saisie")
    importer(comptable, banque, fichier([_impaye("100.00")], banque.iban))

    mai.refresh_from_db()
    assert mai.etat == Encaissement.Etat.ANNULE
    assert mai.motif_annulation.startswith("Prélèvement SEPA impayé, retourné par la banque le")


def test_un_prelevement_se_saisit_avec_sa_reference_de_bout_en_bout(comptable, comptes):
    with pytest.raises(DonneeInvalide) as refus:
        t.encaissement_enregistrer(
            acting_user=comptable,
            compte=comptes["BANQUE"],
            moyen="prelevement",
            montant="10.00",
            payeur="M. Petit",
            objet="Prélèvement",
            reference="  ",
        )
    assert str(refus.value) == (
        "Un prélèvement SEPA se reconnaît à sa référence de bout en bout (EndToEndId) : "
        "indiquez-la, elle sert à retrouver un prélèvement impayé au relevé."
    )
    assert not Encaissement.objects.exists()


def test_deux_impayes_d_un_mandat_dans_un_releve_reprennent_deux_prelevements(
    directrice, comptable, comptes
):
    banque = comptes["BANQUE"]
    mai = _prelever(comptable, banque, directrice, "100.00", datetime.date(2026, 5, 15))
    juin = _prelever(comptable, banque, directrice, "100.00", datetime.date(2026, 6, 1))
    releve = importer(
        comptable, banque, fichier([_impaye("100.00"), _impaye("100.00")], banque.iban)
    )

    mai.refresh_from_db()
    juin.refresh_from_db()
    assert (mai.etat, juin.etat) == (Encaissement.Etat.ANNULE, Encaissement.Etat.ANNULE)
    assert [mode(lg) for lg in releve.lignes.order_by("id")] == ["automatique"] * 2
    livres = {lg.rapprochement.lignes_ecriture.get().ecriture_id for lg in releve.lignes.all()}
    assert livres == {mai.ecriture_annulation_id, juin.ecriture_annulation_id}


@pytest.mark.parametrize(
    ("code", "moyens"),
    [
        ("PMNT/IDDT/UPDD", ["prelevement"]),  # our direct debit, unpaid
        ("PMNT/RCHQ/UPCQ", ["cheque"]),  # a cheque we deposited, unpaid
        ("PMNT/RDDT/UPDD", []),  # a direct debit others took from us, refunded
        ("PMNT/ICHQ/UPCQ", []),  # a cheque we issued
        ("PMNT/ICDT/RRTN", []),  # a transfer: not a receipt
        ("", ["prelevement", "cheque"]),  # no code: both are looked up
    ],
)
def test_seules_les_familles_de_ce_que_la_caisse_a_emis_ou_remis_reviennent_sur_un_encaissement(
    code, moyens
):
    ligne = releves.LigneReleve(
        date_operation=AUJOURD_HUI,
        date_valeur=None,
        montant=Decimal("10.00"),
        sens="debit",
        libelle="",
        reference="E2E-1",
        reference_banque="",
        contrepartie="",
        code_operation=code,
        contre_passation=True,
    )
    assert [str(m) for m in moyens_retournes(ligne)] == moyens
