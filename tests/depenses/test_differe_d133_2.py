"""D133-2 al. 2: a small arrear of benefits whose payment the directeur defers
to the end of the exercise; refused at or above the dated threshold, for
another nature, to the agent comptable; listed (page, CSV, PDF, API) and
shown as due on 31 December, late from 1 January."""

import datetime
import shutil
import subprocess

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from depenses import services as d
from depenses.differe import arrieres_differes, paiement_differer
from depenses.models import PaiementDiffere
from recouvrement.a_echoir import COMPTABLE, a_echoir
from tests.depenses.test_services import AUJOURD_HUI, IBAN
from tests.tresorerie.conftest import credits, ordre_vise  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
J = datetime.date


def _ordre(directrice, montant="12.00", nature="prestation", gestion="technique", compte="6561"):
    return d.ordre_depense_creer(
        acting_user=directrice,
        saisie=d.SaisieDepense(
            gestion=gestion,
            nature=nature,
            objet="Rappel d'indemnités journalières",
            bases_liquidation="Insuffisance du décompte du 2 au 9",
            compte_imputation=compte,
            compte_tiers="401",
            date_fait=AUJOURD_HUI,
            dates={"service_fait": AUJOURD_HUI, "reception": AUJOURD_HUI},
            lignes=[d.LigneCreancier("Mme Martin", "assurée", IBAN, montant)],
            pieces_references="Décompte rectificatif, au dossier",
        ),
    )


def _differes(le):
    return [e for e in a_echoir(le, COMPTABLE) if e.nature == "Paiement différé (D133-2)"]


def test_le_directeur_differe_un_petit_rappel_a_la_fin_de_l_exercice(directrice, exercice, horloge):
    ordre = _ordre(directrice)
    differe = paiement_differer(acting_user=directrice, ordre=ordre, motif="insuffisance")
    assert differe.echeance == J(2026, 12, 31)
    assert str(differe.seuil) == "15.24"
    assert (differe.decide_le, differe.par, differe.qualite) == (
        J(2026, 6, 15),
        directrice,
        "Directeur",
    )
    assert JournalAudit.objects.filter(acte="depenses.paiement_differer").count() == 1
    # Due on 31/12 for the agent comptable...
    items = _differes(J(2026, 6, 15))
    assert [(e.le, e.qui) for e in items] == [(J(2026, 12, 31), COMPTABLE)]
    assert (
        f"ordre de dépense n° {ordre.reference}, 12,00\xa0€ à payer au plus tard le 31/12/2026"
        in items[0].quoi
    )
    assert items[0].jours(J(2026, 6, 15)) == 199
    horloge(J(2026, 12, 31))
    assert (
        arrieres_differes(2026)[0].statut(J(2026, 12, 31)) == "à payer au plus tard le 31/12/2026"
    )
    assert not arrieres_differes(2026)[0].en_retard(J(2026, 12, 31))
    # ... and late from 1 January.
    horloge(J(2027, 1, 1))
    items = _differes(J(2027, 1, 1))
    assert items[0].jours(J(2027, 1, 1)) == -1
    arriere = arrieres_differes(2026)[0]
    assert arriere.en_retard(J(2027, 1, 1))
    assert arriere.statut(J(2027, 1, 1)) == "en retard : à payer au plus tard le 31/12/2026"


def test_refuse_au_seuil_avec_le_seuil_sa_date_et_l_article(directrice, exercice):
    ordre = _ordre(directrice, montant="15.24")
    with pytest.raises(DonneeInvalide) as refus:
        paiement_differer(acting_user=directrice, ordre=ordre, motif="insuffisance")
    assert refus.value.message == (
        f"Le rappel de Mme Martin sur l'ordre n° {ordre.reference} s'élève à 15,24\xa0€ : il "
        "n'est pas en deçà du seuil de 15,24\xa0€ en vigueur le 15/06/2026 (article D133-2, "
        "alinéa 2) ; son paiement ne peut être différé."
    )
    assert not PaiementDiffere.objects.exists()


