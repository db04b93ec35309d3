"""The décharge de responsabilité and the remise gracieuse (circ. 93/82
§6.2): requested by the agent comptable; force majeure proven by a PDF; the
board's decision recorded by the directeur; above the dated threshold it waits
for the ministers' approval; a remise only after a refused décharge; the
register's amounts; the sursis lasts while a décharge is pending."""

import datetime
import hashlib
import html
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from reglementation.models import Parametre
from responsabilite import selectors
from responsabilite.models import Demande
from responsabilite.services_decharge import (
    approbation_enregistrer,
    decision_conseil_enregistrer,
    demande_deposer,
)
from responsabilite.services_sursis import sursis_decider, sursis_demander
from tests.fichiers import pdf, png
from tests.savepoint import refus_sql

pytestmark = pytest.mark.django_db
D = datetime.date
DEBUT_ESSAI = D(2026, 1, 1)
PDF = pdf("constat de vol")


def seuil(valeur: str, depuis=DEBUT_ESSAI):
    """A new dated version of the amount set by arrêté, from `depuis`."""
    Parametre.objects.filter(cle="seuil_approbation_decharge", fin__isnull=True).update(
        fin=depuis - datetime.timedelta(days=1)
    )
    Parametre.objects.create(
        cle="seuil_approbation_decharge",
        valeur=valeur,
        debut=depuis,
        article="circulaire DSS/F 93/82 §6.2",
        libelle="Somme fixée par arrêté (essai)",
    )


def _decharge(comptable, ordre, **kw):
    donnees = {"nature": "decharge", "motifs": "Vol avec effraction de la caisse"}
    donnees.update(kw)
    return demande_deposer(acting_user=comptable, ordre=ordre, **donnees)


def test_sous_le_seuil_la_decision_du_conseil_suffit(ordre, comptable, directrice):
    seuil("5000.00")
    demande = _decharge(
        comptable, ordre, montant="1000", force_majeure=True, piece_nom="vol.pdf", piece=PDF
    )
    assert demande.piece_sha256 == hashlib.sha256(PDF).hexdigest()
    assert demande.piece.read() == PDF
    demande = decision_conseil_enregistrer(
        acting_user=directrice,
        demande=demande,
        conseil_le=D(2026, 6, 15),
        deliberation="Délibération n° 2026-14",
        montant="800.00",
    )
    assert (demande.etat, demande.seuil) == ("accordee", Decimal("5000.00"))
    (debet,) = selectors.debets()
    assert debet.decharge == Decimal("800.00") and debet.reste == Decimal("434.56")
    assert "décharge de responsabilité accordée" in debet.etat
    assert JournalAudit.objects.filter(acte="responsabilite.decharge_conseil").count() == 1


def test_au_dela_du_seuil_date_la_decision_attend_l_approbation_ministerielle(
    ordre, comptable, directrice
):
    seuil("1000.00")  # the débet of 1 234,56 € exceeds it
    demande = _decharge(comptable, ordre)
    demande = decision_conseil_enregistrer(
        acting_user=directrice,
        demande=demande,
        conseil_le=D(2026, 6, 15),
        deliberation="Délibération n° 2026-15",
        montant="1234.56",
    )
    assert demande.etat == "approbation"
    assert demande.get_etat_display() == "en attente d'approbation ministérielle"
    (debet,) = selectors.debets()
    assert debet.decharge == 0 and "en attente d'approbation ministérielle" in debet.etat
    from tests.responsabilite.test_dossier_drass import dossier

    dossier(directrice, demande, transmis_le=D(2026, 6, 15))
    demande = approbation_enregistrer(
        acting_user=directrice,
        demande=demande,
        approuvee=True,
        le=D(2026, 6, 15),
        reference="Décision des ministres du 15/06/2026",
    )
    assert demande.etat == "accordee"
    (debet,) = selectors.debets()
    assert debet.decharge == Decimal("1234.56") and not debet.ouvert


def test_le_seuil_est_celui_en_vigueur_le_jour_de_la_decision(ordre, comptable, directrice):
    seuil("5000.00", depuis=D(2026, 6, 16))  # until 15 June the row of the migration (0)
    demande = decision_conseil_enregistrer(
        acting_user=directrice,
        demande=_decharge(comptable, ordre),
        conseil_le=D(2026, 6, 15),
        deliberation="n° 16",
        montant="0",
    )
    assert (demande.etat, demande.seuil) == ("approbation", Decimal("0.00"))


