"""A fondé de pouvoir put in question by the directeur (circ. 93/82 §6.2:
« la responsabilité des fondés de pouvoirs et des responsables des centres
agréés peut être mise en cause »): the order is issued against him, his letter
names his quality, he asks for the sursis himself, the register keeps him apart
and the quitus lists his open débets."""

import datetime
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from comptes_annuels.selectors_cycle import debets_ouverts
from core.exceptions import DonneeInvalide, DroitInsuffisant
from personnes.models import Affectation, Fonction, nom_de
from responsabilite import documents, selectors, services, services_decharge, services_sursis
from responsabilite.models import MiseEnCause
from tests.factories import personne
from tests.responsabilite.test_pages import page
from tests.tresorerie.test_pages import texte_pdf

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def fonde(db):
    u = personne("croussel", Fonction.FONDE_DE_POUVOIR)
    u.first_name, u.last_name = "Claire", "Roussel"
    u.save()
    return u


def _mise(directrice, annee, qui=None, *, faits=None, montant="400"):
    return services.mise_en_cause_enregistrer(
        acting_user=directrice,
        auteur="conseil_commission",
        decide_le=D(annee, 6, 1),
        faits_le=faits or D(annee, 3, 15),
        motifs="Paiement sans pièce justificative",
        montant=montant,
        personne=qui,
    )


def test_le_fonde_mis_en_cause_recoit_l_ordre_et_demande_lui_meme_le_sursis(
    client, directrice, comptable, fonde, exercice, annee
):
    mise = _mise(directrice, annee, fonde)
    assert mise.agent_comptable == fonde
    assert selectors.qualite_mise(mise) == "fondé de pouvoir de l'agent comptable"
    # the fondé cannot issue the order against himself, the directeur does
    with pytest.raises(DroitInsuffisant, match="propre encontre"):
        services.ordre_debet_emettre(acting_user=fonde, mise_en_cause=mise, compte="531")
    ordre = services.ordre_debet_emettre(acting_user=directrice, mise_en_cause=mise, compte="531")
    assert ordre.agent_comptable == fonde and ordre.montant == Decimal("400.00")

    lettre = " ".join(texte_pdf(documents.lettre_notification(ordre)).split())
    assert "À Claire Roussel, fondé de pouvoir de l'agent comptable" in lettre
    assert ordre.reference in lettre and "400,00 €" in lettre

    # the forms of his requests are his, on the page, not the agent comptable's
    client.force_login(fonde)
    assert "Demander le sursis de versement" in page(client.get("/responsabilite/"))
    client.force_login(comptable)
    assert "Demander le sursis de versement" not in page(client.get("/responsabilite/"))
    # the agent comptable cannot ask for the sursis of his fondé's débet
    with pytest.raises(DroitInsuffisant):
        services_sursis.sursis_demander(acting_user=comptable, ordre=ordre, motifs="Pour lui")
    services_sursis.sursis_demander(acting_user=fonde, ordre=ordre, motifs="Situation familiale")
    ordre.refresh_from_db()
    assert ordre.sursis_etat == "demande"
    with pytest.raises(DroitInsuffisant):
        services_decharge.demande_deposer(
            acting_user=comptable, ordre=ordre, nature="decharge", motifs="Pour lui"
        )
    demande = services_decharge.demande_deposer(
        acting_user=fonde, ordre=ordre, nature="decharge", motifs="Pièce égarée par la poste"
    )
    assert demande.montant_demande == Decimal("400.00")

    # the agent comptable posts the débet; the fondé's quitus lists it, not the titular's
    services.ordre_debet_comptabiliser(acting_user=comptable, ordre=ordre)
    (d,) = debets_ouverts(exercice, fonde)
    assert d.reste == Decimal("400.00")
    assert debets_ouverts(exercice, comptable) == []


