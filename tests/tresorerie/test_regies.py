"""Régies de recettes et d'avances (circulaire 93/82: « création de régies de
recettes et de régies de dépenses sur décision du directeur de l'organisme
après avis conforme de l'agent comptable, les régisseurs agissant pour le
compte et sous la surveillance de l'agent comptable »): creation, receipts,
avances and expenses, remittance, arrêté, control; each refusal."""

import datetime
from decimal import Decimal

import pytest

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from ledger.models import Compte, Ligne
from personnes.models import Fonction
from tests.factories import personne
from tests.savepoint import refus_sql
from tests.tresorerie.conftest import AUJOURD_HUI
from tresorerie import services as t
from tresorerie.models import (
    ArreteRegie,
    Encaissement,
    Quittance,
    Regie,
    VersementRegie,
)
from tresorerie.services import regies as sr
from tresorerie.services import regies_caisse as rc

pytestmark = pytest.mark.django_db

D = datetime.date
RECETTES = [
    sr.OperationSaisie("recette", "Remboursement d'indu en espèces", "7585", "recuperation_indu"),
    sr.OperationSaisie("recette", "Frais de duplicata", "771", "autre"),
]


def solde(numero: str) -> Decimal:
    lignes = Ligne.objects.filter(compte__numero=numero)
    return sum((lg.debit - lg.credit for lg in lignes), Decimal("0.00"))


def creer_regie(directrice, comptable, compte, *, type="recettes", operations=None, **kw):
    """A régie drawn up by the directrice, avis favourable, decided the same day."""
    regie = sr.regie_projeter(
        acting_user=directrice,
        libelle=kw.pop("libelle", "Régie de recettes de l'accueil"),
        type=type,
        compte=compte,
        regisseur=kw.pop("regisseur", compte.regisseur),
        plafond_encaisse=kw.pop("plafond", "500.00"),
        plafond_depense=kw.pop("plafond_depense", None),
        operations=operations or RECETTES,
    )
    sr.regie_avis(acting_user=comptable, regie=regie, favorable=True, le=AUJOURD_HUI)
    return sr.regie_decider(
        acting_user=directrice,
        regie=regie,
        le=AUJOURD_HUI,
        acte_reference="Décision n° 2026-12",
        vise_instruction=True,
    )


@pytest.fixture
def regie(directrice, comptable, comptes):
    return creer_regie(directrice, comptable, comptes["REGIE"])


def encaisser(regisseur, regie, montant="40.00", rang=0):
    return rc.regie_encaisser(
        acting_user=regisseur,
        regie=regie,
        operation=regie.operations.filter(sens="recette").order_by("libelle")[rang],
        montant=montant,
        payeur="Mme Durand",
        objet="Remboursement d'un trop-perçu",
    )


def autre_regie(directrice, comptable, exercice):
    """The annex's régie (5412), held by another régisseur."""
    collegue = personne("regisseur2", Fonction.REGISSEUR)
    parent = Compte.objects.get(numero="541")
    Compte.objects.create(
        numero="5412", libelle="Régie de l'annexe", classe=5, parent=parent, sens_normal="D"
    )
    compte = t.compte_disponibilite_ouvrir(
        acting_user=comptable,
        code="REGIE2",
        libelle="Régie de recettes de l'annexe",
        nature="regie",
        compte_numero="5412",
        ouvert_le=D(exercice.annee, 1, 1),
        regisseur=collegue,
    )
    t.carnet_ouvrir(
        acting_user=comptable,
        type="quittance",
        compte=compte,
        titulaire=collegue,
        serie="Q2026-X",
        premier_numero=1,
        dernier_numero=100,
    )
    return collegue, creer_regie(
        directrice, comptable, compte, libelle="Régie de recettes de l'annexe"
    )


# --- Création ---------------------------------------------------------------------------


