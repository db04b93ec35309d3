import datetime
from decimal import Decimal

import pytest
from django.db import transaction

from budget import selectors
from budget.demo import CREDITS_DEMO, creer_credits_demo
from budget.exceptions import CreditAbsent, CreditsInsuffisants, MouvementCreditInvalide
from budget.models import Credit, ModificationCredit, MouvementCredit
from budget.services import (
    Situation,
    credit_engager,
    credit_liberer,
    credit_modifier,
    credit_ordonnancer,
    credit_ouvrir,
    credit_payer,
    credit_pour,
)
from core import horloge
from core.exceptions import DonneeInvalide, DroitInsuffisant, ExerciceClos, MontantInvalide
from core.models import JournalAudit
from ledger.services import exercice_ouvrir, exercice_ouvrir_periode_complementaire
from tests.ledger.cloture_outils import clore

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
D = Decimal


def _chiffres(s: Situation) -> tuple:
    return (s.initial, s.modifications, s.ouvert, s.engage, s.ordonnance, s.paye, s.disponible)


def _mouvoir(service, user, exercice, montant, compte="6064", reference="ordre_depense:1"):
    return service(
        acting_user=user,
        exercice=exercice,
        compte_numero=compte,
        montant=montant,
        reference=reference,
    )


def test_les_chiffres_a_chaque_etape(directrice, comptable, exercice, fournitures):
    # given 6064 opened at 1 200,00
    s = selectors.situation(credit=fournitures)
    assert (s.credit_id, s.exercice, s.chapitre, s.libelle) == (
        fournitures.pk,
        exercice.annee,
        "6064",
        "Fournitures administratives",
    )
    assert _chiffres(s) == (D("1200"), 0, D("1200"), 0, 0, 0, D("1200"))

    # engaged on a sub-account of the chapter
    s = _mouvoir(credit_engager, directrice, exercice, D("1000.00"), compte="60641")
    assert _chiffres(s) == (D("1200"), 0, D("1200"), D("1000"), 0, 0, D("200"))

    # ordered (after liquidation) for less than engaged
    s = _mouvoir(credit_ordonnancer, directrice, exercice, "800,00")
    assert _chiffres(s) == (D("1200"), 0, D("1200"), D("1000"), D("800"), 0, D("200"))

    # paid by the agent comptable, in part
    s = _mouvoir(credit_payer, comptable, exercice, D("500.00"))
    assert _chiffres(s) == (D("1200"), 0, D("1200"), D("1000"), D("800"), D("500"), D("200"))

    # the engagement is reduced to what was ordered: 200 released
    s = _mouvoir(credit_liberer, directrice, exercice, D("200.00"))
    assert _chiffres(s) == (D("1200"), 0, D("1200"), D("800"), D("800"), D("500"), D("400"))

    # a décision modificative adds credits
    credit_modifier(
        acting_user=directrice,
        credit=fournitures,
        montant=D("300.00"),
        motif="Décision modificative n° 1 du conseil",
        le=horloge.aujourdhui(),
    )
    s = selectors.situation(credit=fournitures)
    assert _chiffres(s) == (D("1200"), D("300"), D("1500"), D("800"), D("800"), D("500"), D("700"))

    # the stored totals are the sums of the movements, signed
    montants = list(
        MouvementCredit.objects.filter(credit=fournitures)
        .order_by("id")
        .values_list("nature", "montant")
    )
    assert montants == [
        ("engagement", D("1000.00")),
        ("ordonnancement", D("800.00")),
        ("paiement", D("500.00")),
        ("engagement", D("-200.00")),
    ]


def test_chaque_acte_est_audite(directrice, exercice, fournitures):
    _mouvoir(credit_engager, directrice, exercice, D("100.00"), reference="ordre_depense:2026-7")

    ligne = JournalAudit.objects.get(acte="credit.engage")
    assert (ligne.acteur, ligne.objet_type, ligne.objet_id) == (
        directrice,
        "budget.credit",
        str(fournitures.pk),
    )
    assert ligne.avant["engage"] == "0.00"
    assert ligne.apres["engage"] == "100.00"
    assert ligne.apres["disponible"] == "1100.00"
    assert ligne.apres["reference"] == "ordre_depense:2026-7"
    assert JournalAudit.objects.filter(acte="credit.ouvert", objet_id=str(fournitures.pk)).exists()


