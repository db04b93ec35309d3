"""The bailiffs (annexe art. 13 al. 4): the register, the half-yearly visit due
by 30 June or 31 December unless dispensed in agreement with the caisse, an
act under the convention whose cost draws up the engagement and the draft
ordre de dépense to the bailiff (622 / 401 at the visa), its result once."""

import datetime
from decimal import Decimal

import pytest

from budget import services as budget
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from depenses import services as depenses
from depenses.models import OrdreDepense
from recouvrement import contentieux as c
from recouvrement import contentieux_huissiers as h
from recouvrement.a_echoir import DIRECTEUR, a_echoir
from recouvrement.models import Acte, Creance
from tests.factories import MOT_DE_PASSE
from tests.recouvrement.test_contentieux import _qualifier

pytestmark = pytest.mark.django_db

J = datetime.date
IBAN = "FR7630004000031234567890143"


JANVIER = J(2026, 1, 1)


def _inscrire(directrice, nom="Maître Dupuis", depuis=JANVIER):
    return h.huissier_inscrire(
        acting_user=directrice,
        nom=nom,
        etude=f"Étude {nom}",
        adresse="3 rue du Palais, Valmont",
        iban=IBAN,
        bic="BNPAFRPPXXX",
        convention_depuis=depuis,
    )


def _visites_dues(le):
    return [e for e in a_echoir(le, DIRECTEUR) if e.nature == "Visite d'huissier"]


@pytest.fixture
def dupuis(directrice):
    return _inscrire(directrice)


@pytest.fixture
def poursuite(directrice, ordre_cotisation, horloge):
    """A contrainte on Société Orion's cotisations, decided on 19/07/2026."""
    ligne = ordre_cotisation.lignes.get()
    _qualifier(directrice, ligne)
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ligne])
    horloge(J(2026, 6, 20))
    c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 18))
    horloge(J(2026, 7, 19))
    return c.poursuite_engager(
        acting_user=directrice, creance=ligne, type="contrainte", description="Contrainte"
    )


@pytest.fixture
def credits_622(directrice, exercice):
    budget.credit_ouvrir(
        acting_user=directrice,
        exercice=exercice,
        chapitre="622",
        libelle="Honoraires",
        montant_initial=Decimal("5000.00"),
    )


def test_la_visite_est_due_au_30_juin_puis_au_31_decembre(directrice, dupuis, horloge):
    dues = _visites_dues(J(2026, 6, 15))
    assert [(e.le, e.quoi) for e in dues] == [
        (J(2026, 6, 30), "Visite semestrielle à Maître Dupuis (Étude Maître Dupuis)")
    ]
    h.visite_enregistrer(
        acting_user=directrice, huissier=dupuis, le=J(2026, 3, 10), compte_rendu="Dossiers revus"
    )
    assert _visites_dues(J(2026, 6, 15)) == []
    assert _visites_dues(J(2026, 6, 30)) == []
    # The second half-year: a new visit is due by 31 December.
    assert [e.le for e in _visites_dues(J(2026, 7, 1))] == [J(2026, 12, 31)]


def test_la_dispense_en_accord_avec_la_caisse_couvre_ses_semestres(directrice, dupuis):
    dispense = h.dispense_enregistrer(
        acting_user=directrice,
        huissier=dupuis,
        du=J(2026, 8, 1),
        au=J(2027, 2, 1),
        accord_le=J(2026, 6, 10),
        accord_reference="CN-2026-031",
        motif="Deux actes par an",
    )
    assert (dispense.du, dispense.au) == (J(2026, 7, 1), J(2027, 6, 30))
    assert [e.le for e in _visites_dues(J(2026, 6, 15))] == [J(2026, 6, 30)]
    assert _visites_dues(J(2026, 7, 1)) == []
    assert _visites_dues(J(2027, 6, 30)) == []
    assert [e.le for e in _visites_dues(J(2027, 7, 1))] == [J(2027, 12, 31)]


def test_un_huissier_entre_sous_convention_au_semestre_suivant_n_est_pas_du(directrice):
    _inscrire(directrice, "Maître Lenoir", depuis=J(2026, 6, 1))
    assert [e.le for e in _visites_dues(J(2026, 6, 15))] == [J(2026, 6, 30)]


def test_l_agent_comptable_ne_tient_pas_le_registre(comptable):
    with pytest.raises(DroitInsuffisant, match="inscrire un huissier au registre"):
        _inscrire(comptable)


def test_l_iban_de_l_huissier_est_controle(directrice):
    with pytest.raises(DonneeInvalide):
        h.huissier_inscrire(
            acting_user=directrice,
            nom="Maître X",
            etude="Étude X",
            adresse="Valmont",
            iban="FR00 1234",
            convention_depuis=J(2026, 1, 1),
        )


