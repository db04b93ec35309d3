"""Réimputation (circ. 93/82 §2.1.4): "Les imputations de dépenses reconnues
erronées au cours de l'exercice d'émission sont rectifiées, pour les
opérations des gestions budgétaires, au moyen de certificats de réimputation
délivrés par le directeur." The directeur issues the certificate and the
credits move; the agent comptable takes it in charge and posts it in his
name (§1.1.1), or rejects it and the credits move back."""

import datetime
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from budget import services as budget
from budget.exceptions import CreditsInsuffisants
from budget.selectors import situation
from core.exceptions import (
    DonneeInvalide,
    DroitInsuffisant,
    ExerciceClos,
    SeparationDesFonctions,
    TransitionInterdite,
)
from core.models import JournalAudit
from depenses import actes, selectors
from depenses import services as s
from depenses.models import CertificatReimputation, OrdreDepense
from ledger.models import Ecriture
from ledger.selectors import balance_generale
from personnes.models import Delegation, Fonction
from tests.depenses.test_services import (
    AUJOURD_HUI,
    CONFORMES,
    creer,
    engager,
    signe_transmis,
)
from tests.factories import MOT_DE_PASSE, personne
from tests.savepoint import refus_sql
from tests.tresorerie.conftest import comptes, regisseur  # noqa: F401 (fixtures)
from tresorerie.services import lot_payer

pytestmark = pytest.mark.django_db


@pytest.fixture
def lignes(directrice, credits):
    """Two lines of the budget: fournitures (6064, 30 000,00) and entretien (615)."""
    budget.credit_ouvrir(
        acting_user=directrice,
        exercice=credits,
        chapitre="615",
        libelle="Entretien et réparations",
        montant_initial=Decimal("5000.00"),
    )
    return credits


def _vise(directrice, comptable, exercice, montant="1200.00"):
    ordre = signe_transmis(
        directrice, creer(directrice, engager(directrice, exercice, montant), montant=montant)
    )
    return s.ordre_depense_viser(acting_user=comptable, ordre=ordre, appreciations=CONFORMES)


def _credit(exercice, chapitre):
    sit = situation(credit=budget.credit_pour(exercice=exercice, compte_numero=chapitre))
    return sit.engage, sit.ordonnance, sit.paye, sit.disponible


def _delivrer(directrice, ordre, compte="615", motif="Il s'agissait d'entretien"):
    return s.certificat_reimputation_etablir(
        acting_user=directrice,
        ordre=ordre,
        nouveau_compte=compte,
        motif=motif,
        mot_de_passe=MOT_DE_PASSE,
    )


def _soldes(exercice) -> dict:
    return {
        ligne.numero: (ligne.solde_debit, ligne.solde_credit)
        for ligne in balance_generale(exercice=exercice).lignes
        if ligne.numero in ("6064", "615")
    }


def test_la_directrice_delivre_le_certificat_et_les_credits_changent_de_ligne(
    directrice, comptable, lignes
):
    # given an order of 1 200,00 visaed on 6064 (fournitures)
    ordre = _vise(directrice, comptable, lignes)
    ecritures = Ecriture.objects.count()

    # when the directrice issues a certificate moving it to 615 (entretien)
    certificat = _delivrer(directrice, ordre)

    # then the credits moved from one line to the other, and nothing is posted yet
    assert certificat.etat == "delivre" and certificat.ecriture is None
    assert (certificat.par, certificat.qualite) == (directrice, "Directeur")
    assert certificat.ancien_compte.numero == "6064" and certificat.nouveau_compte.numero == "615"
    zero = Decimal("0.00")
    assert _credit(lignes, "6064") == (zero, zero, zero, Decimal("30000.00"))
    assert _credit(lignes, "615") == (
        Decimal("1200.00"),
        Decimal("1200.00"),
        zero,
        Decimal("3800.00"),
    )
    assert Ecriture.objects.count() == ecritures
    assert s.imputation_actuelle(ordre).numero == "615"
    assert list(selectors.reimputations_a_prendre_en_charge()) == [certificat]


