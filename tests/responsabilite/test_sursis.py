"""The sursis de versement (circ. 93/82 §6.2): requested by the agent
comptable on his own débet, never on fraud, decided by the directeur who
records the decision, one year at most; PostgreSQL keeps the same (LG894)."""

import datetime
import html
import re

import pytest
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from responsabilite import selectors, services
from responsabilite.models import OrdreDebet
from responsabilite.services_sursis import sursis_decider, sursis_demander, un_an_apres
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db
D = datetime.date


def test_un_an_apres():
    assert un_an_apres(D(2026, 6, 15)) == D(2027, 6, 15)
    assert un_an_apres(D(2028, 2, 29)) == D(2029, 2, 28)


def test_l_agent_comptable_demande_et_la_directrice_accorde_un_an(ordre, comptable, directrice):
    sursis_demander(acting_user=comptable, ordre=ordre, motifs="Situation de famille")
    ordre = sursis_decider(
        acting_user=directrice,
        ordre=ordre,
        accorde=True,
        decide_le=D(2026, 6, 15),
        decision="Décision n° 12 du 15/06/2026",
    )
    ordre.refresh_from_db()
    assert (ordre.sursis_etat, ordre.sursis_demande_le) == ("accorde", D(2026, 6, 15))
    assert ordre.sursis_fin_le == D(2027, 6, 15)
    assert selectors.sursis_echeance(ordre) == D(2027, 6, 15)
    (debet,) = selectors.debets()
    assert "sursis de versement accordé jusqu'au 15/06/2027" in debet.etat
    assert JournalAudit.objects.filter(acte__startswith="responsabilite.sursis").count() == 2


def test_le_sursis_est_limite_a_un_an(ordre, comptable, directrice):
    sursis_demander(acting_user=comptable, ordre=ordre, motifs="Situation de famille")
    with pytest.raises(DonneeInvalide, match=r"limité à un an .* au plus jusqu'au 15/06/2027"):
        sursis_decider(
            acting_user=directrice,
            ordre=ordre,
            accorde=True,
            decide_le=D(2026, 6, 15),
            decision="Décision n° 12",
            fin_le=D(2027, 6, 16),
        )
    assert OrdreDebet.objects.get().sursis_etat == "demande"


def test_le_sursis_est_refuse_en_cas_de_fraude(directrice, comptable, annee):
    mise = services.mise_en_cause_enregistrer(
        acting_user=directrice,
        auteur="conseil_fraude",
        decide_le=D(annee, 6, 1),
        faits_le=D(annee, 5, 2),
        motifs="Détournement par un agent de la caisse",
        montant="500",
        fraude=True,
    )
    ordre = services.ordre_debet_emettre(acting_user=directrice, mise_en_cause=mise, compte="531")
    with pytest.raises(TransitionInterdite, match="en cas de fraude ou de détournement"):
        sursis_demander(acting_user=comptable, ordre=ordre, motifs="Je demande un délai")
    assert OrdreDebet.objects.get().sursis_etat == ""
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_ordredebet SET sursis_etat = 'demande', "
            "sursis_demande_le = emis_le"
        ),
        "en cas de fraude ou de détournement",
    )


def test_seul_l_agent_comptable_vise_demande_et_seul_le_directeur_decide(
    ordre, comptable, directrice
):
    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable à l'encontre duquel"):
        sursis_demander(acting_user=directrice, ordre=ordre, motifs="x")
    sursis_demander(acting_user=comptable, ordre=ordre, motifs="Situation patrimoniale")
    with pytest.raises(TransitionInterdite, match="déjà été demandé le 15/06/2026"):
        sursis_demander(acting_user=comptable, ordre=ordre, motifs="encore")
    with pytest.raises(DroitInsuffisant, match="ne peut émettre un ordre de recette à son propre"):
        sursis_decider(
            acting_user=comptable, ordre=ordre, accorde=True, decide_le=D(2026, 6, 15), decision="x"
        )
    sursis_decider(
        acting_user=directrice,
        ordre=ordre,
        accorde=False,
        decide_le=D(2026, 6, 15),
        decision="n° 3",
    )
    with pytest.raises(TransitionInterdite, match="Aucune demande de sursis"):
        sursis_decider(
            acting_user=directrice,
            ordre=ordre,
            accorde=True,
            decide_le=D(2026, 6, 15),
            decision="y",
        )
    ordre.refresh_from_db()
    assert (ordre.sursis_etat, ordre.sursis_fin_le) == ("refuse", None)


