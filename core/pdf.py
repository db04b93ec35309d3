"""One PDF rendered in the request's process, from HTML the caller built.

WeasyPrint's font configuration (Pango's font map) is built once per thread and
kept (`pdf_travailleur.configuration_polices`): building it for every document
cost a third of a quittance, and the first document a fresh server process
rendered paid for WeasyPrint's import too (bench/http of 1/12/2026: the balance
PDF at 166 ms p50 but 1.2 s p95). `prechauffer` pays both before the server's
processes are forked.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core import horloge, pdf_travailleur


def pdf_de(html: str) -> bytes:
    """The PDF of `html`, its relative links resolved against the project's root."""
    return pdf_travailleur.rendre_page(html, str(settings.BASE_DIR))


def document_pdf(gabarit: str, contexte: dict) -> bytes:
    """The PDF of the template `gabarit`, given the fund's name (`organisme`)
    and the moment it is printed (`edite_le`, the clock's) besides `contexte`."""
    return pdf_de(
        render_to_string(
            gabarit,
            {
                "organisme": settings.NOM_ORGANISME,
                "edite_le": timezone.localtime(horloge.maintenant()),
                **contexte,
            },
        )
    )


def prechauffer() -> None:
    """WeasyPrint imported and one page rendered in this process (the server's
    arbiter, before the fork): the children inherit the loaded modules and the
    fonts Pango has found, and each builds its own font map at its first PDF."""
    pdf_travailleur.rendre_page("<p>.</p>", None)
    pdf_travailleur.oublier_polices()
