"""The delegations' register as an API resource (issue 10, point 15): list
with filters, give, record the notification, withdraw; under the same droits
and services as its page."""

import datetime

import pytest
from rest_framework.test import APIClient

from core import horloge
from personnes.models import Delegation, Fonction
from personnes.permissions import pouvoir_ordonnateur
from tests.personnes.conftest import nommee, une_delegation

pytestmark = pytest.mark.django_db

AUJOURD_HUI = horloge.aujourdhui()
URL = "/api/delegations/"


def _api(utilisateur=None) -> APIClient:
    api = APIClient()
    if utilisateur is not None:
        api.force_authenticate(utilisateur)
    return api


def _corps(delegataire="delegue", **modifs) -> dict:
    corps = {
        "delegataire": delegataire,
        "type": "signature",
        "nature": "ordre_depense",
        "debut": AUJOURD_HUI.isoformat(),
        "fin": datetime.date(AUJOURD_HUI.year, 12, 31).isoformat(),
        "specimen_signature": "P. Girard",
        "montant_max": "20 000,00",
        "classes_comptes": "60, 61",
    }
    corps.update(modifs)
    return corps


def test_la_directrice_delegue_le_comptable_notifie_la_directrice_retire(
    directrice, comptable, delegue
):
    cree = _api(directrice).post(URL, _corps(), format="json")
    assert cree.status_code == 201, cree.json()
    donnees = cree.json()
    assert (donnees["delegant"], donnees["delegataire"], donnees["delegataire_nom"]) == (
        "directrice",
        "delegue",
        "Paul Girard",
    )
    assert (donnees["montant_max"], donnees["classes_comptes"]) == ("20000.00", "60,61")
    assert (donnees["etat"], donnees["notifiee_le"]) == ("non_notifiee", None)
    pk = donnees["id"]

    notifiee = _api(comptable).post(f"{URL}{pk}/notifier/", format="json")
    assert notifiee.status_code == 200, notifiee.json()
    assert (notifiee.json()["etat"], notifiee.json()["notifiee_le"]) == (
        "en_vigueur",
        AUJOURD_HUI.isoformat(),
    )
    assert (
        pouvoir_ordonnateur(
            delegue, nature="ordre_depense", montant="100", compte_numero="6064", le=AUJOURD_HUI
        ).delegation.pk
        == pk
    )

    retiree = _api(directrice).post(f"{URL}{pk}/retirer/", {}, format="json")
    assert retiree.status_code == 200, retiree.json()
    assert retiree.json()["etat"] == "retiree"
    assert retiree.json()["etat_libelle"] == f"retirée le {AUJOURD_HUI:%d/%m/%Y}"
    again = _api(directrice).post(f"{URL}{pk}/retirer/", {}, format="json")
    assert again.status_code == 409
    assert again.json()["message"] == (
        f"La délégation n° {pk} a déjà été retirée le {AUJOURD_HUI:%d/%m/%Y}."
    )


def test_creer_est_le_meme_acte_que_le_post_sur_la_liste(directrice, delegue):
    reponse = _api(directrice).post(f"{URL}creer/", _corps(nature="ordre_recette"), format="json")

    assert reponse.status_code == 201, reponse.json()
    assert Delegation.objects.get().nature == "ordre_recette"


def test_la_delegation_a_l_auditeur_est_refusee_et_rien_ne_change(directrice, auditeur):
    auditeur.first_name, auditeur.last_name = "Anne", "Lefèvre"
    auditeur.save()

    reponse = _api(directrice).post(URL, _corps(delegataire="auditeur"), format="json")

    assert reponse.status_code == 403
    assert reponse.json()["code"] == "separation_des_fonctions"
    assert reponse.json()["message"] == (
        f"Anne Lefèvre exerce entre le {AUJOURD_HUI:%d/%m/%Y} et le 31/12/{AUJOURD_HUI.year} la "
        "fonction d'auditeur (tutelle) : celui qui contrôle l'organisme n'agit pas pour son "
        "directeur, qui ne délègue qu'à « certains agents de l'organisme » (circulaire 93/82 §1.0)."
    )
    assert not Delegation.objects.exists()


@pytest.mark.parametrize("fixture", ["comptable", "fonde", "regisseur"])
def test_la_delegation_au_cote_comptable_est_refusee(request, directrice, fixture):
    beneficiaire = request.getfixturevalue(fixture)

    reponse = _api(directrice).post(URL, _corps(delegataire=beneficiaire.username), format="json")

    assert reponse.status_code == 403
    assert (
        "la dualité de délégation du directeur et de l'agent comptable est interdite"
        in (reponse.json()["message"])
    )
    assert not Delegation.objects.exists()


