"""Fondés de pouvoir and their procurations (issue 12 point 1; circ. 93/82 §1.1.1):
two at most, each acting within the procuration the board approved."""

import datetime
from decimal import Decimal

import pytest

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from core.money import format_euros
from personnes.models import Fonction, Interim, Procuration
from personnes.permissions import exiger_dans_procuration
from personnes.services_procurations import procuration_enregistrer
from tests.factories import AffectationFactory
from tests.personnes.conftest import nommee
from tests.savepoint import curseur_en_savepoint, refus_sql

pytestmark = pytest.mark.django_db

D = datetime.date
INSERER_PROCURATION = (
    "INSERT INTO personnes_procuration (fonde_id, agent_comptable_id, enregistree_par_id, debut,"
    " agreee_le, deliberation, actes, creee_le) VALUES (%s, %s, %s, %s, %s, 'CA 1', '', now())"
)
INSERER_AFFECTATION = "INSERT INTO personnes_affectation (utilisateur_id, fonction, debut, fin) VALUES (%s, %s, %s, %s)"


@pytest.fixture
def fondes(db):
    return [
        nommee("fonde", "Claire", "Roussel", Fonction.FONDE_DE_POUVOIR),
        nommee("fonde2", "Marc", "Dumas", Fonction.FONDE_DE_POUVOIR),
    ]


def _enregistrer(directrice, fonde, **champs) -> Procuration:
    valeurs = {
        "debut": D(2026, 3, 1),
        "agreee_le": D(2026, 2, 20),
        "deliberation": "CA 2026-04",
        "actes": "caisse.arreter, paiement.payer",
        "montant_max": "5000",
    }
    valeurs.update(champs)
    return procuration_enregistrer(acting_user=directrice, fonde=fonde, **valeurs)


def test_le_directeur_enregistre_la_procuration_agreee(directrice, comptable, fondes):
    procuration = _enregistrer(directrice, fondes[0])

    assert procuration.agent_comptable == comptable
    assert procuration.actes == "caisse.arreter,paiement.payer"
    assert procuration.montant_max == Decimal("5000.00")
    ligne = JournalAudit.objects.get(acte="procuration.enregistree")
    assert ligne.acteur == directrice
    assert ligne.apres["deliberation"] == "CA 2026-04"
    assert ligne.apres["agreee_le"] == "2026-02-20"


def test_un_troisieme_fonde_de_pouvoir_est_refuse(directrice, comptable, fondes):
    # Claire Roussel leaves her function on 31 March, but her procuration was not ended.
    fondes[0].affectations.update(fin=D(2026, 3, 31))
    _enregistrer(directrice, fondes[0])
    _enregistrer(directrice, fondes[1], debut=D(2026, 4, 1))
    troisieme = nommee("fonde3", "Luc", "Fabre", Fonction.FONDE_DE_POUVOIR, debut=D(2026, 4, 1))

    with pytest.raises(TransitionInterdite) as erreur:
        _enregistrer(directrice, troisieme, debut=D(2026, 4, 1))

    assert erreur.value.message == (
        "Claire Roussel et Marc Dumas sont déjà fondés de pouvoir, munis d'une procuration, le "
        "01/04/2026 : le nombre de fondés de pouvoir ne saurait être supérieur à deux "
        "(circulaire 93/82 §1.1.1)."
    )
    assert Procuration.objects.count() == 2
    # Her procuration ended with her function, the third is no longer a third.
    Procuration.objects.filter(fonde=fondes[0]).update(fin=D(2026, 3, 31))
    _enregistrer(directrice, troisieme, debut=D(2026, 4, 1))
    assert Procuration.objects.count() == 3


@pytest.mark.parametrize(
    ("champs", "message"),
    [
        (
            {"agreee_le": D(2026, 3, 2)},
            "avant l'agrément du conseil d'administration du 02/03/2026",
        ),
        ({"agreee_le": D(2026, 7, 1), "debut": D(2026, 7, 1)}, "n'est pas encore venu"),
        ({"deliberation": "  "}, "cite la délibération du conseil d'administration"),
        ({"actes": "caisse arreter"}, "« caisse arreter » n'est pas un code d'acte"),
        ({"montant_max": "-3"}, "plafond"),
    ],
)
def test_la_procuration_mal_formee_est_refusee(directrice, comptable, fondes, champs, message):
    with pytest.raises(DonneeInvalide, match=message):
        _enregistrer(directrice, fondes[0], **champs)
    assert not Procuration.objects.exists()


def test_seul_le_directeur_enregistre_et_seulement_pour_un_fonde(directrice, comptable, fondes):
    with pytest.raises(DroitInsuffisant, match="Seul le directeur enregistre la procuration"):
        _enregistrer(comptable, fondes[0])
    regisseur = nommee("regisseur", "Luc", "Fabre", Fonction.REGISSEUR)
    with pytest.raises(DonneeInvalide, match="Luc Fabre n'est pas fondé de pouvoir"):
        _enregistrer(directrice, regisseur)
    assert not Procuration.objects.exists()