def test_credits_insuffisants_refuses_sans_rien_changer(directrice, exercice, fournitures):
    # given 1 200,00 available
    audits = JournalAudit.objects.count()

    with pytest.raises(CreditsInsuffisants) as refus:
        _mouvoir(credit_engager, directrice, exercice, D("1500.00"))

    assert refus.value.message == (
        f"Crédits insuffisants au chapitre 6064 (Fournitures administratives) : disponible "
        f"1{NBSP}200,00{NBSP}€, demandé 1{NBSP}500,00{NBSP}€ (circulaire 93/82 §2.1.2)."
    )
    assert refus.value.code == "credits_insuffisants"
    assert refus.value.details["disponible"] == "1200.00"
    assert _chiffres(selectors.situation(credit=fournitures)) == (
        D("1200"),
        0,
        D("1200"),
        0,
        0,
        0,
        D("1200"),
    )
    assert not MouvementCredit.objects.exists()
    assert JournalAudit.objects.count() == audits


def test_engager_exactement_le_disponible_passe(directrice, exercice, fournitures):
    s = _mouvoir(credit_engager, directrice, exercice, D("1200.00"))
    assert s.disponible == 0
    with pytest.raises(CreditsInsuffisants, match="disponible 0,00"):
        _mouvoir(credit_engager, directrice, exercice, D("0.01"))


def test_aucun_credit_ne_couvre_le_compte(directrice, exercice, fournitures):
    with pytest.raises(CreditAbsent) as refus:
        _mouvoir(credit_engager, directrice, exercice, D("10.00"), compte="6226")

    assert refus.value.message == (
        f"Aucun crédit n'est ouvert à l'exercice {exercice.annee} pour le compte 6226 : une "
        "dépense des gestions budgétaires ne s'engage pas sans crédit (circulaire 93/82 "
        "§2.1.2 et §2.1.9)."
    )
    # "absence ou insuffisance de crédits" (§2.1.9): one except clause catches both
    assert isinstance(refus.value, CreditsInsuffisants)
    assert refus.value.code == "credit_absent"


def test_le_prefixe_le_plus_long_l_emporte(directrice, exercice):
    large = credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="606",
        libelle="Achats non stockés",
        montant_initial="5 000,00",
    )
    precis = credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="6064",
        libelle="Fournitures administratives",
        montant_initial="1000",
    )

    assert credit_pour(exercice=exercice, compte_numero="6064") == precis
    assert credit_pour(exercice=exercice, compte_numero="606412") == precis
    assert credit_pour(exercice=exercice, compte_numero="6061") == large
    assert credit_pour(exercice=exercice, compte_numero="606") == large
    assert credit_pour(exercice=exercice, compte_numero="60") is None
    assert credit_pour(exercice=exercice, compte_numero="613") is None
    assert credit_pour(exercice=exercice.annee, compte_numero="6064") == precis

    _mouvoir(credit_engager, directrice, exercice, D("700.00"), compte="6061")
    _mouvoir(credit_engager, directrice, exercice, D("300.00"), compte="60648")
    assert selectors.situation(credit=large).engage == D("700.00")
    assert selectors.situation(credit=precis).engage == D("300.00")


def test_un_credit_d_un_autre_exercice_ne_couvre_pas(directrice, comptable, exercice, annee):
    autre = exercice_ouvrir(acting_user=comptable, annee=annee + 1)
    credit_ouvrir(
        acting_user=directrice,
        exercice=autre,
        chapitre="6064",
        libelle="Fournitures",
        montant_initial="100",
    )
    assert credit_pour(exercice=exercice, compte_numero="6064") is None


