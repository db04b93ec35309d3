"""Special mandates of vérification and contrôle (issue 12 point 1; circ. 93/82
§1.1.1): given and withdrawn by the agent comptable in office; service,
selector, PostgreSQL, page and API."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.models import JournalAudit
from personnes.models import Fonction, Mandat
from personnes.selectors import mandat_en_cours
from personnes.services_mandats import mandat_enregistrer, mandat_retirer
from tests.personnes.conftest import nommee
from tests.savepoint import refus_sql
from tests.tresorerie.test_pages import page

pytestmark = pytest.mark.django_db

D = datetime.date
CONTROLES = Mandat.Objet.CONTROLES


@pytest.fixture
def mandataire(db):
    return nommee("mandataire", "Luc", "Fabre", Fonction.MANDATAIRE)


def _donner(comptable, mandataire, **champs) -> Mandat:
    valeurs = {"objet": CONTROLES, "debut": D(2026, 6, 1), "fin": D(2026, 12, 31)}
    valeurs.update(champs)
    return mandat_enregistrer(acting_user=comptable, mandataire=mandataire, **valeurs)


def test_mandat_en_cours_sur_sa_periode_et_jusqu_au_retrait(comptable, mandataire):
    mandat = _donner(comptable, mandataire, precisions="contrôles de caisse")
    assert mandat.agent_comptable == comptable
    assert JournalAudit.objects.get(acte="mandat.enregistre").acteur == comptable
    assert mandat_en_cours(mandataire, CONTROLES, D(2026, 5, 31)) is None
    assert mandat_en_cours(mandataire, CONTROLES, D(2026, 6, 1)) == mandat
    assert mandat_en_cours(mandataire, CONTROLES, D(2026, 12, 31)) == mandat
    assert mandat_en_cours(mandataire, CONTROLES, D(2027, 1, 1)) is None
    assert mandat_en_cours(mandataire, Mandat.Objet.VERIFICATIONS, D(2026, 6, 15)) is None

    mandat_retirer(acting_user=comptable, mandat=mandat)
    mandat.refresh_from_db()
    assert mandat.retire_le == D(2026, 6, 15)
    assert mandat_en_cours(mandataire, CONTROLES, D(2026, 6, 14)) == mandat
    assert mandat_en_cours(mandataire, CONTROLES, D(2026, 6, 15)) is None
    with pytest.raises(TransitionInterdite, match="déjà été retiré le 15/06/2026"):
        mandat_retirer(acting_user=comptable, mandat=mandat)


def test_seul_l_agent_comptable_en_fonction_donne_un_mandat(directrice, comptable, mandataire):
    with pytest.raises(
        DroitInsuffisant, match="Seul l'agent comptable en fonction donne un mandat spécial"
    ):
        _donner(directrice, mandataire)
    assert not Mandat.objects.exists()


def test_mandat_a_qui_n_est_pas_mandataire_refuse(comptable, directrice):
    with pytest.raises(
        DonneeInvalide, match="n'est pas mandataire de l'agent comptable le 01/06/2026"
    ):
        _donner(comptable, directrice)


def test_objet_hors_verification_et_controle_refuse(comptable, mandataire):
    with pytest.raises(DonneeInvalide, match="la tenue de la comptabilité ne peut faire l'objet"):
        _donner(comptable, mandataire, objet="ecritures")


def test_sql_le_mandat_ne_se_modifie_pas_seul_son_retrait_une_fois(comptable, mandataire):
    mandat = _donner(comptable, mandataire)
    message = "Un mandat spécial ne se modifie ni ne se supprime"
    refus_sql(
        lambda c: c.execute(
            "UPDATE personnes_mandat SET fin = '2027-12-31' WHERE id = %s", [mandat.pk]
        ),
        message,
    )
    refus_sql(
        lambda c: c.execute("DELETE FROM personnes_mandat WHERE id = %s", [mandat.pk]), message
    )
    refus_sql(
        lambda c: c.execute(
            "UPDATE personnes_mandat SET retire_le = '2027-01-05' WHERE id = %s", [mandat.pk]
        ),
        message,
    )
    mandat_retirer(acting_user=comptable, mandat=mandat, le=D(2026, 7, 1))
    refus_sql(
        lambda c: c.execute(
            "UPDATE personnes_mandat SET retire_le = '2026-08-01' WHERE id = %s", [mandat.pk]
        ),
        message,
    )


def test_page_et_api_des_mandats(client, comptable, mandataire, auditeur):
    client.force_login(comptable)
    reponse = client.post(
        reverse("personnes:mandats"),
        {
            "mandataire": mandataire.pk,
            "objet": "controles",
            "debut": "2026-06-01",
            "fin": "2026-12-31",
        },
        follow=True,
    )
    texte = page(reponse)
    mandat = Mandat.objects.get()
    assert (
        f"Mandat n° {mandat.pk} de Luc Fabre (enregistrer les contrôles), du 01/06/2026 au 31/12/2026 enregistré."
        in texte
    )
    assert "en cours" in texte

    client.force_login(auditeur)
    texte = page(client.get(reverse("personnes:mandats")))
    assert (
        "Luc Fabre" in texte and "Donner un mandat spécial" not in texte and "Retirer" not in texte
    )

    api = APIClient()
    api.force_authenticate(auditeur)
    assert api.get("/api/mandats/").json()["results"][0]["mandataire"] == "mandataire"
    assert api.post(f"/api/mandats/{mandat.pk}/retirer/", {}, format="json").status_code == 403
    api.force_authenticate(comptable)
    reponse = api.post(f"/api/mandats/{mandat.pk}/retirer/", {"le": "2026-06-20"}, format="json")
    assert reponse.status_code == 200, reponse.content
    assert reponse.json()["retire_le"] == "2026-06-20"
    reponse = api.post(
        "/api/mandats/",
        {
            "mandataire": "mandataire",
            "objet": "verifications",
            "debut": "2026-07-01",
            "fin": "2026-07-31",
        },
        format="json",
    )
    assert reponse.status_code == 201, reponse.content
    schema = api.get("/api/schema/").content.decode()
    assert "/api/mandats/" in schema and "/api/mandats/{id}/retirer/" in schema
