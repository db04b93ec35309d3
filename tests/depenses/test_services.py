import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connections

from budget import services as budget
from budget.selectors import situation
from core import horloge
from core.exceptions import (
    ApplicationError,
    DelegationInvalide,
    DonneeInvalide,
    SeparationDesFonctions,
    TransitionInterdite,
)
from depenses import services as s
from depenses.models import Engagement, OrdreDepense, Requisition, Suspension
from ledger.models import Ecriture
from ledger.selectors import balance_generale
from oppositions.services import opposition_enregistrer
from personnes.models import Delegation, Fonction
from tests.factories import MOT_DE_PASSE, personne
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db
AUJOURD_HUI = horloge.aujourdhui()
IBAN = "FR7630006000011234567890189"
BIC = "AGRIFRPPXXX"


def engager(directrice, exercice, montant="1200.00", compte="6064"):
    return s.engagement_creer(
        acting_user=directrice,
        exercice=exercice,
        gestion="budgetaire",
        objet="Papeterie du trimestre",
        creancier="Papeterie Centrale",
        compte_imputation=compte,
        montant_engage=montant,
    )


def creer(directrice, engagement=None, montant="1200.00", identifiant="55210055400013", **modifs):
    valeurs = dict(
        gestion="budgetaire",
        nature="fournitures",
        objet="Papeterie du trimestre",
        bases_liquidation="Facture n° 2026-118 du fournisseur",
        compte_imputation="6064",
        compte_tiers="401",
        date_fait=AUJOURD_HUI,
        dates={"reception": AUJOURD_HUI},
        engagement=engagement,
        lignes=[
            s.LigneCreancier(
                "Papeterie Centrale", "fournisseur", IBAN, montant, bic=BIC, identifiant=identifiant
            )
        ],
        pieces_references="Facture n° 2026-118 et bon de livraison, au dossier",
    )
    valeurs.update(modifs)
    return s.ordre_depense_creer(acting_user=directrice, saisie=s.SaisieDepense(**valeurs))


def signe_transmis(directrice, ordre, service_fait=True):
    if service_fait:
        s.ordre_depense_attester_service_fait(acting_user=directrice, ordre=ordre, le=AUJOURD_HUI)
    s.ordre_depense_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    return s.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)


CONFORMES = {"imputation": (True, ""), "validite_dette": (True, "")}


def chiffres(exercice):
    credit = budget.credit_pour(exercice=exercice, compte_numero="6064")
    sit = situation(credit=credit)
    lignes = {ligne.numero: ligne for ligne in balance_generale(exercice=exercice).lignes}
    charge = lignes["6064"].solde_debit if "6064" in lignes else Decimal("0")
    return sit.engage, sit.ordonnance, sit.disponible, charge


def test_engager_liquider_ordonnancer_viser_les_credits_suivent_le_grand_livre(
    directrice, comptable, credits
):
    exercice = credits
    engagement = engager(directrice, exercice)
    assert chiffres(exercice) == (
        Decimal("1200.00"),
        Decimal("0.00"),
        Decimal("28800.00"),
        Decimal("0"),
    )
    ordre = creer(directrice, engagement)
    ordre = signe_transmis(directrice, ordre)
    assert chiffres(exercice) == (
        Decimal("1200.00"),
        Decimal("1200.00"),
        Decimal("28800.00"),
        Decimal("0"),
    )
    ordre = s.ordre_depense_viser(acting_user=comptable, ordre=ordre, appreciations=CONFORMES)
    assert ordre.etat == OrdreDepense.Etat.VISE
    assert chiffres(exercice) == (
        Decimal("1200.00"),
        Decimal("1200.00"),
        Decimal("28800.00"),
        Decimal("1200.00"),
    )
    lignes = sorted(ordre.ecriture.lignes.values_list("compte__numero", "debit", "credit", "tiers"))
    assert lignes == [
        ("401", Decimal("0.00"), Decimal("1200.00"), "Papeterie Centrale"),
        ("6064", Decimal("1200.00"), Decimal("0.00"), ""),
    ]
    assert ordre.controles.count() == 6 and all(ordre.controles.values_list("conforme", flat=True))


