# ruff: noqa: F811  (the fixtures imported from cycle_outils are parameters of the tests)
"""The life of the comptes annuels after the board (circ. 93/82 §IV, D613-41):
sending before 1 April (30 April for the caisse nationale, a dated setting),
late sending recorded and marked, approval only after the sending, quitus
only after the approval, a fondé de pouvoir's quitus only on the agent
comptable's favourable avis."""

import datetime

import pytest

from comptes_annuels import selectors_cycle as vie
from comptes_annuels import services_cycle as cycle
from comptes_annuels.models import Approbation, Quitus, TransmissionComptes
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from ledger.models import Exercice
from ledger.services import exercice_ouvrir
from personnes.models import Fonction, Interim
from reglementation.models import Parametre
from tests.comptes_annuels.cycle_outils import approuve, clos, transmis  # noqa: F401 (fixtures)
from tests.factories import personne

pytestmark = pytest.mark.django_db
D = datetime.date


def test_la_transmission_avant_le_1er_avril_est_a_l_heure(horloge, directrice, clos):
    n1 = clos.annee + 1
    horloge(D(n1, 3, 31))
    t = cycle.transmission_enregistrer(
        acting_user=directrice, exercice=clos, le=D(n1, 3, 31), reference="Envoi 12"
    )
    assert t.limite == D(n1, 3, 31) and not t.en_retard
    assert "D613-41" in t.article_limite
    audit = JournalAudit.objects.get(acte="comptes_annuels.transmission")
    assert audit.apres["en_retard"] is False and audit.apres["limite"] == f"{n1}-03-31"


def test_la_transmission_apres_le_1er_avril_est_enregistree_mais_en_retard(
    horloge, directrice, clos
):
    n1 = clos.annee + 1
    horloge(D(n1, 4, 2))
    t = cycle.transmission_enregistrer(
        acting_user=directrice, exercice=clos, le=D(n1, 4, 1), reference="Envoi 13"
    )
    assert t.en_retard and t.limite == D(n1, 3, 31)
    etapes = vie.vie_des_comptes(clos, D(n1, 4, 2)).etapes()
    assert etapes[1].etat == "en retard" and etapes[1].date == D(n1, 4, 1)


def test_la_caisse_nationale_transmet_au_plus_tard_le_30_avril_et_le_ministre_approuve(
    horloge, directrice, clos
):
    n1 = clos.annee + 1
    # The fund becomes the caisse nationale on 1 January N+1: a new version of the setting.
    Parametre.objects.filter(cle="caisse_nationale").update(fin=D(n1 - 1, 12, 31))
    Parametre.objects.create(
        cle="caisse_nationale", valeur="oui", debut=D(n1, 1, 1), article="D613-41", libelle="."
    )
    assert vie.limite_transmission(clos).jour == D(n1, 4, 30)
    horloge(D(n1, 4, 30))
    t = cycle.transmission_enregistrer(
        acting_user=directrice, exercice=clos, le=D(n1, 4, 30), reference="Envoi CN"
    )
    assert not t.en_retard and t.limite == D(n1, 4, 30) and t.article_limite == "D613-41 al. 4"
    with pytest.raises(TransitionInterdite, match="de la compétence du ministre"):
        cycle.approbation_enregistrer(
            acting_user=directrice, exercice=clos, autorite="drass", le=D(n1, 4, 30), reference="x"
        )
    a = cycle.approbation_enregistrer(
        acting_user=directrice, exercice=clos, autorite="ministre", le=D(n1, 4, 30), reference="A"
    )
    assert a.get_autorite_display() == "le ministre chargé de la sécurité sociale"


def test_la_transmission_exige_l_arrete_du_conseil(horloge, comptable, directrice, exercice):
    precedent = exercice_ouvrir(acting_user=comptable, annee=exercice.annee - 1)
    horloge(D(exercice.annee, 3, 1))
    with pytest.raises(TransitionInterdite, match="ne sont pas arrêtés par le conseil"):
        cycle.transmission_enregistrer(
            acting_user=directrice, exercice=precedent, le=D(exercice.annee, 3, 1), reference="E"
        )
    assert not TransmissionComptes.objects.exists()


def test_seul_le_directeur_transmet(horloge, comptable, clos):
    horloge(D(clos.annee + 1, 3, 1))
    with pytest.raises(DroitInsuffisant, match="Seul le directeur enregistre"):
        cycle.transmission_enregistrer(
            acting_user=comptable, exercice=clos, le=D(clos.annee + 1, 3, 1), reference="E"
        )


