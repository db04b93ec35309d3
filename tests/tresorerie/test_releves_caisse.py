"""Statements and reconciliation, the arrêté de caisse, the monthly regularisation."""

import datetime
from decimal import Decimal

import pytest

from core import horloge
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from ledger.models import Ecriture, Exercice, Ligne
from ledger.services import LigneSaisie, ecriture_passer
from recettes import services as r
from recettes.models import OrdreRecette
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_recette, ordre_vise
from tresorerie import services as t
from tresorerie.demo import releve_exemple
from tresorerie.models import ArreteCaisse, Rapprochement
from tresorerie.selectors import etat_rapprochement, solde_comptable
from tresorerie.services import SoldeInsuffisant

pytestmark = pytest.mark.django_db


def test_un_releve_camt053_se_rapproche_avec_les_paiements_et_les_encaissements(
    directrice, comptable, comptes, credits
):
    ordre = ordre_recette(directrice, comptable)
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant="1250.40",
        payeur="Société Orion",
        objet="Virement",
        reference="VIR-ORION-1",
        repartitions=[t.Repartition(ordre.lignes.get(), "1250.40")],
    )
    a = ordre_vise(directrice, comptable, credits, montant="1200.00")
    b = ordre_vise(directrice, comptable, credits, montant="99.90")
    t.lot_payer(acting_user=comptable, ordres=[a, b], compte=comptes["BANQUE"])
    contenu = releve_exemple(comptes["BANQUE"], AUJOURD_HUI, AUJOURD_HUI)
    releve = t.releve_importer(
        acting_user=comptable, compte=comptes["BANQUE"], nom_fichier="releve.xml", contenu=contenu
    )
    assert releve.lignes.count() == 4  # receipt, two transfers, the bank's fee
    modes = sorted(
        (lg.libelle, getattr(getattr(lg, "rapprochement", None), "mode", None))
        for lg in releve.lignes.all()
    )
    assert [m for _, m in modes].count("automatique") == 3
    etat = etat_rapprochement(comptes["BANQUE"])
    assert etat.ecritures_non_rapprochees == []
    assert [lg.libelle for lg in etat.releve_non_rapproche] == ["Frais de tenue de compte"]
    assert etat.solde_bancaire - etat.solde_comptable == Decimal("-12.50")
    assert etat.ecart == Decimal("0.00")
    # The fee is explained; the state still reconciles.
    frais = etat.releve_non_rapproche[0]
    t.expliquer(
        acting_user=comptable, ligne_releve=frais, explication="Frais à comptabiliser (627)"
    )
    etat = etat_rapprochement(comptes["BANQUE"])
    assert etat.releve_non_rapproche == [] and len(etat.releve_explique) == 1
    assert etat.ecart == Decimal("0.00")
    with pytest.raises(TransitionInterdite, match="déjà été importé"):
        t.releve_importer(
            acting_user=comptable, compte=comptes["BANQUE"], nom_fichier="bis.xml", contenu=contenu
        )


def test_rapprochement_manuel_et_refus_d_un_montant_faux(comptable, comptes):
    enc = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="cheque",
        montant="80.00",
        payeur="M. Petit",
        objet="Chèque",
        reference="CHQ 1234567",
    )
    entete = "date;date_valeur;libelle;reference;debit;credit\n"
    contenu = (entete + f"{AUJOURD_HUI:%d/%m/%Y};;REMISE CHEQUES;REM-88;;80,00\n").encode()
    releve = t.releve_importer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        nom_fichier="releve.csv",
        contenu=contenu,
        solde_ouverture="0",
    )
    ligne = releve.lignes.get()
    # Same amount and date: matched automatically, although the reference differs.
    assert ligne.rapprochement.mode == "automatique"
    t.rapprochement_defaire(acting_user=comptable, rapprochement=ligne.rapprochement)
    livre = Ligne.objects.get(ecriture=enc.ecriture, compte__numero="5122")
    autre = t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="cheque",
        montant="5.00",
        payeur="M. Petit",
        objet="Chèque",
    )
    with pytest.raises(DonneeInvalide, match="tomber juste"):
        t.rapprocher(
            acting_user=comptable,
            ligne_releve=ligne,
            lignes=[livre, Ligne.objects.get(ecriture=autre.ecriture, compte__numero="5122")],
        )
    rapprochement = t.rapprocher(acting_user=comptable, ligne_releve=ligne, lignes=[livre])
    assert rapprochement.mode == "manuel"
    assert Rapprochement.objects.count() == 1


