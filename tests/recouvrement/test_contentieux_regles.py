"""Rules of the contentious recovery found by review: the régime volontaire
concerns the cotisations only (annexe art. 13 al. 2: « le défaut de paiement
des cotisations »), nothing forced while a collective proceeding of the debtor
is open (al. 3), no réclamation recorded once compulsory recovery is engaged,
and a claim's stage never lowered by the commission's decision."""

import datetime

import pytest

from core.exceptions import TransitionInterdite
from recouvrement import contentieux as c
from recouvrement import contentieux_lecture as lecture
from recouvrement import contentieux_procedures as p
from recouvrement.a_echoir import DIRECTEUR, a_echoir
from recouvrement.models import Acte, Creance
from recouvrement.models_contentieux import (
    AvisCaisse,
    MiseEnDemeure,
    Poursuite,
    RecoursAmiable,
)
from tests.recouvrement.test_contentieux import _qualifier
from tests.savepoint import curseur_en_savepoint, refus_sql

pytestmark = pytest.mark.django_db

J = datetime.date


def _poursuivre(directrice, ligne):
    return c.poursuite_engager(
        acting_user=directrice,
        creance=ligne,
        type="contrainte",
        description="Contrainte signifiée par huissier",
    )


@pytest.fixture
def loyer_volontaire(directrice, comptable, ordre_loyer, horloge):
    """M. Petit's rent, handed over to the directeur; M. Petit is of the
    régime à titre volontaire; mise en demeure sent on 16/06/2026, its avis de
    réception signed the same day: the thirty days run to 16/07/2026."""
    ligne = ordre_loyer.lignes.get()
    debiteur = _qualifier(directrice, ligne, regime="volontaire", forme="personne")
    Creance.objects.filter(ligne=ligne).update(
        responsable="directeur",
        transmise_le=J(2026, 6, 15),
        transmise_par=comptable,
        stade="transmise",
    )
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ligne])
    c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 16))
    return ligne, debiteur, mise


def test_le_loyer_d_un_debiteur_volontaire_va_au_recouvrement_force(
    directrice, loyer_volontaire, horloge
):
    ligne, debiteur, _ = loyer_volontaire
    assert debiteur.regime == "volontaire"
    dus = [e for e in a_echoir(J(2026, 7, 1), DIRECTEUR) if e.debiteur == "M. Petit"]
    assert [(e.le, e.nature) for e in dus] == [(J(2026, 7, 17), "Recouvrement forcé")]
    assert lecture.dossier_de(ligne, J(2026, 7, 1)).prochaine == (
        "Délai de trente jours jusqu'au 16/07/2026 : recouvrement forcé à compter du 17/07/2026."
    )
    horloge(J(2026, 7, 17))
    assert lecture.dossier_de(ligne, J(2026, 7, 17)).prochaine.startswith(
        "Engager le recouvrement forcé : contrainte ou autre procédure"
    )
    with pytest.raises(TransitionInterdite) as refus:
        c.avis_caisse_adresser(acting_user=directrice, creance=ligne, destinataire="Caisse")
    assert refus.value.message.startswith(
        f"L'ordre n° {ligne.ordre.reference} (loyers) n'est pas une créance de cotisations : "
        "l'avis à la caisse ne concerne que le défaut de paiement des cotisations"
    )
    assert not AvisCaisse.objects.exists()
    poursuite = _poursuivre(directrice, ligne)
    assert poursuite.le == J(2026, 7, 17)
    creance = Creance.objects.get(ligne=ligne)
    assert creance.stade == Creance.Stade.POURSUITE
    assert creance.actes.filter(type=Acte.Type.CONTRAINTE).count() == 1


def test_la_page_du_loyer_d_un_volontaire_offre_le_recouvrement_force(
    client, directrice, loyer_volontaire, horloge
):
    from django.urls import reverse

    from tests.recouvrement.test_contentieux_pages import page

    ligne, _, _ = loyer_volontaire
    horloge(J(2026, 7, 17))
    client.force_login(directrice)
    texte = page(client.get(reverse("recouvrement:contentieux_creance", args=[ligne.pk])))
    assert "Engager le recouvrement forcé (après les trente jours)" in texte
    assert "Aviser la caisse du défaut de paiement des cotisations" not in texte