def test_la_regie_est_creee_par_le_directeur_apres_l_avis_conforme(
    directrice, comptable, regisseur, comptes
):
    regie = creer_regie(directrice, comptable, comptes["REGIE"])
    assert regie.etat == Regie.Etat.CREEE
    assert (regie.avis_favorable, regie.avis_par, regie.decision_par) == (
        True,
        comptable,
        directrice,
    )
    assert regie.compte.regisseur == regisseur
    from core.models import JournalAudit

    assert set(
        JournalAudit.objects.filter(acte__startswith="tresorerie.regie").values_list(
            "acte", flat=True
        )
    ) == {"tresorerie.regie_projet", "tresorerie.regie_avis", "tresorerie.regie_creee"}


def test_pas_de_decision_sans_avis_conforme(directrice, comptable, regisseur, comptes):
    regie = sr.regie_projeter(
        acting_user=directrice,
        libelle="Régie de l'accueil",
        type="recettes",
        compte=comptes["REGIE"],
        regisseur=regisseur,
        plafond_encaisse="500",
        operations=RECETTES,
    )
    with pytest.raises(TransitionInterdite, match="attend l'avis conforme de l'agent comptable"):
        sr.regie_decider(
            acting_user=directrice,
            regie=regie,
            le=AUJOURD_HUI,
            acte_reference="Décision n° 1",
            vise_instruction=True,
        )
    regie.refresh_from_db()
    assert regie.etat == Regie.Etat.PROJET


def test_pas_de_regie_apres_un_avis_defavorable(directrice, comptable, regisseur, comptes):
    regie = sr.regie_projeter(
        acting_user=directrice,
        libelle="Régie de l'accueil",
        type="recettes",
        compte=comptes["REGIE"],
        regisseur=regisseur,
        plafond_encaisse="500",
        operations=RECETTES,
    )
    with pytest.raises(DonneeInvalide, match="avis défavorable dit ses motifs"):
        sr.regie_avis(acting_user=comptable, regie=regie, favorable=False, le=AUJOURD_HUI)
    sr.regie_avis(
        acting_user=comptable,
        regie=regie,
        favorable=False,
        le=AUJOURD_HUI,
        observations="Locaux de l'accueil sans coffre",
    )
    with pytest.raises(TransitionInterdite) as refus:
        sr.regie_decider(
            acting_user=directrice,
            regie=regie,
            le=AUJOURD_HUI,
            acte_reference="Décision n° 1",
            vise_instruction=True,
        )
    assert refus.value.message.startswith(
        "L'agent comptable a rendu un avis défavorable le 15/06/2026 : la régie ne peut être "
        "créée sans son avis conforme"
    )


def test_l_acte_constitutif_vise_l_instruction_et_seul_le_directeur_decide(
    directrice, comptable, regisseur, comptes, auditeur
):
    with pytest.raises(DroitInsuffisant, match="Seul le directeur"):
        sr.regie_projeter(
            acting_user=comptable,
            libelle="Régie",
            type="recettes",
            compte=comptes["REGIE"],
            regisseur=regisseur,
            plafond_encaisse="500",
            operations=RECETTES,
        )
    regie = sr.regie_projeter(
        acting_user=directrice,
        libelle="Régie",
        type="recettes",
        compte=comptes["REGIE"],
        regisseur=regisseur,
        plafond_encaisse="500",
        operations=RECETTES,
    )
    with pytest.raises(DroitInsuffisant):
        sr.regie_avis(acting_user=directrice, regie=regie, favorable=True, le=AUJOURD_HUI)
    sr.regie_avis(acting_user=comptable, regie=regie, favorable=True, le=AUJOURD_HUI)
    with pytest.raises(DonneeInvalide, match="doit viser les dispositions de l'instruction"):
        sr.regie_decider(
            acting_user=directrice,
            regie=regie,
            le=AUJOURD_HUI,
            acte_reference="Décision n° 1",
            vise_instruction=False,
        )
    with pytest.raises(DroitInsuffisant):
        sr.regie_decider(
            acting_user=auditeur,
            regie=regie,
            le=AUJOURD_HUI,
            acte_reference="Décision n° 1",
            vise_instruction=True,
        )


