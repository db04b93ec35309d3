"""The agent comptable and the auditor open every pièce of an ordre de dépense
from its page and through the API, as joined: the file handed out is checked
against the SHA-256 recorded when it was joined (ordres.pieces)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from depenses import services as depenses
from personnes.models import Fonction
from tests.factories import MOT_DE_PASSE, UtilisateurFactory, personne
from tests.ordres.test_pieces import FACTURE, saisie_depense

pytestmark = pytest.mark.django_db


@pytest.fixture
def transmis(directrice, exercice):
    """An ordre de dépense sent to the agent comptable with its invoice."""
    ordre = depenses.ordre_depense_creer(
        acting_user=directrice,
        saisie=saisie_depense(pieces_references=""),
        pieces=[("facture 118.pdf", FACTURE)],
    )
    depenses.ordre_depense_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    return depenses.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


@pytest.mark.parametrize("qui", ["comptable", "auditeur"])
def test_le_comptable_et_l_auditeur_ouvrent_la_facture_depuis_la_page(
    client, transmis, qui, request
):
    piece = transmis.pieces.get()
    client.force_login(request.getfixturevalue(qui))
    # the order's page links to the pièce
    page = client.get(reverse("depenses:detail", args=[transmis.pk])).content.decode()
    lien = reverse("depenses:piece", args=[transmis.pk, piece.pk])
    assert f'href="{lien}"' in page
    # and the link gives the file as joined
    reponse = client.get(lien)
    assert reponse.status_code == 200
    assert reponse.content == FACTURE
    assert reponse["Content-Type"] == "application/pdf"
    assert reponse["Content-Disposition"] == 'inline; filename="facture 118.pdf"'
    assert reponse["X-Piece-Sha256"] == piece.sha256


def test_l_api_liste_et_donne_les_pieces(transmis, comptable, auditeur):
    piece = transmis.pieces.get()
    ordre = _api(auditeur).get(f"/api/ordres-depense/{transmis.pk}/").json()
    assert ordre["pieces"] == [
        {
            "id": piece.pk,
            "nom": "facture 118.pdf",
            "type_mime": "application/pdf",
            "taille": len(FACTURE),
            "sha256": piece.sha256,
            "complement": False,
            "url": f"/api/ordres-depense/{transmis.pk}/pieces/{piece.pk}/",
        }
    ]
    reponse = _api(comptable).get(ordre["pieces"][0]["url"])
    assert reponse.status_code == 200 and reponse.content == FACTURE
    assert reponse["Content-Disposition"] == 'inline; filename="facture 118.pdf"'
    enregistree = _api(comptable).get(ordre["pieces"][0]["url"] + "?telecharger")
    assert enregistree.content == FACTURE
    assert enregistree["Content-Disposition"] == 'attachment; filename="facture 118.pdf"'


def test_une_piece_d_un_autre_ordre_ou_inconnue_n_est_pas_trouvee(client, transmis, comptable):
    piece = transmis.pieces.get()
    reponse = _api(comptable).get(f"/api/ordres-depense/{transmis.pk + 1}/pieces/{piece.pk}/")
    assert reponse.status_code == 404
    assert reponse.json()["message"] == (f"L'ordre n'a pas de pièce justificative n° {piece.pk}.")
    client.force_login(comptable)
    assert client.get(reverse("depenses:piece", args=[transmis.pk, piece.pk + 1])).status_code == (
        404
    )


def test_sans_fonction_dans_l_organisme_on_n_ouvre_pas_les_pieces(client, transmis):
    piece = transmis.pieces.get()
    url = f"/api/ordres-depense/{transmis.pk}/pieces/{piece.pk}/"
    assert APIClient().get(url).status_code in (401, 403)
    sans_fonction = UtilisateurFactory(username="visiteur")
    reponse = _api(sans_fonction).get(url)
    assert reponse.status_code == 403
    assert reponse.json()["message"] == (
        "Vous devez exercer une fonction dans l'organisme pour accéder à ces données."
    )
    client.force_login(sans_fonction)
    page = client.get(reverse("depenses:piece", args=[transmis.pk, piece.pk]))
    assert page.status_code in (302, 403) and page.content != FACTURE


def test_une_piece_modifiee_apres_son_depot_n_est_pas_communiquee(client, transmis, comptable):
    # given the stored file replaced behind the application's back
    piece = transmis.pieces.get()
    with open(piece.fichier.path, "wb") as fichier:
        fichier.write(b"%PDF-1.4 facture falsifiee")
    # then the API refuses it, saying why
    reponse = _api(comptable).get(f"/api/ordres-depense/{transmis.pk}/pieces/{piece.pk}/")
    assert reponse.status_code == 409
    assert reponse.json()["code"] == "piece_alteree"
    assert reponse.json()["message"].startswith(
        "La pièce « facture 118.pdf » ne correspond plus à l'empreinte SHA-256 enregistrée"
    )
    # and the page goes back to the order with the same message
    client.force_login(comptable)
    page = client.get(reverse("depenses:piece", args=[transmis.pk, piece.pk]), follow=True)
    assert page.redirect_chain[-1][0] == reverse("depenses:detail", args=[transmis.pk])
    assert "ne correspond plus à l&#x27;empreinte SHA-256" in page.content.decode()


def test_le_regisseur_lit_les_pieces_comme_il_lit_les_ordres(client, transmis):
    regisseur = personne("regisseur", Fonction.REGISSEUR)
    piece = transmis.pieces.get()
    assert _api(regisseur).get(f"/api/ordres-depense/{transmis.pk}/").status_code == 200
    reponse = _api(regisseur).get(f"/api/ordres-depense/{transmis.pk}/pieces/{piece.pk}/")
    assert reponse.status_code == 200
