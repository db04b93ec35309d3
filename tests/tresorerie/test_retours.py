"""Transfers returned by the bank: the payment cancelled by a counter-entry, the
order back to visé, its credits and oppositions restored, the bank details
corrected before paying again, only what was returned (issue 15)."""

from decimal import Decimal

import pytest

from budget.models import Credit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from depenses import services as d
from ledger.models import Ligne
from oppositions.models import Imputation
from oppositions.services import opposition_enregistrer, reste_opposable
from tests.factories import MOT_DE_PASSE
from tests.tresorerie.conftest import AUJOURD_HUI, IBAN, ordre_vise
from tresorerie import services as t
from tresorerie.models import Paiement, Retour
from tresorerie.services.retours import MOTIFS_RETOUR, libelle_motif
from tresorerie.services.retours_coordonnees import etat_retour

pytestmark = pytest.mark.django_db

NOUVEL_IBAN = "FR7630004000031234567890143"
NOUVEAU_BIC = "BNPAFRPPXXX"
IBAN_OPPOSANT = "FR7630003000301234567890118"


def solde(numero, tiers=None):
    lignes = Ligne.objects.filter(compte__numero=numero)
    if tiers is not None:
        lignes = lignes.filter(tiers=tiers)
    return sum((lg.debit - lg.credit for lg in lignes), Decimal("0"))


def paye_6064():
    return Credit.objects.get(chapitre="6064").paye


def ordre_deux_lignes(directrice, comptable, exercice):
    """A collective order: 400,00 to Papeterie Centrale, 600,00 to Imprimerie Lenoir."""
    engagement = d.engagement_creer(
        acting_user=directrice,
        exercice=exercice,
        gestion="budgetaire",
        objet="Fournitures",
        creancier="Divers",
        compte_imputation="6064",
        montant_engage="1000.00",
    )
    ordre = d.ordre_depense_creer(
        acting_user=directrice,
        saisie=d.SaisieDepense(
            gestion="budgetaire",
            nature="fournitures",
            objet="Fournitures",
            bases_liquidation="Factures 118 et 119",
            compte_imputation="6064",
            compte_tiers="401",
            date_fait=AUJOURD_HUI,
            dates={"reception": AUJOURD_HUI},
            engagement=engagement,
            type="collectif",
            lignes=[
                d.LigneCreancier(
                    "Papeterie Centrale",
                    "fournisseur",
                    IBAN,
                    "400.00",
                    bic="AGRIFRPPXXX",
                    identifiant="55210055400013",
                ),
                d.LigneCreancier(
                    "Imprimerie Lenoir",
                    "fournisseur",
                    "FR7610011000201234567890188",
                    "600.00",
                    bic="PSSTFRPPXXX",
                    identifiant="38899977700015",
                ),
            ],
            pieces_references="Factures, au dossier",
        ),
    )
    d.ordre_depense_attester_service_fait(acting_user=directrice, ordre=ordre, le=AUJOURD_HUI)
    d.ordre_depense_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    d.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)
    return d.ordre_depense_viser(
        acting_user=comptable,
        ordre=ordre,
        appreciations={"imputation": (True, ""), "validite_dette": (True, "")},
    )


@pytest.fixture
def paye(directrice, comptable, comptes, credits):
    """An order of 1 200,00 paid by transfer to Papeterie Centrale."""
    ordre = ordre_vise(directrice, comptable, credits, montant="1200.00")
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    return ordre, lot.paiements.get()


