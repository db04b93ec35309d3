"""The ministers' part (circ. 93/82 §6.2): the DRASS file transmitted to the
minister before the approval of a décharge or remise gracieuse (revenues,
property, copies of the contrat de cautionnement and of the insurance, PDF
under SHA-256, once); the transmission for avis of a mise en cause by the
tutelle above the amount set by arrêté, and the avis."""

import datetime
import hashlib
import html
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from responsabilite import services
from responsabilite.models import Demande
from responsabilite.models_drass import AvisMinistres, DossierDrass
from responsabilite.services_decharge import (
    approbation_enregistrer,
    decision_conseil_enregistrer,
    demande_deposer,
)
from responsabilite.services_drass import avis_ministres_enregistrer, dossier_drass_transmettre
from tests.fichiers import pdf, png
from tests.responsabilite.test_decharge import seuil
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db
D = datetime.date
CAUTIONNEMENT = pdf("contrat de cautionnement")
ASSURANCE = pdf("assurance responsabilite civile")
PNG = png("assurance")


def dossier(directrice, demande, **kw):
    """Record the DRASS file of `demande` (helper shared with test_decharge)."""
    donnees = {
        "transmis_le": D(2026, 6, 16),
        "revenus": "42000.00",
        "biens_immobiliers": "0",
        "cautionnement": CAUTIONNEMENT,
        "cautionnement_nom": "cautionnement.pdf",
        "assurance": ASSURANCE,
        "assurance_nom": "assurance.pdf",
    }
    donnees.update(kw)
    return dossier_drass_transmettre(acting_user=directrice, demande=demande, **donnees)


@pytest.fixture
def en_attente(ordre, comptable, directrice, horloge):
    """A décharge of the whole débet (1 234,56 €) waiting for the ministers since
    the board's decision of 15/06/2026; today is 20/06/2026."""
    seuil("1000.00")
    demande = demande_deposer(
        acting_user=comptable, ordre=ordre, nature="decharge", motifs="Vol avec effraction"
    )
    demande = decision_conseil_enregistrer(
        acting_user=directrice,
        demande=demande,
        conseil_le=D(2026, 6, 15),
        deliberation="Délibération n° 2026-30",
        montant="1234.56",
    )
    horloge(D(2026, 6, 20))
    return demande


def _approuver(directrice, demande):
    return approbation_enregistrer(
        acting_user=directrice,
        demande=demande,
        approuvee=True,
        le=D(2026, 6, 17),
        reference="Décision des ministres du 17/06/2026",
    )


def test_l_approbation_attend_le_dossier_de_la_drass(en_attente, directrice):
    assert en_attente.etat == "approbation"
    with pytest.raises(TransitionInterdite) as refus:
        _approuver(directrice, en_attente)
    for manque in (
        "dossier de la DRASS",
        "revenus de l'agent comptable sur la période en cause",
        "évaluation de ses biens immobiliers",
        "contrat de cautionnement",
        "contrat d'assurance responsabilité civile",
    ):
        assert manque in refus.value.message
    assert Demande.objects.get().etat == "approbation"
    d = dossier(directrice, en_attente)
    assert (d.revenus, d.biens_immobiliers) == (Decimal("42000.00"), Decimal("0.00"))
    assert d.cautionnement_sha256 == hashlib.sha256(CAUTIONNEMENT).hexdigest()
    assert d.assurance.read() == ASSURANCE
    assert JournalAudit.objects.filter(acte="responsabilite.dossier_drass").count() == 1
    assert _approuver(directrice, en_attente).etat == "accordee"