def test_le_registre_tient_le_fonde_a_part_avec_sa_qualite(
    client, directrice, comptable, fonde, exercice, annee
):
    _mise(directrice, annee, fonde, montant="400")
    _mise(directrice, annee, montant="100")
    par_titre = {r.titre: r for r in selectors.registre()}
    assert set(par_titre) == {
        "Claire Roussel, fondé de pouvoir de l'agent comptable",
        f"{nom_de(comptable)}, agent comptable",
    }
    assert par_titre["Claire Roussel, fondé de pouvoir de l'agent comptable"].total(
        "reste"
    ) == Decimal("400.00")
    client.force_login(directrice)
    texte = page(client.get("/responsabilite/"))
    assert "Claire Roussel, fondé de pouvoir de l'agent comptable" in texte
    csv = client.get("/responsabilite/document.csv").content.decode().splitlines()
    assert csv[0].startswith("Agent comptable;") and csv[0].endswith(";Qualité")
    assert any(
        ligne.startswith("Claire Roussel;")
        and ligne.endswith(";fondé de pouvoir de l'agent comptable")
        for ligne in csv
    )
    pdf = " ".join(texte_pdf(client.get("/responsabilite/document.pdf").content).split())
    assert "Claire Roussel, fondé de pouvoir de l'agent comptable" in pdf


def test_seul_un_fonde_de_pouvoir_du_jour_des_faits_peut_etre_mis_en_cause(
    directrice, comptable, exercice, annee
):
    tardif = personne("tardif", Fonction.FONDE_DE_POUVOIR)
    Affectation.objects.filter(utilisateur=tardif).update(debut=D(annee, 4, 1))
    with pytest.raises(DonneeInvalide, match="n'était pas fondé de pouvoir"):
        _mise(directrice, annee, tardif)
    with pytest.raises(DonneeInvalide, match="ordonnateur"):
        _mise(directrice, annee, directrice)
    delegue = personne("delegue", Fonction.DELEGUE)
    with pytest.raises(DonneeInvalide, match="ordonnateur"):
        _mise(directrice, annee, delegue)
    assert not MiseEnCause.objects.exists()
    # named after that day, he answers for facts of his own time
    assert _mise(directrice, annee, tardif, faits=D(annee, 4, 2)).agent_comptable == tardif


def test_la_page_et_l_api_designent_le_fonde(client, directrice, comptable, fonde, exercice, annee):
    client.force_login(directrice)
    formulaire = client.get("/responsabilite/").content.decode()
    assert "Comptable mis en cause" in formulaire
    assert "l&#x27;agent comptable en fonction à la date des faits" in formulaire
    assert f'<option value="{fonde.pk}">Claire Roussel, fondé de pouvoir</option>' in formulaire
    texte = page(
        client.post(
            "/responsabilite/mise-en-cause/",
            {
                "auteur": "tutelle",
                "decide_le": f"{annee}-06-10",
                "faits_le": f"{annee}-05-02",
                "personne": str(fonde.pk),
                "motifs": "Paiement en double",
                "montant": "50.00",
            },
            follow=True,
        )
    )
    assert "Mise en cause du fondé de pouvoir de l'agent comptable enregistrée" in texte
    assert MiseEnCause.objects.get().agent_comptable == fonde

    api = APIClient()
    api.force_authenticate(directrice)
    entree = {
        "auteur": "tutelle",
        "decide_le": f"{annee}-06-10",
        "faits_le": f"{annee}-05-03",
        "motifs": "Paiement sans visa",
        "montant": "20.00",
    }
    r = api.post(
        "/api/responsabilite/mises-en-cause/", {**entree, "personne": "croussel"}, format="json"
    )
    assert r.status_code in (200, 201), r.content
    assert r.json()["agent_comptable"] == "croussel"
    assert r.json()["qualite"] == "fondé de pouvoir de l'agent comptable"
    r = api.post("/api/responsabilite/mises-en-cause/", entree, format="json")
    assert r.json()["agent_comptable"] == "comptable" and r.json()["qualite"] == "agent comptable"
    refus = api.post(
        "/api/responsabilite/mises-en-cause/", {**entree, "personne": "inconnu"}, format="json"
    )
    assert refus.status_code == 400 and "Aucun utilisateur « inconnu »" in refus.json()["message"]
    refus = api.post(
        "/api/responsabilite/mises-en-cause/", {**entree, "personne": "comptable"}, format="json"
    )
    # the agent comptable in office that day is the default, named or not
    assert refus.status_code in (200, 201)
    assert MiseEnCause.objects.filter(agent_comptable=fonde).count() == 2