def test_postgresql_garde_l_ordre_et_la_duree_du_sursis(ordre, comptable, directrice):
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_ordredebet SET sursis_etat = 'accorde', sursis_demande_le = "
            "emis_le, sursis_decide_le = emis_le, sursis_fin_le = emis_le + 30"
        ),
        "à l'état « accorde »",
    )
    sursis_demander(acting_user=comptable, ordre=ordre, motifs="Situation de famille")
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_ordredebet SET sursis_etat = 'accorde', sursis_decide_le = "
            "sursis_demande_le, sursis_fin_le = sursis_demande_le + 366"
        ),
        "limité à un an",
    )
    sursis_decider(
        acting_user=directrice, ordre=ordre, accorde=True, decide_le=D(2026, 6, 15), decision="n° 4"
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_ordredebet SET sursis_fin_le = sursis_fin_le - 1"
        ),
        "ne se modifie pas",
    )


def _page(reponse) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", reponse.content.decode())).split())


def test_la_demande_et_la_decision_par_les_pages(client, ordre, comptable, directrice):
    client.force_login(comptable)
    texte = _page(client.get("/responsabilite/"))
    assert "Demander le sursis de versement" in texte
    texte = _page(
        client.post(
            f"/responsabilite/ordres/{ordre.pk}/sursis/",
            {"motifs": "Situation de famille"},
            follow=True,
        )
    )
    assert f"Demande de sursis de versement de l'ordre {ordre.reference} enregistrée." in texte
    assert "sursis de versement demandé le 15/06/2026" in texte
    client.force_login(directrice)
    texte = _page(client.get("/responsabilite/"))
    assert "Demander le sursis de versement" not in texte
    texte = _page(
        client.post(
            f"/responsabilite/ordres/{ordre.pk}/sursis/decision/",
            {
                "accorde": "1",
                "decide_le": "2026-06-15",
                "decision": "Décision n° 7",
                "fin_le": "2026-12-31",
            },
            follow=True,
        )
    )
    assert (
        "Décision sur le sursis de versement de l'ordre DEB-2026-0001 enregistrée : sursis accordé."
        in texte
    )
    assert "sursis de versement accordé jusqu'au 31/12/2026" in texte
    assert "Décision du 15/06/2026 (Décision n° 7)" in texte


def test_l_api_refuse_en_francais_la_mauvaise_personne(ordre, comptable, directrice):
    def api(utilisateur):
        client = APIClient()
        client.force_authenticate(utilisateur)
        return client

    url = f"/api/responsabilite/ordres/{ordre.pk}/sursis/"
    refus = api(directrice).post(url, {"motifs": "x"}, format="json")
    assert refus.status_code == 403
    assert "Seul l'agent comptable à l'encontre duquel" in refus.json()["message"]
    reponse = api(comptable).post(url, {"motifs": "Situation de famille"}, format="json")
    assert reponse.status_code == 200 and reponse.json()["sursis_etat"] == "demande"
    decision = {"accorde": True, "decide_le": "2026-06-15", "decision": "n° 8"}
    refus = api(comptable).post(f"{url}decision/", decision, format="json")
    assert refus.status_code == 403 and "Seul le directeur" in refus.json()["message"]
    reponse = api(directrice).post(f"{url}decision/", decision, format="json")
    assert reponse.status_code == 200
    assert reponse.json()["sursis_fin_le"] == "2027-06-15"
    schema = api(directrice).get("/api/schema/").content.decode()
    assert "/api/responsabilite/ordres/{id}/sursis/decision/" in schema