def test_un_ordre_budgetaire_ne_depasse_pas_son_engagement_et_les_acomptes_suivent(
    directrice, credits
):
    engagement = engager(directrice, credits, montant="1000.00")
    premier = creer(directrice, engagement, montant="400.00")
    second = creer(directrice, engagement, montant="600.00")
    assert (premier.acompte, second.acompte) == (1, 2)
    assert f"premier acompte, ordre n° {premier.reference}" in second.pieces_references
    with pytest.raises(DonneeInvalide, match="dépasse le reste de l'engagement"):
        creer(directrice, engagement, montant="0.01")


def test_un_acompte_ne_renvoie_pas_aux_pieces_d_un_premier_qui_n_en_a_pas(directrice, credits):
    engagement = engager(directrice, credits, montant="80.00")
    premier = creer(directrice, engagement, montant="40.00", pieces_references="")
    second = creer(directrice, engagement, montant="40.00", pieces_references="")
    assert premier.pieces_references == "" and second.pieces_references == ""
    s.ordre_depense_attester_service_fait(acting_user=directrice, ordre=second, le=AUJOURD_HUI)
    with pytest.raises(ApplicationError) as refus:
        s.ordre_depense_signer(acting_user=directrice, ordre=second, mot_de_passe=MOT_DE_PASSE)
    assert refus.value.code == "pieces_manquantes"
    assert OrdreDepense.objects.get(pk=second.pk).etat == "brouillon"


def test_credits_insuffisants_refuses_a_l_engagement(directrice, credits):
    avant = Engagement.objects.count()
    with pytest.raises(ApplicationError, match="Crédits insuffisants"):
        engager(directrice, credits, montant="30000.01")
    assert Engagement.objects.count() == avant