def test_on_n_ordonnance_pas_plus_qu_engage(directrice, exercice, fournitures):
    _mouvoir(credit_engager, directrice, exercice, D("300.00"))
    _mouvoir(credit_ordonnancer, directrice, exercice, D("100.00"))

    with pytest.raises(MouvementCreditInvalide) as refus:
        _mouvoir(credit_ordonnancer, directrice, exercice, D("250.00"))

    assert refus.value.message == (
        "Ordonnancement refusé au chapitre 6064 (Fournitures administratives) : engagé non "
        f"encore ordonnancé 200,00{NBSP}€, demandé 250,00{NBSP}€ ; on n'ordonnance que ce qui "
        "est engagé (circulaire 93/82 §2.1.0)."
    )
    assert selectors.situation(credit=fournitures).ordonnance == D("100.00")


def test_on_ne_paie_pas_plus_qu_ordonnance(directrice, comptable, exercice, fournitures):
    _mouvoir(credit_engager, directrice, exercice, D("300.00"))
    _mouvoir(credit_ordonnancer, directrice, exercice, D("100.00"))

    with pytest.raises(MouvementCreditInvalide) as refus:
        _mouvoir(credit_payer, comptable, exercice, D("100.01"))

    assert refus.value.message == (
        "Paiement refusé au chapitre 6064 (Fournitures administratives) : ordonnancé non encore "
        f"payé 100,00{NBSP}€, demandé 100,01{NBSP}€ ; on ne paie que ce qui est ordonnancé "
        "(circulaire 93/82 §2.1.0)."
    )
    assert selectors.situation(credit=fournitures).paye == 0


def test_ce_qui_est_ordonnance_ne_se_libere_pas(directrice, exercice, fournitures):
    _mouvoir(credit_engager, directrice, exercice, D("300.00"))
    _mouvoir(credit_ordonnancer, directrice, exercice, D("250.00"))

    with pytest.raises(MouvementCreditInvalide, match="engagé non encore ordonnancé 50,00"):
        _mouvoir(credit_liberer, directrice, exercice, D("60.00"))

    assert selectors.situation(credit=fournitures).engage == D("300.00")


@pytest.mark.parametrize(
    ("montant", "message"),
    [
        ("0", "doit être strictement positif"),
        ("-5", "ne peut pas être négatif"),
        ("1.005", "plus de deux décimales"),
        (1.5, "décimal exact"),
        ("abc", "n'est pas un nombre"),
    ],
)
def test_un_montant_invalide_est_refuse(directrice, exercice, fournitures, montant, message):
    with pytest.raises(MontantInvalide, match=message):
        _mouvoir(credit_engager, directrice, exercice, montant)
    assert not MouvementCredit.objects.exists()


def test_la_reference_est_obligatoire(directrice, exercice, fournitures):
    with pytest.raises(DonneeInvalide, match="La référence du mouvement de crédit est obligatoire"):
        _mouvoir(credit_engager, directrice, exercice, D("10.00"), reference="  ")


def test_sans_fonction_on_ne_mouvemente_pas(exercice, fournitures):
    from tests.factories import UtilisateurFactory

    # Engaging is the ordonnateur's act, bound to his own powers (circ. 93/82 §2.1).
    with pytest.raises(DroitInsuffisant, match="Seul l'ordonnateur"):
        _mouvoir(credit_engager, UtilisateurFactory(username="passant"), exercice, D("10.00"))


def test_les_services_vivent_dans_la_transaction_de_l_appelant(directrice, exercice, fournitures):
    # given an ordre de dépense's own transaction
    with transaction.atomic():
        _mouvoir(credit_engager, directrice, exercice, D("1000.00"), reference="od:1")
        # a refusal inside it ...
        with pytest.raises(CreditsInsuffisants):
            _mouvoir(credit_engager, directrice, exercice, D("500.00"), reference="od:2")
        # ... leaves it usable
        s = _mouvoir(credit_engager, directrice, exercice, D("200.00"), reference="od:3")
        assert s.disponible == 0

    assert list(MouvementCredit.objects.values_list("reference", flat=True)) == ["od:1", "od:3"]


