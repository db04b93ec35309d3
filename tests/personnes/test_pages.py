import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from core import horloge
from personnes.models import Delegation, Fonction
from personnes.permissions import pouvoir_ordonnateur
from tests.factories import personne

pytestmark = pytest.mark.django_db
AUJOURD_HUI = horloge.aujourdhui()


def test_deleguer_puis_notifier_par_les_pages(client, directrice, comptable):
    delegue = personne("delegue", Fonction.DELEGUE)
    client.force_login(directrice)
    reponse = client.post(
        reverse("personnes:delegations"),
        {
            "delegataire": delegue.pk,
            "type": "signature",
            "nature": "ordre_recette",
            "classes_comptes": "75",
            "montant_max": "10 000",
            "debut": AUJOURD_HUI.isoformat(),
            "fin": (AUJOURD_HUI + datetime.timedelta(days=90)).isoformat(),
            "specimen_signature": "P. G.",
        },
        follow=True,
    )
    delegation = Delegation.objects.get()
    assert f"Délégation n° {delegation.pk} créée" in reponse.content.decode()
    assert "non notifiée à l&#x27;agent comptable : sans effet" in reponse.content.decode()
    assert delegation.montant_max == Decimal("10000.00")

    client.force_login(comptable)
    reponse = client.post(reverse("personnes:notifier", args=[delegation.pk]), follow=True)
    assert "Notification de la délégation" in reponse.content.decode()
    capacite = pouvoir_ordonnateur(
        delegue, nature="ordre_recette", montant=Decimal("500"), compte_numero="752", le=AUJOURD_HUI
    )
    assert capacite.delegation == delegation


def test_seul_le_directeur_delegue(client, comptable, auditeur):
    client.force_login(auditeur)
    page = client.get(reverse("personnes:delegations")).content.decode()
    assert "Nouvelle délégation" not in page
    client.force_login(comptable)
    # Who acts is checked first: the comptable reads why, whatever the delegation.
    reponse = client.post(reverse("personnes:retirer", args=[999]), follow=True)
    assert "Seul le directeur peut retirer une délégation" in reponse.content.decode()
    assert not Delegation.objects.exists()
