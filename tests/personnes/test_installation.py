"""Installation of an agent comptable, remise de service and réserves
(issue 12 point 1; circ. 93/82 §1.1.0)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from personnes.models import Fonction, Installation, Reserve
from personnes.services_installation import (
    installation_enregistrer,
    limite_reserves,
    plus_mois,
    prorogation_enregistrer,
    reserve_formuler,
)
from tests.factories import MOT_DE_PASSE
from tests.personnes.conftest import nommee
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db

D = datetime.date
INSTALLE_LE = D(2026, 1, 15)


@pytest.fixture
def ancien(db):
    return nommee(
        "ancien", "Jean", "Morel", Fonction.AGENT_COMPTABLE, debut=D(2010, 1, 1), fin=D(2026, 1, 14)
    )


@pytest.fixture
def nouveau(db):
    return nommee("nouveau", "Anne", "Leroy", Fonction.AGENT_COMPTABLE, debut=INSTALLE_LE)


def _installer(directrice, nouveau, **champs) -> Installation:
    valeurs = {
        "installe_le": INSTALLE_LE,
        "solde_caisse": "1234.56",
        "solde_banque": "250000.00",
        "mot_de_passe_entrant": MOT_DE_PASSE,
        "mot_de_passe_sortant": MOT_DE_PASSE,
        "observations": "Caisse comptée contradictoirement.",
    }
    valeurs.update(champs)
    return installation_enregistrer(acting_user=directrice, agent_comptable=nouveau, **valeurs)


@pytest.fixture
def installation(directrice, ancien, nouveau):
    return _installer(directrice, nouveau)


def test_installation_signee_par_le_sortant_et_l_entrant(directrice, ancien, nouveau):
    installation = _installer(directrice, nouveau)
    installation.refresh_from_db()
    assert installation.predecesseur == ancien
    assert installation.solde_caisse == Decimal("1234.56")
    assert installation.solde_banque == Decimal("250000.00")
    ligne = JournalAudit.objects.get(acte="installation.enregistree")
    assert ligne.acteur == directrice
    assert ligne.apres["signee_par"] == [nouveau.pk, ancien.pk]


def test_premiere_installation_sans_predecesseur(directrice):
    seul = nommee("seul", "Luc", "Petit", Fonction.AGENT_COMPTABLE, debut=INSTALLE_LE)
    installation = _installer(directrice, seul, mot_de_passe_sortant="")
    assert installation.predecesseur is None


def test_mot_de_passe_du_sortant_faux_refuse(directrice, ancien, nouveau):
    with pytest.raises(
        DroitInsuffisant, match="Mot de passe de Jean Morel .agent comptable sortant. incorrect"
    ):
        _installer(directrice, nouveau, mot_de_passe_sortant="faux")
    assert not Installation.objects.exists()
    assert not JournalAudit.objects.filter(acte="installation.enregistree").exists()


def test_mot_de_passe_de_l_entrant_faux_refuse(directrice, ancien, nouveau):
    with pytest.raises(DroitInsuffisant, match="Anne Leroy .agent comptable entrant"):
        _installer(directrice, nouveau, mot_de_passe_entrant="")
    assert not Installation.objects.exists()


def test_seul_le_directeur_enregistre_l_installation(ancien, nouveau):
    with pytest.raises(DroitInsuffisant, match="Seul le directeur enregistre l'installation"):
        _installer(ancien, nouveau)
    assert not Installation.objects.exists()


def test_sans_affectation_comme_agent_comptable_refuse(directrice, ancien, nouveau):
    with pytest.raises(
        DonneeInvalide,
        match="Anne Leroy n'est pas affecté comme agent comptable ni nommé agent comptable "
        "intérimaire le 14/01/2026",
    ):
        _installer(directrice, nouveau, installe_le=D(2026, 1, 14))


def test_installe_deux_fois_refuse(directrice, installation, nouveau):
    with pytest.raises(TransitionInterdite, match="déjà été installé le 15/01/2026"):
        _installer(directrice, nouveau, installe_le=D(2026, 1, 20))
    assert Installation.objects.count() == 1


def test_installation_a_venir_refusee(directrice, ancien, nouveau):
    with pytest.raises(DonneeInvalide, match="pas encore eu lieu"):
        _installer(directrice, nouveau, installe_le=D(2026, 6, 16))


def test_plus_mois_comme_postgresql():
    assert plus_mois(D(2026, 1, 15), 6) == D(2026, 7, 15)
    assert plus_mois(D(2026, 8, 31), 6) == D(2027, 2, 28)


# --- Réserves ------------------------------------------------------------------


def test_reserve_le_dernier_jour_des_six_mois_acceptee(horloge, installation, nouveau):
    horloge(D(2026, 7, 20))
    reserve = reserve_formuler(
        acting_user=nouveau,
        installation=installation,
        formulee_le=D(2026, 7, 15),
        objet="Restes à recouvrer douteux",
    )
    assert reserve.installation == installation
    assert JournalAudit.objects.get(acte="reserve.formulee").acteur == nouveau


def test_reserve_le_lendemain_refusee(horloge, installation, nouveau):
    horloge(D(2026, 7, 20))
    with pytest.raises(TransitionInterdite) as refus:
        reserve_formuler(
            acting_user=nouveau,
            installation=installation,
            formulee_le=D(2026, 7, 16),
            objet="Trop tard",
        )
    assert (
        "Réserve formulée le 16/07/2026, hors du délai ouvert du 15/01/2026 au 15/07/2026"
        in str(refus.value)
    )
    assert "circulaire 93/82 §1.1.0" in str(refus.value)
    assert not Reserve.objects.exists()


def test_reserve_par_un_autre_que_l_agent_installe_refusee(installation, ancien):
    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable installé, Anne Leroy"):
        reserve_formuler(
            acting_user=ancien, installation=installation, formulee_le=D(2026, 3, 1), objet="x"
        )


def test_prorogation_ouvre_les_reserves_jusqu_a_la_nouvelle_limite(horloge, installation, nouveau):
    horloge(D(2026, 11, 30))
    prorogation = prorogation_enregistrer(
        acting_user=nouveau,
        installation=installation,
        demandee_le=D(2026, 7, 1),
        accordee_le=D(2026, 7, 10),
        accordee_par="DRASS d'Île-de-France, lettre du 10/07/2026",
        nouvelle_limite=D(2026, 10, 15),
    )
    assert limite_reserves(installation) == D(2026, 10, 15)
    assert prorogation.accordee_par.startswith("DRASS")
    reserve_formuler(
        acting_user=nouveau, installation=installation, formulee_le=D(2026, 10, 15), objet="Stocks"
    )
    with pytest.raises(TransitionInterdite, match="du 15/01/2026 au 15/10/2026"):
        reserve_formuler(
            acting_user=nouveau, installation=installation, formulee_le=D(2026, 10, 16), objet="x"
        )
    assert Reserve.objects.count() == 1


def test_prorogation_demandee_apres_le_delai_refusee(horloge, installation, nouveau):
    horloge(D(2026, 11, 30))
    with pytest.raises(
        TransitionInterdite, match="Prorogation demandée le 16/07/2026, hors du délai"
    ):
        prorogation_enregistrer(
            acting_user=nouveau,
            installation=installation,
            demandee_le=D(2026, 7, 16),
            accordee_le=D(2026, 7, 20),
            accordee_par="DRASS",
            nouvelle_limite=D(2026, 10, 15),
        )


def test_prorogation_qui_ne_proroge_pas_refusee(installation, nouveau):
    with pytest.raises(
        DonneeInvalide, match="ne proroge pas le délai qui court déjà jusqu'au 15/07/2026"
    ):
        prorogation_enregistrer(
            acting_user=nouveau,
            installation=installation,
            demandee_le=D(2026, 6, 1),
            accordee_le=D(2026, 6, 10),
            accordee_par="DRASS",
            nouvelle_limite=D(2026, 7, 15),
        )


# --- PostgreSQL ------------------------------------------------------------------


def test_sql_proces_verbal_jamais_modifie(installation):
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE personnes_installation SET solde_caisse = 0 WHERE id = %s", [installation.pk]
        ),
        "ne sont ni modifiés ni supprimés",
    )
    refus_sql(
        lambda cur: cur.execute(
            "DELETE FROM personnes_installation WHERE id = %s", [installation.pk]
        ),
        "ne sont ni modifiés ni supprimés",
    )


INSERER_RESERVE = (
    "INSERT INTO personnes_reserve (installation_id, formulee_le, objet, enregistree_par_id, creee_le)"
    " VALUES (%s, %s, 'x', %s, now())"
)


def test_sql_reserve_apres_la_limite_refusee(installation, nouveau):
    refus_sql(
        lambda cur: cur.execute(INSERER_RESERVE, [installation.pk, D(2026, 7, 16), nouveau.pk]),
        "Réserve formulée le 16/07/2026, hors du délai ouvert du 15/01/2026 au 15/07/2026",
    )
    with connection.cursor() as cur:
        cur.execute(INSERER_RESERVE, [installation.pk, D(2026, 7, 15), nouveau.pk])
    assert Reserve.objects.filter(formulee_le=D(2026, 7, 15)).count() == 1


def test_sql_reserve_dans_la_prorogation_acceptee(installation, nouveau):
    with connection.cursor() as cur:
        cur.execute(
            "INSERT INTO personnes_prorogationreserves (installation_id, demandee_le, accordee_le,"
            " accordee_par, nouvelle_limite, enregistree_par_id, creee_le)"
            " VALUES (%s, '2026-07-01', '2026-07-10', 'DRASS', '2026-09-30', %s, now())",
            [installation.pk, nouveau.pk],
        )
        cur.execute(INSERER_RESERVE, [installation.pk, D(2026, 9, 30), nouveau.pk])
    refus_sql(
        lambda cur: cur.execute(INSERER_RESERVE, [installation.pk, D(2026, 10, 1), nouveau.pk]),
        "au 30/09/2026",
    )
