# ruff: noqa: F811  (the fixtures imported from cycle_outils are parameters of the tests)
"""The page « Vie des comptes », its PDF and CSV, its API, and the deadline
on the home page and the exercise's comptes annuels page: who acts, who only
reads (circ. 93/82 §IV; D613-41)."""

import datetime
import re

import pytest
from rest_framework.test import APIClient

from comptes_annuels.models import AvisFonde, Quitus, TransmissionComptes
from personnes.models import Fonction
from tests.comptes_annuels.cycle_outils import approuve, clos, transmis  # noqa: F401 (fixtures)
from tests.factories import personne
from tests.tresorerie.test_pages import page as page_brute
from tests.tresorerie.test_pages import texte_pdf

pytestmark = pytest.mark.django_db
D = datetime.date


def page(reponse) -> str:
    """The page's text as read: no tags, one space between words."""
    return " ".join(re.sub(r"<[^>]+>", " ", page_brute(reponse)).split())


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def test_la_directrice_enregistre_une_transmission_tardive_par_la_page(
    client, horloge, directrice, clos
):
    n1 = clos.annee + 1
    horloge(D(n1, 4, 3))
    client.force_login(directrice)
    brute = page_brute(client.get(f"/comptes-annuels/{clos.annee}/vie/"))
    texte = page(client.get(f"/comptes-annuels/{clos.annee}/vie/"))
    assert f"Dernier jour : 31/03/{n1}" in texte and "Délai dépassé" in texte
    # the proposed date shows in the browser's date input (ISO only)
    assert f'type="date" name="le" value="{n1}-04-03"' in brute
    assert "Enregistrer la transmission" in texte and "Enregistrer le quitus" not in texte
    reponse = client.post(
        f"/comptes-annuels/{clos.annee}/vie/transmission/",
        {"le": f"{n1}-04-02", "reference": "Bordereau 2026-4"},
        follow=True,
    )
    texte = page(reponse)
    assert (
        f"Transmission des comptes annuels {clos.annee} enregistrée, en retard : le dernier "
        f"jour était le 31/03/{n1}." in texte
    )
    assert f"Transmis en retard , le 02/04/{n1}" in texte
    assert TransmissionComptes.objects.get().en_retard


def test_l_auditeur_lit_et_telecharge_mais_n_agit_pas(client, horloge, auditeur, approuve):
    n1 = approuve.annee + 1
    horloge(D(n1, 6, 1))
    client.force_login(auditeur)
    texte = page(client.get(f"/comptes-annuels/{approuve.annee}/vie/"))
    assert "Transmis dans le délai, le 20/03/" in texte
    assert "Enregistrer" not in texte  # no form
    pdf = texte_pdf(client.get(f"/comptes-annuels/{approuve.annee}/vie/document.pdf").content)
    assert f"Vie des comptes annuels de l'exercice {approuve.annee}" in pdf
    assert "Décision DRASS 2026-41" in pdf and "Envoi 12" in pdf
    csv = client.get(f"/comptes-annuels/{approuve.annee}/vie/document.csv")
    assert csv["Content-Disposition"] == (
        f'attachment; filename="vie_des_comptes_{approuve.annee}.csv"'
    )
    lignes = csv.content.decode().splitlines()
    assert lignes[0] == "Étape;Date;Référence;Détail;État"
    assert (
        f"Approbation des comptes annuels;{n1}-05-10;Décision DRASS 2026-41;par le directeur "
        "régional des affaires sanitaires et sociales;fait" in lignes
    )
    assert lignes[-1].startswith("Quitus à ") and lignes[-1].endswith(";à faire")
    reponse = _api(auditeur).post(
        f"/api/comptes-annuels/{approuve.annee}/vie/quitus/",
        {"le": f"{n1}-06-01", "deliberation": "CA 9"},
        format="json",
    )
    assert reponse.status_code == 403
    assert reponse.json()["message"].startswith("Seul le directeur enregistre les décisions")
    assert not Quitus.objects.exists()
    # a page act sent anyway is refused with the same sentence
    suite = page(
        client.post(
            f"/comptes-annuels/{approuve.annee}/vie/quitus/",
            {"le": f"{n1}-06-01", "deliberation": "CA 9"},
            follow=True,
        )
    )
    assert "Seul le directeur enregistre les décisions" in suite and not Quitus.objects.exists()