def test_le_dossier_est_controle(en_attente, directrice, comptable):
    with pytest.raises(DonneeInvalide, match="n'est pas ce qu'il prétend être|doit être un PDF"):
        dossier(directrice, en_attente, cautionnement=PNG, cautionnement_nom="cautionnement.pdf")
    with pytest.raises(DonneeInvalide, match="doit être un PDF"):
        dossier(directrice, en_attente, assurance=PNG, assurance_nom="assurance.png")
    with pytest.raises(DonneeInvalide, match="Joignez la copie du contrat d'assurance"):
        dossier(directrice, en_attente, assurance=None)
    with pytest.raises(DonneeInvalide, match="ne peut précéder le 15/06/2026"):
        dossier(directrice, en_attente, transmis_le=D(2026, 6, 14))
    with pytest.raises(DonneeInvalide, match="postérieure à aujourd'hui"):
        dossier(directrice, en_attente, transmis_le=D(2026, 6, 21))
    with pytest.raises(DonneeInvalide, match="ne peut être négatif"):
        dossier(directrice, en_attente, revenus="-1")
    with pytest.raises(DroitInsuffisant):
        dossier(comptable, en_attente)
    assert not DossierDrass.objects.exists()
    dossier(directrice, en_attente)
    with pytest.raises(TransitionInterdite, match="déjà enregistré"):
        dossier(directrice, en_attente)


def test_pas_de_dossier_sans_attente_des_ministres(ordre, comptable, directrice):
    seuil("5000.00")
    demande = demande_deposer(
        acting_user=comptable, ordre=ordre, nature="decharge", motifs="Vol avec effraction"
    )
    with pytest.raises(TransitionInterdite, match="n'attend pas d'approbation"):
        dossier(directrice, demande)


def test_postgresql_garde_le_dossier(en_attente, directrice):
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_demande SET etat = 'accordee', approbation_le = conseil_le, "
            "approbation_reference = 'x', approuvee = true"
        ),
        "après la transmission du dossier de la DRASS",
    )
    dossier(directrice, en_attente)
    refus_sql(
        lambda cur: cur.execute("UPDATE responsabilite_dossierdrass SET revenus = 1"),
        "ne se modifie ni ne se supprime",
    )
    refus_sql(
        lambda cur: cur.execute("DELETE FROM responsabilite_dossierdrass"),
        "ne se modifie ni ne se supprime",
    )
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO responsabilite_dossierdrass (demande_id, transmis_le, revenus, "
            "biens_immobiliers, cautionnement, cautionnement_nom, cautionnement_sha256, "
            "assurance, assurance_nom, assurance_sha256, enregistre_par_id, enregistre_le) "
            f"SELECT id, '2026-06-01', 0, 0, 'x', 'x', '{'a' * 64}', 'x', 'x', '{'a' * 64}', "
            "1, now() FROM responsabilite_demande"
        ),
        "ne peut être transmis avant la décision du conseil",
    )


def test_sous_le_role_applicatif(en_attente, directrice):
    with connection.cursor() as cur:
        cur.execute("SET ROLE caisse_app")
    try:
        dossier(directrice, en_attente)
        assert _approuver(directrice, en_attente).etat == "accordee"
        refus_sql(
            lambda cur: cur.execute("UPDATE responsabilite_dossierdrass SET revenus = 1"),
            "permission denied",
        )
        refus_sql(
            lambda cur: cur.execute("UPDATE responsabilite_dossierdrass SET id = id"),
            "ne se modifie ni ne se supprime",
        )
    finally:
        with connection.cursor() as cur:
            cur.execute("RESET ROLE")
    assert DossierDrass.objects.get().revenus == Decimal("42000.00")


def _page(reponse) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", reponse.content.decode())).split())


def _fichiers():
    return {
        "cautionnement": SimpleUploadedFile("cautionnement.pdf", CAUTIONNEMENT),
        "assurance": SimpleUploadedFile("assurance.pdf", ASSURANCE),
    }