def test_l_acte_au_dela_de_la_procuration_est_refuse(directrice, comptable, fondes):
    procuration = _enregistrer(directrice, fondes[0])
    le = D(2026, 6, 15)

    assert exiger_dans_procuration(fondes[0], "caisse.arreter", Decimal("4999.99"), le) == (
        procuration
    )
    assert exiger_dans_procuration(fondes[0], "paiement.payer", None, le) == procuration
    with pytest.raises(DroitInsuffisant) as erreur:
        exiger_dans_procuration(fondes[0], "caisse.arreter", Decimal("5000.01"), le)
    assert erreur.value.message == (
        f"Le montant de {format_euros(Decimal('5000.01'))} dépasse le plafond de "
        f"{format_euros(Decimal('5000'))} de votre procuration n° "
        f"{procuration.pk} (délibération CA 2026-04 du 20/02/2026) (circulaire 93/82 §1.1.1)."
    )
    with pytest.raises(DroitInsuffisant) as erreur:
        exiger_dans_procuration(fondes[0], "exercice.clore", None, le)
    assert erreur.value.message == (
        f"Votre procuration n° {procuration.pk} (délibération CA 2026-04 du 20/02/2026) ne vous "
        "permet que les actes caisse.arreter, paiement.payer : pas « exercice.clore » "
        "(circulaire 93/82 §1.1.1)."
    )
    # Before its first day, and for the other fondé: no procuration at all.
    for qui, jour in ((fondes[0], D(2026, 2, 28)), (fondes[1], le)):
        with pytest.raises(DroitInsuffisant, match="sans procuration en vigueur agréée"):
            exiger_dans_procuration(qui, "caisse.arreter", None, jour)


def test_la_regle_ne_vise_que_qui_agit_comme_fonde_de_pouvoir(directrice, comptable, fondes):
    # The agent comptable himself, and someone who is no fondé: not concerned.
    assert (
        exiger_dans_procuration(comptable, "exercice.clore", Decimal("1e6"), D(2026, 6, 15)) is None
    )
    assert exiger_dans_procuration(directrice, "caisse.arreter", None, D(2026, 6, 15)) is None
    # The fondé faisant fonction d'agent comptable holds the functions themselves (§1.1.2).
    Interim.objects.create(
        utilisateur=fondes[1],
        nature=Interim.Nature.FONDE_DE_POUVOIR,
        debut=D(2026, 6, 1),
        fin=D(2026, 6, 30),
    )
    assert exiger_dans_procuration(fondes[1], "exercice.clore", None, D(2026, 6, 15)) is None
    with pytest.raises(DroitInsuffisant):
        exiger_dans_procuration(fondes[1], "exercice.clore", None, D(2026, 7, 1))


def test_postgresql_refuse_un_troisieme_fonde_de_pouvoir(fondes):
    troisieme = nommee("fonde3", "Luc", "Fabre", Fonction.MANDATAIRE)
    refus = refus_sql(
        lambda cur: cur.execute(
            INSERER_AFFECTATION, [troisieme.pk, "fonde_de_pouvoir", "2026-01-01", None]
        ),
        "Avec Luc Fabre, 3 personnes seraient fondés de pouvoir de l'agent comptable le "
        "01/01/2026 : le nombre de fondés de pouvoir ne saurait être supérieur à deux "
        "(circulaire 93/82 §1.1.1).",
    )
    assert refus.sqlstate == "LG607"
    # Once one of the two has left, the third may come.
    fondes[1].affectations.update(fin=D(2025, 12, 31))
    with curseur_en_savepoint() as cur:
        cur.execute(INSERER_AFFECTATION, [troisieme.pk, "fonde_de_pouvoir", "2026-01-01", None])
    assert troisieme.affectations.filter(fonction=Fonction.FONDE_DE_POUVOIR).exists()


def test_postgresql_garde_les_procurations(directrice, comptable, fondes):
    mandataire = nommee("mandataire", "Luc", "Fabre", Fonction.MANDATAIRE)
    refus = refus_sql(
        lambda cur: cur.execute(
            INSERER_PROCURATION,
            [mandataire.pk, comptable.pk, directrice.pk, "2026-03-01", "2026-02-20"],
        ),
        "Luc Fabre n'est pas fondé de pouvoir de l'agent comptable le 01/03/2026",
    )
    assert refus.sqlstate == "LG608"
    with curseur_en_savepoint() as cur:
        for fonde in fondes:
            cur.execute(
                INSERER_PROCURATION,
                [fonde.pk, comptable.pk, directrice.pk, "2026-03-01", "2026-02-20"],
            )
    # Marc Dumas leaves his function at the end of 2026, his procuration stays open.
    fondes[1].affectations.update(fin=D(2026, 12, 31))
    AffectationFactory(
        utilisateur=mandataire, fonction=Fonction.FONDE_DE_POUVOIR, debut=D(2027, 1, 1)
    )
    refus = refus_sql(
        lambda cur: cur.execute(
            INSERER_PROCURATION,
            [mandataire.pk, comptable.pk, directrice.pk, "2027-01-01", "2026-12-20"],
        ),
        "3 personnes seraient fondés de pouvoir de l'agent comptable le 01/01/2027",
    )
    assert refus.sqlstate == "LG607"
    refus = refus_sql(
        lambda cur: cur.execute("UPDATE personnes_procuration SET montant_max = 1e9"),
        "Une procuration agréée par le conseil d'administration ne se modifie ni ne se supprime",
    )
    assert refus.sqlstate == "LG609"
    assert Procuration.objects.count() == 2