def test_refuse_a_l_agent_comptable(directrice, comptable, exercice):
    ordre = _ordre(directrice)
    with pytest.raises(DroitInsuffisant, match="Seul le directeur décide de différer"):
        paiement_differer(acting_user=comptable, ordre=ordre, motif="insuffisance")
    assert not PaiementDiffere.objects.exists()


@pytest.mark.usefixtures("credits")
def test_refuse_pour_une_autre_nature(directrice, comptable, exercice):
    ordre = ordre_vise(directrice, comptable, exercice, montant="10.00")
    with pytest.raises(DonneeInvalide, match="de nature « fournitures »"):
        paiement_differer(acting_user=directrice, ordre=ordre, motif="insuffisance")


def test_refuse_deux_fois_et_sans_motif(directrice, exercice):
    ordre = _ordre(directrice)
    with pytest.raises(DonneeInvalide, match="insuffisance ou d'un non-versement"):
        paiement_differer(acting_user=directrice, ordre=ordre, motif="")
    paiement_differer(acting_user=directrice, ordre=ordre, motif="non_versement")
    with pytest.raises(TransitionInterdite, match="est déjà différé"):
        paiement_differer(acting_user=directrice, ordre=ordre, motif="insuffisance")


def test_refuse_apres_la_fin_de_l_exercice(directrice, exercice, horloge):
    ordre = _ordre(directrice)
    horloge(J(2027, 1, 5))
    with pytest.raises(TransitionInterdite, match="devait intervenir au plus tard le 31/12/2026"):
        paiement_differer(acting_user=directrice, ordre=ordre, motif="insuffisance")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils absent")
def test_page_csv_pdf_et_api(client, directrice, comptable, auditeur, exercice):
    ordre = _ordre(directrice)
    client.force_login(directrice)
    page = client.get(reverse("depenses:differes", args=[2026])).content.decode()
    assert f"Différer le paiement de l'ordre n° {ordre.reference} au 31/12/2026" in page
    client.post(reverse("depenses:differer", args=[ordre.pk]), {"motif": "insuffisance"})
    assert PaiementDiffere.objects.filter(ordre=ordre).exists()
    client.force_login(auditeur)
    page = client.get(reverse("depenses:differes", args=[2026])).content.decode()
    assert "à payer au plus tard le 31/12/2026" in page and "Différer le paiement" not in page
    csv = client.get(reverse("depenses:differes_document", args=[2026, "csv"])).content.decode()
    assert csv.splitlines()[1].startswith(
        f"{ordre.reference};Mme Martin;insuffisance de prestation"
    )
    assert ";12,00;" in csv
    pdf = client.get(reverse("depenses:differes_document", args=[2026, "pdf"])).content
    texte = " ".join(
        subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
        .stdout.decode()
        .split()
    )
    assert "différés à la fin de l'exercice 2026" in texte and "Mme Martin" in texte
    api = APIClient()
    api.force_authenticate(comptable)
    assert api.get("/api/ordres-depense/differes/2026/").json()[0]["echeance"] == "2026-12-31"
    autre = _ordre(directrice, montant="5.00")
    refus = api.post(
        f"/api/ordres-depense/{autre.pk}/differer/", {"motif": "insuffisance"}, format="json"
    )
    assert refus.status_code == 403 and "Seul le directeur" in refus.json()["message"]
    api.force_authenticate(directrice)
    cree = api.post(
        f"/api/ordres-depense/{autre.pk}/differer/", {"motif": "insuffisance"}, format="json"
    )
    assert cree.status_code == 201 and cree.json()["echeance"] == "2026-12-31"


def test_la_liste_des_depenses_mene_aux_paiements_differes(client, directrice, exercice):
    client.force_login(directrice)
    html = client.get(reverse("depenses:liste")).content.decode()
    assert "Paiements différés (article D133-2)" in html
    reponse = client.get(reverse("depenses:differes_courant"))
    assert reponse.url == reverse("depenses:differes", args=[2026])