def test_un_delegue_au_dela_de_son_plafond_ne_signe_pas(directrice, credits):
    delegue = personne("delegue", Fonction.DELEGUE)
    Delegation.objects.create(
        delegant=directrice,
        delegataire=delegue,
        type="signature",
        nature="ordre_depense",
        montant_max=Decimal("1000.00"),
        debut=datetime.date(AUJOURD_HUI.year, 1, 1),
        fin=datetime.date(AUJOURD_HUI.year, 12, 31),
        specimen_signature="P. G.",
        notifiee_le=datetime.date(AUJOURD_HUI.year, 1, 1),
    )
    ordre = creer(directrice, engager(directrice, credits))
    with pytest.raises(DelegationInvalide, match="dépasse le plafond"):
        s.ordre_depense_signer(acting_user=delegue, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "brouillon"
    assert (
        situation(credit=budget.credit_pour(exercice=credits, compte_numero="6064")).ordonnance == 0
    )


def _anomalie(comptable, ordre, attendu, appreciations=CONFORMES):
    with pytest.raises(TransitionInterdite) as refus:
        s.ordre_depense_viser(acting_user=comptable, ordre=ordre, appreciations=appreciations)
    assert "Le visa est impossible, suspendez le paiement" in refus.value.message
    assert attendu in refus.value.message
    relu = OrdreDepense.objects.get(pk=ordre.pk)
    assert (relu.etat, relu.ecriture_id, relu.controles.count()) == ("transmis", None, 0)


def test_chaque_controle_echoue_seul(directrice, comptable, credits):
    # Service fait missing.
    ordre = signe_transmis(
        directrice, creer(directrice, engager(directrice, credits)), service_fait=False
    )
    _anomalie(comptable, ordre, "Aucune attestation de service fait")
    # Validity of the debt judged wrong by the agent comptable.
    ordre = signe_transmis(directrice, creer(directrice, engager(directrice, credits)))
    _anomalie(
        comptable,
        ordre,
        "validité de la créance",
        {"imputation": (True, ""), "validite_dette": (False, "facture non conforme")},
    )
    # Imputation: benefits imputed outside 656.
    ordre = signe_transmis(
        directrice,
        creer(
            directrice,
            gestion="technique",
            nature="prestation",
            compte_tiers="412",
            dates={"service_fait": AUJOURD_HUI},
        ),
    )
    _anomalie(comptable, ordre, "Les prestations s'imputent en 656")
    # Signer's capacity: the delegation turns out withdrawn before the signature.
    delegue = personne("delegue", Fonction.DELEGUE)
    delegation = Delegation.objects.create(
        delegant=directrice,
        delegataire=delegue,
        type="signature",
        nature="ordre_depense",
        montant_max=Decimal("20000.00"),
        debut=datetime.date(AUJOURD_HUI.year, 1, 1),
        fin=datetime.date(AUJOURD_HUI.year, 12, 31),
        specimen_signature="P. G.",
        notifiee_le=datetime.date(AUJOURD_HUI.year, 1, 1),
    )
    ordre = creer(directrice, engager(directrice, credits))
    s.ordre_depense_attester_service_fait(acting_user=directrice, ordre=ordre, le=AUJOURD_HUI)
    s.ordre_depense_signer(acting_user=delegue, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    s.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)
    Delegation.objects.filter(pk=delegation.pk).update(
        retiree_le=AUJOURD_HUI - datetime.timedelta(days=1)
    )
    _anomalie(comptable, ordre, "qualité de l'ordonnateur")
    # Credits: they are consumed when engaging and ordering, so an order without
    # credits never reaches the visa: its signature is refused, nothing changes.
    dso = s.depense_sans_ordonnancement_enregistrer(
        acting_user=comptable,
        exercice=credits,
        objet="Téléphone",
        creancier="Télécom Valmont",
        compte_charge="626",
        montant_preleve="80.00",
        payee_le=AUJOURD_HUI,
        reference="R1",
    )
    ordre = creer(
        directrice, compte_imputation="626", compte_tiers="4721", montant="80.00", regularise=dso
    )
    with pytest.raises(
        ApplicationError, match="Aucun crédit n'est ouvert à l'exercice .* pour le compte 626"
    ):
        s.ordre_depense_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "brouillon"


def test_caractere_liberatoire_echoue_si_l_iban_est_faux(directrice, comptable, credits):
    ordre = creer(directrice, engager(directrice, credits))
    ordre.lignes.update(iban="FR7630006000011234567890188")
    ordre = signe_transmis(directrice, OrdreDepense.objects.get(pk=ordre.pk))
    _anomalie(comptable, ordre, "caractère libératoire")


def test_suspendre_completer_viser(directrice, comptable, credits):
    ordre = signe_transmis(
        directrice, creer(directrice, engager(directrice, credits)), service_fait=False
    )
    s.ordre_depense_suspendre(
        acting_user=comptable,
        ordre=ordre,
        motif="service_fait",
        explication="Bon de livraison absent",
    )
    with pytest.raises(TransitionInterdite):
        s.ordre_depense_viser(acting_user=comptable, ordre=ordre, appreciations=CONFORMES)
    s.ordre_depense_completer(
        acting_user=directrice,
        ordre=ordre,
        complement="Bon de livraison du 3",
        service_fait_le=AUJOURD_HUI,
    )
    ordre = s.ordre_depense_viser(acting_user=comptable, ordre=ordre, appreciations=CONFORMES)
    assert ordre.etat == "vise"
    assert Suspension.objects.get(ordre=ordre).suite == "complete"


def _suspendu(
    directrice, comptable, credits, motif, service_fait=True, identifiant="55210055400013"
):
    ordre = signe_transmis(
        directrice,
        creer(directrice, engager(directrice, credits), identifiant=identifiant),
        service_fait=service_fait,
    )
    s.ordre_depense_suspendre(acting_user=comptable, ordre=ordre, motif=motif, explication="Vu")
    return ordre


@pytest.mark.parametrize(
    ("motif", "service_fait", "attendu"),
    [
        ("dette_contestee", True, "la dette est contestée"),
        ("decision_suspendue", True, "la décision du conseil est suspendue ou annulée"),
        ("service_fait", False, "aucun service fait n'est attesté"),
        ("credits", True, "les crédits manquent ou sont insuffisants"),
        ("opposition", True, "une opposition est entre les mains de l'agent comptable"),
    ],
)
def test_la_requisition_est_refusee_quand_le_comptable_ne_peut_obeir(
    directrice, comptable, credits, motif, service_fait, attendu
):
    ordre = _suspendu(directrice, comptable, credits, motif, service_fait=service_fait)
    ecritures = Ecriture.objects.count()
    with pytest.raises(TransitionInterdite) as refus:
        s.ordre_depense_requerir(
            acting_user=directrice, ordre=ordre, motif="Urgence", mot_de_passe=MOT_DE_PASSE
        )
    assert refus.value.message.startswith(
        "Réquisition refusée : l'agent comptable ne peut y déférer car"
    )
    assert attendu in refus.value.message
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "suspendu"
    assert not Requisition.objects.exists() and Ecriture.objects.count() == ecritures


@pytest.mark.parametrize(
    ("sur_l_ordre", "sur_l_opposition"),
    [
        ("55210055400013", "55210055400013"),
        ("552 100 554 00013", "552.100.554.00013"),  # typed otherwise on each side
        ("552-100-554-00013", "552 100 554"),  # the opposition names the company's SIREN
    ],
)
def test_une_opposition_sur_le_creancier_interdit_la_requisition(
    directrice, comptable, credits, sur_l_ordre, sur_l_opposition
):
    ordre = _suspendu(directrice, comptable, credits, "pieces", identifiant=sur_l_ordre)
    opposition_enregistrer(
        acting_user=comptable,
        creancier_nom="Papeterie Centrale",
        creancier_identifiant=sur_l_opposition,
        opposant="Trésor public",
        opposant_iban="FR7610011000201234567890188",
        opposant_bic="BDFEFRPPXXX",
        nature="avis_tiers_detenteur",
        montant=Decimal("300.00"),
        signifiee_le=AUJOURD_HUI,
    )
    with pytest.raises(TransitionInterdite, match="une opposition vise Papeterie Centrale"):
        s.ordre_depense_requerir(
            acting_user=directrice, ordre=ordre, motif="Urgence", mot_de_passe=MOT_DE_PASSE
        )
    assert not Requisition.objects.exists()


def test_la_requisition_appartient_au_directeur_et_exige_son_mot_de_passe(
    directrice, comptable, credits
):
    ordre = _suspendu(directrice, comptable, credits, "pieces")
    with pytest.raises(ApplicationError, match="Mot de passe incorrect"):
        s.ordre_depense_requerir(
            acting_user=directrice, ordre=ordre, motif="x", mot_de_passe="faux"
        )
    with pytest.raises(
        SeparationDesFonctions,
        match="une fonction pour l'agent comptable .* : une même personne ne peut être "
        "à la fois ordonnateur et comptable",
    ):
        s.ordre_depense_requerir(
            acting_user=comptable, ordre=ordre, motif="x", mot_de_passe=MOT_DE_PASSE
        )
    assert not Requisition.objects.exists()


def test_une_regularisation_tardive_est_signalee(directrice, comptable, credits):
    budget.credit_ouvrir(
        acting_user=directrice,
        exercice=credits,
        chapitre="6061",
        libelle="Eau, énergie",
        montant_initial=Decimal("20000.00"),
    )
    debut = datetime.date(AUJOURD_HUI.year, 1, 5)
    ancienne = s.depense_sans_ordonnancement_enregistrer(
        acting_user=comptable,
        exercice=credits,
        objet="Électricité de janvier",
        creancier="Électricité de Valmont",
        compte_charge="6061",
        montant_preleve="950.00",
        payee_le=debut,
        reference="R-JAN",
    )
    recente = s.depense_sans_ordonnancement_enregistrer(
        acting_user=comptable,
        exercice=credits,
        objet="Électricité du mois",
        creancier="Électricité de Valmont",
        compte_charge="6061",
        montant_preleve="990.00",
        payee_le=AUJOURD_HUI,
        reference="R-NOV",
    )
    assert ancienne.limite_regularisation == datetime.date(AUJOURD_HUI.year, 2, 5)
    # Seen from the day after its deadline, the January debit is late; the other is not.
    lendemain = datetime.date(AUJOURD_HUI.year, 2, 6)
    etats = {e.depense.pk: e for e in s.regularisations(le=max(lendemain, AUJOURD_HUI))}
    assert etats[ancienne.pk].en_retard
    assert "en retard : à régulariser au plus tard le 05/02" in etats[ancienne.pk].libelle
    assert not etats[recente.pk].en_retard
    creer(
        directrice,
        compte_imputation="6061",
        compte_tiers="4721",
        montant="950.00",
        regularise=ancienne,
        nature="fournitures",
    )
    etat = {e.depense.pk: e for e in s.regularisations()}[ancienne.pk]
    tardive = ancienne.limite_regularisation < AUJOURD_HUI
    assert etat.en_retard is tardive
    assert etat.libelle.startswith(
        "régularisée tardivement" if tardive else "régularisée par l'ordre"
    )
    with pytest.raises(DonneeInvalide, match="reprend le montant"):
        creer(
            directrice,
            compte_imputation="6061",
            compte_tiers="4721",
            montant="900.00",
            regularise=recente,
        )


def test_duplicata_sur_certificat_de_non_paiement(directrice, comptable, credits):
    ordre = signe_transmis(directrice, creer(directrice, engager(directrice, credits)))
    with pytest.raises(TransitionInterdite, match="certificat de l'agent comptable"):
        s.ordre_depense_dupliquer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    s.certificat_non_paiement_delivrer(
        acting_user=comptable, ordre=ordre, observation="Ordre égaré"
    )
    duplicata = s.ordre_depense_dupliquer(
        acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE
    )
    assert duplicata.duplicata_de == ordre and duplicata.numero == ordre.numero + 1
    assert duplicata.etat == "transmis" and duplicata.lignes.count() == 1
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "remplace"


def test_un_ordre_signe_ne_se_modifie_pas_en_sql(directrice, credits):
    ordre = signe_transmis(directrice, creer(directrice, engager(directrice, credits)))
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE depenses_ordredepense SET montant = 1 WHERE id = %s", [ordre.pk]
        ),
        "est signé : son contenu ne peut plus être modifié",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE depenses_ligneordredepense SET iban = 'FR00' WHERE ordre_id = %s", [ordre.pk]
        ),
        "n'est plus un brouillon",
    )
    assert OrdreDepense.objects.get(pk=ordre.pk).montant == Decimal("1200.00")


