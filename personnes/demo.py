"""The demo delegations of SCENARIOS.md and the fondé de pouvoir's
procuration, made through the real services."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from personnes.models import Affectation, Delegation, Fonction, Procuration
from personnes.services import delegation_creer, delegation_notifier
from personnes.services_procurations import procuration_enregistrer

# nature, ceiling: Paul Girard signs ordres de recette up to 50 000 € and
# ordres de dépense up to 20 000 €, all year, notified to the agent comptable.
DELEGATIONS_DEMO = [
    (Delegation.Nature.ORDRE_RECETTE, Decimal("50000.00")),
    (Delegation.Nature.ORDRE_DEPENSE, Decimal("20000.00")),
]
# Claire Roussel seconds the agent comptable for every act of his, up to this
# amount per act (circ. 93/82 §1.1.1: a procuration approved by the board).
PLAFOND_PROCURATION_DEMO = Decimal("100000.00")


@transaction.atomic
def creer_delegations_demo(personnes: dict, annee: int) -> list[Delegation]:
    """Create, if absent, the directrice's delegations to `delegue` for `annee`.

    Idempotent: a delegation of the same nature from the directrice to the
    delegate starting on 1 January of that year is kept as it is.
    """
    directrice, delegue, comptable = (
        personnes["directrice"],
        personnes["delegue"],
        personnes["comptable"],
    )
    debut, fin = datetime.date(annee, 1, 1), datetime.date(annee, 12, 31)
    delegations = []
    for nature, plafond in DELEGATIONS_DEMO:
        delegation = Delegation.objects.filter(
            delegant=directrice, delegataire=delegue, nature=nature, debut=debut
        ).first()
        if delegation is None:
            delegation = delegation_creer(
                acting_user=directrice,
                delegataire=delegue,
                type=Delegation.Type.SIGNATURE,
                nature=nature,
                debut=debut,
                fin=fin,
                montant_max=plafond,
                specimen_signature=f"{delegue.first_name[:1]}. {delegue.last_name}".strip(),
            )
        if delegation.notifiee_le is None and delegation.retiree_le is None:
            delegation = delegation_notifier(acting_user=comptable, delegation=delegation, le=debut)
        delegations.append(delegation)
    if "fonde" in personnes:
        creer_procuration_demo(directrice, personnes["fonde"])
    return delegations


def creer_procuration_demo(directrice, fonde) -> Procuration | None:
    """The fondé de pouvoir's procuration, approved by the board on the first
    day of her affectation and recorded by the directrice, if she has none:
    she acts only within it (`personnes.permissions.exiger_comptable`)."""
    if Procuration.objects.filter(fonde=fonde).exists():
        return None
    debut = (
        Affectation.objects.filter(utilisateur=fonde, fonction=Fonction.FONDE_DE_POUVOIR)
        .order_by("debut")
        .values_list("debut", flat=True)
        .first()
    )
    if debut is None:
        return None
    return procuration_enregistrer(
        acting_user=directrice,
        fonde=fonde,
        debut=debut,
        agreee_le=debut,
        deliberation=f"n° {debut.year}-02",
        montant_max=PLAFOND_PROCURATION_DEMO,
    )