def test_le_dossier_par_la_page(client, en_attente, directrice):
    client.force_login(directrice)
    texte = _page(client.get("/responsabilite/"))
    assert "Dossier de la DRASS non encore transmis au ministre" in texte
    assert "Revenus de l'agent comptable sur la période en cause (€)" in texte
    assert "Enregistrer la décision des ministres" not in texte
    url = f"/responsabilite/demandes/{en_attente.pk}/dossier-drass/"
    donnees = {"transmis_le": "2026-06-18", "revenus": "42000", "biens_immobiliers": "150000"}
    texte = _page(
        client.post(
            url,
            {**donnees, **_fichiers(), "assurance": SimpleUploadedFile("a.pdf", PNG)},
            follow=True,
        )
    )
    assert "doit être un PDF" in texte or "n'est pas ce qu'il prétend être" in texte
    assert not DossierDrass.objects.exists()
    texte = _page(client.post(url, {**donnees, **_fichiers()}, follow=True))
    assert "Dossier de la DRASS transmis au ministre enregistré" in texte
    assert "transmis au ministre chargé de la sécurité sociale le 18/06/2026" in texte
    assert "revenus de l'agent comptable sur la période en cause 42 000,00 €" in texte
    assert "évaluation de ses biens immobiliers 150 000,00 €" in texte
    assert hashlib.sha256(CAUTIONNEMENT).hexdigest() in texte
    assert "Enregistrer la décision des ministres" in texte
    d = DossierDrass.objects.get()
    copie = client.get(f"/responsabilite/dossiers-drass/{d.pk}/assurance.pdf")
    assert b"".join(copie.streaming_content if copie.streaming else [copie.content]) == ASSURANCE


def _api(utilisateur):
    client = APIClient()
    client.force_authenticate(utilisateur)
    return client


def test_le_dossier_par_l_api(en_attente, directrice, comptable, auditeur):
    url = f"/api/responsabilite/demandes/{en_attente.pk}/dossier-drass/"
    donnees = {"transmis_le": "2026-06-18", "revenus": "42000.00", "biens_immobiliers": "0"}
    for intrus in (auditeur, comptable):
        refus = _api(intrus).post(url, {**donnees, **_fichiers()}, format="multipart")
        assert refus.status_code == 403
        assert "Seul le directeur" in refus.json()["message"]
    reponse = _api(directrice).post(url, {**donnees, **_fichiers()}, format="multipart")
    assert reponse.status_code == 201, reponse.json()
    assert reponse.json()["assurance_sha256"] == hashlib.sha256(ASSURANCE).hexdigest()
    reponse = _api(directrice).post(
        f"/api/responsabilite/demandes/{en_attente.pk}/approbation/",
        {"approuvee": True, "le": "2026-06-19", "reference": "n° 7"},
        format="json",
    )
    assert reponse.status_code == 200
    assert reponse.json()["dossier_drass"]["revenus"] == "42000.00"
    assert reponse.json()["dossier_drass"]["transmis_le"] == "2026-06-18"
    schema = _api(directrice).get("/api/schema/").content.decode()
    assert "/api/responsabilite/demandes/{id}/dossier-drass/" in schema
    assert "/api/responsabilite/mises-en-cause/{id}/avis-ministres/" in schema


# -- the mise en cause by the tutelle, transmitted for avis to the ministers


@pytest.fixture
def par_la_tutelle(directrice, comptable, exercice, annee):
    seuil("1000.00")
    return services.mise_en_cause_enregistrer(
        acting_user=directrice,
        auteur="tutelle",
        decide_le=D(annee, 6, 1),
        faits_le=D(annee, 3, 15),
        motifs="Paiement irrégulier relevé par la DRASS",
        montant=Decimal("5000.00"),
    )


def _avis(directrice, mise, **kw):
    donnees = {
        "transmis_le": D(2026, 6, 2),
        "avis_le": D(2026, 6, 12),
        "reference": "Avis DSS/DB n° 12",
        "favorable": True,
    }
    donnees.update(kw)
    return avis_ministres_enregistrer(acting_user=directrice, mise_en_cause=mise, **donnees)