def test_la_delegation_a_qui_n_est_pas_delegue_est_refusee(directrice):
    nommee("stagiaire", "Léa", "Morin", Fonction.DELEGUE, debut=AUJOURD_HUI)

    reponse = _api(directrice).post(
        URL,
        _corps(delegataire="stagiaire", debut=(AUJOURD_HUI - datetime.timedelta(1)).isoformat()),
        format="json",
    )

    assert reponse.status_code == 400
    assert reponse.json()["message"].startswith(
        f"Léa Morin n'est pas délégué du directeur le "
        f"{AUJOURD_HUI - datetime.timedelta(1):%d/%m/%Y}"
    )
    assert not Delegation.objects.exists()


def test_seul_le_directeur_delegue_et_retire_seul_le_comptable_notifie(
    directrice, comptable, auditeur, delegue
):
    refus = _api(comptable).post(URL, _corps(), format="json")
    assert refus.status_code == 403
    assert refus.json()["message"].startswith("Seul le directeur peut déléguer")
    delegation = une_delegation(directrice, delegue, notifiee_le=None)

    assert _api(auditeur).post(f"{URL}{delegation.pk}/retirer/").status_code == 403
    notifier = _api(directrice).post(f"{URL}{delegation.pk}/notifier/")
    assert notifier.status_code == 403
    assert notifier.json()["message"].startswith("Seul l'agent comptable")
    delegation.refresh_from_db()
    assert (delegation.notifiee_le, delegation.retiree_le) == (None, None)
    assert _api(directrice).post(f"{URL}999999/retirer/").json()["message"] == (
        "La délégation n° 999999 n'existe pas."
    )


def test_le_registre_se_lit_et_se_filtre(directrice, comptable, auditeur, delegue):
    recette = une_delegation(directrice, delegue)
    depense = une_delegation(directrice, delegue, nature="ordre_depense", notifiee_le=None)

    lecture = _api(auditeur).get(URL, {"le": "2025-03-17"})
    assert lecture.status_code == 200
    assert [(d["id"], d["etat"]) for d in lecture.json()["results"]] == [
        (depense.pk, "non_notifiee"),
        (recette.pk, "en_vigueur"),
    ]
    filtre = _api(auditeur).get(URL, {"le": "2025-03-17", "etat": "en_vigueur"})
    assert [d["id"] for d in filtre.json()["results"]] == [recette.pk]
    assert [
        d["id"]
        for d in _api(auditeur)
        .get(URL, {"nature": "ordre_depense", "delegataire": "delegue"})
        .json()["results"]
    ] == [depense.pk]
    # Today, a delegation of 2025 has expired.
    assert _api(auditeur).get(f"{URL}{recette.pk}/").json()["etat"] == "expiree"


def test_les_filtres_invalides_et_les_inconnus_sont_dits_en_francais(directrice, auditeur):
    api = _api(auditeur)

    assert api.get(URL, {"etat": "valide"}).json()["message"] == (
        "Le paramètre « etat » vaut l'un de : en_vigueur, a_venir, expiree, retiree, "
        "non_notifiee, tombee (reçu « valide »)."
    )
    assert api.get(URL, {"delegataire": "personne"}).json()["message"] == (
        "La personne « personne » n'existe pas."
    )
    assert api.get(URL, {"le": "17/03/2025"}).status_code == 400
    assert api.get(f"{URL}424242/").json()["message"] == "La délégation n° 424242 n'existe pas."


def test_sans_fonction_on_ne_lit_pas_le_registre(db):
    from tests.factories import UtilisateurFactory

    assert _api().get(URL).status_code in (401, 403)
    assert _api(UtilisateurFactory()).get(URL).status_code == 403


def test_le_schema_decrit_le_registre(auditeur):
    chemins = _api(auditeur).get("/api/schema/", {"format": "json"}).json()["paths"]

    assert set(chemins["/api/delegations/"]) >= {"get", "post"}
    for chemin in ("/api/delegations/{id}/notifier/", "/api/delegations/{id}/retirer/"):
        assert "post" in chemins[chemin]


def test_le_registre_dit_tombee_la_delegation_dont_le_delegataire_a_change(directrice, delegue):
    """The register and the rule agree: a délégation whose delegate left his
    affectation as délégué du directeur has fallen by itself."""
    from personnes.models import Affectation
    from personnes.selectors import registre_delegations
    from tests.factories import AffectationFactory

    aujourd_hui = horloge.aujourdhui()
    debut = aujourd_hui - datetime.timedelta(days=10)
    delegation = une_delegation(
        directrice,
        delegue,
        debut=debut,
        fin=aujourd_hui + datetime.timedelta(days=100),
        notifiee_le=debut,
    )
    assert registre_delegations().get(pk=delegation.pk).etat == "en_vigueur"
    # the délégué is moved to a new affectation: the délégation falls
    Affectation.objects.filter(utilisateur=delegue).update(
        fin=aujourd_hui - datetime.timedelta(days=1)
    )
    AffectationFactory(utilisateur=delegue, fonction="delegue", debut=aujourd_hui)
    assert registre_delegations().get(pk=delegation.pk).etat == "tombee"
    api = APIClient()
    api.force_authenticate(directrice)
    assert api.get(f"/api/delegations/{delegation.pk}/").json()["etat"] == "tombee"
