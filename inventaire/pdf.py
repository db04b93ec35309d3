"""The état d'inventaire as a PDF, rendered from its frozen content: the same
état always prints the same items, method and signature."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core import horloge
from core.pdf import pdf_de
from inventaire.models import EtatInventaire
from inventaire.selectors import ARTICLES


def etat_pdf(etat: EtatInventaire) -> bytes:

    html = render_to_string(
        "inventaire/etat_pdf.html",
        {
            "etat": etat,
            "article": ARTICLES[etat.nature],
            "articles": list(etat.articles.all()),
            "organisme": settings.NOM_ORGANISME,
            "edite_le": timezone.localtime(horloge.maintenant()),
        },
    )
    return pdf_de(html)
