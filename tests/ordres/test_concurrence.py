"""An order's act and its exercise's closure never cross: the act share-locks
the exercise (`ordres.services.verrouiller_ordre`), the closure locks it for
update, so the one that comes second waits and then reads what the first did."""

import datetime
import threading

import pytest
from django.db import connections

from core.exceptions import ApplicationError
from ledger.models import Exercice
from ledger.services import exercice_ouvrir, exercice_ouvrir_periode_complementaire
from recettes import services as s
from recettes.models import OrdreRecette
from tests.factories import MOT_DE_PASSE
from tests.ledger.sql_brut import connexion_brute
from tests.recettes.test_services import creer

pytestmark = pytest.mark.django_db(transaction=True)


def test_une_signature_qui_attendait_la_cloture_est_refusee(horloge, directrice, comptable, annee):
    # given last year's exercise in its période complémentaire, a draft of it
    exercice = exercice_ouvrir(acting_user=comptable, annee=annee)
    horloge(datetime.date(annee + 1, 1, 8))
    exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    fait = datetime.date(annee, 12, 20)
    brouillon = creer(directrice, date_fait=fait, dates={"liquidation": fait})
    resultat: dict[str, object] = {}

    def signer():
        try:
            s.ordre_recette_signer(
                acting_user=directrice, ordre=brouillon, mot_de_passe=MOT_DE_PASSE
            )
            resultat["signer"] = "signé"
        except ApplicationError as exc:
            resultat["signer"] = exc
        finally:
            connections.close_all()

    # when the closure is in flight and the directrice signs
    with connexion_brute() as cloture:
        cloture.execute("SELECT 1 FROM ledger_exercice WHERE id = %s FOR UPDATE", [exercice.pk])
        cloture.execute("UPDATE ledger_exercice SET etat = 'clos' WHERE id = %s", [exercice.pk])
        t = threading.Thread(target=signer)
        t.start()
        t.join(1.0)
        assert t.is_alive(), "la signature n'a pas attendu la clôture en cours"
        cloture.commit()
        t.join(5)

    # then the signature reads the exercise closed and is refused; the draft stays
    refus = resultat["signer"]
    assert isinstance(refus, ApplicationError), refus
    assert refus.message.startswith(
        f"L'exercice {annee} est clos : aucun ordre ne peut plus y être émis."
    )
    assert OrdreRecette.objects.get(pk=brouillon.pk).etat == OrdreRecette.Etat.BROUILLON
    assert Exercice.objects.get(pk=exercice.pk).etat == Exercice.Etat.CLOS
