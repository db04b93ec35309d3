"""The agent comptable in office acts: the intérimaire in the titular's place
(circ. 93/82 §1.1.2, issue 12 point 1). During a vacancy the cash desk keeps
working under the intérimaire named by the board, even with no affectation;
the titular absent during an interim is refused, and acts again the day after."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import DroitInsuffisant
from ledger.models import Ecriture
from ledger.services import exercice_ouvrir
from personnes.droits import COMPTABLE, LIRE
from personnes.models import Fonction, Interim
from personnes.permissions import exiger_comptable
from personnes.selectors import fonctions_exercees_le, fonctions_le
from personnes.services import interim_designer
from tests.factories import UtilisateurFactory, personne
from tests.personnes.conftest import nommee
from tresorerie import services as t
from tresorerie.demo import creer_tresorerie_demo
from tresorerie.models import ArreteCaisse, Carnet, Quittance
from tresorerie.selectors import solde_comptable

pytestmark = pytest.mark.django_db

LE = datetime.date(2026, 6, 15)  # the suite's day, a Monday
LENDEMAIN = LE + datetime.timedelta(days=1)


def _interimaire():
    """Marc Dumas, named by the board: no affectation in the fund."""
    return UtilisateurFactory(username="interimaire", first_name="Marc", last_name="Dumas")


def _encaisser(utilisateur, compte, montant="100.00"):
    return t.encaissement_enregistrer(
        acting_user=utilisateur,
        compte=compte,
        moyen="numeraire",
        montant=montant,
        payeur="M. Girard",
        objet="Versement au guichet",
    )


@pytest.fixture
def vacance(horloge, directrice):
    """The titular left on 12 June 2026 (the year opened under him); the board
    named Marc Dumas agent comptable intérimaire from 13 June."""
    titulaire = nommee(
        "titulaire",
        "Anne",
        "Lefort",
        Fonction.AGENT_COMPTABLE,
        debut=datetime.date(2020, 1, 1),
        fin=datetime.date(2026, 6, 12),
    )
    horloge(datetime.date(2026, 1, 2))
    exercice = exercice_ouvrir(acting_user=titulaire, annee=2026)
    comptes = creer_tresorerie_demo(
        comptable=titulaire,
        regisseur=personne("regisseur", Fonction.REGISSEUR),
        debut=datetime.date(2026, 1, 1),
    )
    horloge(LE)
    interimaire = _interimaire()
    interim_designer(
        acting_user=directrice,
        utilisateur=interimaire,
        nature=Interim.Nature.INTERIMAIRE,
        debut=datetime.date(2026, 6, 13),
        nomme_le=datetime.date(2026, 6, 13),
        deliberation="CA n° 12",
        fin=datetime.date(2026, 12, 12),
    )
    return titulaire, interimaire, exercice, comptes


def _carnet(interimaire, caisse):
    return t.carnet_ouvrir(
        acting_user=interimaire,
        type=Carnet.Type.QUITTANCE,
        compte=caisse,
        titulaire=interimaire,
        serie="Q2026-I",
    )


def test_l_interimaire_sans_affectation_arrete_la_caisse_pendant_la_vacance(vacance):
    titulaire, interimaire, _exercice, comptes = vacance
    caisse = comptes["CAISSE"]
    assert fonctions_le(interimaire, LE) == []
    assert fonctions_exercees_le(interimaire, LE) == [Fonction.AGENT_COMPTABLE]

    # he opens his carnet de quittances and arrêtes the caisse: nothing in it, nothing missing
    assert _carnet(interimaire, caisse).titulaire == interimaire
    arrete = t.arrete_caisse(acting_user=interimaire, compte=caisse, comptage={"10": 0})
    assert (arrete.par, arrete.date, arrete.total_compte, arrete.ecart) == (
        interimaire,
        LE,
        Decimal("0.00"),
        Decimal("0.00"),
    )


def test_l_interimaire_sans_affectation_encaisse_au_guichet_pendant_la_vacance(vacance):
    titulaire, interimaire, _exercice, comptes = vacance
    caisse = comptes["CAISSE"]
    _carnet(interimaire, caisse)
    encaissement = _encaisser(interimaire, caisse, "100.00")
    arrete = t.arrete_caisse(acting_user=interimaire, compte=caisse, comptage={"100": 1})

    assert encaissement.recu_par == interimaire
    quittance = Quittance.objects.get(encaissement=encaissement)
    assert (quittance.signataire, quittance.qualite) == (
        "Marc Dumas",
        "Agent comptable intérimaire",
    )
    assert quittance.carnet.serie == "Q2026-I"
    assert (arrete.par, arrete.total_compte, arrete.ecart) == (
        interimaire,
        Decimal("100.00"),
        Decimal("0.00"),
    )
    assert solde_comptable(caisse.compte.numero, LE) == Decimal("100.00")


def test_pendant_la_vacance_le_titulaire_parti_ne_fait_plus_rien(vacance):
    titulaire, _interimaire, _exercice, comptes = vacance
    avant = Ecriture.objects.count()
    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable"):
        _encaisser(titulaire, comptes["CAISSE"])
    assert Ecriture.objects.count() == avant


@pytest.fixture
def absence(comptable, directrice, exercice):
    """Jacques Berthier is titular; Marc Dumas is intérimaire from 13 to 15 June 2026."""
    comptable.first_name, comptable.last_name = "Jacques", "Berthier"
    comptable.save()
    comptes = creer_tresorerie_demo(
        comptable=comptable,
        regisseur=personne("regisseur", Fonction.REGISSEUR),
        debut=datetime.date(2026, 1, 1),
    )
    interimaire = _interimaire()
    interim_designer(
        acting_user=directrice,
        utilisateur=interimaire,
        nature=Interim.Nature.INTERIMAIRE,
        debut=datetime.date(2026, 6, 13),
        nomme_le=datetime.date(2026, 6, 13),
        deliberation="CA n° 12",
        fin=LE,
    )
    return comptable, interimaire, comptes


REFUS_TITULAIRE = re.escape(
    "Du 13/06/2026 au 15/06/2026, Marc Dumas exerce les fonctions d'agent comptable (agent "
    "comptable intérimaire) : vous ne pouvez pas encaisser pendant cet intérim, en cas de "
    "vacance d'emploi, d'absence momentanée ou d'empêchement de l'agent comptable (circulaire "
    "93/82 §1.1.2)."
)


def test_le_titulaire_absent_est_refuse_pendant_l_interim_et_reprend_le_lendemain(absence, horloge):
    titulaire, interimaire, comptes = absence
    caisse = comptes["CAISSE"]
    assert fonctions_le(titulaire, LE) == [Fonction.AGENT_COMPTABLE]
    assert fonctions_exercees_le(titulaire, LE) == []
    assert fonctions_exercees_le(titulaire, datetime.date(2026, 6, 12)) == [
        Fonction.AGENT_COMPTABLE
    ]

    # during the interim: refused, the message naming the intérimaire and the period
    avant = (Ecriture.objects.count(), solde_comptable(caisse.compte.numero, LE))
    with pytest.raises(DroitInsuffisant, match=REFUS_TITULAIRE) as refus:
        _encaisser(titulaire, caisse)
    assert refus.value.details["interimaire"] == interimaire.pk
    with pytest.raises(DroitInsuffisant, match="pendant cet intérim"):
        t.arrete_caisse(acting_user=titulaire, compte=caisse, comptage={})
    assert (Ecriture.objects.count(), solde_comptable(caisse.compte.numero, LE)) == avant
    assert not ArreteCaisse.objects.exists()

    # the day after, the interim over, he takes cash again with his own carnet
    horloge(LENDEMAIN)
    titulaire.refresh_from_db()
    encaissement = _encaisser(titulaire, caisse, "50.00")
    assert encaissement.recu_par == titulaire
    assert solde_comptable(caisse.compte.numero, LENDEMAIN) == Decimal("50.00")
    exiger_comptable(titulaire, LENDEMAIN, "arrêter la caisse", code="tresorerie.arrete_caisse")


def test_la_page_et_l_api_suivent_l_interim(absence, client):
    titulaire, interimaire, _comptes = absence
    assert COMPTABLE.accorde(interimaire, LE) and not COMPTABLE.accorde(titulaire, LE)
    assert COMPTABLE.accorde(titulaire, LENDEMAIN) and not COMPTABLE.accorde(interimaire, LENDEMAIN)
    # the absent titular still reads the books, he does not act
    assert LIRE.accorde(titulaire, LE)

    # the entry page of the agent comptable: the intérimaire in, the titular out
    client.force_login(interimaire)
    assert client.get(reverse("ledger:saisie")).status_code == 200
    client.force_login(titulaire)
    assert client.get(reverse("ledger:saisie")).status_code == 403
    assert client.get(reverse("ledger:ecritures")).status_code == 200

    # the API: the intérimaire posts an entry, the titular is refused at the edge
    saisie = {
        "exercice": 2026,
        "journal": "OD",
        "date": "2026-06-15",
        "libelle": "Frais bancaires",
        "lignes": [{"compte": "627", "debit": "12.30"}, {"compte": "5122", "credit": "12.30"}],
    }
    api = APIClient()
    api.force_authenticate(titulaire)
    reponse = api.post("/api/ecritures/passer/", saisie, format="json")
    assert reponse.status_code == 403, reponse.json()
    assert reponse.json()["message"].startswith(
        "Du 13/06/2026 au 15/06/2026, Marc Dumas exerce les fonctions d'agent comptable (agent "
        "comptable intérimaire) : vous ne pouvez pas accomplir cet acte pendant cet intérim"
    )
    avant = Ecriture.objects.count()
    api = APIClient()
    api.force_authenticate(interimaire)
    reponse = api.post("/api/ecritures/passer/", saisie, format="json")
    assert reponse.status_code == 201, reponse.json()
    assert Ecriture.objects.count() == avant + 1


def test_l_interimaire_en_fonction_enregistre_l_interim_suivant(vacance):
    """The agent comptable in office records the interim (personnes.services):
    the intérimaire as well, with no affectation of his own."""
    _titulaire, interimaire, _exercice, _comptes = vacance
    fonde = personne("fonde", Fonction.FONDE_DE_POUVOIR)
    suivant = interim_designer(
        acting_user=interimaire,
        utilisateur=fonde,
        nature=Interim.Nature.FONDE_DE_POUVOIR,
        debut=datetime.date(2026, 12, 13),
        fin=datetime.date(2027, 1, 31),
    )
    assert (suivant.utilisateur, suivant.debut) == (fonde, datetime.date(2026, 12, 13))
    with pytest.raises(DroitInsuffisant, match="Seuls le directeur ou l'agent comptable"):
        interim_designer(
            acting_user=personne("curieux", Fonction.AUDITEUR),
            utilisateur=fonde,
            nature=Interim.Nature.FONDE_DE_POUVOIR,
            debut=datetime.date(2027, 2, 1),
            fin=datetime.date(2027, 2, 28),
        )


def test_pendant_la_vacance_la_regie_continue_sous_l_interimaire(vacance):
    """The régisseur acts « pour le compte et sous la surveillance de l'agent
    comptable » (circ. 93/82 §1.1.1): during the vacancy, under the intérimaire."""
    _titulaire, interimaire, _exercice, comptes = vacance
    regie = comptes["REGIE"]
    regisseur = regie.regisseur
    encaissement = _encaisser(regisseur, regie, "35.00")
    assert encaissement.recu_par == regisseur
    assert encaissement.quittances.get().qualite == "Régisseur de recettes"
    arrete = t.arrete_caisse(
        acting_user=interimaire, compte=regie, comptage={"20": 1, "10": 1, "5": 1}
    )
    assert (arrete.par, arrete.total_compte, arrete.ecart) == (
        interimaire,
        Decimal("35.00"),
        Decimal("0.00"),
    )