def test_le_retour_contre_passe_le_paiement_et_remet_l_ordre_vise(comptable, paye, credits):
    ordre, paiement = paye
    banque, fournisseur = solde("5122"), solde("401", "Papeterie Centrale")
    paye_avant = paye_6064()
    retour = t.paiement_retourner(
        acting_user=comptable, paiement=paiement, motif="ac04", motif_info="Compte clôturé"
    )
    assert (retour.motif, retour.motif_libelle, retour.motif_info) == (
        "AC04",
        "compte clos",
        "Compte clôturé",
    )
    lignes = sorted(
        (lg.compte.numero, lg.debit, lg.credit, lg.tiers) for lg in retour.ecriture.lignes.all()
    )
    assert lignes == [
        ("401", Decimal("0"), Decimal("1200.00"), "Papeterie Centrale"),
        ("5122", Decimal("1200.00"), Decimal("0"), ""),
    ]
    assert (retour.ecriture.journal.code, retour.ecriture.piece) == ("TR", paiement.bout_en_bout)
    assert retour.ecriture.date == AUJOURD_HUI
    assert solde("5122") - banque == Decimal("1200.00")
    assert solde("401", "Papeterie Centrale") - fournisseur == Decimal("-1200.00")
    ordre.refresh_from_db()
    assert (ordre.etat, ordre.paye_le, ordre.paiement_reference, ordre.paye_par) == (
        "vise",
        None,
        "",
        None,
    )
    assert retour.mention["reference"] == paiement.lot.message_id
    assert retour.mention["paye_le"] == AUJOURD_HUI.isoformat()
    assert paye_6064() == paye_avant - Decimal("1200")
    assert JournalAudit.objects.filter(acte="tresorerie.virement_retourne").count() == 1
    assert JournalAudit.objects.filter(acte="ordre_depense.virement_retourne").count() == 1


def test_le_meme_retour_deux_fois_ne_passe_qu_une_ecriture(comptable, paye):
    _, paiement = paye
    premier = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    second = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    assert second.pk == premier.pk
    assert Retour.objects.count() == 1
    assert Ligne.objects.filter(ecriture__piece=paiement.bout_en_bout).count() == 2


def test_un_retour_d_un_autre_montant_est_refuse(comptable, paye):
    ordre, paiement = paye
    with pytest.raises(
        TransitionInterdite, match="porte sur 1\xa0000,00\xa0€ alors que le virement"
    ):
        t.paiement_retourner(
            acting_user=comptable, paiement=paiement, motif="AC04", montant=Decimal("1000.00")
        )
    ordre.refresh_from_db()
    assert ordre.etat == "paye"
    assert not Retour.objects.exists()


def test_seul_l_agent_comptable_enregistre_un_retour(directrice, auditeur, paye):
    ordre, paiement = paye
    for intrus in (directrice, auditeur):
        with pytest.raises(DroitInsuffisant, match="enregistrer un virement retourné"):
            t.paiement_retourner(acting_user=intrus, paiement=paiement, motif="AC04")
    ordre.refresh_from_db()
    assert ordre.etat == "paye"


def test_les_motifs_inconnus_se_montrent_tels_quels():
    assert libelle_motif("MD07") == "titulaire du compte décédé"
    assert libelle_motif("ZZ99") == "ZZ99"
    assert libelle_motif("") == "retour sans motif précisé par la banque"
    assert {"AC01", "AC04", "AM04", "MD07", "RR04", "TECH", "CNOR", "AC13"} <= set(MOTIFS_RETOUR)


def test_avant_correction_le_virement_est_refuse_le_cheque_possible(comptable, comptes, paye):
    ordre, paiement = paye
    retour = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    with pytest.raises(
        DonneeInvalide,
        match=r"Le virement de 1\xa0200,00\xa0€ à Papeterie Centrale \(ordre de dépense n° "
        rf"{ordre.reference}\) a été retourné par la banque le {AUJOURD_HUI:%d/%m/%Y} : motif AC04 — compte clos\. "
        r"Corrigez ses coordonnées bancaires \(Trésorerie › Virements revenus",
    ):
        t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    assert etat_retour(retour) == "a_corriger"
    lot = t.lot_payer(
        acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"], moyen="cheque"
    )
    assert lot.total == Decimal("1200.00")
    ordre.refresh_from_db()
    assert ordre.etat == "paye"
    assert etat_retour(retour) == "repaye"


