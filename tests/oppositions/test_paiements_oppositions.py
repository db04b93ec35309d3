"""An opposition cannot be bypassed at the payment (circ. 93/82 §2.1.5, issue 10 point 4):
identifiers typed with spaces or dots, lines without identifier held for the
agent comptable's decision, the payment dated the day it is recorded; through
the service, the API, the page, and PostgreSQL's guard on the payments' rows."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils.html import escape
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from depenses.models import OrdreDepense
from ledger.models import Ecriture
from oppositions.models import Imputation
from oppositions.services import opposition_enregistrer
from tests.savepoint import refus_sql
from tests.tresorerie.conftest import AUJOURD_HUI, ordre_vise
from tresorerie import services as t
from tresorerie.decisions import DecisionOpposition
from tresorerie.models import LotPaiement, Paiement

pytestmark = pytest.mark.django_db

IBAN_PAPETERIE = "FR7630006000011234567890189"
IBAN_OPPOSANT = "FR7630003000301234567890118"
EN_ATTENTE = "en attente de décision de l'agent comptable"


def opposer(comptable, **donnees):
    valeurs = {
        "creancier_nom": "Papeterie Centrale",
        "creancier_identifiant": "55210055400013",
        "opposant": "Société Générale de Recouvrement",
        "opposant_iban": IBAN_OPPOSANT,
        "opposant_bic": "SOGEFRPPXXX",
        "nature": "saisie_attribution",
        "montant": Decimal("500.00"),
        "signifiee_le": AUJOURD_HUI,
        "reference_acte": "PV de saisie-attribution",
    }
    valeurs.update(donnees)
    return opposition_enregistrer(acting_user=comptable, **valeurs)


def parts(lot):
    return [(p.beneficiaire, p.montant, p.opposition_id) for p in lot.paiements.order_by("id")]


def instantane():
    return (
        Ecriture.objects.count(),
        LotPaiement.objects.count(),
        Paiement.objects.count(),
        Imputation.objects.count(),
        sorted(OrdreDepense.objects.values_list("pk", "etat")),
    )


# --- Identifiers typed any way ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sur_l_opposition", "sur_l_ordre"),
    [
        ("552 100 554 00013", "55210055400013"),
        ("55210055400013", "552 100 554 00013"),
        ("552.100.554.00013", "552-100-554-00013"),
        ("552 100 554", "552.100.554.00099"),  # the SIREN catches every SIRET
        ("55210055400099", "552 100 554 00013"),  # the seizure is the company's
    ],
)
def test_l_opposition_partage_le_paiement_quelle_que_soit_la_saisie_du_siret(
    directrice, comptable, comptes, credits, sur_l_opposition, sur_l_ordre
):
    opposition = opposer(comptable, creancier_identifiant=sur_l_opposition)
    a = ordre_vise(directrice, comptable, credits, montant="1200.00", identifiant=sur_l_ordre)
    lot = t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["BANQUE"])
    assert parts(lot) == [
        ("Société Générale de Recouvrement", Decimal("500.00"), opposition.pk),
        ("Papeterie Centrale", Decimal("700.00"), None),
    ]
    assert Imputation.objects.get(opposition=opposition).montant == Decimal("500.00")


def test_une_opposition_signifiee_aujourd_hui_s_applique_au_paiement_d_aujourd_hui(
    directrice, comptable, comptes, credits
):
    a = ordre_vise(directrice, comptable, credits, montant="300.00", identifiant="552 100 554")
    opposition = opposer(comptable, signifiee_le=AUJOURD_HUI)
    lot = t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["BANQUE"])
    assert lot.date == AUJOURD_HUI
    assert parts(lot) == [("Société Générale de Recouvrement", Decimal("300.00"), opposition.pk)]


# --- The payment date cannot be chosen -------------------------------------------------


def test_un_paiement_antidate_pour_echapper_a_l_opposition_est_refuse_et_ne_change_rien(
    directrice, comptable, comptes, credits
):
    a = ordre_vise(directrice, comptable, credits, identifiant="552 100 554 00013")
    opposer(comptable)
    avant = instantane()
    hier = AUJOURD_HUI - datetime.timedelta(days=1)
    for le in (hier, hier.isoformat(), AUJOURD_HUI + datetime.timedelta(days=1)):
        with pytest.raises(DonneeInvalide) as refus:
            t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["BANQUE"], le=le)
        assert refus.value.message.startswith(
            f"Un paiement se date du jour où il est enregistré, le {AUJOURD_HUI:%d/%m/%Y} : la "
            "date demandée ("
        )
        assert "toute opposition signifiée à l'agent comptable jusqu'à ce jour s'applique" in (
            refus.value.message
        )
    assert instantane() == avant
    # Today, given or not, is the payment's date; the file asks for today.
    lot = t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["BANQUE"], le=AUJOURD_HUI)
    assert (lot.date, a.__class__.objects.get(pk=a.pk).paye_le) == (AUJOURD_HUI, AUJOURD_HUI)
    assert lot.format == "pain.001.001.09"
    date_demandee = rf"<ReqdExctnDt>\s*<Dt>{AUJOURD_HUI.isoformat()}</Dt>\s*</ReqdExctnDt>"
    assert re.search(date_demandee.encode(), bytes(lot.fichier))


def test_l_api_refuse_un_paiement_antidate(directrice, comptable, comptes, credits):
    a = ordre_vise(directrice, comptable, credits)
    api = APIClient()
    api.force_authenticate(comptable)
    avant = instantane()
    hier = AUJOURD_HUI - datetime.timedelta(days=1)
    reponse = api.post(
        "/api/tresorerie/lots/",
        {"ordres": [a.pk], "compte": "BANQUE", "date": hier.isoformat()},
        format="json",
    )
    assert reponse.status_code == 400
    assert reponse.json()["message"].startswith(
        f"Un paiement se date du jour où il est enregistré, le {AUJOURD_HUI:%d/%m/%Y} : la date "
        f"demandée ({hier:%d/%m/%Y}) est refusée."
    )
    assert instantane() == avant


def test_la_page_refuse_un_paiement_antidate(client, directrice, comptable, comptes, credits):
    a = ordre_vise(directrice, comptable, credits)
    client.force_login(comptable)
    avant = instantane()
    hier = AUJOURD_HUI - datetime.timedelta(days=1)
    reponse = client.post(
        "/tresorerie/paiements/",
        {
            "ordres": [a.pk],
            "compte": comptes["BANQUE"].pk,
            "moyen": "virement",
            "le": hier.isoformat(),
        },
    )
    assert reponse.status_code == 400
    assert escape("Un paiement se date du jour où il est enregistré") in reponse.content.decode()
    assert instantane() == avant
    # The form offers no date to choose: it says the payment is dated today.
    page = client.get("/tresorerie/paiements/").content.decode()
    assert 'name="le"' not in page
    assert f"Payé le {AUJOURD_HUI:%d/%m/%Y}, jour de l'enregistrement du paiement" in page


# --- Lines without identifier ----------------------------------------------------------


def test_sans_identifiant_le_nom_et_l_iban_du_creancier_appliquent_l_opposition(
    directrice, comptable, comptes, credits
):
    opposition = opposer(comptable, creancier_iban=IBAN_PAPETERIE)
    a = ordre_vise(
        directrice, comptable, credits, identifiant="", creancier="PAPETERIE CENTRALE SARL"
    )
    lot = t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["BANQUE"])
    assert parts(lot) == [
        ("Société Générale de Recouvrement", Decimal("500.00"), opposition.pk),
        ("PAPETERIE CENTRALE SARL", Decimal("700.00"), None),
    ]


def test_sans_identifiant_le_nom_seul_arrete_le_paiement_puis_l_agent_comptable_applique(
    directrice, comptable, comptes, credits
):
    opposition = opposer(comptable)
    a = ordre_vise(directrice, comptable, credits, identifiant="", creancier="Papèterie centrale")
    b = ordre_vise(directrice, comptable, credits, montant="80.00", identifiant="38899977700015")
    avant = instantane()
    with pytest.raises(t.PaiementEnAttente) as refus:
        t.lot_payer(acting_user=comptable, ordres=[a, b], compte=comptes["BANQUE"])
    assert refus.value.message.startswith(
        f"Le paiement est arrêté, {EN_ATTENTE} : ordre n° {a.reference}, Papèterie centrale : "
        f"le créancier porte le nom de celui de l'opposition n° {opposition.pk}"
    )
    assert refus.value.details["en_attente"][0]["oppositions"] == [opposition.pk]
    assert instantane() == avant
    (attente,) = t.lignes_en_attente()
    assert (attente.ordre, [d.opposition for d in attente.doutes]) == (a, [opposition])

    decision = t.opposition_decider(
        acting_user=comptable,
        ligne=a.lignes.get(),
        opposition=opposition,
        decision="appliquer",
        motif="Même adresse que sur l'acte de saisie",
    )
    assert (decision.decision, decision.par) == ("appliquer", comptable)
    assert t.lignes_en_attente() == []
    trace = JournalAudit.objects.get(acte="opposition.decision", objet_id=str(opposition.pk))
    assert trace.apres["decision"] == "appliquer" and trace.apres["ordre"] == a.reference
    lot = t.lot_payer(acting_user=comptable, ordres=[a, b], compte=comptes["BANQUE"])
    assert parts(lot) == [
        ("Société Générale de Recouvrement", Decimal("500.00"), opposition.pk),
        ("Papèterie centrale", Decimal("700.00"), None),
        ("Papeterie Centrale", Decimal("80.00"), None),
    ]


def test_l_iban_du_creancier_sous_un_autre_nom_arrete_le_paiement_puis_le_doute_est_leve(
    directrice, comptable, comptes, credits
):
    opposition = opposer(comptable, creancier_iban=IBAN_PAPETERIE)
    a = ordre_vise(
        directrice,
        comptable,
        credits,
        identifiant="38899977700015",
        creancier="Imprimerie du Nord",
        iban=IBAN_PAPETERIE,
    )
    with pytest.raises(t.PaiementEnAttente, match="sous un autre nom ou un autre identifiant"):
        t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["BANQUE"])
    t.opposition_decider(
        acting_user=comptable,
        ligne=a.lignes.get(),
        opposition=opposition,
        decision="lever",
        motif="Compte commun du groupement, créancier distinct",
    )
    lot = t.lot_payer(acting_user=comptable, ordres=[a], compte=comptes["BANQUE"])
    assert parts(lot) == [("Imprimerie du Nord", Decimal("1200.00"), None)]
    assert not Imputation.objects.filter(opposition=opposition).exists()


def test_la_decision_est_refusee_hors_doute_a_un_autre_que_l_agent_comptable_et_deux_fois(
    directrice, comptable, comptes, credits
):
    opposition = opposer(comptable)
    sure = ordre_vise(directrice, comptable, credits, identifiant="552 100 554 00013")
    douteuse = ordre_vise(
        directrice, comptable, credits, identifiant="", creancier="papeterie centrale"
    )
    with pytest.raises(DroitInsuffisant):
        t.opposition_decider(
            acting_user=directrice,
            ligne=douteuse.lignes.get(),
            opposition=opposition,
            decision="lever",
            motif="x",
        )
    with pytest.raises(TransitionInterdite, match=f"n'est pas {EN_ATTENTE}"):
        t.opposition_decider(
            acting_user=comptable,
            ligne=sure.lignes.get(),
            opposition=opposition,
            decision="lever",
            motif="Je préfère payer le créancier",
        )
    with pytest.raises(DonneeInvalide, match="Le motif de la décision est obligatoire"):
        t.opposition_decider(
            acting_user=comptable,
            ligne=douteuse.lignes.get(),
            opposition=opposition,
            decision="lever",
            motif="  ",
        )
    assert DecisionOpposition.objects.count() == 0
    t.opposition_decider(
        acting_user=comptable,
        ligne=douteuse.lignes.get(),
        opposition=opposition,
        decision="lever",
        motif="Homonyme",
    )
    with pytest.raises(TransitionInterdite, match="une décision ne se reprend pas"):
        t.opposition_decider(
            acting_user=comptable,
            ligne=douteuse.lignes.get(),
            opposition=opposition,
            decision="appliquer",
            motif="Finalement",
        )
    assert list(DecisionOpposition.objects.values_list("decision", flat=True)) == ["lever"]


def test_la_page_des_paiements_montre_la_ligne_en_attente_et_l_agent_comptable_decide(
    client, directrice, comptable, comptes, credits
):
    opposition = opposer(comptable)
    a = ordre_vise(directrice, comptable, credits, identifiant="", creancier="Papeterie Centrale")
    client.force_login(comptable)
    page = client.get("/tresorerie/paiements/").content.decode()
    assert escape(f"Paiements arrêtés, {EN_ATTENTE}") in page
    assert f"Payer l'ordre {a.reference}" not in page  # no box to tick
    assert f"Appliquer l'opposition n° {opposition.pk}" in page
    ligne = a.lignes.get()
    refus = client.post(
        f"/tresorerie/paiements/lignes/{ligne.pk}/decider/",
        {"opposition": opposition.pk, "decision": "appliquer", "motif": ""},
        follow=True,
    )
    assert "Le motif de la décision est obligatoire" in refus.content.decode()
    assert DecisionOpposition.objects.count() == 0
    reponse = client.post(
        f"/tresorerie/paiements/lignes/{ligne.pk}/decider/",
        {"opposition": opposition.pk, "decision": "appliquer", "motif": "Même SIRET au dossier"},
        follow=True,
    )
    texte = reponse.content.decode()
    assert (
        escape(
            f"Opposition n° {opposition.pk} appliquée au paiement de Papeterie Centrale : "
            "l'opposant sera payé d'abord."
        )
        in texte
    )
    assert f"Payer l'ordre {a.reference}" in texte
    assert "Même SIRET au dossier" in texte  # the decisions' table


def test_l_api_liste_les_paiements_en_attente_et_l_agent_comptable_decide(
    directrice, comptable, auditeur, comptes, credits
):
    opposition = opposer(comptable)
    a = ordre_vise(directrice, comptable, credits, identifiant="", creancier="Papeterie Centrale")
    ligne = a.lignes.get()
    api = APIClient()
    api.force_authenticate(auditeur)
    (attente,) = api.get("/api/tresorerie/attentes/").json()
    assert (attente["reference"], attente["ligne"], attente["etat"]) == (
        a.reference,
        ligne.pk,
        EN_ATTENTE,
    )
    assert [d["opposition"] for d in attente["doutes"]] == [opposition.pk]
    refus = api.post(
        f"/api/tresorerie/lignes-depense/{ligne.pk}/decider/",
        {"opposition": opposition.pk, "decision": "lever", "motif": "x"},
        format="json",
    )
    assert refus.status_code == 403
    api.force_authenticate(comptable)
    paye = api.post("/api/tresorerie/lots/", {"ordres": [a.pk], "compte": "BANQUE"}, format="json")
    assert paye.status_code == 409
    assert paye.json()["code"] == "paiement_en_attente"
    assert EN_ATTENTE in paye.json()["message"]
    decide = api.post(
        f"/api/tresorerie/lignes-depense/{ligne.pk}/decider/",
        {"opposition": opposition.pk, "decision": "appliquer", "motif": "Vérifié au Kbis"},
        format="json",
    )
    assert decide.status_code == 201
    assert (decide.json()["decision"], decide.json()["ordre"]) == ("appliquer", a.reference)
    assert api.get("/api/tresorerie/attentes/").json() == []
    paye = api.post("/api/tresorerie/lots/", {"ordres": [a.pk], "compte": "BANQUE"}, format="json")
    assert paye.status_code == 201
    assert [(p["beneficiaire"], p["montant"]) for p in paye.json()["paiements"]] == [
        ("Société Générale de Recouvrement", "500.00"),
        ("Papeterie Centrale", "700.00"),
    ]


# --- PostgreSQL's guard on the payments' rows ------------------------------------------


def _inserer_paiement_creancier(ordre, lot):
    ligne = ordre.lignes.get()
    return lambda cur: cur.execute(
        "INSERT INTO tresorerie_paiement (lot_id, ordre_id, ligne_id, beneficiaire, iban, bic,"
        " montant, bout_en_bout) VALUES (%s, %s, %s, %s, %s, '', %s, 'BRUT-OPPOSITION-1')",
        [lot.pk, ordre.pk, ligne.pk, ligne.creancier, ligne.iban, ligne.montant],
    )


def test_la_base_refuse_de_payer_au_creancier_ce_que_l_opposition_arrete(
    directrice, comptable, comptes, credits
):
    # A batch exists (to attach raw rows to); then an opposition is served.
    lot = t.lot_payer(
        acting_user=comptable,
        ordres=[ordre_vise(directrice, comptable, credits, montant="10.00", identifiant="")],
        compte=comptes["BANQUE"],
    )
    opposition = opposer(comptable)
    a = ordre_vise(directrice, comptable, credits, identifiant="552.100.554.00013")
    refus_sql(
        _inserer_paiement_creancier(a, lot),
        f"alors que l'opposition n° {opposition.pk} (Papeterie Centrale) arrête encore "
        "500,00\u00a0€ de ce paiement",
    )
    douteuse = ordre_vise(
        directrice, comptable, credits, identifiant="", creancier="PAPETERIE CENTRALE"
    )
    refus_sql(
        _inserer_paiement_creancier(douteuse, lot),
        f"est en attente de décision de l'agent comptable : l'opposition n° {opposition.pk}",
    )
    assert not Paiement.objects.filter(ordre__in=[a, douteuse]).exists()