def test_la_base_refuse_une_regie_creee_sans_avis_favorable(directrice, regisseur, comptes):
    regie = sr.regie_projeter(
        acting_user=directrice,
        libelle="Régie",
        type="recettes",
        compte=comptes["REGIE"],
        regisseur=regisseur,
        plafond_encaisse="500",
        operations=RECETTES,
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE tresorerie_regie SET etat = 'creee', decision_le = %s, "
            "acte_reference = 'X', vise_instruction = true WHERE id = %s",
            [AUJOURD_HUI, regie.pk],
        ),
        "Une régie n'est créée que sur décision du directeur après avis conforme",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE tresorerie_regie SET etat = 'creee', decision_le = %s, avis_le = %s, "
            "avis_favorable = false, acte_reference = 'X', vise_instruction = true WHERE id = %s",
            [AUJOURD_HUI, AUJOURD_HUI, regie.pk],
        ),
        "après avis conforme de l'agent comptable",
    )


# --- Recettes -----------------------------------------------------------------------------


def test_le_regisseur_encaisse_contre_quittance_de_son_carnet(regisseur, regie):
    recu = encaisser(regisseur, regie, "40.00")
    quittance = Quittance.objects.get(encaissement=recu)
    assert quittance.carnet.titulaire == regisseur and quittance.carnet.compte == regie.compte
    assert quittance.reference == "Q2026-R-0001"
    assert (recu.sans_titre, recu.compte_produit.numero, recu.nature_recette) == (
        True,
        "771",
        "autre",
    )
    assert recu.ecriture.passee_par == regisseur
    assert solde("541") == Decimal("40.00") and solde("4713") == Decimal("-40.00")


def test_encaissement_au_dela_du_plafond_refuse(regisseur, regie):
    encaisser(regisseur, regie, "450.00")
    with pytest.raises(TransitionInterdite) as refus:
        encaisser(regisseur, regie, "60.00")
    assert refus.value.message == (
        "Cet encaissement porterait l'encaisse de la régie à 510,00\u00a0€, au-delà de son "
        "plafond de 500,00\u00a0€ : versez d'abord vos fonds à l'agent comptable."
    )
    assert Encaissement.objects.count() == 1
    encaisser(regisseur, regie, "50.00")  # exactly the ceiling
    assert solde("541") == Decimal("500.00")


def test_nature_non_permise_refusee(regisseur, regie, directrice, comptable, comptes):
    with pytest.raises(DonneeInvalide, match="n'est pas permise par l'acte constitutif"):
        rc.regie_encaisser(
            acting_user=regisseur,
            regie=regie,
            operation=999999,
            montant="10",
            payeur="M. Petit",
            objet="Loyer",
        )


def test_le_regisseur_n_agit_pas_dans_la_regie_d_un_autre(
    regisseur, regie, directrice, comptable, exercice
):
    collegue, annexe = autre_regie(directrice, comptable, exercice)
    with pytest.raises(DroitInsuffisant, match="n'agit que dans sa propre régie"):
        encaisser(regisseur, annexe)
    with pytest.raises(DroitInsuffisant):
        rc.regie_verser(acting_user=regisseur, regie=annexe)
    with pytest.raises(DroitInsuffisant):
        rc.regie_arreter(acting_user=collegue, regie=regie, comptage={})
    assert sr.regies_visibles(regisseur).get() == regie
    assert sr.regies_visibles(collegue).get() == annexe
    assert sr.regies_visibles(comptable).count() == 2


def test_un_auditeur_ne_fait_aucun_acte(auditeur, regie, comptes):
    with pytest.raises(DroitInsuffisant):
        encaisser(auditeur, regie)
    with pytest.raises(DroitInsuffisant):
        rc.regie_controler(
            acting_user=auditeur, regie=regie, especes_comptees="0", conclusion="conforme"
        )
    with pytest.raises(DroitInsuffisant):
        rc.regie_arreter(acting_user=auditeur, regie=regie, comptage={})


# --- Arrêté, versement --------------------------------------------------------------------