def test_la_force_majeure_se_prouve_par_un_pdf(ordre, comptable):
    with pytest.raises(DonneeInvalide, match="La force majeure ne se présume pas"):
        _decharge(comptable, ordre, force_majeure=True)
    with pytest.raises(DonneeInvalide, match="n'est pas ce qu'il prétend être"):
        _decharge(comptable, ordre, force_majeure=True, piece_nom="vol.pdf", piece=b"GIF89a")
    with pytest.raises(DonneeInvalide, match="doit être un PDF"):
        _decharge(comptable, ordre, force_majeure=True, piece_nom="vol.png", piece=png("vol"))
    assert not Demande.objects.exists()


def test_la_remise_est_refusee_avant_le_refus_de_la_decharge(ordre, comptable, directrice):
    seuil("5000.00")
    remise = {"nature": "remise", "motifs": "Situation de famille"}
    with pytest.raises(TransitionInterdite, match="ne se demande qu'après son refus"):
        demande_deposer(acting_user=comptable, ordre=ordre, **remise)
    decharge = _decharge(comptable, ordre)
    with pytest.raises(TransitionInterdite, match="ne se demande qu'après son refus"):
        demande_deposer(acting_user=comptable, ordre=ordre, **remise)
    refus_sql(
        lambda cur: cur.execute(
            "INSERT INTO responsabilite_demande (ordre_id, nature, demande_le, motifs, "
            "montant_demande, force_majeure, piece, piece_nom, piece_sha256, etat, "
            "deliberation, approbation_reference) SELECT id, 'remise', emis_le, 'x', 1, false, "
            "'', '', '', 'demandee', '', '' FROM responsabilite_ordredebet"
        ),
        "ne se demande que si la décharge",
    )
    decision_conseil_enregistrer(
        acting_user=directrice,
        demande=decharge,
        conseil_le=D(2026, 6, 15),
        deliberation="n° 17",
        montant="0",
    )
    demande = demande_deposer(acting_user=comptable, ordre=ordre, montant="500", **remise)
    decision_conseil_enregistrer(
        acting_user=directrice,
        demande=demande,
        conseil_le=D(2026, 6, 15),
        deliberation="n° 18",
        montant="500",
    )
    (debet,) = selectors.debets()
    assert (debet.decharge, debet.remis, debet.reste) == (0, Decimal("500.00"), Decimal("734.56"))


def test_qui_demande_et_qui_decide(ordre, comptable, directrice):
    with pytest.raises(DroitInsuffisant, match="Seul l'agent comptable à l'encontre duquel"):
        _decharge(directrice, ordre)
    demande = _decharge(comptable, ordre)
    with pytest.raises(TransitionInterdite, match="déjà été demandée le 15/06/2026"):
        _decharge(comptable, ordre)
    with pytest.raises(DroitInsuffisant):
        decision_conseil_enregistrer(
            acting_user=comptable,
            demande=demande,
            conseil_le=D(2026, 6, 15),
            deliberation="n° 1",
            montant="1",
        )
    with pytest.raises(DonneeInvalide, match="plus que le montant demandé"):
        decision_conseil_enregistrer(
            acting_user=directrice,
            demande=demande,
            conseil_le=D(2026, 6, 15),
            deliberation="n° 1",
            montant="2000",
        )
    with pytest.raises(TransitionInterdite, match="n'attend pas d'approbation"):
        approbation_enregistrer(
            acting_user=directrice,
            demande=demande,
            approuvee=True,
            le=D(2026, 6, 15),
            reference="x",
        )


def test_le_sursis_se_prolonge_tant_qu_une_decharge_est_pendante(
    ordre, comptable, directrice, horloge
):
    seuil("5000.00")
    sursis_demander(acting_user=comptable, ordre=ordre, motifs="Situation de famille")
    sursis_decider(
        acting_user=directrice,
        ordre=ordre,
        accorde=True,
        decide_le=D(2026, 6, 15),
        decision="n° 9",
    )
    ordre.refresh_from_db()
    assert selectors.sursis_echeance(ordre) == D(2027, 6, 15)
    demande = _decharge(comptable, ordre)
    # pending past the year: the sursis lasts on
    assert selectors.sursis_echeance(ordre, D(2027, 9, 1)) == D(2027, 9, 1)
    horloge(D(2027, 10, 4))
    decision_conseil_enregistrer(
        acting_user=directrice,
        demande=demande,
        conseil_le=D(2027, 10, 4),
        deliberation="n° 19",
        montant="0",
    )
    ordre.refresh_from_db()
    assert selectors.sursis_echeance(ordre, D(2028, 1, 1)) == D(2027, 10, 4)


