"""The agent comptable's watch (circ. 93/82 §2.0.4): mortgage inscriptions
signalled six months before they lapse, the guarantees recorded and released,
the leases he keeps and their expiry, the monthly regularisation of direct
receipts (§2.0.0), and the tutelle refused every act."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import transaction

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from recouvrement.a_echoir import COMPTABLE, DIRECTEUR, a_echoir
from recouvrement.models import Acte, Creance
from recouvrement.models_surveillance import Garantie, six_mois_avant
from recouvrement.services import creance_de
from recouvrement.surveillance_contrats import contrat_enregistrer, directeur_informer
from recouvrement.surveillance_garanties import (
    garantie_lever,
    garantie_prendre,
    garantie_renouveler,
    peremption_signaler,
)
from tests.recouvrement.conftest import ordre_pris_en_charge
from tests.recouvrement.surveillance_outils import en_contentieux
from tresorerie import services as t

pytestmark = pytest.mark.django_db

LE = datetime.date(2026, 6, 1)


def _hypotheque(acteur, debiteur, creance=None, peremption=datetime.date(2027, 3, 10)):
    return garantie_prendre(
        acting_user=acteur,
        debiteur=debiteur,
        creance=creance,
        nature="hypotheque",
        montant="2400.00",
        objet="Immeuble 3 rue des Lilas",
        prise_le=LE,
        inscrite_le=LE,
        bureau="Service de la publicité foncière de Valmont",
        peremption_le=peremption,
    )


def _de(nature: str, le: datetime.date, qui: str):
    return [e for e in a_echoir(le, qui) if e.nature == nature]


@pytest.fixture
def cotisation(ordre_cotisation, directrice):
    return en_contentieux(ordre_cotisation, directrice, LE)


@pytest.fixture
def loyer(ordre_loyer, directrice):
    """A rent claim handed to the directeur: its mortgages are the agent comptable's to watch."""
    return en_contentieux(ordre_loyer, directrice, LE)


def test_six_mois_avant_tombe_le_meme_jour_ou_le_dernier_du_mois():
    assert six_mois_avant(datetime.date(2027, 3, 10)) == datetime.date(2026, 9, 10)
    assert six_mois_avant(datetime.date(2027, 8, 31)) == datetime.date(2027, 2, 28)


def test_l_inscription_est_signalee_a_partir_de_six_mois_avant_sa_peremption(
    loyer, directrice, comptable, horloge
):
    g = _hypotheque(directrice, loyer.debiteur, loyer)
    horloge(datetime.date(2026, 9, 9))
    assert _de("Inscription hypothécaire", datetime.date(2026, 9, 9), COMPTABLE) == []
    horloge(datetime.date(2026, 9, 10))
    [item] = _de("Inscription hypothécaire", datetime.date(2026, 9, 10), COMPTABLE)
    assert item.le == datetime.date(2026, 9, 10) and item.jours(datetime.date(2026, 9, 10)) == 0
    assert "10/03/2027" in item.quoi and item.debiteur == "M. Petit"
    horloge(datetime.date(2026, 9, 12))
    [item] = _de("Inscription hypothécaire", datetime.date(2026, 9, 12), COMPTABLE)
    assert item.jours(datetime.date(2026, 9, 12)) == -2  # en retard de 2 jours
    assert _de("Inscription hypothécaire", datetime.date(2026, 9, 12), DIRECTEUR) == []

    peremption_signaler(acting_user=comptable, garantie=g, signalee_le=datetime.date(2026, 9, 12))

    assert _de("Inscription hypothécaire", datetime.date(2026, 9, 12), COMPTABLE) == []
    [pour_directeur] = _de("Inscription hypothécaire", datetime.date(2026, 9, 12), DIRECTEUR)
    assert pour_directeur.le == datetime.date(2027, 3, 10)
    acte = Acte.objects.filter(debiteur=loyer.debiteur, type="autre").get()
    assert "signalée au directeur" in acte.libelle and acte.le == datetime.date(2026, 9, 12)
    with pytest.raises(TransitionInterdite, match="déjà été signalée au directeur le 12/09/2026"):
        peremption_signaler(
            acting_user=comptable, garantie=g, signalee_le=datetime.date(2026, 9, 12)
        )


