"""The order's page and the API of article D253-81: forms for the right person
only, each payment, recovery and posting shown; the register's columns in the
page, the CSV and the API; every endpoint in the OpenAPI schema."""

import datetime
import html
import re

import pytest
from rest_framework.test import APIClient

from responsabilite.models import NonValeur, Recouvrement
from tests.responsabilite.test_reglement import _decharge_accordee

pytestmark = pytest.mark.django_db
D = datetime.date


def _page(reponse) -> str:
    assert reponse.status_code == 200
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", reponse.content.decode())).split())


def _api(utilisateur):
    client = APIClient()
    client.force_authenticate(utilisateur)
    return client


def test_la_page_de_l_ordre_et_ses_formulaires(client, mille, comptable, directrice, auditeur):
    url = f"/responsabilite/ordres/{mille.pk}/"
    client.force_login(comptable)
    texte = _page(client.get(url))
    assert "Enregistrer le versement" in texte and "Enregistrer le recouvrement" in texte
    assert "Enregistrer l'admission en non-valeur" not in texte
    # an over-precise amount: its French refusal, nothing recorded
    texte = _page(
        client.post(
            f"/responsabilite/ordres/{mille.pk}/versements/",
            {"montant": "10,001", "compte": "531"},
            follow=True,
        )
    )
    assert "Le montant a plus de deux décimales (10,001)" in texte
    assert not mille.versements.exists()
    # typed as a person types it: « 700,00 »
    texte = _page(
        client.post(
            f"/responsabilite/ordres/{mille.pk}/versements/",
            {"montant": "700,00", "compte": "531"},
            follow=True,
        )
    )
    assert (
        f"Versement de 700,00 € de l'agent comptable sur ses deniers enregistré sur l'ordre {mille.reference}."
        in texte.replace("\xa0", " ")
    )
    assert "est en droit de poursuivre à titre personnel" in texte
    client.force_login(directrice)
    texte = _page(client.get(url))
    assert "Enregistrer le versement" not in texte
    texte = _page(
        client.post(
            f"/responsabilite/ordres/{mille.pk}/non-valeurs/",
            {"conseil_le": "2026-06-15", "deliberation": "n° 50", "montant": "300"},
            follow=True,
        )
    )
    assert "Admission en non-valeur de 300,00" in texte and "à comptabiliser" in texte
    texte = _page(
        client.post(
            f"/responsabilite/ordres/{mille.pk}/association/",
            {"le": "2026-06-15", "association": "AFCM", "reference": "Lettre DSS n° 7"},
            follow=True,
        )
    )
    assert "Notification à AFCM du 15/06/2026 (Lettre DSS n° 7)" in texte
    # the directeur posts nothing
    nv = NonValeur.objects.get()
    texte = _page(
        client.post(f"/responsabilite/non-valeurs/{nv.pk}/comptabiliser/", {}, follow=True)
    )
    assert "Seul l'agent comptable (ou son fondé de pouvoir) passe les écritures" in texte
    client.force_login(comptable)
    _page(client.post(f"/responsabilite/non-valeurs/{nv.pk}/comptabiliser/", {}, follow=True))
    texte = _page(
        client.post(
            f"/responsabilite/ordres/{mille.pk}/recouvrements/",
            {"le": "2026-06-15", "debiteur": "M. Faux", "montant": "500", "compte": "531"},
            follow=True,
        )
    ).replace("\xa0", " ")
    assert (
        "Recouvrement de 500,00 € enregistré sur l'ordre DEB-2026-0001 : 0,00 € au débet, "
        "300,00 € à l'organisme, 200,00 € à l'agent comptable." in texte
    )
    r = Recouvrement.objects.get()
    texte = _page(
        client.post(
            f"/responsabilite/recouvrements/{r.pk}/reversement/", {"compte": "531"}, follow=True
        )
    )
    assert "reversé le 15/06/2026 depuis le 531" in texte
    client.force_login(auditeur)
    texte = _page(client.get(url))
    assert "Enregistrer" not in texte and "M. Faux" in texte
    registre = _page(client.get("/responsabilite/")).replace("\xa0", " ")
    assert "Admis en non-valeur" in registre and "Reversé à l'agent comptable" in registre
    assert (
        "L'agent comptable a couvert de ses deniers 700,00 € : il est en droit de poursuivre à "
        "titre personnel le recouvrement de la somme correspondante (article D253-81)." in registre
    )
    csv = client.get("/responsabilite/document.csv").content.decode()
    assert "Payé par l'agent comptable;Déchargé;Remis;Admis en non-valeur" in csv
    assert ";1000,00;700,00;0,00;0,00;300,00;0,00;300,00;200,00;0,00;200,00;0,00" in csv
    assert client.get("/responsabilite/document.pdf").content.startswith(b"%PDF")