def test_la_correction_exige_un_autre_compte_pour_un_compte_clos(comptable, paye):
    _, paiement = paye
    retour = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    with pytest.raises(DonneeInvalide, match="ne peut pas être repris, donnez un autre IBAN"):
        t.coordonnees_corriger(
            acting_user=comptable, retour=retour, iban=IBAN, justification="RIB reçu le 12"
        )
    with pytest.raises(DonneeInvalide, match="IBAN"):
        t.coordonnees_corriger(
            acting_user=comptable,
            retour=retour,
            iban="FR7630004000031234567890144",
            justification="RIB",
        )
    with pytest.raises(DonneeInvalide, match="justification de la correction est obligatoire"):
        t.coordonnees_corriger(
            acting_user=comptable, retour=retour, iban=NOUVEL_IBAN, justification=""
        )
    assert not retour.corrections.exists()


def test_apres_correction_le_virement_part_vers_le_nouveau_compte(
    comptable, comptes, paye, credits
):
    ordre, paiement = paye
    paye_avant = paye_6064()
    retour = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="AC04")
    correction = t.coordonnees_corriger(
        acting_user=comptable,
        retour=retour,
        iban="fr76 3000 4000 0312 3456 7890 143",
        bic=NOUVEAU_BIC,
        justification="RIB reçu par courrier du créancier le 10 juin",
    )
    assert correction.iban == NOUVEL_IBAN
    assert etat_retour(retour) == "corrige"
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    nouveau = lot.paiements.get()
    assert (nouveau.iban, nouveau.bic, nouveau.montant) == (
        NOUVEL_IBAN,
        NOUVEAU_BIC,
        Decimal("1200.00"),
    )
    assert NOUVEL_IBAN.encode() in bytes(lot.fichier)
    ordre.refresh_from_db()
    assert (ordre.etat, ordre.paiement_reference) == ("paye", lot.message_id)
    # Credits paid once, net.
    assert paye_6064() == paye_avant
    assert solde("401", "Papeterie Centrale") == Decimal("0.00")


def test_un_ordre_retourne_en_partie_ne_repaie_que_le_retour(
    directrice, comptable, comptes, credits
):
    ordre = ordre_deux_lignes(directrice, comptable, credits)
    paye_avant = paye_6064()
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    lenoir = lot.paiements.get(beneficiaire="Imprimerie Lenoir")
    retour = t.paiement_retourner(acting_user=comptable, paiement=lenoir, motif="AM04")
    ordre.refresh_from_db()
    assert ordre.etat == "vise"
    paye_net = paye_6064()
    assert paye_net == paye_avant + Decimal("400.00")
    # AM04 is not about the account: the same details may be confirmed.
    t.coordonnees_corriger(
        acting_user=comptable,
        retour=retour,
        iban=lenoir.iban,
        bic=lenoir.bic,
        justification="Le créancier confirme son compte par courriel du 14 juin",
    )
    lot2 = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    assert [(p.beneficiaire, p.montant) for p in lot2.paiements.all()] == [
        ("Imprimerie Lenoir", Decimal("600.00"))
    ]
    assert lot2.total == Decimal("600.00")
    ordre.refresh_from_db()
    assert ordre.etat == "paye"
    assert paye_6064() == paye_avant + Decimal("1000")
    assert solde("401") == Decimal("0.00")
    # Each creditor got his money once.
    nets = {
        b: sum(p.montant for p in Paiement.objects.filter(beneficiaire=b, retour__isnull=True))
        for b in ("Papeterie Centrale", "Imprimerie Lenoir")
    }
    assert nets == {"Papeterie Centrale": Decimal("400.00"), "Imprimerie Lenoir": Decimal("600.00")}


