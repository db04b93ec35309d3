"""Who may receive a delegation, kept by PostgreSQL (personnes 0003) for SQL
written around the services (issue 10, point 2; circ. 93/82 §1.0, §1.1.1)."""

import datetime

import pytest

from personnes.models import Delegation, Fonction
from tests.factories import AffectationFactory
from tests.personnes.conftest import nommee, une_delegation
from tests.savepoint import curseur_en_savepoint, refus_sql

pytestmark = pytest.mark.django_db

INSERER_DELEGATION = (
    "INSERT INTO personnes_delegation (delegant_id, delegataire_id, type, nature, classes_comptes,"
    " montant_max, debut, fin, specimen_signature, notifiee_le, creee_le)"
    " VALUES (%s, %s, 'signature', 'ordre_recette', '', 50000, %s, %s, 'P. G.', %s, now())"
)
INSERER_AFFECTATION = "INSERT INTO personnes_affectation (utilisateur_id, fonction, debut, fin) VALUES (%s, %s, %s, %s)"
INSERER_INTERIM = (
    "INSERT INTO personnes_interim (utilisateur_id, nature, debut, fin, nomme_le, deliberation,"
    " cree_le) SELECT v.u, 'interimaire', v.d, v.f, v.d, 'CA n° 12', now()"
    " FROM (VALUES (%s::bigint, %s::date, %s::date)) v(u, d, f)"
)


def _deleguer(delegant, delegataire, debut="2025-01-01", fin="2025-12-31"):
    return lambda cur: cur.execute(
        INSERER_DELEGATION, [delegant.pk, delegataire.pk, debut, fin, debut]
    )


def test_postgresql_accepte_la_delegation_du_directeur_a_son_delegue(directrice, delegue):
    with curseur_en_savepoint() as cur:
        _deleguer(directrice, delegue)(cur)

    assert Delegation.objects.get().delegataire == delegue


def test_postgresql_refuse_la_delegation_d_un_auteur_qui_n_est_pas_directeur(comptable, delegue):
    comptable.first_name, comptable.last_name = "Jacques", "Berthier"
    comptable.save()

    refus = refus_sql(
        _deleguer(comptable, delegue),
        "Jacques Berthier n'est pas directeur le 01/01/2025 : seul le directeur délègue sa "
        "signature ou son pouvoir (circulaire 93/82 §1.0).",
    )

    assert refus.sqlstate == "LG601"
    assert not Delegation.objects.exists()


@pytest.mark.parametrize(
    ("fonction", "libelle"),
    [
        (Fonction.AUDITEUR, "auditeur (tutelle)"),
        (Fonction.AGENT_COMPTABLE, "agent comptable"),
        (Fonction.FONDE_DE_POUVOIR, "fondé de pouvoir"),
        (Fonction.MANDATAIRE, "mandataire"),
        (Fonction.REGISSEUR, "régisseur"),
    ],
)
def test_postgresql_refuse_la_delegation_au_cote_comptable_et_a_la_tutelle(
    directrice, delegue, fonction, libelle
):
    # Délégué, and from 1 September also on the agent comptable's side or the tutelle's.
    AffectationFactory(utilisateur=delegue, fonction=fonction, debut=datetime.date(2025, 9, 1))

    refus = refus_sql(
        _deleguer(directrice, delegue),
        f"Paul Girard exerce entre le 01/01/2025 et le 31/12/2025 une fonction pour l'agent "
        f"comptable ou la tutelle ({libelle}) : il ne reçoit pas de délégation du directeur",
    )

    assert refus.sqlstate == "LG602"
    # The same delegation, ending before he changes side, is accepted.
    with curseur_en_savepoint() as cur:
        _deleguer(directrice, delegue, fin="2025-08-31")(cur)
    assert Delegation.objects.get().fin == datetime.date(2025, 8, 31)


