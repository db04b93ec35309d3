# ruff: noqa: F811  (the fixtures imported from tests.tresorerie are parameters)
"""The register of débets as a page, PDF, CSV and API; the directeur's acts
by the page; the letters (circ. 93/82 §6.0, §6.1)."""

import datetime
import re
import subprocess
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from comptes_annuels.selectors_cycle import debets_ouverts
from depenses import services as ds
from ledger.models import Ligne
from responsabilite.models import MiseEnCause, OrdreDebet
from tests.depenses.conftest import credits  # noqa: F401 (fixture)
from tests.depenses.test_requisition import _requis
from tests.tresorerie.conftest import comptes, regisseur  # noqa: F401 (fixtures)
from tests.tresorerie.test_pages import page as page_brute
from tests.tresorerie.test_pages import texte_pdf
from tresorerie import services as t

pytestmark = pytest.mark.django_db
D = datetime.date


def page(reponse) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page_brute(reponse)).split())


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def test_la_directrice_met_en_cause_et_emet_l_ordre_par_la_page(
    client, directrice, comptable, exercice, annee
):
    client.force_login(directrice)
    texte = page(
        client.post(
            "/responsabilite/mise-en-cause/",
            {
                "auteur": "conseil_fraude",
                "decide_le": f"{annee}-06-10",
                "faits_le": f"{annee}-05-02",
                "motifs": "Détournement à la caisse",
                "montant": "300.00",
                "fraude": "on",
            },
            follow=True,
        )
    )
    assert "Mise en cause de l'agent comptable enregistrée" in texte
    mise = MiseEnCause.objects.get()
    assert mise.agent_comptable == comptable
    lettre = texte_pdf(
        client.get(f"/responsabilite/mises-en-cause/{mise.pk}/lettre-drass.pdf").content
    )
    assert "directeur régional des affaires sanitaires et sociales" in lettre
    assert "300,00 €" in lettre and "fraude ou d'un détournement" in lettre
    texte = page(
        client.post(
            f"/responsabilite/mises-en-cause/{mise.pk}/emettre/", {"compte": "531"}, follow=True
        )
    )
    assert f"Ordre de recette DEB-{annee}-0001 émis" in texte
    ordre = OrdreDebet.objects.get()
    lettre = texte_pdf(client.get(f"/responsabilite/ordres/{ordre.pk}/lettre.pdf").content)
    assert "Lettre recommandée avec demande d'avis de réception" in lettre
    assert f"DEB-{annee}-0001" in lettre and "300,00 €" in lettre
    assert "vous ne pouvez demander de sursis" in lettre
    texte = page(
        client.post(
            f"/responsabilite/ordres/{ordre.pk}/accuse-reception/",
            {"le": f"{annee}-06-15"},
            follow=True,
        )
    )
    assert f"Avis de réception de l'ordre DEB-{annee}-0001 enregistré." in texte
    assert "avis de réception reçu" in texte


def test_l_agent_comptable_ne_peut_emettre_par_la_page(client, comptable, mise):
    client.force_login(comptable)
    texte = page(
        client.post(
            f"/responsabilite/mises-en-cause/{mise.pk}/emettre/", {"compte": "531"}, follow=True
        )
    )
    assert "Seul le directeur" in texte
    assert not OrdreDebet.objects.exists()


def test_l_auditeur_lit_le_registre_en_pdf_csv_et_api(client, auditeur, ordre, annee):
    client.force_login(auditeur)
    texte = page(client.get("/responsabilite/"))
    assert f"DEB-{annee}-0001" in texte and "1 234,56 €" in texte
    assert "Émettre l'ordre" not in texte and "Enregistrer une mise en cause" not in texte
    contenu = client.get("/responsabilite/document.pdf").content
    pdf = texte_pdf(contenu)
    assert "Registre des débets des comptables" in pdf and "1 234,56 €" in pdf
    # its sixteen columns read across a landscape page, the last one included
    info = subprocess.run(["pdfinfo", "-"], input=contenu, capture_output=True, check=True)
    largeur, hauteur = map(
        float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info.stdout.decode()).groups()
    )
    assert largeur > hauteur and "Reste" in pdf.split("Reversé")[-1]
    csv = client.get("/responsabilite/document.csv").content.decode()
    assert (
        f"DEB-{annee}-0001" in csv
        and "1234,56;0,00;0,00;0,00;0,00;0,00;0,00;0,00;0,00;0,00;1234,56" in csv
    )
    api = _api(auditeur)
    (r,) = api.get("/api/responsabilite/registre/").json()
    assert r["utilisateur"] == "comptable" and r["debets"][0]["reste"] == "1234.56"
    refus = api.post("/api/responsabilite/registre/", {})
    assert refus.status_code == 403 and "se consulte" in refus.json()["message"]


def test_l_api_emet_et_refuse_l_agent_comptable(directrice, comptable, mise, annee):
    refus = _api(comptable).post(
        f"/api/responsabilite/mises-en-cause/{mise.pk}/ordre/", {"compte": "531"}
    )
    assert refus.status_code == 403 and "Seul le directeur" in refus.json()["message"]
    reponse = _api(directrice).post(
        f"/api/responsabilite/mises-en-cause/{mise.pk}/ordre/", {"compte": "531"}, format="json"
    )
    assert reponse.status_code == 201 and reponse.json()["reference"] == f"DEB-{annee}-0001"
    ordre = OrdreDebet.objects.get()
    reponse = _api(comptable).post(f"/api/responsabilite/ordres/{ordre.pk}/comptabiliser/")
    assert reponse.status_code == 200 and reponse.json()["ecriture"] is not None