def test_postgresql_garde_les_demandes(ordre, comptable, directrice):
    seuil("5000.00")
    demande = _decharge(comptable, ordre)
    refus_sql(lambda cur: cur.execute("DELETE FROM responsabilite_demande"), "ne se supprime pas")
    refus_sql(
        lambda cur: cur.execute("UPDATE responsabilite_demande SET montant_demande = 1"),
        "ne se modifie pas",
    )
    refus_sql(
        lambda cur: cur.execute(
            "UPDATE responsabilite_demande SET etat = 'accordee', conseil_le = demande_le, "
            "montant_accorde = 1, seuil = 0"
        ),
        "soumise à l'approbation des ministres",
    )
    decision_conseil_enregistrer(
        acting_user=directrice,
        demande=demande,
        conseil_le=D(2026, 6, 15),
        deliberation="n° 20",
        montant="0",
    )
    refus_sql(
        lambda cur: cur.execute("UPDATE responsabilite_demande SET etat = 'accordee'"),
        "ne passe pas de l'état « refusee » à l'état « accordee »",
    )


def _page(reponse) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", reponse.content.decode())).split())


def test_la_decharge_par_les_pages_avec_la_piece(client, ordre, comptable, directrice):
    seuil("1000.00")
    client.force_login(comptable)
    assert "Demander la décharge de responsabilité" in _page(client.get("/responsabilite/"))
    texte = _page(
        client.post(
            f"/responsabilite/ordres/{ordre.pk}/demandes/",
            {
                "nature": "decharge",
                "motifs": "Vol avec effraction",
                "force_majeure": "on",
                "piece": SimpleUploadedFile("vol.pdf", PDF, content_type="application/pdf"),
            },
            follow=True,
        )
    )
    assert (
        f"Demande de décharge de responsabilité sur l'ordre {ordre.reference} enregistrée." in texte
    )
    assert hashlib.sha256(PDF).hexdigest() in texte
    demande = Demande.objects.get()
    assert client.get(f"/responsabilite/demandes/{demande.pk}/piece.pdf").content == PDF
    client.force_login(directrice)
    texte = _page(
        client.post(
            f"/responsabilite/demandes/{demande.pk}/conseil/",
            {"conseil_le": "2026-06-15", "deliberation": "n° 21", "montant": "1234.56"},
            follow=True,
        )
    )
    assert "Décision du conseil enregistrée : décharge de responsabilité sur l'ordre" in texte
    assert "en attente d'approbation ministérielle." in texte
    from tests.responsabilite.test_dossier_drass import dossier

    dossier(directrice, demande, transmis_le=D(2026, 6, 15))
    texte = _page(
        client.post(
            f"/responsabilite/demandes/{demande.pk}/approbation/",
            {"approuvee": "0", "le": "2026-06-15", "reference": "Lettre des ministres"},
            follow=True,
        )
    )
    assert "Décision des ministres enregistrée : décharge de responsabilité sur l'ordre" in texte
    assert f"{ordre.reference}, refusée." in texte
    client.force_login(comptable)
    assert "Demander la décharge de responsabilité" in _page(client.get("/responsabilite/"))


def test_l_api_des_demandes(ordre, comptable, directrice):
    seuil("5000.00")

    def api(utilisateur):
        client = APIClient()
        client.force_authenticate(utilisateur)
        return client

    url = f"/api/responsabilite/ordres/{ordre.pk}/demandes/"
    refus = api(directrice).post(url, {"nature": "decharge", "motifs": "x"}, format="json")
    assert refus.status_code == 403
    assert "Seul l'agent comptable à l'encontre duquel" in refus.json()["message"]
    reponse = api(comptable).post(
        url,
        {"nature": "decharge", "motifs": "Vol", "force_majeure": "true", "piece": _fichier()},
        format="multipart",
    )
    assert reponse.status_code == 201, reponse.json()
    assert reponse.json()["piece_sha256"] == hashlib.sha256(PDF).hexdigest()
    pk = reponse.json()["id"]
    conseil = {"conseil_le": "2026-06-15", "deliberation": "n° 22", "montant": "100.00"}
    refus = api(comptable).post(f"/api/responsabilite/demandes/{pk}/conseil/", conseil)
    assert refus.status_code == 403 and "Seul le directeur" in refus.json()["message"]
    reponse = api(directrice).post(
        f"/api/responsabilite/demandes/{pk}/conseil/", conseil, format="json"
    )
    assert reponse.status_code == 200 and reponse.json()["etat"] == "accordee"
    registre = api(directrice).get("/api/responsabilite/registre/").json()
    assert registre[0]["debets"][0]["decharge"] == "100.00"
    schema = api(directrice).get("/api/schema/").content.decode()
    assert "/api/responsabilite/demandes/{id}/approbation/" in schema


def _fichier():
    return SimpleUploadedFile("vol.pdf", PDF, content_type="application/pdf")