def test_postgresql_refuse_la_delegation_a_l_interimaire_de_l_agent_comptable(directrice, delegue):
    with curseur_en_savepoint() as cur:
        cur.execute(INSERER_INTERIM, [delegue.pk, "2025-06-01", "2025-11-30"])

    refus = refus_sql(_deleguer(directrice, delegue), "(intérim de l'agent comptable)")

    assert refus.sqlstate == "LG602"


def test_postgresql_refuse_la_delegation_a_qui_n_est_pas_delegue(directrice):
    arrive = nommee("arrive", "Léa", "Morin", Fonction.DELEGUE, debut=datetime.date(2025, 2, 1))

    refus = refus_sql(
        _deleguer(directrice, arrive),
        "Léa Morin n'est pas délégué du directeur le 01/01/2025 : la délégation va à un agent "
        "affecté à cette fonction (circulaire 93/82 §1.0).",
    )

    assert refus.sqlstate == "LG603"


def test_postgresql_refuse_de_changer_le_beneficiaire_pour_l_auditeur(
    directrice, delegue, auditeur
):
    delegation = une_delegation(directrice, delegue)

    refus = refus_sql(
        lambda cur: cur.execute(
            "UPDATE personnes_delegation SET delegataire_id = %s WHERE id = %s",
            [auditeur.pk, delegation.pk],
        ),
        "(auditeur (tutelle))",
    )

    assert refus.sqlstate == "LG602"
    assert Delegation.objects.get().delegataire == delegue


def test_postgresql_refuse_une_fonction_comptable_a_qui_tient_une_delegation(directrice, delegue):
    delegation = une_delegation(directrice, delegue)

    refus = refus_sql(
        lambda cur: cur.execute(
            INSERER_AFFECTATION, [delegue.pk, Fonction.REGISSEUR, "2025-06-01", None]
        ),
        f"Paul Girard tient la délégation n° {delegation.pk} du directeur du 01/01/2025 au "
        "31/12/2025 : la fonction de régisseur ne lui est pas donnée tant qu'elle dure ; "
        "retirez-la d'abord (circulaire 93/82 §1.0, §1.1.1).",
    )

    assert refus.sqlstate == "LG604"
    assert not delegue.affectations.filter(fonction=Fonction.REGISSEUR).exists()


def test_postgresql_refuse_l_auditeur_a_qui_tient_une_delegation_meme_non_notifiee(
    directrice, delegue
):
    une_delegation(directrice, delegue, notifiee_le=None)

    refus = refus_sql(
        lambda cur: cur.execute(
            INSERER_AFFECTATION, [delegue.pk, Fonction.AUDITEUR, "2025-12-31", "2026-12-31"]
        ),
        "la fonction d'auditeur (tutelle) ne lui est pas donnée",
    )

    assert refus.sqlstate == "LG604"


def test_la_fonction_se_donne_apres_le_retrait_ou_la_fin_de_la_delegation(directrice, delegue):
    une_delegation(directrice, delegue, retiree_le=datetime.date(2025, 6, 1))
    une_delegation(
        directrice,
        delegue,
        nature="ordre_depense",
        debut=datetime.date(2025, 1, 1),
        fin=datetime.date(2025, 5, 31),
    )

    with curseur_en_savepoint() as cur:
        cur.execute(INSERER_AFFECTATION, [delegue.pk, Fonction.MANDATAIRE, "2025-06-01", None])

    assert delegue.affectations.filter(fonction=Fonction.MANDATAIRE).exists()


def test_postgresql_refuse_l_interim_a_qui_tient_une_delegation(directrice, delegue):
    delegation = une_delegation(directrice, delegue)

    refus = refus_sql(
        lambda cur: cur.execute(INSERER_INTERIM, [delegue.pk, "2025-09-01", "2025-12-31"]),
        f"Paul Girard tient la délégation n° {delegation.pk} du directeur du 01/01/2025 au "
        "31/12/2025 : il n'assure pas l'intérim de l'agent comptable tant qu'elle dure",
    )

    assert refus.sqlstate == "LG605"