def test_la_date_de_transmission_suit_l_arrete_et_precede_aujourd_hui(horloge, directrice, clos):
    n1 = clos.annee + 1
    horloge(D(n1, 3, 1))
    with pytest.raises(DonneeInvalide, match="va du 02/03/"):
        cycle.transmission_enregistrer(
            acting_user=directrice, exercice=clos, le=D(n1, 1, 10), reference="E"
        )
    with pytest.raises(DonneeInvalide, match="à aujourd'hui"):
        cycle.transmission_enregistrer(
            acting_user=directrice, exercice=clos, le=D(n1, 3, 2), reference="E"
        )


def test_l_approbation_avant_la_transmission_est_refusee(horloge, directrice, clos):
    horloge(D(clos.annee + 1, 3, 1))
    with pytest.raises(TransitionInterdite) as refus:
        cycle.approbation_enregistrer(
            acting_user=directrice,
            exercice=clos,
            autorite="drass",
            le=D(clos.annee + 1, 3, 1),
            reference="D",
        )
    assert refus.value.message == (
        f"Les comptes annuels de l'exercice {clos.annee} ne sont pas transmis au comité "
        "d'examen des comptes et au directeur régional : ils sont approuvés après leur "
        "transmission (D613-41)."
    )
    assert not Approbation.objects.exists()


def test_avis_du_codec_puis_transmission_au_ministre_qui_approuve(horloge, directrice, transmis):
    n1 = transmis.annee + 1
    horloge(D(n1, 4, 20))
    cycle.avis_codec_enregistrer(
        acting_user=directrice, exercice=transmis, le=D(n1, 4, 15), favorable=True
    )
    cycle.renvoi_ministre_enregistrer(
        acting_user=directrice, exercice=transmis, le=D(n1, 4, 20), reference="Bordereau 7"
    )
    with pytest.raises(TransitionInterdite, match="c'est le ministre qui les approuve"):
        cycle.approbation_enregistrer(
            acting_user=directrice, exercice=transmis, autorite="drass", le=D(n1, 4, 20),
            reference="D",
        )  # fmt: skip
    a = cycle.approbation_enregistrer(
        acting_user=directrice, exercice=transmis, autorite="ministre", le=D(n1, 4, 20),
        reference="Arrêté ministériel",
    )  # fmt: skip
    etapes = vie.vie_des_comptes(transmis, D(n1, 4, 20)).etapes()
    assert [e.etat for e in etapes[:5]] == ["fait"] * 5
    assert etapes[2].detail == "favorable" and a.autorite == "ministre"


def test_le_quitus_avant_l_approbation_est_refuse(horloge, directrice, transmis):
    horloge(D(transmis.annee + 1, 4, 1))
    with pytest.raises(TransitionInterdite) as refus:
        cycle.quitus_donner(
            acting_user=directrice,
            exercice=transmis,
            le=D(transmis.annee + 1, 4, 1),
            deliberation="CA 2026-7",
        )
    assert refus.value.message == (
        "Le conseil d'administration ne peut délivrer quitus à l'agent comptable que lorsque "
        "les comptes sont approuvés (circulaire 93/82 §IV) : les comptes annuels de "
        f"l'exercice {transmis.annee} ne le sont pas."
    )
    assert not Quitus.objects.exists()


def test_le_quitus_a_l_agent_comptable_en_fonction(horloge, comptable, directrice, approuve):
    n1 = approuve.annee + 1
    horloge(D(n1, 6, 1))
    q = cycle.quitus_donner(
        acting_user=directrice, exercice=approuve, le=D(n1, 6, 1), deliberation="CA 2026-9"
    )
    assert q.beneficiaire == comptable and q.qualite == "agent_comptable" and q.avis is None
    audit = JournalAudit.objects.get(acte="comptes_annuels.quitus")
    assert audit.apres["beneficiaire"] == "comptable" and audit.apres["debets_ouverts"] == []
    with pytest.raises(TransitionInterdite, match="est déjà donné à"):
        cycle.quitus_donner(
            acting_user=directrice, exercice=approuve, le=D(n1, 6, 1), deliberation="CA 2026-9"
        )


def test_un_agent_comptable_d_un_autre_exercice_n_a_pas_de_quitus(horloge, directrice, approuve):
    recent = personne("nouveau_comptable", Fonction.AGENT_COMPTABLE)
    recent.affectations.update(debut=D(approuve.annee + 1, 2, 1))
    horloge(D(approuve.annee + 1, 6, 1))
    with pytest.raises(DonneeInvalide, match="ni agent comptable ni fondé de pouvoir"):
        cycle.quitus_donner(
            acting_user=directrice, exercice=approuve, le=D(approuve.annee + 1, 6, 1),
            deliberation="CA", beneficiaire=recent,
        )  # fmt: skip