def test_l_agent_comptable_prend_en_charge_et_passe_l_od_en_son_nom(directrice, comptable, lignes):
    ordre = _vise(directrice, comptable, lignes)
    certificat = _delivrer(directrice, ordre)

    certificat = s.certificat_reimputation_prendre_en_charge(
        acting_user=comptable, certificat=certificat
    )

    certificat = CertificatReimputation.objects.select_related("ecriture").get(pk=certificat.pk)
    assert certificat.etat == "pris_en_charge" and certificat.traite_par == comptable
    assert certificat.ecriture.passee_par == comptable and certificat.ecriture.journal.code == "OD"
    soldes = _soldes(lignes)
    assert soldes["615"] == (Decimal("1200.00"), Decimal("0.00"))
    assert soldes.get("6064", (0, 0)) == (0, 0)
    assert JournalAudit.objects.filter(
        acte="ordre_depense.reimputation_prise_en_charge", acteur=comptable
    ).exists()
    # a second prise en charge is refused
    with pytest.raises(TransitionInterdite, match="qu'une fois"):
        s.certificat_reimputation_prendre_en_charge(acting_user=comptable, certificat=certificat)


def test_le_rejet_du_comptable_rend_les_credits_a_l_ancienne_ligne(directrice, comptable, lignes):
    ordre = _vise(directrice, comptable, lignes)
    avant = (_credit(lignes, "6064"), _credit(lignes, "615"))
    certificat = _delivrer(directrice, ordre)
    ecritures = Ecriture.objects.count()

    with pytest.raises(DonneeInvalide, match="est motivé"):
        s.certificat_reimputation_rejeter(acting_user=comptable, certificat=certificat, motif="")
    certificat = s.certificat_reimputation_rejeter(
        acting_user=comptable, certificat=certificat, motif="Les travaux sont des fournitures"
    )

    assert certificat.etat == "rejete" and certificat.motif_rejet.startswith("Les travaux")
    assert (_credit(lignes, "6064"), _credit(lignes, "615")) == avant
    assert Ecriture.objects.count() == ecritures
    assert s.imputation_actuelle(ordre).numero == "6064"
    # the directrice may issue another certificate
    assert _delivrer(directrice, ordre, motif="Autre motif").etat == "delivre"


def test_le_rejet_sur_une_ancienne_ligne_consommee_dit_quoi_faire(directrice, comptable, lignes):
    # given a certificate moving 1 200,00 from 6064, whose room the directrice then used up
    ordre = _vise(directrice, comptable, lignes)
    certificat = _delivrer(directrice, ordre)
    disponible = _credit(lignes, "6064")[3]
    budget.credit_engager(
        acting_user=directrice,
        exercice=lignes,
        compte_numero="6064",
        montant=disponible,
        reference="engagement:test",
    )
    avant = (_credit(lignes, "6064"), _credit(lignes, "615"))
    # then the rejection, which would exceed the credits, says what the directeur must do
    with pytest.raises(CreditsInsuffisants) as refus:
        s.certificat_reimputation_rejeter(
            acting_user=comptable, certificat=certificat, motif="Ce sont des fournitures"
        )
    assert "pour y ramener la dépense du certificat rejeté : disponible 0,00" in refus.value.message
    assert "Le directeur doit d'abord y rendre des crédits disponibles" in refus.value.message
    assert (_credit(lignes, "6064"), _credit(lignes, "615")) == avant
    assert CertificatReimputation.objects.get(pk=certificat.pk).etat == "delivre"


def test_la_ligne_sans_place_refuse_la_reimputation_avec_le_disponible(
    directrice, comptable, lignes
):
    # given 615 has only 500,00 available
    budget.credit_engager(
        acting_user=directrice,
        exercice=lignes,
        compte_numero="615",
        montant=Decimal("4500.00"),
        reference="engagement:test",
    )
    ordre = _vise(directrice, comptable, lignes)
    avant = (_credit(lignes, "6064"), _credit(lignes, "615"))

    with pytest.raises(CreditsInsuffisants) as refus:
        _delivrer(directrice, ordre)

    assert refus.value.message == (
        "Crédits insuffisants au chapitre 615 (Entretien et réparations) pour y réimputer la "
        "dépense : disponible 500,00\u00a0€, il faut 1\u00a0200,00\u00a0€ (circulaire 93/82 §2.1.4)."
    )
    assert (_credit(lignes, "6064"), _credit(lignes, "615")) == avant
    assert not CertificatReimputation.objects.exists()


