"""Collective proceedings of a debtor company (annexe art. 13 al. 3): the
judgment, the declaration of the claim by the deadline the user enters (shown
to the directeur until made), events and the outcome, each journalled; and
PostgreSQL's guards of the contentious recovery (raw SQL)."""

import datetime
from decimal import Decimal

import pytest

from core.exceptions import DonneeInvalide, TransitionInterdite
from recouvrement import contentieux as c
from recouvrement import contentieux_lecture as lecture
from recouvrement import contentieux_procedures as p
from recouvrement.a_echoir import DIRECTEUR, a_echoir
from recouvrement.models import Acte, Creance
from tests.recouvrement.test_contentieux import _qualifier
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db

J = datetime.date


@pytest.fixture
def orion(directrice, ordre_cotisation):
    ligne = ordre_cotisation.lignes.get()
    debiteur = _qualifier(directrice, ligne)
    return ligne, debiteur


def _ouvrir(directrice, debiteur, **autres):
    valeurs = {
        "type": "redressement",
        "jugement_le": J(2026, 6, 1),
        "tribunal": "Tribunal de commerce de Valmont",
        "mandataire": "Maître Roux, mandataire judiciaire",
        "limite_declaration": J(2026, 8, 5),
    }
    valeurs.update(autres)
    return p.procedure_ouvrir(acting_user=directrice, debiteur=debiteur, **valeurs)


def test_le_redressement_judiciaire_est_suivi_jusqu_a_son_issue(directrice, orion):
    ligne, debiteur = orion
    procedure = _ouvrir(directrice, debiteur)
    creance = Creance.objects.get(ligne=ligne)
    assert creance.stade == Creance.Stade.PROCEDURE_COLLECTIVE
    ouverture = creance.actes.get(type=Acte.Type.PROCEDURE_COLLECTIVE)
    assert (
        "Procédure de redressement judiciaire ouverte par jugement du 01/06/2026"
        in ouverture.libelle
    )
    dues = [e for e in a_echoir(J(2026, 6, 15), DIRECTEUR) if e.nature == "Déclaration de créance"]
    assert [(e.le, e.debiteur) for e in dues] == [(J(2026, 8, 5), "Société Orion")]
    suite = lecture.dossiers(J(2026, 6, 9))
    assert [d.prochaine for d in suite] == [
        "Déclarer la créance à la procédure de redressement judiciaire au plus tard le 05/08/2026."
    ]
    p.declaration_enregistrer(
        acting_user=directrice,
        procedure=procedure,
        le=J(2026, 6, 10),
        montant_declare="2 400,00",
        creances=[creance.pk],
    )
    assert not [
        e for e in a_echoir(J(2026, 6, 15), DIRECTEUR) if e.nature == "Déclaration de créance"
    ]
    assert [d.prochaine for d in lecture.dossiers(J(2026, 6, 11))] == [
        "Suivre la procédure de redressement judiciaire ouverte le 01/06/2026 (créance déclarée) "
        "jusqu'à son issue."
    ]
    p.evenement_enregistrer(
        acting_user=directrice,
        procedure=procedure,
        le=J(2026, 6, 12),
        libelle="Période d'observation",
    )
    p.issue_enregistrer(
        acting_user=directrice,
        procedure=procedure,
        le=J(2026, 6, 14),
        issue="Plan de redressement arrêté sur dix ans",
    )
    types = list(creance.actes.values_list("type", flat=True))
    assert types == [
        Acte.Type.PROCEDURE_COLLECTIVE,
        Acte.Type.DECLARATION_CREANCE,
        Acte.Type.PROCEDURE_COLLECTIVE,
        Acte.Type.ISSUE_PROCEDURE,
    ]
    assert creance.actes.get(type=Acte.Type.DECLARATION_CREANCE).montant == Decimal("2400.00")
    with pytest.raises(TransitionInterdite, match="déjà enregistrée"):
        p.issue_enregistrer(
            acting_user=directrice, procedure=procedure, le=J(2026, 6, 15), issue="x"
        )


def test_la_date_limite_ne_precede_pas_le_jugement(directrice, orion):
    with pytest.raises(DonneeInvalide, match="ne peut précéder le 01/06/2026"):
        _ouvrir(directrice, orion[1], limite_declaration=J(2026, 5, 31))