def test_le_quitus_du_fonde_de_pouvoir_suit_l_avis_favorable_de_l_agent_comptable(
    horloge, comptable, directrice, approuve
):
    n1 = approuve.annee + 1
    fonde = personne("fonde", Fonction.FONDE_DE_POUVOIR)
    horloge(D(n1, 6, 1))
    with pytest.raises(TransitionInterdite, match="l'agent comptable n'a pas donné son avis"):
        cycle.quitus_donner(
            acting_user=directrice, exercice=approuve, le=D(n1, 6, 1), deliberation="CA 10",
            beneficiaire=fonde,
        )  # fmt: skip
    cycle.avis_fonde_enregistrer(
        acting_user=comptable, exercice=approuve, fonde=fonde, favorable=False,
        texte="Écarts de caisse non justifiés.", le=D(n1, 5, 20),
    )  # fmt: skip
    with pytest.raises(TransitionInterdite) as refus:
        cycle.quitus_donner(
            acting_user=directrice, exercice=approuve, le=D(n1, 6, 1), deliberation="CA 10",
            beneficiaire=fonde,
        )  # fmt: skip
    assert refus.value.message.startswith(
        "Le quitus donné aux fondés de pouvoir est subordonné à l'avis favorable de l'agent "
        "comptable (circulaire 93/82 §IV)"
    )
    assert f"l'avis de l'agent comptable du 20/05/{n1} est défavorable" in refus.value.message
    avis = cycle.avis_fonde_enregistrer(
        acting_user=comptable, exercice=approuve, fonde=fonde, favorable=True,
        texte="Écarts régularisés.", le=D(n1, 5, 30),
    )  # fmt: skip
    q = cycle.quitus_donner(
        acting_user=directrice, exercice=approuve, le=D(n1, 6, 1), deliberation="CA 10",
        beneficiaire=fonde,
    )  # fmt: skip
    assert q.qualite == "fonde_de_pouvoir" and q.avis == avis


def test_seul_l_agent_comptable_donne_l_avis_sur_un_fonde(horloge, directrice, approuve):
    fonde = personne("fonde", Fonction.FONDE_DE_POUVOIR)
    autre = personne("fonde2", Fonction.FONDE_DE_POUVOIR)
    horloge(D(approuve.annee + 1, 6, 1))
    for qui in (directrice, autre):
        with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable donne son avis"):
            cycle.avis_fonde_enregistrer(
                acting_user=qui, exercice=approuve, fonde=fonde, favorable=True, texte="Bien."
            )


def test_les_echeances_de_la_page_d_accueil(horloge, directrice, clos):
    n1 = clos.annee + 1
    (e,) = vie.echeances_transmission(D(n1, 3, 1))
    assert e.annee == clos.annee and e.limite.jour == D(n1, 3, 31) and e.jours_restants == 30
    assert e.arrete and not e.depassee
    assert vie.echeances_transmission(D(n1, 4, 2))[0].depassee
    horloge(D(n1, 3, 2))
    cycle.transmission_enregistrer(
        acting_user=directrice, exercice=clos, le=D(n1, 3, 2), reference="E"
    )
    assert vie.echeances_transmission(D(n1, 3, 3)) == []
    assert Exercice.objects.filter(annee=clos.annee, etat="clos").exists()


def test_l_interimaire_de_l_exercice_est_un_agent_comptable_a_designer(
    horloge, directrice, approuve
):
    interimaire = personne("interimaire", Fonction.DELEGUE)
    interimaire.affectations.all().delete()
    Interim.objects.create(
        utilisateur=interimaire,
        nature=Interim.Nature.INTERIMAIRE,
        debut=D(approuve.annee, 7, 1),
        fin=D(approuve.annee, 9, 30),
        nomme_le=D(approuve.annee, 7, 1),
        deliberation="CA n° 12",
    )
    n1 = approuve.annee + 1
    horloge(D(n1, 6, 1))
    with pytest.raises(DonneeInvalide, match="Plusieurs agents comptables"):
        cycle.quitus_donner(
            acting_user=directrice, exercice=approuve, le=D(n1, 6, 1), deliberation="CA 12"
        )
    q = cycle.quitus_donner(
        acting_user=directrice, exercice=approuve, le=D(n1, 6, 1), deliberation="CA 12",
        beneficiaire=interimaire,
    )  # fmt: skip
    assert q.qualite == "agent_comptable"
