"""The directeur's contentious recovery (annexe art. 13 al. 1 and 2): the mise
en demeure and its thirty days from the avis de réception, the réclamation
before the commission de recours amiable within them and the commission's
month, compulsory recovery only after them, the avis à la caisse for the
régime volontaire; who may act (circ. 93/82 §2.0.5, §2.4.0)."""

import datetime

import pytest

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from personnes.models import Fonction
from recouvrement import contentieux as c
from recouvrement.a_echoir import DIRECTEUR, a_echoir
from recouvrement.models import Acte, Creance, Debiteur
from recouvrement.models_contentieux import MiseEnDemeure, Poursuite, RecoursAmiable
from tests.factories import personne

pytestmark = pytest.mark.django_db

J = datetime.date


@pytest.fixture
def orion(ordre_cotisation):
    """Société Orion's cotisations (échéance 15/06/2026), its line."""
    return ordre_cotisation.lignes.get()


def _qualifier(directrice, ligne, regime="obligatoire", forme="entreprise"):
    from django.db import transaction

    from recouvrement.services import creance_de

    with transaction.atomic():
        creance = creance_de(ligne, J(2026, 6, 15))
    return c.debiteur_qualifier(
        acting_user=directrice, debiteur=creance.debiteur, regime=regime, forme=forme
    )


@pytest.fixture
def mise(directrice, orion, horloge):
    """A mise en demeure sent on 16/06/2026, its avis de réception signed on 18/06/2026:
    the thirty days run to 18/07/2026 inclusive."""
    _qualifier(directrice, orion)
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion])
    horloge(J(2026, 6, 20))
    return c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 18))


def _poursuivre(directrice, ligne, type="contrainte"):
    return c.poursuite_engager(
        acting_user=directrice,
        creance=ligne,
        type=type,
        description="Contrainte signifiée par huissier",
    )


def test_pas_de_mise_en_demeure_avant_l_echeance(directrice, orion, horloge):
    horloge(J(2026, 6, 15))
    with pytest.raises(TransitionInterdite) as refus:
        c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion])
    assert "vient à échéance le 15/06/2026" in refus.value.message
    assert "à compter du 16/06/2026" in refus.value.message
    assert not MiseEnDemeure.objects.exists()


def test_la_mise_en_demeure_est_journalisee_et_le_delai_court_de_l_avis(mise, orion):
    assert mise.envoyee_le == J(2026, 6, 16)
    assert mise.fin_delai == J(2026, 7, 18)
    assert str(mise.montant) == "2400.00"
    creance = Creance.objects.get(ligne=orion)
    assert creance.stade == Creance.Stade.MISE_EN_DEMEURE
    types = list(creance.actes.values_list("type", flat=True))
    assert types == [Acte.Type.MISE_EN_DEMEURE, Acte.Type.AVIS_RECEPTION]
    assert "jusqu'au 18/07/2026" in creance.actes.get(type=Acte.Type.AVIS_RECEPTION).libelle


def test_l_avis_de_reception_ne_s_enregistre_qu_une_fois(mise, directrice):
    with pytest.raises(TransitionInterdite, match="déjà enregistré"):
        c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 19))


def test_l_avis_de_reception_ne_precede_pas_l_envoi(directrice, orion, horloge):
    _qualifier(directrice, orion)
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion])
    with pytest.raises(DonneeInvalide, match="ne peut précéder le 16/06/2026"):
        c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 15))


def test_pas_de_mise_en_demeure_d_une_creance_reglee(
    directrice, comptable, comptes, orion, horloge
):
    from tresorerie import services as t

    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant="2400.00",
        payeur="Société Orion",
        objet="Cotisations de février",
        repartitions=[t.Repartition(orion, orion.montant)],
    )
    horloge(J(2026, 6, 16))
    with pytest.raises(TransitionInterdite, match="est réglée"):
        c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion])


def test_la_contrainte_est_refusee_le_trentieme_jour_et_admise_le_trente_et_unieme(
    mise, directrice, orion, horloge
):
    horloge(J(2026, 7, 18))
    with pytest.raises(TransitionInterdite) as refus:
        _poursuivre(directrice, orion)
    assert refus.value.message == (
        "Le délai de trente jours de la mise en demeure court depuis l'avis de réception du "
        "18/06/2026 jusqu'au 18/07/2026 inclus : le recouvrement forcé n'est possible qu'à "
        "compter du 19/07/2026 (annexe art. 13)."
    )
    assert not Poursuite.objects.exists()
    horloge(J(2026, 7, 19))
    poursuite = _poursuivre(directrice, orion)
    assert poursuite.le == J(2026, 7, 19)
    creance = Creance.objects.get(ligne=orion)
    assert creance.stade == Creance.Stade.POURSUITE
    acte = creance.actes.get(type=Acte.Type.CONTRAINTE)
    assert acte.libelle == "Contrainte : Contrainte signifiée par huissier"
    assert str(acte.montant) == "2400.00"