def test_apres_son_arrete_le_regisseur_n_encaisse_plus_ce_jour(regisseur, regie, horloge):
    encaisser(regisseur, regie, "40.00")
    arrete = rc.regie_arreter(
        acting_user=regisseur, regie=regie, comptage={"20": 1, "10": "1", "5": 1}
    )
    assert (arrete.total_compte, arrete.encaisse_theorique, arrete.ecart) == (
        Decimal("35.00"),
        Decimal("40.00"),
        Decimal("-5.00"),
    )
    assert arrete.nature_ecart == "manquant"
    with pytest.raises(TransitionInterdite, match="est arrêtée depuis le 15/06/2026"):
        encaisser(regisseur, regie, "10.00")
    with pytest.raises(TransitionInterdite, match="déjà arrêtée"):
        rc.regie_arreter(acting_user=regisseur, regie=regie, comptage={})
    # the next working day, he cashes again
    horloge(D(2026, 6, 16))
    encaisser(regisseur, regie, "10.00")
    assert ArreteRegie.objects.count() == 1


def test_la_base_refuse_un_encaissement_du_jour_arrete(regisseur, regie):
    recu = encaisser(regisseur, regie, "40.00")
    rc.regie_arreter(acting_user=regisseur, regie=regie, comptage={"20": 2})
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO tresorerie_encaissement (exercice_id, date, compte_id, moyen, montant, "
            "payeur, objet, reference, recu_par_id, recu_le, ecriture_id, etat, motif_annulation,"
            " nature_recette, sans_titre) SELECT exercice_id, date, compte_id, moyen, montant, "
            "payeur, objet, reference, recu_par_id, recu_le, ecriture_id, etat, motif_annulation,"
            " nature_recette, sans_titre FROM tresorerie_encaissement WHERE id = %s",
            [recu.pk],
        ),
        "Le régisseur a arrêté sa régie pour la journée du 15/06/2026",
    )


def test_versement_recu_par_l_agent_comptable_et_ecritures(
    regisseur, regie, comptable, comptes, horloge
):
    encaisser(regisseur, regie, "40.00")
    encaisser(regisseur, regie, "25.50", rang=1)
    assert (solde("541"), solde("531")) == (Decimal("65.50"), Decimal("0.00"))
    versement = rc.regie_verser(acting_user=regisseur, regie=regie)
    assert versement.montant == Decimal("65.50") and versement.reference.endswith("-0001")
    # remitted, not yet received: the books do not move, his cash is empty
    assert solde("541") == Decimal("65.50")
    assert sr.encaisse(regie).theorique == Decimal("0.00")
    # the régisseur never acknowledges his own remittance
    with pytest.raises(DroitInsuffisant, match="ne constate pas lui-même la réception"):
        rc.regie_versement_recevoir(
            acting_user=regisseur, versement=versement, destination=comptes["CAISSE"]
        )
    versement = rc.regie_versement_recevoir(
        acting_user=comptable, versement=versement, destination=comptes["CAISSE"]
    )
    assert versement.etat == VersementRegie.Etat.RECU
    assert (solde("541"), solde("531")) == (Decimal("0.00"), Decimal("65.50"))
    with pytest.raises(TransitionInterdite, match="déjà reçu"):
        rc.regie_versement_recevoir(
            acting_user=comptable, versement=versement, destination=comptes["CAISSE"]
        )


def test_la_base_refuse_que_le_regisseur_recoive_son_versement(regisseur, regie):
    encaisser(regisseur, regie, "40.00")
    versement = rc.regie_verser(acting_user=regisseur, regie=regie, montant="30")
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE tresorerie_versementregie SET etat = 'recu', recu_par_id = remis_par_id, "
            "recu_le = remis_le WHERE id = %s",
            [versement.pk],
        ),
        "Le régisseur ne constate pas lui-même la réception de son versement",
    )


def test_versement_le_lendemain_de_l_arrete_puis_reception(
    regisseur, regie, comptable, comptes, horloge
):
    encaisser(regisseur, regie, "40.00")
    rc.regie_arreter(acting_user=regisseur, regie=regie, comptage={"20": 2})
    # the arrêté counted 40 €: a remittance the same day would contradict it
    with pytest.raises(TransitionInterdite, match="le versement attendra le jour ouvré suivant"):
        rc.regie_verser(acting_user=regisseur, regie=regie)
    assert not VersementRegie.objects.exists()
    horloge(D(2026, 6, 16))
    versement = rc.regie_verser(acting_user=regisseur, regie=regie)
    assert versement.montant == Decimal("40.00")
    rc.regie_versement_recevoir(
        acting_user=comptable, versement=versement, destination=comptes["BANQUE"]
    )
    assert (solde("541"), solde("5122")) == (Decimal("0.00"), Decimal("40.00"))
    arrete = rc.regie_arreter(acting_user=regisseur, regie=regie, comptage={})
    assert (arrete.encaisse_theorique, arrete.ecart) == (Decimal("0.00"), Decimal("0.00"))


