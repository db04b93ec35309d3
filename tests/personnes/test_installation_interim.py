"""The installation of the intérimaire and the procès-verbal at the end of an
interim (circ. 93/82 §1.1.2, issue 12 point 1): « L'installation de
l'intérimaire s'effectue dans les mêmes conditions que celle de l'agent
comptable »; « Si l'intérim est partiel, le procès-verbal est, en outre, signé
par l'ancien comptable titulaire »; at the end of an interim, the procès-verbal
« est signé par l'agent comptable intérimaire et le nouveau titulaire »."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from personnes.models import Fonction, Installation, Interim
from personnes.pdf import proces_verbal_pdf
from personnes.services import interim_designer
from personnes.services_installation import installation_enregistrer
from tests.factories import MOT_DE_PASSE, UtilisateurFactory
from tests.personnes.conftest import nommee
from tests.tresorerie.test_pages import texte_pdf

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def interimaire(db):
    """Marc Dumas, named by the board: no affectation in the fund."""
    return UtilisateurFactory(username="interimaire", first_name="Marc", last_name="Dumas")


def _nommer(directrice, qui, debut, fin, **champs) -> Interim:
    valeurs = {"nomme_le": D(2025, 11, 20), "deliberation": "CA 2025-11"}
    valeurs.update(champs)
    return interim_designer(
        acting_user=directrice,
        utilisateur=qui,
        nature=Interim.Nature.INTERIMAIRE,
        debut=debut,
        fin=fin,
        **valeurs,
    )


def _installer(directrice, qui, installe_le, **champs) -> Installation:
    valeurs = {
        "solde_caisse": "1234.56",
        "solde_banque": "250000.00",
        "mot_de_passe_entrant": MOT_DE_PASSE,
        "mot_de_passe_sortant": MOT_DE_PASSE,
    }
    valeurs.update(champs)
    return installation_enregistrer(
        acting_user=directrice, agent_comptable=qui, installe_le=installe_le, **valeurs
    )


def test_l_interimaire_est_installe_sans_affectation(directrice, interimaire):
    ancien = nommee(
        "ancien",
        "Jean",
        "Morel",
        Fonction.AGENT_COMPTABLE,
        debut=D(2010, 1, 1),
        fin=D(2025, 11, 30),
    )
    interim = _nommer(directrice, interimaire, D(2025, 12, 1), D(2026, 5, 31))

    installation = _installer(directrice, interimaire, D(2025, 12, 1))

    assert (installation.interim, installation.predecesseur) == (interim, ancien)
    assert installation.ancien_titulaire is None
    assert JournalAudit.objects.get(acte="installation.enregistree").apres["interim"] == interim.pk
    pdf = texte_pdf(proces_verbal_pdf(installation))
    assert (
        "Le 01/12/2025, Marc Dumas est installé dans les fonctions d'agent comptable intérimaire, "
        "nommé par le conseil d'administration (délibération CA 2025-11 du 20/11/2025) du "
        "01/12/2025 au 31/05/2026, en remplacement de Jean Morel (circulaire 93/82 §1.1.0, "
        "§1.1.2)." in pdf
    )
    assert "Intérim général : l'acte de nomination ne restreint pas les attributions" in pdf
    assert "même responsabilité personnelle et pécuniaire que l'agent comptable titulaire" in pdf
    assert (
        "Signé par Marc Dumas, agent comptable intérimaire entrant, et par Jean Morel, agent "
        "comptable sortant, chacun par la ressaisie de son mot de passe" in pdf
    )

    # once per interim
    with pytest.raises(TransitionInterdite, match="a déjà été installé le 01/12/2025"):
        _installer(directrice, interimaire, D(2025, 12, 2))


def test_ni_affecte_ni_interimaire_refuse(directrice, interimaire):
    with pytest.raises(DonneeInvalide) as refus:
        _installer(directrice, interimaire, D(2026, 6, 1))
    assert refus.value.message == (
        "Marc Dumas n'est pas affecté comme agent comptable ni nommé agent comptable intérimaire "
        "le 01/06/2026 : on installe l'agent comptable nommé à ce poste ou l'intérimaire nommé "
        "par le conseil d'administration (circulaire 93/82 §1.1.0 et §1.1.2)."
    )
    assert not Installation.objects.exists()


@pytest.fixture
def intérim_partiel(directrice, interimaire):
    """Jacques Berthier, titular, absent: Claire Roussel, fondée de pouvoir,
    assumed his functions from March to May 2026; the board then named Marc
    Dumas intérimaire for the encaissements and payments only."""
    titulaire = nommee("titulaire", "Jacques", "Berthier", Fonction.AGENT_COMPTABLE)
    fonde = nommee("fonde", "Claire", "Roussel", Fonction.FONDE_DE_POUVOIR)
    interim_designer(
        acting_user=directrice,
        utilisateur=fonde,
        nature=Interim.Nature.FONDE_DE_POUVOIR,
        debut=D(2026, 3, 1),
        fin=D(2026, 5, 31),
    )
    interim = _nommer(
        directrice,
        interimaire,
        D(2026, 6, 1),
        D(2026, 11, 30),
        nomme_le=D(2026, 5, 20),
        deliberation="CA 2026-05",
        portee="partiel",
        attributions="tresorerie.encaisser,tresorerie.payer",
    )
    return titulaire, fonde, interim


def test_interim_partiel_le_titulaire_signe_aussi(directrice, interimaire, intérim_partiel):
    titulaire, fonde, interim = intérim_partiel

    with pytest.raises(DroitInsuffisant) as refus:
        _installer(directrice, interimaire, D(2026, 6, 1))
    assert refus.value.message.startswith(
        "Mot de passe de Jacques Berthier (ancien agent comptable titulaire) incorrect"
    )
    assert not Installation.objects.exists()

    installation = _installer(
        directrice, interimaire, D(2026, 6, 1), mot_de_passe_titulaire=MOT_DE_PASSE
    )
    assert (installation.predecesseur, installation.ancien_titulaire) == (fonde, titulaire)
    assert JournalAudit.objects.get(acte="installation.enregistree").apres["signee_par"] == [
        interimaire.pk,
        fonde.pk,
        titulaire.pk,
    ]
    pdf = texte_pdf(proces_verbal_pdf(installation))
    assert (
        "en remplacement de Claire Roussel, fondé de pouvoir faisant fonction d'agent comptable"
        in pdf
    )
    assert (
        "Intérim partiel : l'acte de nomination restreint les attributions de l'intérimaire aux "
        "actes tresorerie.encaisser, tresorerie.payer." in pdf
    )
    assert (
        "Signé par Marc Dumas, agent comptable intérimaire entrant, et par Claire Roussel, fondé "
        "de pouvoir faisant fonction d'agent comptable sortant, et par Jacques Berthier, ancien "
        "agent comptable titulaire (intérim partiel), chacun par la ressaisie de son mot de passe"
        in pdf
    )


def test_interim_partiel_le_titulaire_sortant_ne_signe_qu_une_fois(directrice, interimaire):
    titulaire = nommee("titulaire", "Jacques", "Berthier", Fonction.AGENT_COMPTABLE)
    _nommer(
        directrice,
        interimaire,
        D(2026, 6, 1),
        D(2026, 11, 30),
        nomme_le=D(2026, 5, 20),
        portee="partiel",
        attributions="tresorerie.encaisser",
    )
    installation = _installer(directrice, interimaire, D(2026, 6, 1))
    assert (installation.predecesseur, installation.ancien_titulaire) == (titulaire, None)


def test_l_api_installe_l_interimaire_partiel(directrice, interimaire, intérim_partiel):
    api = APIClient()
    api.force_authenticate(directrice)
    saisie = {
        "agent_comptable": "interimaire",
        "installe_le": "2026-06-01",
        "solde_caisse": "0",
        "solde_banque": "0",
        "mot_de_passe_entrant": MOT_DE_PASSE,
        "mot_de_passe_sortant": MOT_DE_PASSE,
    }
    refus = api.post("/api/installations/", saisie, format="json")
    assert refus.status_code == 403
    assert "Jacques Berthier (ancien agent comptable titulaire)" in refus.json()["message"]
    cree = api.post(
        "/api/installations/", {**saisie, "mot_de_passe_titulaire": MOT_DE_PASSE}, format="json"
    )
    assert cree.status_code == 201, cree.json()
    client = Client()
    client.force_login(directrice)
    page = client.get(reverse("personnes:installation", args=[cree.json()["id"]]))
    assert (
        "Installation de l'agent comptable intérimaire (intérim partiel : "
        "tresorerie.encaisser, tresorerie.payer, délibération CA 2026-05 du 20/05/2026"
    ) in page.content.decode()
    assert (cree.json()["interim"], cree.json()["ancien_titulaire"]) == (
        intérim_partiel[2].pk,
        "titulaire",
    )


def test_a_la_fin_de_l_interim_l_interimaire_et_le_nouveau_titulaire_signent(
    directrice, interimaire
):
    _nommer(directrice, interimaire, D(2025, 12, 1), D(2026, 5, 31))
    nouveau = nommee("nouveau", "Anne", "Leroy", Fonction.AGENT_COMPTABLE, debut=D(2026, 6, 1))

    with pytest.raises(DroitInsuffisant, match="Marc Dumas \\(agent comptable sortant\\)"):
        _installer(directrice, nouveau, D(2026, 6, 1), mot_de_passe_sortant="faux")
    installation = _installer(directrice, nouveau, D(2026, 6, 1))

    assert installation.predecesseur == interimaire
    pdf = texte_pdf(proces_verbal_pdf(installation))
    assert (
        "Anne Leroy est installé dans les fonctions d'agent comptable, en remplacement de Marc "
        "Dumas, agent comptable intérimaire (circulaire 93/82 §1.1.0, §1.1.2)." in pdf
    )
    assert (
        "Signé par Anne Leroy, agent comptable entrant, et par Marc Dumas, agent comptable "
        "intérimaire sortant, chacun par la ressaisie de son mot de passe" in pdf
    )


def test_l_interimaire_devenu_titulaire_n_a_pas_de_sortant(directrice, interimaire):
    """« sauf si l'intérimaire devient l'agent comptable titulaire »: no
    procès-verbal contradictoire with himself."""
    _nommer(directrice, interimaire, D(2025, 12, 1), D(2026, 5, 31))
    nommee_titulaire = interimaire.affectations.create(
        fonction=Fonction.AGENT_COMPTABLE, debut=D(2026, 6, 1)
    )
    installation = _installer(directrice, interimaire, D(2026, 6, 1), mot_de_passe_sortant="")
    assert nommee_titulaire.pk and installation.predecesseur is None
    assert installation.interim is None


def test_sous_le_role_applicatif_l_interim_se_designe_et_l_interimaire_s_installe(
    directrice, interimaire
):
    """As the served application runs them (`caisse_app`): the designation
    and the installation lock their rows and insert theirs."""
    titulaire = nommee("titulaire", "Jacques", "Berthier", Fonction.AGENT_COMPTABLE)
    with connection.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
    try:
        interim = _nommer(
            directrice,
            interimaire,
            D(2026, 6, 1),
            D(2026, 11, 30),
            nomme_le=D(2026, 5, 20),
            portee="partiel",
            attributions="tresorerie.encaisser",
        )
        installation = _installer(directrice, interimaire, D(2026, 6, 1))
    finally:
        with connection.cursor() as cur:
            cur.execute("RESET ROLE")
    assert (installation.interim, installation.predecesseur) == (interim, titulaire)