def test_seul_l_agent_comptable_signale_la_peremption(cotisation, directrice):
    g = _hypotheque(directrice, cotisation.debiteur)
    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable"):
        peremption_signaler(acting_user=directrice, garantie=g, signalee_le=LE)


def test_le_renouvellement_relance_la_surveillance(loyer, directrice, comptable, horloge):
    g = _hypotheque(directrice, loyer.debiteur, peremption=datetime.date(2026, 12, 1))
    peremption_signaler(acting_user=comptable, garantie=g, signalee_le=LE)
    with pytest.raises(DonneeInvalide, match="doit suivre l'actuelle"):
        garantie_renouveler(
            acting_user=directrice,
            garantie=g,
            renouvelee_le=LE,
            peremption_le=datetime.date(2026, 11, 1),
        )
    g = garantie_renouveler(
        acting_user=directrice,
        garantie=g,
        renouvelee_le=LE,
        peremption_le=datetime.date(2036, 12, 1),
    )
    assert (g.peremption_le, g.signalee_le) == (datetime.date(2036, 12, 1), None)
    assert _de("Inscription hypothécaire", LE, DIRECTEUR) == []
    assert Acte.objects.filter(type="garantie", libelle__startswith="Renouvellement").exists()


def test_une_hypotheque_sans_inscription_est_refusee(cotisation, directrice):
    with pytest.raises(DonneeInvalide, match="date de son inscription, le bureau"):
        garantie_prendre(
            acting_user=directrice,
            debiteur=cotisation.debiteur,
            nature="hypotheque",
            montant="100",
            objet="Immeuble",
            prise_le=LE,
        )
    with pytest.raises(DonneeInvalide, match="la péremption suit l'inscription"):
        _hypotheque(directrice, cotisation.debiteur, peremption=LE)
    assert not Garantie.objects.exists()


def test_une_caution_puis_sa_mainlevee_sont_au_journal(cotisation, directrice):
    g = garantie_prendre(
        acting_user=directrice,
        debiteur=cotisation.debiteur,
        creance=cotisation,
        nature="caution",
        montant="1 200,00",
        objet="M. Orion, gérant, caution solidaire",
        prise_le=LE,
    )
    assert g.montant == Decimal("1200.00") and g.qualite == "directeur"
    garantie_lever(acting_user=directrice, garantie=g, mainlevee_le=LE, motif="Créance soldée")
    types = list(Acte.objects.filter(debiteur=cotisation.debiteur).values_list("type", flat=True))
    assert types[-2:] == ["garantie", "mainlevee"]
    with pytest.raises(TransitionInterdite, match="Mainlevée a déjà été donnée"):
        garantie_lever(acting_user=directrice, garantie=g, mainlevee_le=LE, motif="x")


def test_le_directeur_ne_prend_garantie_que_sur_un_debiteur_qu_il_recouvre(
    ordre_loyer, directrice, comptable
):
    from django.db import transaction

    from recouvrement.services import creance_de

    with transaction.atomic():
        creance = creance_de(ordre_loyer.lignes.get(), LE)
    with pytest.raises(DroitInsuffisant, match="Seuls le directeur, en recouvrement contentieux"):
        garantie_prendre(
            acting_user=directrice,
            debiteur=creance.debiteur,
            nature="gage",
            montant="300",
            objet="Véhicule",
            prise_le=LE,
        )
    g = garantie_prendre(
        acting_user=comptable,
        debiteur=creance.debiteur,
        nature="gage",
        montant="300",
        objet="Véhicule",
        prise_le=LE,
    )
    assert g.qualite == "agent comptable"