@pytest.mark.django_db(transaction=True)
def test_deux_engagements_simultanes_ne_depassent_pas_les_credits(directrice, credits):
    depart = threading.Barrier(2)
    resultats = []

    def engageur():
        try:
            depart.wait()
            engager(directrice, credits, montant="20000.00")
            resultats.append("passe")
        except ApplicationError as erreur:
            resultats.append(erreur.message)
        finally:
            connections.close_all()

    fils = [threading.Thread(target=engageur) for _ in range(2)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    assert sorted(resultats, key=len)[0] == "passe"
    assert "Crédits insuffisants" in sorted(resultats, key=len)[1]
    assert Engagement.objects.count() == 1
    assert situation(
        credit=budget.credit_pour(exercice=credits, compte_numero="6064")
    ).disponible == Decimal("10000.00")


def test_retirer_un_ordre_suspendu_rend_l_ordonnancement_au_credit(directrice, comptable, credits):
    engagement = engager(directrice, credits)
    ordre = signe_transmis(directrice, creer(directrice, engagement))
    assert chiffres(credits)[:2] == (Decimal("1200.00"), Decimal("1200.00"))
    s.ordre_depense_suspendre(
        acting_user=comptable, ordre=ordre, motif="pieces", explication="Facture illisible"
    )
    with pytest.raises(DonneeInvalide, match="doit être motivé"):
        s.ordre_depense_retirer(acting_user=directrice, ordre=ordre, motif=" ")
    s.ordre_depense_retirer(
        acting_user=directrice, ordre=ordre, motif="Facture contestée, à réémettre"
    )
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "retire"
    assert chiffres(credits) == (
        Decimal("1200.00"),
        Decimal("0.00"),
        Decimal("28800.00"),
        Decimal("0"),
    )
    assert s.engage_restant(engagement) == Decimal("1200.00")


def test_le_plan_de_controle_dit_quand_l_appreciation_du_comptable_est_exigee(
    directrice, comptable, credits
):
    # Fournitures: selective above 5 000 €. A small order is visaed on the
    # software's checks alone, and the record says the judgement was not asked.
    petit = signe_transmis(directrice, creer(directrice, engager(directrice, credits)))
    assert s.plan_applicable(petit).selectionne is False
    petit = s.ordre_depense_viser(acting_user=comptable, ordre=petit)
    assert (
        "Non apprécié : ordre non sélectionné par le plan"
        in petit.controles.get(controle="imputation").detail
    )
    gros = signe_transmis(
        directrice,
        creer(directrice, engager(directrice, credits, montant="6000.00"), montant="6000.00"),
    )
    assert s.plan_applicable(gros).selectionne is True
    with pytest.raises(
        DonneeInvalide, match="Indiquez votre appréciation du contrôle « exacte imputation »"
    ):
        s.ordre_depense_viser(acting_user=comptable, ordre=gros)
    assert OrdreDepense.objects.get(pk=gros.pk).etat == "transmis"


def _opposition_servie(comptable, **modifs):
    valeurs = dict(
        acting_user=comptable,
        creancier_nom="Papeterie Centrale",
        creancier_identifiant="552 100 554 00013",
        opposant="Trésor public",
        opposant_iban="FR7610011000201234567890188",
        opposant_bic="BDFEFRPPXXX",
        nature="avis_tiers_detenteur",
        montant=Decimal("300.00"),
        signifiee_le=AUJOURD_HUI,
    )
    valeurs.update(modifs)
    return opposition_enregistrer(**valeurs)


def _liberatoire(ordre) -> str:
    controles = {c.controle: c for c in s.controles_automatiques(ordre)}
    return controles["caractere_liberatoire"].detail


def test_le_controle_du_visa_lit_les_oppositions_comme_le_paiement(directrice, comptable, credits):
    # given an order whose SIRET was typed with dots, and an opposition typed with spaces
    ordre = creer(directrice, engager(directrice, credits), identifiant="552.100.554.00013")
    _opposition_servie(comptable)
    # then the visa's control announces the split of the payment
    assert "1 opposition(s) à respecter au paiement : le paiement sera réparti." in _liberatoire(
        ordre
    )


def test_le_controle_du_visa_annonce_le_doute_sur_le_compte_du_creancier(
    directrice, comptable, credits
):
    # given an opposition on another company, whose IBAN is the one the order pays into
    ordre = creer(directrice, engager(directrice, credits))
    _opposition_servie(
        comptable,
        creancier_nom="Fournitures Lambda",
        creancier_identifiant="79945612300011",
        creancier_iban=IBAN,
    )
    detail = _liberatoire(ordre)
    # then the visa's control says the payment will wait for the agent comptable's decision
    assert "à respecter" not in detail
    assert (
        "1 opposition(s) à examiner avant le paiement, qui restera en attente de votre décision : "
        "le paiement va sur le compte du créancier visé par l'opposition n° "
    ) in detail