def test_l_autre_procedure_est_journalisee_comme_telle(mise, directrice, orion, horloge):
    horloge(J(2026, 7, 19))
    _poursuivre(directrice, orion, type="autre")
    acte = Creance.objects.get(ligne=orion).actes.get(type=Acte.Type.AUTRE_PROCEDURE)
    assert acte.libelle.startswith("Autre procédure (articles R. 612-11 à R. 612-13, R. 612-17)")


def test_pas_de_contrainte_sans_avis_de_reception(directrice, orion, horloge):
    _qualifier(directrice, orion)
    horloge(J(2026, 6, 16))
    c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion])
    horloge(J(2026, 9, 1))
    with pytest.raises(TransitionInterdite) as refus:
        _poursuivre(directrice, orion)
    assert "L'avis de réception de la mise en demeure du 16/06/2026" in refus.value.message
    assert "n'a pas commencé à courir" in refus.value.message


def test_pas_de_contrainte_sans_mise_en_demeure(directrice, orion, horloge):
    _qualifier(directrice, orion)
    horloge(J(2026, 9, 1))
    with pytest.raises(TransitionInterdite, match="n'a pas été mise en demeure"):
        _poursuivre(directrice, orion)


def test_la_reclamation_dans_les_trente_jours_suspend_pendant_le_mois_de_la_commission(
    mise, directrice, orion, horloge
):
    horloge(J(2026, 7, 18))
    recours = c.recours_saisir(
        acting_user=directrice, mise=mise, saisie_le=J(2026, 7, 18), objet="Assiette contestée"
    )
    assert recours.fin_commission == J(2026, 8, 18)
    assert Creance.objects.get(ligne=orion).stade == Creance.Stade.RECOURS
    dus = [e for e in a_echoir(J(2026, 7, 18), DIRECTEUR) if e.debiteur == "Société Orion"]
    assert [(e.le, e.nature) for e in dus] == [(J(2026, 8, 18), "Commission de recours amiable")]
    horloge(J(2026, 8, 18))
    with pytest.raises(TransitionInterdite) as refus:
        _poursuivre(directrice, orion)
    assert refus.value.message.startswith(
        "La commission de recours amiable, saisie le 18/07/2026, a jusqu'au 18/08/2026 pour "
        "statuer sur la réclamation"
    )
    # The month over without a decision « fondée »: the seed leaves no suspension.
    horloge(J(2026, 8, 19))
    assert _poursuivre(directrice, orion).type == "contrainte"


def test_la_reclamation_apres_les_trente_jours_est_refusee(mise, directrice, horloge):
    horloge(J(2026, 7, 25))
    with pytest.raises(TransitionInterdite) as refus:
        c.recours_saisir(
            acting_user=directrice, mise=mise, saisie_le=J(2026, 7, 19), objet="Assiette"
        )
    assert refus.value.message.startswith(
        "La réclamation du 19/07/2026 est hors délai : elle devait être introduite devant la "
        "commission de recours amiable dans le délai de trente jours de la mise en demeure, "
        "ouvert par l'avis de réception du 18/06/2026 et expiré le 18/07/2026"
    )
    assert not RecoursAmiable.objects.exists()


def test_le_mois_de_la_commission_finit_au_dernier_jour_du_mois_suivant():
    from recouvrement.contentieux_communs import un_mois_apres

    assert un_mois_apres(J(2026, 1, 31)) == J(2026, 2, 28)
    assert un_mois_apres(J(2026, 12, 15)) == J(2027, 1, 15)


def test_une_reclamation_fondee_exclut_le_recouvrement_force(mise, directrice, orion, horloge):
    horloge(J(2026, 7, 1))
    recours = c.recours_saisir(
        acting_user=directrice, mise=mise, saisie_le=J(2026, 6, 30), objet="Double emploi"
    )
    c.recours_decider(
        acting_user=directrice,
        recours=recours,
        decision="fondee",
        decision_le=J(2026, 7, 1),
        reference="CRA-2026-14",
    )
    creance = Creance.objects.get(ligne=orion)
    decision = creance.actes.get(type=Acte.Type.DECISION_CRA)
    assert "réclamation fondée" in decision.libelle
    assert "rectifie l'ordre de recette" in decision.resultat
    horloge(J(2026, 9, 1))
    with pytest.raises(TransitionInterdite) as refus:
        _poursuivre(directrice, orion)
    assert "a reconnu la réclamation fondée le 01/07/2026 (décision n° CRA-2026-14)" in (
        refus.value.message
    )