def test_la_tutelle_est_refusee_chaque_acte(cotisation, directrice, comptable, auditeur):
    g = _hypotheque(directrice, cotisation.debiteur)
    contrat = contrat_enregistrer(
        acting_user=comptable,
        nature="bail",
        objet="Appartement",
        cocontractant="M. Perrin",
        debut=LE,
        expire_le=datetime.date(2027, 1, 1),
        original="Coffre n° 2",
    )
    from recouvrement.etat_nominatif import etat_nominatif_adresser
    from recouvrement.surveillance_listes import liste_adresser, periodicite_fixer

    actes = [
        lambda: _hypotheque(auditeur, cotisation.debiteur),
        lambda: peremption_signaler(acting_user=auditeur, garantie=g, signalee_le=LE),
        lambda: garantie_lever(acting_user=auditeur, garantie=g, mainlevee_le=LE, motif="x"),
        lambda: garantie_renouveler(
            acting_user=auditeur, garantie=g, renouvelee_le=LE, peremption_le=LE
        ),
        lambda: contrat_enregistrer(
            acting_user=auditeur,
            nature="bail",
            objet="x",
            cocontractant="x",
            debut=LE,
            expire_le=datetime.date(2027, 1, 1),
            original="x",
        ),
        lambda: directeur_informer(acting_user=auditeur, contrat=contrat, informe_le=LE),
        lambda: liste_adresser(acting_user=auditeur, liste="defaillants", le=LE),
        lambda: periodicite_fixer(
            acting_user=auditeur, liste="defaillants", mois=1, a_compter_du=LE
        ),
        lambda: etat_nominatif_adresser(
            acting_user=auditeur, annee=2025, semestre=2, envoye_le=LE, reference="x"
        ),
    ]
    for acte in actes:
        with pytest.raises(DroitInsuffisant, match="La tutelle consulte à tout moment"):
            acte()


@pytest.mark.parametrize("nommee", [True, False], ids=["creance-nommee", "debiteur-seul"])
def test_une_hypotheque_garantissant_des_cotisations_n_est_pas_veillee_par_l_agent_comptable(
    cotisation, directrice, comptable, horloge, nommee
):
    """§2.0.4: « de veiller, sauf en matière de cotisations, au maintien des droits,
    privilèges et hypothèques »: the directeur follows it himself."""
    g = _hypotheque(directrice, cotisation.debiteur, cotisation if nommee else None)
    horloge(datetime.date(2026, 9, 9))
    assert _de("Inscription hypothécaire", datetime.date(2026, 9, 9), DIRECTEUR) == []
    horloge(datetime.date(2026, 9, 12))
    assert _de("Inscription hypothécaire", datetime.date(2026, 9, 12), COMPTABLE) == []
    [item] = _de("Inscription hypothécaire", datetime.date(2026, 9, 12), DIRECTEUR)
    assert item.le == datetime.date(2027, 3, 10) and item.debiteur == "Société Orion"
    assert "garantit des cotisations, se périme le 10/03/2027" in item.quoi
    with pytest.raises(
        TransitionInterdite,
        match=r"garantit des cotisations : .* « sauf en matière de cotisations » "
        + re.escape("(circulaire 93/82 §2.0.4)"),
    ):
        peremption_signaler(
            acting_user=comptable, garantie=g, signalee_le=datetime.date(2026, 9, 12)
        )
    g.refresh_from_db()
    assert g.signalee_le is None
    assert not Acte.objects.filter(debiteur=cotisation.debiteur, type="autre").exists()


def test_le_droit_d_enregistrer_une_garantie_suit_la_creance_nommee(
    ordre_loyer, directrice, comptable
):
    """M. Petit has a claim handed to the directeur and a rent still the agent
    comptable's: the directeur may name the first, not the second."""
    second = ordre_pris_en_charge(
        directrice,
        comptable,
        debiteur="M. Petit",
        qualite="locataire",
        montant="600.00",
        nature="loyer",
        imputation="752",
        tiers="4671",
        objet="Loyer d'avril",
    )
    transmise = en_contentieux(ordre_loyer, directrice, LE)
    with transaction.atomic():
        amiable = creance_de(second.lignes.get(), LE)
    assert amiable.responsable == Creance.Responsable.COMPTABLE

    def gage(acteur, creance):
        return garantie_prendre(
            acting_user=acteur,
            debiteur=transmise.debiteur,
            creance=creance,
            nature="gage",
            montant="300",
            objet="Véhicule",
            prise_le=LE,
        )

    with pytest.raises(DroitInsuffisant, match="ce débiteur n'est pas recouvré par le directeur"):
        gage(directrice, amiable)
    assert not Garantie.objects.exists()
    assert gage(directrice, transmise).qualite == "directeur"
    g = gage(comptable, amiable)
    assert g.qualite == "agent comptable"
    with pytest.raises(DroitInsuffisant, match="Seuls le directeur, en recouvrement contentieux"):
        garantie_lever(acting_user=directrice, garantie=g, mainlevee_le=LE, motif="Soldée")
    assert Garantie.objects.get(pk=g.pk).etat == Garantie.Etat.EN_VIGUEUR