def test_un_fichier_qui_n_est_pas_un_releve_est_refuse(comptable, comptes):
    with pytest.raises(DonneeInvalide, match="camt.053"):
        t.releve_importer(
            acting_user=comptable,
            compte=comptes["BANQUE"],
            nom_fichier="faux.xml",
            contenu=b"<html><body>pas un releve</body></html>",
        )


def test_une_image_n_est_pas_un_releve(comptable, comptes):
    with pytest.raises(DonneeInvalide, match="ni un relevé camt.053"):
        t.releve_importer(
            acting_user=comptable,
            compte=comptes["BANQUE"],
            nom_fichier="releve.csv",
            contenu=b"\x89PNG\r\n\x1a\n" + bytes(64),
        )


def test_un_releve_d_un_autre_compte_est_refuse(comptable, comptes):
    contenu = releve_exemple(comptes["ENCAISSEMENT"], AUJOURD_HUI, AUJOURD_HUI)
    with pytest.raises(DonneeInvalide, match="pas de « Compte externe"):
        t.releve_importer(
            acting_user=comptable, compte=comptes["BANQUE"], nom_fichier="r.xml", contenu=contenu
        )


def test_l_arrete_avec_un_manquant_cree_le_debet_de_l_agent_comptable(comptable, comptes):
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["CAISSE"],
        moyen="numeraire",
        montant="250.00",
        payeur="M. Petit",
        objet="Versement",
    )
    assert solde_comptable("531", AUJOURD_HUI) == Decimal("250.00")
    arrete = t.arrete_caisse(
        acting_user=comptable, compte=comptes["CAISSE"], comptage={"100": 1, "10": 3}
    )
    assert (arrete.total_compte, arrete.ecart, arrete.nature_ecart) == (
        Decimal("130.00"),
        Decimal("-120.00"),
        "manquant",
    )
    debet = Ligne.objects.get(ecriture=arrete.ecriture, compte__numero="4722")
    assert debet.debit == Decimal("120.00") and "agent comptable" in debet.tiers
    assert solde_comptable("531", AUJOURD_HUI) == Decimal("130.00")
    with pytest.raises(TransitionInterdite, match="déjà arrêtée"):
        t.arrete_caisse(acting_user=comptable, compte=comptes["CAISSE"], comptage={"100": 1})


def test_l_arrete_avec_un_excedent_le_met_en_attente(comptable, comptes):
    arrete = t.arrete_caisse(acting_user=comptable, compte=comptes["CAISSE"], comptage={"0.50": 3})
    assert arrete.ecart == Decimal("1.50")
    assert Ligne.objects.get(ecriture=arrete.ecriture, compte__numero="4712").credit == Decimal(
        "1.50"
    )


def test_l_arrete_concordant_ne_passe_pas_d_ecriture_et_refuse_une_coupure_inconnue(
    comptable, comptes
):
    avant = Ecriture.objects.count()
    with pytest.raises(DonneeInvalide, match="n'est pas une coupure"):
        t.arrete_caisse(acting_user=comptable, compte=comptes["CAISSE"], comptage={"3": 1})
    with pytest.raises(DonneeInvalide, match="n'est pas une coupure"):
        t.arrete_caisse(acting_user=comptable, compte=comptes["CAISSE"], comptage={"sNaN": 1})
    with pytest.raises(DonneeInvalide, match="négatif"):
        t.arrete_caisse(acting_user=comptable, compte=comptes["CAISSE"], comptage={"5": -1})
    arrete = t.arrete_caisse(acting_user=comptable, compte=comptes["CAISSE"], comptage={})
    assert arrete.ecart == 0 and arrete.ecriture is None
    assert Ecriture.objects.count() == avant
    assert ArreteCaisse.objects.count() == 1