def test_l_api_du_fonde_a_son_quitus(horloge, comptable, directrice, approuve):
    n1 = approuve.annee + 1
    fonde = personne("fonde", Fonction.FONDE_DE_POUVOIR)
    horloge(D(n1, 6, 2))
    refus = _api(directrice).post(
        f"/api/comptes-annuels/{approuve.annee}/vie/quitus/",
        {"le": f"{n1}-06-02", "deliberation": "CA 11", "beneficiaire": "fonde"},
        format="json",
    )
    assert refus.status_code == 409
    assert "subordonné à l'avis favorable de l'agent comptable" in refus.json()["message"]
    avis = _api(comptable).post(
        f"/api/comptes-annuels/{approuve.annee}/vie/avis-fonde/",
        {"fonde": "fonde", "favorable": True, "texte": "Gestion sans observation."},
        format="json",
    )
    assert avis.status_code == 201 and AvisFonde.objects.get().fonde == fonde
    reponse = _api(directrice).post(
        f"/api/comptes-annuels/{approuve.annee}/vie/quitus/",
        {"le": f"{n1}-06-02", "deliberation": "CA 11", "beneficiaire": "fonde"},
        format="json",
    )
    assert reponse.status_code == 201
    donnees = reponse.json()
    (b,) = [b for b in donnees["beneficiaires"] if b["utilisateur"] == "fonde"]
    assert b["qualite"] == "fonde_de_pouvoir" and b["avis_favorable"] is True
    assert b["quitus_le"] == f"{n1}-06-02" and b["debets_ouverts"] == []
    lecture = _api(comptable).get(f"/api/comptes-annuels/{approuve.annee}/vie/").json()
    assert lecture["approuve_par"] == "drass" and lecture["en_retard"] is False
    assert lecture["limite_transmission"] == f"{n1}-03-31"


def test_le_quitus_de_l_agent_comptable_par_la_page(
    client, horloge, comptable, directrice, approuve
):
    n1 = approuve.annee + 1
    horloge(D(n1, 6, 3))
    client.force_login(directrice)
    assert "Enregistrer le quitus" in page(client.get(f"/comptes-annuels/{approuve.annee}/vie/"))
    texte = page(
        client.post(
            f"/comptes-annuels/{approuve.annee}/vie/quitus/",
            {"le": f"{n1}-06-03", "deliberation": "CA 2026-12", "beneficiaire": ""},
            follow=True,
        )
    )
    assert f"Quitus de l'exercice {approuve.annee} donné à" in texte
    assert "quitus donné le 03/06/" in texte and "débets ouverts : aucun" in texte
    assert Quitus.objects.get().beneficiaire == comptable


def test_le_delai_sur_les_pages_d_accueil_et_des_comptes_annuels(
    client, horloge, comptable, directrice, clos
):
    n1 = clos.annee + 1
    horloge(D(n1, 3, 21))
    for qui in (directrice, comptable):
        client.force_login(qui)
        texte = page(client.get("/"))
        assert f"Comptes annuels {clos.annee} : transmission" in texte
        assert f"au plus tard le 31/03/{n1} (D613-41 al. 1" in texte and "encore 10 jours" in texte
    texte = page(client.get(f"/comptes-annuels/{clos.annee}/"))
    assert f"dernier jour le 31/03/{n1}" in texte and "encore 10 jours" in texte
    assert f"Vie des comptes {clos.annee} : transmission, approbation, quitus" in texte


def test_l_agent_comptable_donne_son_avis_sur_un_fonde_par_la_page(
    client, horloge, comptable, approuve
):
    n1 = approuve.annee + 1
    fonde = personne("fonde", Fonction.FONDE_DE_POUVOIR)
    horloge(D(n1, 5, 25))
    client.force_login(comptable)
    texte = page(client.get(f"/comptes-annuels/{approuve.annee}/vie/"))
    assert "Enregistrer l'avis" in texte and "Enregistrer le quitus" not in texte
    texte = page(
        client.post(
            f"/comptes-annuels/{approuve.annee}/vie/avis-fonde/",
            {"fonde": fonde.pk, "favorable": "non", "texte": "Écarts non justifiés.",
             "le": f"{n1}-05-25"},
            follow=True,
        )
    )  # fmt: skip
    assert "Avis défavorable sur le quitus de" in texte
    assert f"avis défavorable de l'agent comptable du 25/05/{n1} : Écarts non justifiés." in texte
    assert AvisFonde.objects.get().favorable is False