def test_les_cotisations_d_un_volontaire_restent_signalees_a_la_caisse(
    directrice, ordre_cotisation, horloge
):
    ligne = ordre_cotisation.lignes.get()
    _qualifier(directrice, ligne, regime="volontaire", forme="personne")
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ligne])
    c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 16))
    assert lecture.dossier_de(ligne, J(2026, 7, 1)).prochaine == (
        "Délai de trente jours jusqu'au 16/07/2026 : avis à la caisse à compter du 17/07/2026."
    )
    horloge(J(2026, 7, 17))
    with pytest.raises(TransitionInterdite) as refus:
        _poursuivre(directrice, ligne)
    assert refus.value.message.startswith(
        "Société Orion relève du régime à titre volontaire : pour ses cotisations, l'organisme "
        "avise sans délai la caisse du défaut de paiement"
    )
    assert c.avis_caisse_adresser(acting_user=directrice, creance=ligne, destinataire="Caisse")


def _inserer_avis(creance, mise, le):
    def faire(cur):
        cur.execute(
            "INSERT INTO recouvrement_aviscaisse (creance_id, mise_en_demeure_id, destinataire,"
            " le, montant, signataire_id, qualite, enregistre_le)"
            " VALUES (%s, %s, 'Caisse', %s, 1, %s, 'Directeur', now())",
            [creance.pk, mise.pk, le, mise.signataire_id],
        )

    return faire


def _inserer_poursuite(creance, mise, le):
    def faire(cur):
        cur.execute(
            "INSERT INTO recouvrement_poursuite (creance_id, mise_en_demeure_id, type, description,"
            " le, montant, signataire_id, qualite, enregistree_le)"
            " VALUES (%s, %s, 'contrainte', 'x', %s, 1, %s, 'Directeur', now())",
            [creance.pk, mise.pk, le, mise.signataire_id],
        )

    return faire


def test_postgresql_admet_la_contrainte_du_loyer_d_un_volontaire_et_refuse_son_avis(
    loyer_volontaire,
):
    ligne, _, mise = loyer_volontaire
    creance = Creance.objects.get(ligne=ligne)
    refus_sql(
        _inserer_avis(creance, mise, J(2026, 7, 17)),
        "L'avis à la caisse ne concerne que le défaut de paiement des cotisations",
    )
    with curseur_en_savepoint() as cur:
        _inserer_poursuite(creance, mise, J(2026, 7, 17))(cur)
    assert Poursuite.objects.filter(creance=creance, le=J(2026, 7, 17)).count() == 1


@pytest.fixture
def orion(directrice, ordre_cotisation):
    ligne = ordre_cotisation.lignes.get()
    return ligne, _qualifier(directrice, ligne)


def _ouvrir(directrice, debiteur, jugement_le):
    return p.procedure_ouvrir(
        acting_user=directrice,
        debiteur=debiteur,
        type="redressement",
        jugement_le=jugement_le,
        tribunal="Tribunal de commerce de Valmont",
        mandataire="Maître Roux, mandataire judiciaire",
        limite_declaration=J(2026, 8, 5),
    )


def test_pas_de_mise_en_demeure_pendant_une_procedure_collective(directrice, orion, horloge):
    ligne, debiteur = orion
    _ouvrir(directrice, debiteur, J(2026, 6, 1))
    horloge(J(2026, 6, 16))
    with pytest.raises(TransitionInterdite) as refus:
        c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ligne])
    assert refus.value.message == (
        "Société Orion fait l'objet d'une procédure de redressement judiciaire ouverte par "
        "jugement du 01/06/2026 (Tribunal de commerce de Valmont) ; la créance n'y est pas "
        "encore déclarée (au plus tard le 05/08/2026). Tant que cette procédure est en cours, "
        "la créance y est suivie : une mise en demeure n'est pas possible (annexe art. 13 al. 3)."
    )
    assert not MiseEnDemeure.objects.exists()
    assert Creance.objects.get(ligne=ligne).stade == Creance.Stade.PROCEDURE_COLLECTIVE


def test_pas_de_contrainte_pendant_une_procedure_collective_ouverte_apres_la_mise_en_demeure(
    directrice, orion, horloge
):
    ligne, debiteur = orion
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ligne])
    horloge(J(2026, 6, 26))
    c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 18))
    procedure = _ouvrir(directrice, debiteur, J(2026, 6, 25))
    creance = Creance.objects.get(ligne=ligne)
    assert creance.stade == Creance.Stade.PROCEDURE_COLLECTIVE
    p.declaration_enregistrer(
        acting_user=directrice,
        procedure=procedure,
        le=J(2026, 6, 26),
        montant_declare="2 400,00",
        creances=[creance.pk],
    )
    # A réclamation within the thirty days leaves the stage where it is.
    c.recours_saisir(acting_user=directrice, mise=mise, saisie_le=J(2026, 6, 26), objet="Assiette")
    assert Creance.objects.get(ligne=ligne).stade == Creance.Stade.PROCEDURE_COLLECTIVE
    horloge(J(2026, 8, 1))
    with pytest.raises(TransitionInterdite) as refus:
        _poursuivre(directrice, ligne)
    assert refus.value.message == (
        "Société Orion fait l'objet d'une procédure de redressement judiciaire ouverte par "
        "jugement du 25/06/2026 (Tribunal de commerce de Valmont) ; la créance y a été déclarée "
        "le 26/06/2026. Tant que cette procédure est en cours, la créance y est suivie : le "
        "recouvrement forcé n'est pas possible (annexe art. 13 al. 3)."
    )
    assert not Poursuite.objects.exists()
    assert not [e for e in a_echoir(J(2026, 8, 1), DIRECTEUR) if e.nature == "Recouvrement forcé"]
    assert Creance.objects.get(ligne=ligne).stade == Creance.Stade.PROCEDURE_COLLECTIVE
    # Its outcome recorded, the proceeding no longer stands in the way.
    p.issue_enregistrer(
        acting_user=directrice, procedure=procedure, le=J(2026, 8, 1), issue="Plan rejeté"
    )
    assert _poursuivre(directrice, ligne).le == J(2026, 8, 1)
    assert Creance.objects.get(ligne=ligne).stade == Creance.Stade.POURSUITE


