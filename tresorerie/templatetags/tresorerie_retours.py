"""What the pages of other apps show of returned transfers (the order's page:
the creditor's bank details corrected after a return)."""

from django import template
from django.db.models import Q

from tresorerie.models_retours import CorrectionCoordonnees

register = template.Library()


@register.simple_tag
def correction_de_ligne(ligne):
    """The last correction of the bank details of an order's line's creditor:
    of a returned transfer of that line to him, or of the line itself (its
    IBAN returned on another transfer); None when there is none."""
    return (
        CorrectionCoordonnees.objects.filter(
            Q(ligne_id=ligne.pk, retour__isnull=True)
            | Q(retour__paiement__ligne_id=ligne.pk, retour__paiement__opposition__isnull=True)
        )
        .order_by("-id")
        .first()
    )