def test_les_encaissements_sans_titre_sont_regularises_par_un_ordre_du_mois(
    directrice, comptable, comptes
):
    for payeur in ("M. et Mme Perrin", "M. et Mme Perrin", "Mme Roux"):
        t.encaissement_sans_titre(
            acting_user=comptable,
            compte=comptes["BANQUE"],
            moyen="virement",
            montant="720.00",
            payeur=payeur,
            objet="Loyer de l'appartement",
            compte_produit="752",
            nature_recette="loyer",
        )
    assert solde_comptable("4713", AUJOURD_HUI) == Decimal("-2160.00")
    with pytest.raises(DroitInsuffisant, match="Seul l'ordonnateur"):
        t.regularisation_preparer(
            acting_user=comptable, annee=AUJOURD_HUI.year, mois=AUJOURD_HUI.month
        )
    [ordre] = t.regularisation_preparer(
        acting_user=directrice, annee=AUJOURD_HUI.year, mois=AUJOURD_HUI.month
    )
    assert (ordre.etat, ordre.montant, ordre.compte_tiers.numero) == (
        "brouillon",
        Decimal("2160.00"),
        "4713",
    )
    assert sorted((lg.debiteur, lg.montant) for lg in ordre.lignes.all()) == [
        ("M. et Mme Perrin", Decimal("1440.00")),
        ("Mme Roux", Decimal("720.00")),
    ]
    from tests.factories import MOT_DE_PASSE

    r.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    r.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
    controles = [r.ControleSaisi(p, True) for p in r.controles_requis(ordre).points]
    r.ordre_recette_prendre_en_charge(acting_user=comptable, ordre=ordre, controles=controles)
    assert solde_comptable("4713", AUJOURD_HUI) == Decimal("0.00")
    assert solde_comptable("752", AUJOURD_HUI) == Decimal("-2160.00")
    assert r.reste_a_recouvrer(OrdreRecette.objects.get(pk=ordre.pk)) == Decimal("0.00")
    with pytest.raises(TransitionInterdite, match="Aucun encaissement"):
        t.regularisation_preparer(
            acting_user=directrice, annee=AUJOURD_HUI.year, mois=AUJOURD_HUI.month
        )
    assert horloge.aujourdhui().year == AUJOURD_HUI.year


def test_les_frais_du_compte_special_d_encaissement_vont_au_compte_externe(comptable, comptes):
    ecriture = t.frais_bancaires(
        acting_user=comptable, compte=comptes["ENCAISSEMENT"], montant="8.40", libelle="Commission"
    )
    lignes = {lg.compte.numero: (lg.debit, lg.credit) for lg in ecriture.lignes.all()}
    assert lignes == {
        "627": (Decimal("8.40"), Decimal("0.00")),
        "5122": (Decimal("0.00"), Decimal("8.40")),
    }


def test_les_frais_du_releve_se_comptabilisent_et_se_rapprochent(comptable, comptes):
    contenu = releve_exemple(comptes["BANQUE"], AUJOURD_HUI, AUJOURD_HUI)
    releve = t.releve_importer(
        acting_user=comptable, compte=comptes["BANQUE"], nom_fichier="r.xml", contenu=contenu
    )
    frais = releve.lignes.get(libelle="Frais de tenue de compte")
    t.frais_bancaires(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        montant=frais.montant,
        libelle=frais.libelle,
        ligne_releve=frais,
    )
    etat = etat_rapprochement(comptes["BANQUE"])
    assert etat.releve_non_rapproche == [] and etat.ecritures_non_rapprochees == []
    assert etat.solde_bancaire == etat.solde_comptable and etat.ecart == Decimal("0.00")


def test_nivellement_du_compte_special_d_encaissement_vers_la_caisse_des_depots(comptable, comptes):
    with pytest.raises(DonneeInvalide, match="versement des cotisations"):
        t.virement_interne(
            acting_user=comptable,
            de=comptes["BANQUE"],
            vers=comptes["ENCAISSEMENT"],
            montant="10.00",
        )
    # a transfer is not dated in the future
    with pytest.raises(DonneeInvalide, match="n'est pas encore venu"):
        t.virement_interne(
            acting_user=comptable,
            de=comptes["CDC"],
            vers=comptes["EXECUTION"],
            montant="10.00",
            date=AUJOURD_HUI + datetime.timedelta(days=1),
        )
    # an empty compte spécial has nothing to level
    with pytest.raises(
        SoldeInsuffisant, match="solde comptable 0,00\u00a0€, virement 10,00\u00a0€"
    ):
        t.virement_interne(
            acting_user=comptable, de=comptes["ENCAISSEMENT"], vers=comptes["CDC"], montant="10.00"
        )
    # once cotisations are received on it, the nivellement goes
    ecriture_passer(
        acting_user=comptable,
        exercice=Exercice.objects.get(annee=AUJOURD_HUI.year),
        journal="TR",
        date=AUJOURD_HUI,
        libelle="Cotisations reçues en attente d'affectation",
        lignes=[
            LigneSaisie("5123", debit=Decimal("10.00")),
            LigneSaisie("4711", credit=Decimal("10.00")),
        ],
    )
    ecriture = t.virement_interne(
        acting_user=comptable, de=comptes["ENCAISSEMENT"], vers=comptes["CDC"], montant="10.00"
    )
    assert {lg.compte.numero for lg in ecriture.lignes.all()} == {"515", "5123"}