def test_seul_le_directeur_delivre_le_certificat(directrice, comptable, lignes):
    ordre = _vise(directrice, comptable, lignes)
    delegue = personne("delegue", Fonction.DELEGUE)
    Delegation.objects.create(
        delegant=directrice,
        delegataire=delegue,
        type="signature",
        nature="ordre_depense",
        montant_max=None,
        debut=datetime.date(AUJOURD_HUI.year, 1, 1),
        fin=datetime.date(AUJOURD_HUI.year, 12, 31),
        specimen_signature="P. G.",
        notifiee_le=datetime.date(AUJOURD_HUI.year, 1, 1),
    )
    with pytest.raises(DroitInsuffisant) as refus:
        _delivrer(delegue, ordre)
    assert refus.value.message == (
        "Les certificats de réimputation sont délivrés par le directeur lui-même "
        "(circulaire 93/82 §2.1.4)."
    )
    with pytest.raises(SeparationDesFonctions):
        _delivrer(comptable, ordre)
    assert not CertificatReimputation.objects.exists()
    assert _credit(lignes, "615")[0] == Decimal("0.00")


def test_une_prestation_des_gestions_techniques_ne_se_reimpute_pas(directrice, comptable, lignes):
    ordre = signe_transmis(
        directrice,
        creer(
            directrice,
            gestion="technique",
            nature="prestation",
            compte_imputation="6561",
            compte_tiers="412",
            dates={"service_fait": AUJOURD_HUI},
        ),
    )
    ordre = s.ordre_depense_viser(acting_user=comptable, ordre=ordre, appreciations=CONFORMES)
    with pytest.raises(DonneeInvalide) as refus:
        _delivrer(directrice, ordre, compte="6562")
    assert refus.value.message == (
        f"L'ordre n° {ordre.reference} relève de la gestion technique (prestations) : le "
        "certificat de réimputation ne rectifie que les opérations des gestions budgétaires "
        "(circulaire 93/82 §2.1.4)."
    )
    assert not CertificatReimputation.objects.exists()


def test_apres_l_exercice_d_emission_la_reimputation_est_refusee(
    directrice, comptable, lignes, horloge
):
    ordre = _vise(directrice, comptable, lignes)
    horloge(datetime.date(lignes.annee + 1, 1, 8))
    with pytest.raises(ExerciceClos) as refus:
        _delivrer(directrice, ordre)
    assert refus.value.message == (
        f"L'ordre n° {ordre.reference} a été émis sur l'exercice {lignes.annee}, achevé le "
        f"31/12/{lignes.annee} : une imputation erronée ne se rectifie par certificat de "
        "réimputation qu'au cours de l'exercice d'émission (circulaire 93/82 §2.1.4)."
    )
    assert not CertificatReimputation.objects.exists()


@pytest.fixture
def banque(request):
    """The bank account of the treasury's test accounts (tests/tresorerie/conftest.py)."""
    return request.getfixturevalue("comptes")["BANQUE"]


def _payer(comptable, banque, ordre):
    lot_payer(acting_user=comptable, ordres=[ordre], compte=banque)


def test_un_ordre_reimpute_se_paie_sur_sa_nouvelle_ligne(directrice, comptable, lignes, banque):
    ordre = _vise(directrice, comptable, lignes)
    _delivrer(directrice, ordre)
    _payer(comptable, banque, ordre)
    assert _credit(lignes, "615")[2] == Decimal("1200.00")
    assert _credit(lignes, "6064")[2] == Decimal("0.00")
    assert OrdreDepense.objects.get(pk=ordre.pk).etat == "paye"


def test_un_ordre_paye_se_reimpute_avec_son_paiement(directrice, comptable, lignes, banque):
    ordre = _vise(directrice, comptable, lignes)
    _payer(comptable, banque, ordre)
    _delivrer(directrice, OrdreDepense.objects.get(pk=ordre.pk))
    assert _credit(lignes, "615") == (
        Decimal("1200.00"),
        Decimal("1200.00"),
        Decimal("1200.00"),
        Decimal("3800.00"),
    )
    assert _credit(lignes, "6064")[:3] == (Decimal("0.00"),) * 3


# --- PostgreSQL keeps the same rules ------------------------------------------