# --- Régie d'avances ----------------------------------------------------------------------


@pytest.fixture
def regie_avances(directrice, comptable, comptes, exercice):
    collegue = personne("regisseur3", Fonction.REGISSEUR)
    parent = Compte.objects.get(numero="541")
    Compte.objects.create(
        numero="5413", libelle="Régie d'avances", classe=5, parent=parent, sens_normal="D"
    )
    compte = t.compte_disponibilite_ouvrir(
        acting_user=comptable,
        code="AVANCES",
        libelle="Régie d'avances du service intérieur",
        nature="regie",
        compte_numero="5413",
        ouvert_le=D(exercice.annee, 1, 1),
        regisseur=collegue,
    )
    return creer_regie(
        directrice,
        comptable,
        compte,
        type="avances",
        libelle="Régie d'avances du service intérieur",
        plafond="300.00",
        plafond_depense="50.00",
        operations=[
            sr.OperationSaisie("depense", "Timbres", "626"),
            sr.OperationSaisie("depense", "Petites fournitures", "6064"),
        ],
    )


def test_regie_d_avances_de_l_avance_a_la_justification(
    regie_avances, comptable, comptes, regisseur
):
    regie = regie_avances
    collegue = regie.regisseur
    timbres = regie.operations.get(libelle="Timbres")
    with pytest.raises(TransitionInterdite, match="attend l'avance"):
        rc.regie_depenser(
            acting_user=collegue,
            regie=regie,
            operation=timbres,
            montant="20",
            beneficiaire="La Poste",
            objet="Carnet de timbres",
            piece="Ticket 1",
        )
    rc.regie_avance(acting_user=comptable, regie=regie, montant="200.00", source=comptes["CAISSE"])
    assert (solde("5413"), solde("531")) == (Decimal("200.00"), Decimal("-200.00"))
    with pytest.raises(DonneeInvalide, match="dépasse le plafond de 50,00\u00a0€ par dépense"):
        rc.regie_depenser(
            acting_user=collegue,
            regie=regie,
            operation=timbres,
            montant="50.01",
            beneficiaire="La Poste",
            objet="Timbres",
            piece="Ticket 2",
        )
    with pytest.raises(DonneeInvalide, match="n'est pas permise"):
        rc.regie_depenser(
            acting_user=collegue,
            regie=regie,
            operation=999999,
            montant="5",
            beneficiaire="X",
            objet="Y",
            piece="Z",
        )
    with pytest.raises(DroitInsuffisant):
        rc.regie_depenser(
            acting_user=regisseur,
            regie=regie,
            operation=timbres,
            montant="5",
            beneficiaire="X",
            objet="Y",
            piece="Z",
        )
    rc.regie_depenser(
        acting_user=collegue,
        regie=regie,
        operation=timbres,
        montant="45.00",
        beneficiaire="La Poste",
        objet="Carnets de timbres",
        piece="Ticket n° 4411",
    )
    rc.regie_depenser(
        acting_user=collegue,
        regie=regie,
        operation=regie.operations.get(libelle="Petites fournitures"),
        montant="12.30",
        beneficiaire="Papeterie Centrale",
        objet="Agrafes",
        piece="Facture 77",
    )
    assert sr.encaisse(regie).theorique == Decimal("142.70")
    assert solde("5413") == Decimal("200.00")  # not in the books until admitted
    etat = rc.regie_etat_depenses(acting_user=collegue, regie=regie)
    assert etat.total == Decimal("57.30")
    with pytest.raises(DroitInsuffisant):
        rc.regie_etat_admettre(acting_user=collegue, etat=etat)
    rc.regie_etat_admettre(acting_user=comptable, etat=etat, observations="Pièces vues")
    assert (solde("5413"), solde("626"), solde("6064")) == (
        Decimal("142.70"),
        Decimal("45.00"),
        Decimal("12.30"),
    )
    assert sr.encaisse(regie).theorique == Decimal("142.70")


