"""The mise en cause and the ordre de recette against the agent comptable
(circ. 93/82 §6.0, §6.1): who acts, the agent comptable of the day of the
facts, the letters on fraud, the posting 429 / the account of the loss."""

import datetime
from decimal import Decimal

import pytest

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from ledger.models import Ligne
from personnes.models import Fonction, Interim
from responsabilite import selectors, services
from responsabilite.models import MiseEnCause, OrdreDebet
from tests.factories import personne

pytestmark = pytest.mark.django_db
D = datetime.date


def test_la_mise_en_cause_vise_l_agent_comptable_des_faits(mise, comptable):
    assert mise.agent_comptable == comptable
    assert mise.information_drass_le is None and not mise.fraude
    assert JournalAudit.objects.filter(acte="responsabilite.mise_en_cause").count() == 1


def test_pendant_un_interim_l_interimaire_est_mis_en_cause(directrice, comptable, annee):
    remplacant = personne("remplacant", Fonction.FONDE_DE_POUVOIR)
    Interim.objects.create(
        utilisateur=remplacant,
        nature="interimaire",
        debut=D(annee, 2, 1),
        fin=D(annee, 4, 30),
        nomme_le=D(annee, 2, 1),
        deliberation="CA n° 12",
    )
    mise = services.mise_en_cause_enregistrer(
        acting_user=directrice,
        auteur="tutelle",
        decide_le=D(annee, 6, 1),
        faits_le=D(annee, 3, 15),
        motifs="Manquant",
        montant="10",
    )
    assert mise.agent_comptable == remplacant


def test_sur_fraude_les_lettres_sont_datees_du_jour(directrice, comptable, annee):
    mise = services.mise_en_cause_enregistrer(
        acting_user=directrice,
        auteur="conseil_fraude",
        decide_le=D(annee, 6, 1),
        faits_le=D(annee, 5, 2),
        motifs="Détournement par un agent de la caisse",
        montant="500",
        fraude=True,
    )
    assert mise.information_drass_le == D(annee, 6, 15)
    assert mise.information_nationale_le == D(annee, 6, 15)


def test_le_conseil_d_office_seulement_pour_fraude(directrice, comptable, annee):
    with pytest.raises(DonneeInvalide, match="qu'en cas de fraude"):
        services.mise_en_cause_enregistrer(
            acting_user=directrice,
            auteur="conseil_fraude",
            decide_le=D(annee, 6, 1),
            faits_le=D(annee, 5, 2),
            motifs="x",
            montant="5",
        )
    assert not MiseEnCause.objects.exists()


def test_le_montant_se_saisit_en_euros_et_centimes(directrice, comptable, annee):
    def mettre_en_cause(montant):
        return services.mise_en_cause_enregistrer(
            acting_user=directrice,
            auteur="tutelle",
            decide_le=D(annee, 6, 1),
            faits_le=D(annee, 5, 2),
            motifs="Manquant",
            montant=montant,
        )

    for faux, message in (
        ("10,001", "plus de deux décimales"),
        ("-5", "ne peut pas être négatif"),
        ("0", "strictement positif"),
        ("dix", "pas un nombre"),
    ):
        with pytest.raises(DonneeInvalide, match=message):
            mettre_en_cause(faux)
    assert not MiseEnCause.objects.exists()
    assert mettre_en_cause("1 234,56").montant == Decimal("1234.56")


def test_seul_le_directeur_met_en_cause(comptable, annee):
    with pytest.raises(DroitInsuffisant, match="Seul le directeur"):
        services.mise_en_cause_enregistrer(
            acting_user=comptable,
            auteur="tutelle",
            decide_le=D(annee, 6, 1),
            faits_le=D(annee, 5, 2),
            motifs="x",
            montant="5",
        )


def test_l_ordre_est_emis_numerote_et_comptabilise_au_debet(ordre, comptable, annee):
    assert ordre.reference == f"DEB-{annee}-0001"
    assert ordre.etat == OrdreDebet.Etat.EMIS and ordre.montant == Decimal("1234.56")
    services.ordre_debet_comptabiliser(acting_user=comptable, ordre=ordre)
    ordre.refresh_from_db()
    lignes = {
        (lg.compte.numero, lg.debit, lg.credit)
        for lg in Ligne.objects.filter(ecriture=ordre.ecriture)
    }
    assert lignes == {("429", Decimal("1234.56"), 0), ("531", 0, Decimal("1234.56"))}
    with pytest.raises(TransitionInterdite, match="déjà comptabilisé"):
        services.ordre_debet_comptabiliser(acting_user=comptable, ordre=ordre)


def test_l_agent_comptable_ne_peut_emettre_un_ordre_contre_lui(mise, comptable):
    with pytest.raises(DroitInsuffisant, match="à son propre encontre"):
        services.ordre_debet_emettre(acting_user=comptable, mise_en_cause=mise, compte="531")
    assert not OrdreDebet.objects.exists()


def test_un_seul_ordre_par_mise_en_cause_et_pas_au_dela_du_montant(mise, directrice):
    with pytest.raises(DonneeInvalide, match="ne peut dépasser"):
        services.ordre_debet_emettre(
            acting_user=directrice, mise_en_cause=mise, compte="531", montant="2000"
        )
    services.ordre_debet_emettre(acting_user=directrice, mise_en_cause=mise, compte="531")
    with pytest.raises(TransitionInterdite, match="déjà émis"):
        services.ordre_debet_emettre(acting_user=directrice, mise_en_cause=mise, compte="531")


def test_avis_de_reception_et_information_du_conseil(ordre, directrice, annee):
    with pytest.raises(DonneeInvalide, match="ne peut être postérieure"):
        services.accuse_reception_enregistrer(
            acting_user=directrice, ordre=ordre, le=D(annee, 7, 1)
        )
    services.accuse_reception_enregistrer(acting_user=directrice, ordre=ordre, le=D(annee, 6, 15))
    ordre.refresh_from_db()
    assert ordre.etat == OrdreDebet.Etat.NOTIFIE
    with pytest.raises(TransitionInterdite, match="déjà enregistré"):
        services.accuse_reception_enregistrer(
            acting_user=directrice, ordre=ordre, le=D(annee, 6, 15)
        )
    services.conseil_informe_enregistrer(acting_user=directrice, ordre=ordre, le=D(annee, 6, 15))
    ordre.refresh_from_db()
    assert ordre.conseil_informe_le == D(annee, 6, 15)


def test_le_registre_et_les_debets_ouverts(ordre, comptable, annee):
    (r,) = selectors.registre()
    assert r.personne == comptable and r.total("du") == Decimal("1234.56")
    assert r.total("paye") == 0 and r.debets[0].reste == Decimal("1234.56")
    ouverts = selectors.debets_ouverts(D(annee, 1, 1), D(annee, 12, 31), comptable)
    assert [d.ordre for d in ouverts] == [ordre]
    assert selectors.debets_ouverts(D(annee - 1, 1, 1), D(annee - 1, 12, 31), comptable) == []