def test_une_personne_physique_n_a_pas_de_procedure_collective(directrice, ordre_cotisation):
    debiteur = _qualifier(directrice, ordre_cotisation.lignes.get(), forme="personne")
    with pytest.raises(DonneeInvalide, match="n'est pas enregistré comme une entreprise"):
        _ouvrir(directrice, debiteur)


def test_l_agent_comptable_ne_suit_pas_les_procedures(comptable, orion):
    from core.exceptions import DroitInsuffisant

    with pytest.raises(DroitInsuffisant, match="suivre une procédure collective"):
        _ouvrir(comptable, orion[1])


# --- PostgreSQL --------------------------------------------------------------


@pytest.fixture
def mise(directrice, orion, horloge):
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion[0]])
    horloge(J(2026, 6, 20))
    return c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 18))


def _inserer_poursuite(mise, le):
    creance = Creance.objects.get(mises_en_demeure__mise_en_demeure=mise)

    def faire(cur):
        cur.execute(
            "INSERT INTO recouvrement_poursuite (creance_id, mise_en_demeure_id, type, description,"
            " le, montant, signataire_id, qualite, enregistree_le)"
            " VALUES (%s, %s, 'contrainte', 'x', %s, 1, %s, 'Directeur', now())",
            [creance.pk, mise.pk, le, mise.signataire_id],
        )

    return faire


def test_postgresql_refuse_une_contrainte_dans_les_trente_jours(mise):
    refus_sql(
        _inserer_poursuite(mise, J(2026, 7, 18)),
        "court jusqu'au 18/07/2026 inclus : rien avant le 19/07/2026",
    )


def test_postgresql_refuse_une_contrainte_pendant_le_mois_de_la_commission(
    directrice, mise, horloge
):
    horloge(J(2026, 7, 10))
    c.recours_saisir(acting_user=directrice, mise=mise, saisie_le=J(2026, 7, 10), objet="Assiette")
    refus_sql(
        _inserer_poursuite(mise, J(2026, 8, 10)),
        "La commission de recours amiable, saisie le 10/07/2026, a jusqu'au 10/08/2026",
    )


def test_postgresql_refuse_une_reclamation_hors_delai(mise):
    def faire(cur):
        cur.execute(
            "INSERT INTO recouvrement_recoursamiable (mise_en_demeure_id, saisie_le, objet,"
            " fin_commission, enregistre_par_id, decision, decision_reference, decision_motifs)"
            " VALUES (%s, '2026-07-19', 'x', '2026-08-19', %s, '', '', '')",
            [mise.pk, mise.signataire_id],
        )

    refus_sql(faire, "n'a pas été introduite dans le délai de trente jours")


def test_postgresql_garde_les_actes_et_l_avis_de_reception(mise, directrice, horloge):
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE recouvrement_miseendemeure SET avis_reception_le = '2026-06-19',"
            " fin_delai = '2026-07-19'"
        ),
        "seul l'avis de réception s'y inscrit, une fois",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM recouvrement_miseendemeure"),
        "Une mise en demeure enregistrée ne se supprime pas.",
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE recouvrement_miseendemeurecreance SET montant = 1"),
        "Les créances d'une mise en demeure ne se modifient ni ne se suppriment.",
    )
    horloge(J(2026, 7, 19))
    c.poursuite_engager(
        acting_user=directrice,
        creance=Creance.objects.get().ligne,
        type="contrainte",
        description="Contrainte",
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE recouvrement_poursuite SET description = 'y'"),
        "Une procédure de recouvrement forcé enregistrée ne se modifie ni ne se supprime.",
    )


def test_postgresql_refuse_la_contrainte_d_un_debiteur_volontaire(directrice, orion, horloge):
    ligne, debiteur = orion
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ligne])
    c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 16))
    c.debiteur_qualifier(
        acting_user=directrice, debiteur=debiteur, regime="volontaire", forme="entreprise"
    )
    refus_sql(_inserer_poursuite(mise, J(2026, 8, 1)), "relève du régime à titre volontaire")