def test_regie_de_recettes_ne_paie_pas(regisseur, regie):
    with pytest.raises(DonneeInvalide, match="régie de recettes : elle ne paie pas"):
        rc.regie_depenser(
            acting_user=regisseur,
            regie=regie,
            operation=regie.operations.first(),
            montant="5",
            beneficiaire="X",
            objet="Y",
            piece="Z",
        )


# --- Contrôle -----------------------------------------------------------------------------


def test_controle_de_l_agent_comptable(regisseur, regie, comptable):
    encaisser(regisseur, regie, "40.00")
    encaisser(regisseur, regie, "10.00", rang=1)
    with pytest.raises(DroitInsuffisant):
        rc.regie_controler(
            acting_user=regisseur, regie=regie, especes_comptees="50", conclusion="conforme"
        )
    with pytest.raises(DonneeInvalide, match="se motivent"):
        rc.regie_controler(
            acting_user=comptable, regie=regie, especes_comptees="45", conclusion="reserves"
        )
    controle = rc.regie_controler(
        acting_user=comptable,
        regie=regie,
        especes_comptees="50.00",
        conclusion="conforme",
        quittance_du=1,
        quittance_au=2,
        observations="Quittances n° 1 et 2 rapprochées des encaissements.",
    )
    assert (controle.encaisse_theorique, controle.ecart, controle.reference) == (
        Decimal("50.00"),
        Decimal("0.00"),
        f"CR-{regie.pk}-0001",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE tresorerie_controleregie SET conclusion = 'irreguliere' WHERE id = %s",
            [controle.pk],
        ),
        "Le rapport de contrôle d'une régie ne se modifie ni ne se supprime",
    )


def test_l_encaissement_ordinaire_du_regisseur_respecte_aussi_le_plafond(regisseur, regie):
    # against ordres de recette (tresorerie.encaissement_enregistrer), at his régie
    encaisser(regisseur, regie, "480.00")
    with pytest.raises(TransitionInterdite, match="au-delà de son plafond"):
        t.encaissement_enregistrer(
            acting_user=regisseur,
            compte=regie.compte,
            moyen="numeraire",
            montant="30.00",
            payeur="M. Petit",
            objet="Frais de dossier",
        )
    rc.regie_arreter(acting_user=regisseur, regie=regie, comptage={"20": 24})
    with pytest.raises(TransitionInterdite, match="est arrêtée depuis le 15/06/2026"):
        t.encaissement_enregistrer(
            acting_user=regisseur,
            compte=regie.compte,
            moyen="numeraire",
            montant="10.00",
            payeur="M. Petit",
            objet="Frais de dossier",
        )
    assert Encaissement.objects.count() == 1


def test_la_fin_de_la_regie_attend_le_versement_et_la_base_fige_la_decision(
    directrice, comptable, regisseur, regie, comptes
):
    encaisser(regisseur, regie, "40.00")
    with pytest.raises(TransitionInterdite, match="détient encore des fonds"):
        sr.regie_fermer(acting_user=directrice, regie=regie, le=AUJOURD_HUI, reference="D-2")
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE tresorerie_regie SET regisseur_id = %s WHERE id = %s",
            [comptable.pk, regie.pk],
        ),
        "La décision de création d'une régie, l'avis conforme qui la précède et le régisseur",
    )
    versement = rc.regie_verser(acting_user=regisseur, regie=regie)
    rc.regie_versement_recevoir(
        acting_user=comptable, versement=versement, destination=comptes["CAISSE"]
    )
    regie = sr.regie_fermer(acting_user=directrice, regie=regie, le=AUJOURD_HUI, reference="D-2")
    assert regie.etat == Regie.Etat.CLOSE
    with pytest.raises(TransitionInterdite, match="n'est pas en activité"):
        encaisser(regisseur, regie)