@pytest.fixture
def mise(directrice, orion, horloge):
    """Mise en demeure of 16/06/2026, avis de réception of 18/06: thirty days to 18/07."""
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion[0]])
    horloge(J(2026, 6, 20))
    return c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 18))


def test_la_reclamation_enregistree_apres_la_contrainte_est_refusee(
    directrice, orion, mise, horloge
):
    ligne, _ = orion
    horloge(J(2026, 7, 19))
    _poursuivre(directrice, ligne)
    horloge(J(2026, 7, 21))
    with pytest.raises(TransitionInterdite) as refus:
        c.recours_saisir(
            acting_user=directrice, mise=mise, saisie_le=J(2026, 7, 18), objet="Assiette"
        )
    assert refus.value.message == (
        f"Le recouvrement forcé de l'ordre n° {ligne.ordre.reference} (contrainte) a été engagé "
        f"le 19/07/2026, après la mise en demeure n° {mise.reference} : la réclamation du "
        "18/07/2026 ne s'enregistre plus."
    )
    assert not RecoursAmiable.objects.exists()
    assert Creance.objects.get(ligne=ligne).stade == Creance.Stade.POURSUITE


def test_postgresql_refuse_la_reclamation_apres_la_contrainte(directrice, orion, mise, horloge):
    horloge(J(2026, 7, 19))
    _poursuivre(directrice, orion[0])

    def faire(cur):
        cur.execute(
            "INSERT INTO recouvrement_recoursamiable (mise_en_demeure_id, saisie_le, objet,"
            " fin_commission, enregistre_par_id, decision, decision_reference, decision_motifs)"
            " VALUES (%s, '2026-07-18', 'x', '2026-08-18', %s, '', '', '')",
            [mise.pk, mise.signataire_id],
        )

    refus_sql(
        faire,
        "Le recouvrement forcé a été engagé le 19/07/2026 : la réclamation du 18/07/2026 ne "
        "s'enregistre plus.",
    )


def test_la_decision_tardive_ne_fait_pas_redescendre_la_creance_poursuivie(
    directrice, orion, mise, horloge
):
    ligne, _ = orion
    horloge(J(2026, 7, 10))
    recours = c.recours_saisir(
        acting_user=directrice, mise=mise, saisie_le=J(2026, 7, 10), objet="Assiette"
    )
    assert Creance.objects.get(ligne=ligne).stade == Creance.Stade.RECOURS
    # The commission's month over without a decision: the directeur proceeds.
    horloge(J(2026, 8, 11))
    _poursuivre(directrice, ligne)
    horloge(J(2026, 8, 12))
    c.recours_decider(
        acting_user=directrice,
        recours=recours,
        decision="rejetee",
        decision_le=J(2026, 8, 12),
        reference="CRA-2026-20",
    )
    creance = Creance.objects.get(ligne=ligne)
    assert creance.stade == Creance.Stade.POURSUITE
    assert creance.actes.filter(type=Acte.Type.DECISION_CRA).count() == 1


def test_la_decision_ramene_la_creance_en_recours_a_la_mise_en_demeure(
    directrice, orion, mise, horloge
):
    horloge(J(2026, 7, 1))
    recours = c.recours_saisir(
        acting_user=directrice, mise=mise, saisie_le=J(2026, 7, 1), objet="Assiette"
    )
    c.recours_decider(
        acting_user=directrice,
        recours=recours,
        decision="rejetee",
        decision_le=J(2026, 7, 1),
        reference="CRA-2026-21",
    )
    assert Creance.objects.get(ligne=orion[0]).stade == Creance.Stade.MISE_EN_DEMEURE
