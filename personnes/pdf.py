"""The procès-verbal d'installation et de remise de service (circ. 93/82 §1.1.0), by WeasyPrint."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core import horloge
from core.pdf import pdf_de
from personnes.models import Installation, Interim
from personnes.selectors import interim_le
from personnes.services_installation import limite_reserves


def interim_sortant(installation: Installation) -> Interim | None:
    """The interim the outgoing signatory held the day before, if he was an
    intérimaire or a fondé de pouvoir faisant fonction: at the end of an
    interim, the procès-verbal « est signé par l'agent comptable intérimaire
    et le nouveau titulaire » (circ. 93/82 §1.1.2)."""
    if installation.predecesseur_id is None:
        return None
    return interim_le(
        installation.predecesseur, installation.installe_le - datetime.timedelta(days=1)
    )


def proces_verbal_pdf(installation: Installation) -> bytes:

    html = render_to_string(
        "personnes/proces_verbal_pdf.html",
        {
            "organisme": settings.NOM_ORGANISME,
            "edite_le": timezone.localtime(horloge.maintenant()),
            "i": installation,
            "limite": limite_reserves(installation),
            "reserves": installation.reserves.all(),
            "prorogations": installation.prorogations.all(),
            "interim_sortant": interim_sortant(installation),
        },
    )
    return pdf_de(html)