def test_une_reclamation_rejetee_laisse_poursuivre_apres_les_trente_jours(
    mise, directrice, orion, horloge
):
    horloge(J(2026, 7, 1))
    recours = c.recours_saisir(
        acting_user=directrice, mise=mise, saisie_le=J(2026, 6, 30), objet="Délais"
    )
    c.recours_decider(
        acting_user=directrice,
        recours=recours,
        decision="rejetee",
        decision_le=J(2026, 7, 1),
        reference="CRA-2026-15",
    )
    with pytest.raises(TransitionInterdite, match="jusqu'au 18/07/2026 inclus"):
        _poursuivre(directrice, orion)
    horloge(J(2026, 7, 19))
    assert _poursuivre(directrice, orion)


def test_le_regime_volontaire_est_signale_a_la_caisse(directrice, orion, horloge):
    _qualifier(directrice, orion, regime="volontaire", forme="personne")
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion])
    c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 16))
    # Due the day after the thirty days, for the directeur.
    dus = [e for e in a_echoir(J(2026, 7, 1), DIRECTEUR) if e.nature == "Avis à la caisse"]
    assert [e.le for e in dus] == [J(2026, 7, 17)]
    horloge(J(2026, 7, 17))
    with pytest.raises(TransitionInterdite) as refus:
        _poursuivre(directrice, orion)
    assert "relève du régime à titre volontaire" in refus.value.message
    avis = c.avis_caisse_adresser(
        acting_user=directrice, creance=orion, destinataire="Caisse nationale"
    )
    assert avis.le == J(2026, 7, 17)
    creance = Creance.objects.get(ligne=orion)
    assert creance.stade == Creance.Stade.AVIS_CAISSE
    assert creance.actes.filter(type=Acte.Type.AVIS_CAISSE).count() == 1
    assert not [e for e in a_echoir(J(2026, 7, 17), DIRECTEUR) if e.nature == "Avis à la caisse"]


def test_pas_d_avis_a_la_caisse_pour_le_regime_obligatoire(mise, directrice, orion, horloge):
    horloge(J(2026, 7, 19))
    with pytest.raises(TransitionInterdite, match="ne relève pas du régime à titre volontaire"):
        c.avis_caisse_adresser(acting_user=directrice, creance=orion, destinataire="Caisse")


def test_le_regime_d_un_cotisant_doit_etre_connu(directrice, orion, horloge):
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion])
    c.avis_reception_enregistrer(acting_user=directrice, mise=mise, le=J(2026, 6, 16))
    horloge(J(2026, 7, 20))
    with pytest.raises(DonneeInvalide, match="régime à titre obligatoire ou à titre volontaire"):
        _poursuivre(directrice, orion)
    assert Debiteur.objects.get().regime == "sans_objet"


def test_l_agent_comptable_est_refuse(comptable, orion, horloge):
    horloge(J(2026, 6, 16))
    with pytest.raises(DroitInsuffisant) as refus:
        c.mise_en_demeure_envoyer(acting_user=comptable, lignes=[orion])
    assert refus.value.message.startswith(
        "Seul l'ordonnateur (le directeur ou son délégué) peut adresser une mise en demeure"
    )
    assert not MiseEnDemeure.objects.exists()


def test_l_auditeur_est_refuse(auditeur, orion, horloge):
    horloge(J(2026, 6, 16))
    with pytest.raises(DroitInsuffisant):
        c.mise_en_demeure_envoyer(acting_user=auditeur, lignes=[orion])


def test_un_loyer_reste_a_l_agent_comptable_jusqu_a_sa_transmission(
    directrice, ordre_loyer, horloge
):
    horloge(J(2026, 6, 16))
    with pytest.raises(TransitionInterdite, match="recouvrée à l'amiable par l'agent comptable"):
        c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ordre_loyer.lignes.get()])


def test_un_loyer_transmis_au_directeur_est_mis_en_demeure(
    directrice, comptable, ordre_loyer, horloge
):
    from django.db import transaction

    from recouvrement.services import creance_de

    ligne = ordre_loyer.lignes.get()
    with transaction.atomic():
        creance = creance_de(ligne, J(2026, 6, 15))
    Creance.objects.filter(pk=creance.pk).update(
        responsable="directeur",
        transmise_le=J(2026, 6, 15),
        transmise_par=comptable,
        stade="transmise",
    )
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[ligne.pk])
    assert mise.debiteur.nom == "M. Petit"