def test_l_api_du_reglement(mille, comptable, directrice, auditeur):
    base = f"/api/responsabilite/ordres/{mille.pk}"
    refus = _api(directrice).post(
        f"{base}/versements/", {"montant": "1", "compte": "531"}, format="json"
    )
    assert refus.status_code == 403 and "Seul l'agent comptable" in refus.json()["message"]
    reponse = _api(comptable).post(
        f"{base}/versements/", {"montant": "700", "compte": "531"}, format="json"
    )
    assert reponse.status_code == 201, reponse.json()
    demande = _decharge_accordee(comptable, directrice, mille, "300")
    reponse = _api(comptable).post(f"/api/responsabilite/demandes/{demande.pk}/prise-en-charge/")
    assert reponse.status_code == 200 and reponse.json()["ecriture"] is not None
    refus = _api(comptable).post(
        f"{base}/non-valeurs/",
        {"conseil_le": "2026-06-15", "deliberation": "n", "montant": "1"},
        format="json",
    )
    assert refus.status_code == 403
    reponse = _api(comptable).post(
        f"{base}/recouvrements/",
        {"le": "2026-06-15", "debiteur": "M. Faux", "montant": "450", "compte": "531"},
        format="json",
    )
    assert reponse.status_code == 201
    parts = {k: reponse.json()[k] for k in ("part_debet", "part_decharge", "part_agent")}
    assert parts == {"part_debet": "0.00", "part_decharge": "300.00", "part_agent": "150.00"}
    trop = _api(comptable).post(
        f"{base}/recouvrements/",
        {"le": "2026-06-15", "debiteur": "M. Faux", "montant": "600", "compte": "531"},
        format="json",
    )
    assert (
        trop.status_code == 400
        and "dépasse ce qui peut encore être recouvré" in trop.json()["message"]
    )
    lu = _api(auditeur).get(f"{base}/reglement/").json()
    assert lu["debet"]["paye"] == "700.00" and lu["debet"]["recouvre_agent"] == "150.00"
    assert lu["recouvrable"] == "550.00" and lu["poursuite_personnelle"] is True
    assert [r["montant"] for r in lu["recouvrements"]] == ["450.00"]
    registre = _api(auditeur).get("/api/responsabilite/registre/").json()
    assert registre[0]["debets"][0]["recouvre_organisme"] == "300.00"
    schema = _api(directrice).get("/api/schema/").content.decode()
    for chemin in (
        "/api/responsabilite/ordres/{id}/reglement/",
        "/api/responsabilite/ordres/{id}/versements/",
        "/api/responsabilite/ordres/{id}/non-valeurs/",
        "/api/responsabilite/ordres/{id}/association/",
        "/api/responsabilite/ordres/{id}/recouvrements/",
        "/api/responsabilite/demandes/{id}/prise-en-charge/",
        "/api/responsabilite/non-valeurs/{id}/comptabiliser/",
        "/api/responsabilite/recouvrements/{id}/reversement/",
    ):
        assert chemin in schema, chemin