def test_le_retour_du_virement_a_l_opposant_retablit_l_opposition(
    directrice, comptable, comptes, credits
):
    opposition = opposition_enregistrer(
        acting_user=comptable,
        creancier_nom="Papeterie Centrale",
        creancier_identifiant="55210055400013",
        opposant="Société Générale de Recouvrement",
        opposant_iban=IBAN_OPPOSANT,
        opposant_bic="SOGEFRPPXXX",
        nature="saisie_attribution",
        montant=Decimal("500.00"),
        signifiee_le=AUJOURD_HUI,
        reference_acte="PV de saisie-attribution",
    )
    ordre = ordre_vise(directrice, comptable, credits, montant="1200.00")
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    a_l_opposant = lot.paiements.get(opposition__isnull=False)
    assert reste_opposable(opposition) == Decimal("0.00")
    retour = t.paiement_retourner(acting_user=comptable, paiement=a_l_opposant, motif="AC01")
    assert reste_opposable(opposition) == Decimal("500.00")
    restituee = Imputation.objects.get(opposition=opposition, montant__lt=0)
    assert (restituee.montant, restituee.reference) == (
        Decimal("-500.00"),
        f"retour:{a_l_opposant.bout_en_bout}",
    )
    t.coordonnees_corriger(
        acting_user=comptable,
        retour=retour,
        iban=NOUVEL_IBAN,
        bic=NOUVEAU_BIC,
        justification="Nouveau RIB de l'huissier, lettre du 11 juin",
    )
    lot2 = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    assert [(p.beneficiaire, p.montant, p.iban) for p in lot2.paiements.all()] == [
        ("Société Générale de Recouvrement", Decimal("500.00"), NOUVEL_IBAN)
    ]
    assert reste_opposable(opposition) == Decimal("0.00")
    ordre.refresh_from_db()
    assert ordre.etat == "paye"


def test_la_part_du_creancier_retournee_est_seule_repayee_l_opposant_garde_la_sienne(
    directrice, comptable, comptes, credits
):
    opposition = opposition_enregistrer(
        acting_user=comptable,
        creancier_nom="Papeterie Centrale",
        creancier_identifiant="55210055400013",
        opposant="Société Générale de Recouvrement",
        opposant_iban=IBAN_OPPOSANT,
        opposant_bic="SOGEFRPPXXX",
        nature="saisie_attribution",
        montant=Decimal("500.00"),
        signifiee_le=AUJOURD_HUI,
    )
    ordre = ordre_vise(directrice, comptable, credits, montant="1200.00")
    lot = t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"])
    au_creancier = lot.paiements.get(opposition__isnull=True)
    t.paiement_retourner(acting_user=comptable, paiement=au_creancier, motif="MS03")
    assert reste_opposable(opposition) == Decimal("0.00")  # the opposing party was paid
    lot2 = t.lot_payer(
        acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"], moyen="cheque"
    )
    assert [(p.beneficiaire, p.montant) for p in lot2.paiements.all()] == [
        ("Papeterie Centrale", Decimal("700.00"))
    ]
    assert solde("401", "Papeterie Centrale") == Decimal("0.00")


def test_un_cheque_ne_se_retourne_pas_comme_un_virement(directrice, comptable, comptes, credits):
    ordre = ordre_vise(directrice, comptable, credits, montant="80.00")
    lot = t.lot_payer(
        acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"], moyen="cheque"
    )
    with pytest.raises(DonneeInvalide, match="seul un virement est retourné par la banque"):
        t.paiement_retourner(acting_user=comptable, paiement=lot.paiements.get(), motif="AC04")
    ordre.refresh_from_db()
    assert ordre.etat == "paye"


def test_un_retour_deja_repaye_ne_se_corrige_plus(comptable, comptes, paye):
    ordre, paiement = paye
    retour = t.paiement_retourner(acting_user=comptable, paiement=paiement, motif="TECH")
    t.lot_payer(acting_user=comptable, ordres=[ordre], compte=comptes["BANQUE"], moyen="cheque")
    with pytest.raises(DonneeInvalide, match="a déjà été payé de nouveau"):
        t.coordonnees_corriger(
            acting_user=comptable, retour=retour, iban=NOUVEL_IBAN, justification="RIB"
        )
