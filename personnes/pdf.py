"""The procès-verbal d'installation et de remise de service (circ. 93/82 §1.1.0), by WeasyPrint."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core import horloge
from personnes.models import Installation
from personnes.services_installation import limite_reserves


def proces_verbal_pdf(installation: Installation) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "personnes/proces_verbal_pdf.html",
        {
            "organisme": settings.NOM_ORGANISME,
            "edite_le": timezone.localtime(horloge.maintenant()),
            "i": installation,
            "limite": limite_reserves(installation),
            "reserves": installation.reserves.all(),
            "prorogations": installation.prorogations.all(),
        },
    )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