def test_un_engagement_annule_par_l_appelant_ne_laisse_rien(directrice, exercice, fournitures):
    class Abandon(Exception):
        pass

    with pytest.raises(Abandon), transaction.atomic():
        _mouvoir(credit_engager, directrice, exercice, D("1000.00"))
        raise Abandon

    assert selectors.situation(credit=fournitures).engage == 0
    assert not MouvementCredit.objects.exists()


# --- Opening and modifying ----------------------------------------------------


def test_seul_le_directeur_ouvre_un_credit(comptable, auditeur, exercice):
    for personne in (comptable, auditeur):
        with pytest.raises(DroitInsuffisant, match="Seul le directeur peut ouvrir un crédit"):
            credit_ouvrir(
                acting_user=personne,
                exercice=exercice,
                chapitre="6064",
                libelle="Fournitures",
                montant_initial="100",
            )
    assert not Credit.objects.exists()


def test_un_chapitre_ne_s_ouvre_qu_une_fois_par_exercice(directrice, exercice, fournitures):
    with pytest.raises(DonneeInvalide) as refus:
        credit_ouvrir(
            acting_user=directrice,
            exercice=exercice,
            chapitre="6064",
            libelle="Encore",
            montant_initial="100",
        )
    assert refus.value.message == (
        f"Un crédit est déjà ouvert au chapitre 6064 pour l'exercice {exercice.annee} : "
        "modifiez-le par une décision modificative."
    )


@pytest.mark.parametrize(
    ("chapitre", "message"),
    [
        ("9999", "doit être un préfixe de numéro de compte"),
        ("60A", "doit être un préfixe de numéro de compte"),
        ("", "doit être un préfixe de numéro de compte"),
        ("6099", "Aucun compte du plan comptable ne commence par 6099"),
    ],
)
def test_un_chapitre_invalide_est_refuse(directrice, exercice, chapitre, message):
    with pytest.raises(DonneeInvalide, match=message):
        credit_ouvrir(
            acting_user=directrice,
            exercice=exercice,
            chapitre=chapitre,
            libelle="Essai",
            montant_initial="100",
        )
    assert not Credit.objects.exists()


def test_un_credit_peut_s_ouvrir_a_zero_puis_etre_abonde(directrice, exercice):
    credit = credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="622",
        libelle="Honoraires",
        montant_initial="0",
    )
    with pytest.raises(CreditsInsuffisants):
        _mouvoir(credit_engager, directrice, exercice, D("1.00"), compte="622")
    credit_modifier(
        acting_user=directrice,
        credit=credit,
        montant="2 500,00",
        motif="Virement depuis le chapitre 613",
        le=horloge.aujourdhui(),
    )
    s = _mouvoir(credit_engager, directrice, exercice, D("1.00"), compte="622")
    assert _chiffres(s) == (0, D("2500"), D("2500"), D("1"), 0, 0, D("2499"))


def test_une_reduction_ne_descend_pas_sous_les_engagements(directrice, exercice, fournitures):
    _mouvoir(credit_engager, directrice, exercice, D("1000.00"))

    with pytest.raises(CreditsInsuffisants) as refus:
        credit_modifier(
            acting_user=directrice,
            credit=fournitures,
            montant="-300,00",
            motif="Virement vers 613",
            le=horloge.aujourdhui(),
        )

    assert refus.value.message == (
        "Réduction refusée au chapitre 6064 (Fournitures administratives) : les crédits ouverts "
        f"passeraient à 900,00{NBSP}€, en dessous des engagements de 1{NBSP}000,00{NBSP}€ ; "
        "libérez d'abord des engagements (circulaire 93/82 §2.1.2)."
    )
    assert not ModificationCredit.objects.exists()

    credit = credit_modifier(
        acting_user=directrice,
        credit=fournitures,
        montant=D("-200.00"),
        motif="Virement vers 613",
        le=horloge.aujourdhui(),
    )
    assert (credit.modifications, credit.ouvert, credit.disponible) == (D("-200"), D("1000"), 0)
    assert JournalAudit.objects.filter(acte="credit.modifie").count() == 1


