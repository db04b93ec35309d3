"""The pièces of an ordre de recette open as those of a dépense: from the
order's page and through the API, checked against the SHA-256 recorded when
they were joined (ordres.pieces)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from recettes import services as recettes
from tests.factories import MOT_DE_PASSE
from tests.fichiers import pdf
from tests.recettes.test_services import saisie

pytestmark = pytest.mark.django_db

AVIS = pdf("avis de la commission de recours amiable")


@pytest.fixture
def transmis(directrice, exercice):
    ordre = recettes.ordre_recette_creer(
        acting_user=directrice,
        saisie=saisie(pieces_references=""),
        pieces=[("avis CRA.pdf", AVIS)],
    )
    recettes.ordre_recette_signer(acting_user=directrice, ordre=ordre, mot_de_passe=MOT_DE_PASSE)
    return recettes.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)


def _api(utilisateur) -> APIClient:
    api = APIClient()
    api.force_authenticate(utilisateur)
    return api


def test_l_auditeur_ouvre_la_piece_depuis_la_page_et_l_api(client, transmis, auditeur):
    piece = transmis.pieces.get()
    client.force_login(auditeur)
    lien = reverse("recettes:piece", args=[transmis.pk, piece.pk])
    assert (
        f'href="{lien}"'
        in client.get(reverse("recettes:detail", args=[transmis.pk])).content.decode()
    )
    reponse = client.get(lien + "?telecharger")
    assert reponse.content == AVIS
    assert reponse["Content-Disposition"] == 'attachment; filename="avis CRA.pdf"'
    url = _api(auditeur).get(f"/api/ordres-recette/{transmis.pk}/").json()["pieces"][0]["url"]
    assert url == f"/api/ordres-recette/{transmis.pk}/pieces/{piece.pk}/"
    reponse = _api(auditeur).get(url)
    assert reponse.status_code == 200 and reponse.content == AVIS
    assert reponse["X-Piece-Sha256"] == piece.sha256


def test_une_piece_de_recette_modifiee_n_est_pas_communiquee(client, transmis, comptable):
    piece = transmis.pieces.get()
    with open(piece.fichier.path, "wb") as fichier:
        fichier.write(b"%PDF-1.4 avis falsifie")
    reponse = _api(comptable).get(f"/api/ordres-recette/{transmis.pk}/pieces/{piece.pk}/")
    assert reponse.status_code == 409
    assert reponse.json()["code"] == "piece_alteree"
    client.force_login(comptable)
    page = client.get(reverse("recettes:piece", args=[transmis.pk, piece.pk]), follow=True)
    assert page.redirect_chain[-1][0] == reverse("recettes:detail", args=[transmis.pk])
    assert "ne correspond plus à l&#x27;empreinte SHA-256" in page.content.decode()