def test_la_mise_en_cause_par_la_tutelle_est_transmise_pour_avis(
    par_la_tutelle, directrice, comptable, mise
):
    with pytest.raises(TransitionInterdite, match="autorité de tutelle locale"):
        _avis(directrice, mise)
    with pytest.raises(DroitInsuffisant):
        _avis(comptable, par_la_tutelle)
    with pytest.raises(DonneeInvalide, match="ne peut précéder le 02/06/2026"):
        _avis(directrice, par_la_tutelle, avis_le=D(2026, 6, 1))
    # the ordre de recette does not wait for the avis
    ordre = services.ordre_debet_emettre(
        acting_user=directrice, mise_en_cause=par_la_tutelle, compte="531"
    )
    assert ordre.montant == Decimal("5000.00")
    avis = _avis(directrice, par_la_tutelle, favorable=False)
    assert (avis.seuil, avis.favorable) == (Decimal("1000.00"), False)
    with pytest.raises(TransitionInterdite, match="déjà enregistré"):
        _avis(directrice, par_la_tutelle)
    refus_sql(
        lambda cur: cur.execute("UPDATE responsabilite_avisministres SET favorable = true"),
        "ne se modifie ni ne se supprime",
    )


def test_sous_la_somme_fixee_par_arrete_pas_d_avis(directrice, comptable, exercice, annee):
    seuil("10000.00")
    mise = services.mise_en_cause_enregistrer(
        acting_user=directrice,
        auteur="tutelle",
        decide_le=D(annee, 6, 1),
        faits_le=D(annee, 3, 15),
        motifs="Paiement irrégulier",
        montant=Decimal("5000.00"),
    )
    assert not mise.transmise_pour_avis
    with pytest.raises(TransitionInterdite, match="ne dépasse pas la somme fixée par arrêté"):
        _avis(directrice, mise)


def test_l_avis_par_la_page_et_l_api(client, par_la_tutelle, directrice, auditeur):
    client.force_login(directrice)
    texte = _page(client.get("/responsabilite/"))
    assert "Transmission pour avis aux ministres" in texte
    texte = _page(
        client.post(
            f"/responsabilite/mises-en-cause/{par_la_tutelle.pk}/avis-ministres/",
            {
                "transmis_le": "2026-06-02",
                "avis_le": "2026-06-12",
                "reference": "Avis n° 3",
                "favorable": "1",
            },
            follow=True,
        )
    )
    assert "Avis favorable des ministres sur la mise en cause enregistré." in texte
    assert (
        "Transmise pour avis aux ministres chargés de la sécurité sociale et du budget le " in texte
    )
    assert "avis favorable du 12/06/2026 (Avis n° 3)" in texte
    AvisMinistres.objects.get()
    url = f"/api/responsabilite/mises-en-cause/{par_la_tutelle.pk}/avis-ministres/"
    donnees = {
        "transmis_le": "2026-06-02",
        "avis_le": "2026-06-12",
        "reference": "x",
        "favorable": True,
    }
    assert _api(auditeur).post(url, donnees, format="json").status_code == 403
    reponse = _api(directrice).post(url, donnees, format="json")
    assert reponse.status_code == 409 or reponse.status_code == 400
    assert "déjà enregistré" in reponse.json()["message"]


def test_l_avis_par_l_api(par_la_tutelle, directrice, comptable):
    url = f"/api/responsabilite/mises-en-cause/{par_la_tutelle.pk}/avis-ministres/"
    donnees = {
        "transmis_le": "2026-06-02",
        "avis_le": "2026-06-12",
        "reference": "n° 4",
        "favorable": False,
    }
    assert _api(comptable).post(url, donnees, format="json").status_code == 403
    reponse = _api(directrice).post(url, donnees, format="json")
    assert reponse.status_code == 201, reponse.json()
    assert (reponse.json()["favorable"], reponse.json()["seuil"]) == (False, "1000.00")
