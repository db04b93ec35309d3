"""An id the client gave that a service looks up and does not find is a 404 in
the API's shape, naming the kind of object, not a 500 (found by the schemathesis
run: an acte d'huissier naming an unknown huissier)."""

from core.api import gestionnaire_exceptions
from recouvrement.models_huissiers import Huissier


def test_un_objet_introuvable_dans_un_service_repond_404_en_francais():
    reponse = gestionnaire_exceptions(Huissier.DoesNotExist(), {})

    assert reponse.status_code == 404
    assert reponse.data["code"] == "not_found"
    assert reponse.data["message"].startswith("Introuvable : aucun objet « ")
    assert "huissier" in reponse.data["message"].lower()
    assert reponse.data["details"] == {}