@pytest.mark.parametrize(
    ("montant", "motif", "le", "message"),
    [
        ("0", "motif", None, "ne peut pas être nul"),
        ("-0,00", "motif", None, "ne peut pas être nul"),
        ("100", "  ", None, "Le motif de la modification est obligatoire"),
        ("100", "motif", 1, "postérieur à aujourd'hui"),
    ],
)
def test_une_modification_invalide_est_refusee(
    directrice, exercice, fournitures, montant, motif, le, message
):
    jour = horloge.aujourdhui() + datetime.timedelta(days=le or 0)
    with pytest.raises(DonneeInvalide, match=message):
        credit_modifier(
            acting_user=directrice, credit=fournitures, montant=montant, motif=motif, le=jour
        )
    assert not ModificationCredit.objects.exists()


def test_seul_le_directeur_modifie_un_credit(comptable, exercice, fournitures):
    with pytest.raises(DroitInsuffisant, match="Seul le directeur peut modifier un crédit"):
        credit_modifier(
            acting_user=comptable,
            credit=fournitures,
            montant="100",
            motif="motif",
            le=horloge.aujourdhui(),
        )


def test_rien_ne_bouge_dans_un_exercice_clos(directrice, comptable, annee):
    passe = exercice_ouvrir(acting_user=comptable, annee=annee - 1)
    credit = credit_ouvrir(
        acting_user=directrice,
        exercice=passe,
        chapitre="6064",
        libelle="Fournitures",
        montant_initial="100",
    )
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=passe)
    # the période complémentaire still takes the orders of the past year
    _mouvoir(credit_engager, directrice, passe, D("10.00"))
    clore(passe, comptable)

    message = f"L'exercice {annee - 1} est clos : ses crédits ne s'ouvrent ni ne bougent plus."
    with pytest.raises(ExerciceClos, match=message):
        _mouvoir(credit_engager, directrice, passe, D("10.00"))
    with pytest.raises(ExerciceClos, match=message):
        credit_modifier(
            acting_user=directrice, credit=credit, montant="5", motif="m", le=horloge.aujourdhui()
        )
    with pytest.raises(ExerciceClos, match=message):
        credit_ouvrir(
            acting_user=directrice,
            exercice=passe,
            chapitre="613",
            libelle="Locations",
            montant_initial="100",
        )


# --- Reads and demo -----------------------------------------------------------


def test_situations_triees_par_chapitre(directrice, exercice, django_assert_num_queries):
    creer_credits_demo(acting_user=directrice, exercice=exercice)
    _mouvoir(credit_engager, directrice, exercice, D("1500.00"), compte="6132")

    with django_assert_num_queries(1):
        lignes = selectors.situations(exercice=exercice)

    assert [s.chapitre for s in lignes] == [
        "205",
        "6061",
        "6064",
        "613",
        "615",
        "622",
        "626",
        "627",
    ]
    locations = next(s for s in lignes if s.chapitre == "613")
    assert (locations.ouvert, locations.engage, locations.disponible) == (
        D("60000"),
        D("1500"),
        D("58500"),
    )
    totaux = selectors.totaux(lignes)
    assert totaux["initial"] == D("217000.00")
    assert totaux["disponible"] == D("215500.00")


def test_le_chargeur_de_demonstration_est_idempotent(directrice, exercice):
    premiers = creer_credits_demo(acting_user=directrice, exercice=exercice)
    seconds = creer_credits_demo(acting_user=directrice, exercice=exercice.annee)

    assert premiers == seconds
    assert len(seconds) == len(CREDITS_DEMO) == 8
    assert {(c.chapitre, c.libelle, c.montant_initial) for c in seconds} == set(CREDITS_DEMO)
    assert JournalAudit.objects.filter(acte="credit.ouvert").count() == 8