def test_le_quitus_liste_les_debets_ouverts(ordre, exercice):
    (d,) = debets_ouverts(exercice, ordre.agent_comptable)
    assert str(d).replace("\xa0", " ").startswith(f"{ordre.reference} : 1 234,56 € restant dû")


def test_un_manquant_a_l_arrete_devient_l_ordre_de_la_directrice(
    client, directrice, comptable, comptes, annee
):
    """The shortfall waits on 4722 from the arrêté; the directrice's order on it
    is posted by the agent comptable 429 / 4722; the agent comptable of that day is
    the one put in question."""
    t.encaissement_enregistrer(
        acting_user=comptable,
        compte=comptes["CAISSE"],
        moyen="numeraire",
        montant="250.00",
        payeur="M. Petit",
        objet="Versement",
    )
    arrete = t.arrete_caisse(
        acting_user=comptable, compte=comptes["CAISSE"], comptage={"100": 1, "10": 3}
    )
    lignes_429 = Ligne.objects.filter(compte__numero="429").count()
    client.force_login(directrice)
    texte = page(client.get("/responsabilite/"))
    assert "Manquants de caisse sans ordre de recette" in texte and "120,00 €" in texte
    assert "manquant de 120,00 €" in texte and "-120,00" not in texte
    texte = page(
        client.post(
            f"/responsabilite/manquants/{arrete.pk}/ordre/",
            {"auteur": "tutelle", "decide_le": f"{annee}-06-15"},
            follow=True,
        )
    )
    assert f"Ordre de recette DEB-{annee}-0001 émis" in texte
    ordre = OrdreDebet.objects.get()
    assert ordre.agent_comptable == comptable and ordre.montant == Decimal("120.00")
    # the shortfall waits on 4722 since the arrêté; the order carries it to 429
    assert ordre.ecriture is None and ordre.compte == "4722"
    assert ordre.mise_en_cause.faits_le == arrete.date
    assert Ligne.objects.filter(compte__numero="429").count() == lignes_429
    assert "Manquants de caisse sans ordre de recette" not in page(client.get("/responsabilite/"))
    refus = _api(directrice).post(
        f"/api/responsabilite/manquants/{arrete.pk}/ordre/",
        {"auteur": "tutelle", "decide_le": f"{annee}-06-15"},
        format="json",
    )
    assert refus.status_code == 409 and "a déjà donné lieu" in refus.json()["message"]
    comptabilise = _api(comptable).post(f"/api/responsabilite/ordres/{ordre.pk}/comptabiliser/")
    assert comptabilise.status_code == 200
    soldes = {
        numero: sum(lg.debit - lg.credit for lg in Ligne.objects.filter(compte__numero=numero))
        for numero in ("4722", "429")
    }
    assert soldes == {"4722": Decimal("0.00"), "429": Decimal("120.00")}


def test_une_requisition_deferee_passe_au_directeur_dans_le_registre(
    client, directrice, comptable, credits, auditeur
):
    ordre = _requis(directrice, comptable, credits)
    ds.ordre_depense_viser_sur_requisition(acting_user=comptable, ordre=ordre)
    client.force_login(auditeur)
    texte = page(client.get("/responsabilite/"))
    assert "Réquisitions : la responsabilité passe au directeur" in texte
    assert ordre.reference in texte and "Continuité du service" in texte
    (q,) = _api(auditeur).get("/api/responsabilite/requisitions/").json()
    assert q["ordre"] == ordre.reference and q["requis_par"] == "directrice"
    pdf = texte_pdf(client.get("/responsabilite/document.pdf").content)
    assert "la responsabilité passe au directeur" in pdf and ordre.reference in pdf


def _debet(directrice, annee, n):
    from responsabilite import services

    for _ in range(n):
        mise = services.mise_en_cause_enregistrer(
            acting_user=directrice,
            auteur="tutelle",
            decide_le=D(annee, 6, 1),
            faits_le=D(annee, 3, 15),
            motifs="Manquant",
            montant="10",
        )
        services.ordre_debet_emettre(acting_user=directrice, mise_en_cause=mise, compte="531")


def test_le_registre_coute_autant_de_requetes_pour_1_ou_4_debets(  # no N+1
    client, directrice, comptable, exercice, annee
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(directrice)
    api = _api(directrice)
    client.get("/responsabilite/")  # warm-up: caches of the first request
    api.get("/api/responsabilite/registre/")
    comptes_ = []
    for n in (1, 3):
        _debet(directrice, annee, n)
        with CaptureQueriesContext(connection) as page_:
            client.get("/responsabilite/")
        with CaptureQueriesContext(connection) as api_:
            api.get("/api/responsabilite/registre/")
        comptes_.append((len(page_.captured_queries), len(api_.captured_queries)))
    assert comptes_[0] == comptes_[1]


def _ids_et_labels(html: str):
    ids = re.findall(r'\sid="([^"]+)"', html)
    cibles = re.findall(r'<label for="([^"]+)"', html)
    return ids, cibles


def test_chaque_formulaire_du_registre_a_ses_propres_champs(
    client, directrice, comptable, ordre, annee
):
    """Two orders on the register: each one's forms name their own fields, so
    each label leads to the field of its own order (no id repeats)."""
    from tests.responsabilite.conftest import debet_de_mille

    second = debet_de_mille(directrice, comptable, annee)
    for qui, formulaires in ((directrice, ("avis", "conseil")), (comptable, ("sursis", "demande"))):
        client.force_login(qui)
        html = client.get("/responsabilite/").content.decode()
        ids, cibles = _ids_et_labels(html)
        assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
        assert set(cibles) <= set(ids)
        for nom in formulaires:
            for o in (ordre, second):
                assert f'id="id_{nom}-{o.pk}_' in html, (nom, o.reference)