def test_un_delegue_sans_delegation_est_refuse(orion, horloge):
    delegue = personne("delegue", Fonction.DELEGUE)
    horloge(J(2026, 6, 16))
    with pytest.raises(DroitInsuffisant, match="n'avez reçu de lui aucune délégation"):
        c.mise_en_demeure_envoyer(acting_user=delegue, lignes=[orion])


def test_le_recouvrement_force_est_du_le_lendemain_des_trente_jours_sauf_creance_reglee(
    mise, directrice, comptable, comptes, orion
):
    dus = [e for e in a_echoir(J(2026, 7, 1), DIRECTEUR) if e.nature == "Recouvrement forcé"]
    assert [(e.le, e.debiteur) for e in dus] == [(J(2026, 7, 19), "Société Orion")]
    assert "Fin du délai de trente jours de la mise en demeure" in dus[0].quoi
    from tresorerie import services as t

    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["BANQUE"],
        moyen="virement",
        montant="2400.00",
        payeur="Société Orion",
        objet="Cotisations de février",
        repartitions=[t.Repartition(orion, orion.montant)],
    )
    assert not [e for e in a_echoir(J(2026, 7, 1), DIRECTEUR) if e.nature == "Recouvrement forcé"]


def _deleguer(directrice, comptable, delegue, *, fin, montant_max="5000.00"):
    from personnes.services import delegation_creer, delegation_notifier

    delegation = delegation_creer(
        acting_user=directrice,
        delegataire=delegue,
        type="signature",
        nature="ordre_recette",
        debut=J(2026, 1, 1),
        fin=fin,
        specimen_signature="D. Legrand",
        montant_max=montant_max,
        classes_comptes="75",
    )
    delegation_notifier(acting_user=comptable, delegation=delegation, le=J(2026, 1, 2))
    return delegation


def test_un_delegue_agit_dans_sa_delegation_valable_ce_jour(directrice, comptable, orion, horloge):
    delegue = personne("delegue", Fonction.DELEGUE)
    _deleguer(directrice, comptable, delegue, fin=J(2026, 6, 30))
    horloge(J(2026, 6, 16))
    mise = c.mise_en_demeure_envoyer(acting_user=delegue, lignes=[orion])
    assert mise.qualite.startswith("Délégué du directeur (délégation de signature n°")
    assert Creance.objects.get().actes.get().qualite == mise.qualite
    horloge(J(2026, 7, 1))
    with pytest.raises(DroitInsuffisant, match="ne vaut que du 01/01/2026 au 30/06/2026"):
        c.avis_reception_enregistrer(acting_user=delegue, mise=mise, le=J(2026, 6, 18))


def test_un_delegue_est_borne_par_le_plafond_de_sa_delegation(
    directrice, comptable, orion, horloge
):
    delegue = personne("delegue", Fonction.DELEGUE)
    _deleguer(directrice, comptable, delegue, fin=J(2026, 12, 31), montant_max="1000.00")
    horloge(J(2026, 6, 16))
    with pytest.raises(DroitInsuffisant, match="dépasse le plafond de 1\xa0000,00\xa0€"):
        c.mise_en_demeure_envoyer(acting_user=delegue, lignes=[orion])


def test_pas_de_mise_en_demeure_pendant_un_delai_de_paiement(directrice, orion, horloge):
    from django.db import transaction

    from recouvrement.services import creance_de

    with transaction.atomic():
        creance = creance_de(orion, J(2026, 6, 15))
    # The stage a payment delay granted leaves (recouvrement.amiable_delais).
    Creance.objects.filter(pk=creance.pk).update(stade=Creance.Stade.DELAI)
    horloge(J(2026, 6, 16))
    with pytest.raises(TransitionInterdite, match="fait l'objet d'un délai de paiement en cours"):
        c.mise_en_demeure_envoyer(acting_user=directrice, lignes=[orion])


def test_apres_la_mise_en_demeure_plus_de_relance_ni_de_delai_amiable(
    mise, directrice, orion, horloge
):
    from recouvrement import amiable
    from recouvrement.amiable_lecture import creances_impayees

    horloge(J(2026, 6, 22))
    with pytest.raises(TransitionInterdite) as refus:
        amiable.relances_envoyer(acting_user=directrice, lignes=[orion])
    assert "est en recouvrement contentieux (stade : mise en demeure)" in str(refus.value)
    assert not Acte.objects.filter(type=Acte.Type.RELANCE).exists()
    # The amicable list leaves it to the contentious page.
    assert orion.pk not in {s.ligne.pk for s in creances_impayees(J(2026, 6, 22))}