def test_le_cout_de_l_acte_cree_l_ordre_de_depense_des_honoraires(
    directrice, comptable, dupuis, poursuite, credits_622
):
    acte = h.acte_huissier_enregistrer(
        acting_user=directrice,
        poursuite=poursuite,
        huissier=dupuis,
        le=J(2026, 7, 19),
        nature="Signification de la contrainte",
        cout="86,40",
    )
    ordre = acte.ordre_depense
    assert ordre.etat == OrdreDepense.Etat.BROUILLON
    assert (ordre.compte_imputation.numero, ordre.compte_tiers.numero) == ("622", "401")
    assert ordre.montant == Decimal("86.40")
    assert ordre.engagement.compte_imputation.numero == "622"
    ligne = ordre.lignes.get()
    assert (ligne.creancier, ligne.iban, ligne.montant) == ("Maître Dupuis", IBAN, Decimal("86.40"))
    creance = Creance.objects.get(pk=poursuite.creance_id)
    journal = creance.actes.get(type=Acte.Type.ACTE_HUISSIER)
    assert journal.montant == Decimal("86.40")
    assert f"ordre de dépense n° {ordre.reference}" in journal.libelle
    # Then its ordinary course: signed, transmitted, visaed — the visa posts 622 / 401.
    depenses.ordre_depense_attester_service_fait(
        acting_user=directrice, ordre=ordre, le=J(2026, 7, 19)
    )
    depenses.ordre_depense_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    depenses.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)
    ordre = depenses.ordre_depense_viser(
        acting_user=comptable,
        ordre=ordre,
        appreciations={"imputation": (True, ""), "validite_dette": (True, "")},
    )
    lignes = sorted(ordre.ecriture.lignes.values_list("compte__numero", "debit", "credit"))
    assert lignes == [
        ("401", Decimal("0"), Decimal("86.40")),
        ("622", Decimal("86.40"), Decimal("0")),
    ]


def test_sans_credits_l_acte_et_son_cout_sont_refuses_ensemble(directrice, dupuis, poursuite):
    from recouvrement.models_huissiers import ActeHuissier

    with pytest.raises(Exception) as refus:
        h.acte_huissier_enregistrer(
            acting_user=directrice,
            poursuite=poursuite,
            huissier=dupuis,
            le=J(2026, 7, 19),
            nature="Signification de la contrainte",
            cout="86,40",
        )
    assert "622" in str(refus.value)
    assert not ActeHuissier.objects.exists()
    assert not OrdreDepense.objects.exists()


def test_un_acte_sans_cout_n_a_pas_d_ordre(directrice, dupuis, poursuite):
    acte = h.acte_huissier_enregistrer(
        acting_user=directrice,
        poursuite=poursuite,
        huissier=dupuis,
        le=J(2026, 7, 19),
        nature="Commandement de payer",
        cout="0",
    )
    assert acte.ordre_depense is None


def test_l_acte_ne_precede_pas_la_contrainte(directrice, dupuis, poursuite):
    with pytest.raises(DonneeInvalide, match="ne peut précéder le 19/07/2026"):
        h.acte_huissier_enregistrer(
            acting_user=directrice,
            poursuite=poursuite,
            huissier=dupuis,
            le=J(2026, 7, 18),
            nature="Signification",
            cout="0",
        )


def test_le_resultat_s_enregistre_une_fois(directrice, dupuis, poursuite, horloge):
    acte = h.acte_huissier_enregistrer(
        acting_user=directrice,
        poursuite=poursuite,
        huissier=dupuis,
        le=J(2026, 7, 19),
        nature="Saisie-attribution",
        cout="0",
    )
    horloge(J(2026, 8, 3))
    acte = h.resultat_enregistrer(
        acting_user=directrice,
        acte=acte,
        le=J(2026, 8, 2),
        resultat="Saisie fructueuse",
        somme_recouvree="1 200,00",
    )
    assert acte.somme_recouvree == Decimal("1200.00")
    journal = Creance.objects.get(pk=poursuite.creance_id).actes.get(type=Acte.Type.RESULTAT)
    assert (journal.le, journal.montant, journal.resultat) == (
        J(2026, 8, 2),
        Decimal("1200.00"),
        "Saisie fructueuse",
    )
    with pytest.raises(TransitionInterdite, match="déjà enregistré"):
        h.resultat_enregistrer(
            acting_user=directrice, acte=acte, le=J(2026, 8, 3), resultat="x", somme_recouvree="0"
        )