def test_la_base_garde_le_certificat(directrice, comptable, lignes):
    ordre = _vise(directrice, comptable, lignes)
    certificat = _delivrer(directrice, ordre)
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE depenses_certificatreimputation SET etat = 'rejete', motif_rejet = 'x', "
            "traite_par_id = par_id WHERE id = %s",
            [certificat.pk],
        ),
        "Celui qui a délivré le certificat de réimputation ne le prend pas en charge",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE depenses_certificatreimputation SET nouveau_compte_id = ancien_compte_id "
            "WHERE id = %s",
            [certificat.pk],
        ),
        "Un certificat de réimputation délivré ne se modifie pas",
    )
    refus_sql(
        lambda cur: cur.execute(
            "DELETE FROM depenses_certificatreimputation WHERE id = %s", [certificat.pk]
        ),
        "Un certificat de réimputation ne se supprime pas",
    )
    # taken in charge by the fondé de pouvoir on the visa's entry, the agent comptable's
    fonde = personne("fonde", Fonction.FONDE_DE_POUVOIR)
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE depenses_certificatreimputation SET etat = 'pris_en_charge', "
            "traite_par_id = %s, ecriture_id = %s WHERE id = %s",
            [fonde.pk, ordre.ecriture_id, certificat.pk],
        ),
        "est passé en écriture au nom de l'agent comptable qui le prend en charge",
    )
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO depenses_certificatreimputation (ordre_id, ancien_compte_id, "
            "nouveau_compte_id, motif, par_id, qualite, le, etat, traite_par_id, ecriture_id, "
            "motif_rejet) SELECT ordre_id, ancien_compte_id, nouveau_compte_id, motif, par_id, "
            "qualite, le, 'pris_en_charge', %s, %s, '' FROM depenses_certificatreimputation "
            "WHERE id = %s",
            [comptable.pk, ordre.ecriture_id, certificat.pk],
        ),
        "Un certificat de réimputation est délivré par le directeur ; l'agent comptable le "
        "prend en charge ensuite",
    )
    assert CertificatReimputation.objects.get().etat == "delivre"


# --- API and pages ------------------------------------------------------------


def test_l_api_delivre_puis_prend_en_charge_et_refuse_au_comptable_de_delivrer(
    directrice, comptable, lignes
):
    ordre = _vise(directrice, comptable, lignes)
    api = APIClient()
    api.force_authenticate(comptable)
    refus = api.post(
        f"/api/ordres-depense/{ordre.pk}/reimputer/",
        {"nouveau_compte": "615", "motif": "x", "mot_de_passe": MOT_DE_PASSE},
        format="json",
    )
    assert refus.status_code == 403 and refus.json()["message"] == actes.REIMPUTER_DROIT.refus
    assert not CertificatReimputation.objects.exists()

    api.force_authenticate(directrice)
    delivre = api.post(
        f"/api/ordres-depense/{ordre.pk}/reimputer/",
        {"nouveau_compte": "615", "motif": "Entretien", "mot_de_passe": MOT_DE_PASSE},
        format="json",
    )
    assert delivre.status_code == 201, delivre.json()
    assert delivre.json()["etat"] == "delivre" and delivre.json()["ecriture"] is None
    pk = delivre.json()["id"]

    api.force_authenticate(comptable)
    pris = api.post(f"/api/ordres-depense/reimputations/{pk}/prendre-en-charge/")
    assert pris.status_code == 200, pris.json()
    assert pris.json()["etat"] == "pris_en_charge" and pris.json()["ecriture"].startswith("OD-")
    assert pris.json()["traite_par"] == comptable.pk
    detail = api.get(f"/api/ordres-depense/{ordre.pk}/").json()
    assert detail["reimputations"][0]["nouveau_compte"] == "615"
    absent = api.post("/api/ordres-depense/reimputations/999999/rejeter/", {"motif": "x"})
    assert absent.status_code == 404
    assert absent.json()["message"] == "Le certificat de réimputation n° 999999 n'existe pas."


def test_les_pages_de_la_reimputation(client, directrice, comptable, lignes):
    ordre = _vise(directrice, comptable, lignes)
    client.force_login(directrice)
    assert (
        "Délivrer un certificat de réimputation"
        in client.get(f"/depenses/{ordre.pk}/").content.decode()
    )
    reponse = client.post(
        f"/depenses/{ordre.pk}/reimputer/",
        {"nouveau_compte": "615", "motif": "Entretien", "mot_de_passe": MOT_DE_PASSE},
        follow=True,
    )
    assert "Certificat de réimputation délivré : l&#x27;ordre n°" in reponse.content.decode()
    certificat = CertificatReimputation.objects.get()

    client.force_login(comptable)
    file = client.get("/depenses/a-viser/").content.decode()
    assert f"n° {certificat.pk} du" in file
    reponse = client.post(
        f"/depenses/reimputations/{certificat.pk}/prendre-en-charge/", follow=True
    )
    assert f"Certificat de réimputation n° {certificat.pk} pris en charge et passé" in (
        reponse.content.decode()
    )
    assert reponse.redirect_chain[-1][0] == f"/depenses/{ordre.pk}/"
    assert CertificatReimputation.objects.get().etat == "pris_en_charge"