def test_l_expiration_d_un_bail_est_signalee_au_preavis(comptable, directrice, horloge):
    contrat = contrat_enregistrer(
        acting_user=comptable,
        nature="bail",
        objet="Appartement 12 rue Haute",
        cocontractant="M. et Mme Perrin",
        debut=datetime.date(2024, 1, 1),
        expire_le=datetime.date(2026, 12, 31),
        original="Coffre de l'agence comptable, chemise B-12",
        preavis_mois=6,
    )
    veille, jour = datetime.date(2026, 6, 29), datetime.date(2026, 6, 30)
    horloge(veille)
    assert _de("Bail, contrat, titre", veille, COMPTABLE) == []
    assert _de("Bail, contrat, titre", veille, DIRECTEUR) == []
    horloge(jour)
    [item] = _de("Bail, contrat, titre", jour, COMPTABLE)
    assert item.le == jour and "31/12/2026" in item.quoi
    [vu] = _de("Bail, contrat, titre", jour, DIRECTEUR)
    assert vu.le == datetime.date(2026, 12, 31) and "doit vous en informer" in vu.quoi

    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable"):
        directeur_informer(acting_user=directrice, contrat=contrat, informe_le=jour)
    directeur_informer(acting_user=comptable, contrat=contrat, informe_le=jour)

    assert _de("Bail, contrat, titre", jour, COMPTABLE) == []
    [vu] = _de("Bail, contrat, titre", jour, DIRECTEUR)
    assert "informé le 30/06/2026" in vu.quoi
    with pytest.raises(TransitionInterdite, match="déjà été informé le 30/06/2026"):
        directeur_informer(acting_user=comptable, contrat=contrat, informe_le=jour)
    horloge(datetime.date(2027, 1, 1))
    assert _de("Bail, contrat, titre", datetime.date(2027, 1, 1), DIRECTEUR) == []


def test_un_contrat_qui_expire_avant_d_effet_est_refuse(comptable):
    with pytest.raises(DonneeInvalide, match="ne peut expirer le"):
        contrat_enregistrer(
            acting_user=comptable,
            nature="contrat",
            objet="Maintenance",
            cocontractant="Société Alpha",
            debut=LE,
            expire_le=LE,
            original="Classeur 4",
        )


def test_la_regularisation_mensuelle_est_en_retard_le_mois_passe(
    comptable, directrice, comptes, horloge
):
    t.encaissement_sans_titre(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant="720.00",
        payeur="M. et Mme Perrin",
        objet="Loyer de juin",
        compte_produit="752",
        nature_recette="loyer",
    )
    fin_juin, premier_juillet = datetime.date(2026, 6, 30), datetime.date(2026, 7, 1)
    horloge(fin_juin)
    assert _de("Régularisation mensuelle", fin_juin, COMPTABLE) == []
    horloge(premier_juillet)
    [item] = _de("Régularisation mensuelle", premier_juillet, COMPTABLE)
    assert item.le == fin_juin and item.jours(premier_juillet) == -1
    assert "06/2026" in item.quoi and "720,00" in item.quoi
    t.regularisation_preparer(acting_user=directrice, annee=2026, mois=6)
    assert _de("Régularisation mensuelle", premier_juillet, COMPTABLE) == []
