import datetime
from decimal import Decimal

import pytest

from accueil.demo import creer_personnes
from core.exceptions import DelegationInvalide, DroitInsuffisant
from core.models import JournalAudit
from personnes.demo import PLAFOND_PROCURATION_DEMO, creer_delegations_demo
from personnes.models import Delegation, Procuration
from personnes.permissions import exiger_comptable, exiger_dans_procuration, pouvoir_ordonnateur

pytestmark = pytest.mark.django_db


def test_le_delegue_de_la_demo_signe_dans_ses_plafonds():
    personnes = creer_personnes(datetime.date(2025, 1, 1))
    creer_delegations_demo(personnes, 2025)
    creer_delegations_demo(personnes, 2025)
    delegue, le = personnes["delegue"], datetime.date(2025, 6, 12)

    recette = pouvoir_ordonnateur(
        delegue, nature="ordre_recette", montant=Decimal("50000.00"), compte_numero="7511", le=le
    )
    depense = pouvoir_ordonnateur(
        delegue, nature="ordre_depense", montant=Decimal("20000.00"), compte_numero="613", le=le
    )
    with pytest.raises(DelegationInvalide) as au_dela:
        pouvoir_ordonnateur(
            delegue, nature="ordre_depense", montant=Decimal("20000.01"), compte_numero="613", le=le
        )

    delegations = Delegation.objects.filter(delegataire=delegue)
    assert delegations.count() == 2
    assert {(d.nature, d.montant_max, d.notifiee_le) for d in delegations} == {
        ("ordre_recette", Decimal("50000.00"), datetime.date(2025, 1, 1)),
        ("ordre_depense", Decimal("20000.00"), datetime.date(2025, 1, 1)),
    }
    assert all(d.delegant == personnes["directrice"] for d in delegations)
    assert all(d.specimen_signature == "P. Girard" for d in delegations)
    assert recette.qualite.startswith("Délégué du directeur (délégation de signature n° ")
    assert depense.delegation.nature == "ordre_depense"
    assert au_dela.value.details["regle"] == "plafond"
    assert JournalAudit.objects.filter(acte="delegation.creee").count() == 2
    assert JournalAudit.objects.filter(acte="delegation.notifiee").count() == 2


def test_la_fondee_de_pouvoir_de_la_demo_agit_dans_sa_procuration():
    personnes = creer_personnes(datetime.date(2025, 1, 1))
    creer_delegations_demo(personnes, 2025)
    fonde, le = personnes["fonde"], datetime.date(2025, 6, 12)

    procuration = Procuration.objects.get(fonde=fonde)
    assert (procuration.agent_comptable, procuration.debut, procuration.agreee_le) == (
        personnes["comptable"],
        datetime.date(2025, 1, 1),
        datetime.date(2025, 1, 1),
    )
    assert (procuration.codes, procuration.montant_max) == ([], PLAFOND_PROCURATION_DEMO)
    assert procuration.enregistree_par == personnes["directrice"]
    assert exiger_dans_procuration(fonde, "tresorerie.payer", Decimal("100000.00"), le) == (
        procuration
    )
    with pytest.raises(DroitInsuffisant, match="dépasse le plafond"):
        exiger_comptable(fonde, le, "payer", code="tresorerie.payer", montant="100000.01")
    assert JournalAudit.objects.filter(acte="procuration.enregistree").count() == 1
