"""The ordre de recette as a PDF, rendered from what the selectors give."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core import horloge
from core.money import en_lettres
from core.pdf import pdf_de
from recettes import services
from recettes.models import OrdreRecette
from reglementation.selectors import titre_agent_comptable


def ordre_recette_pdf(ordre: OrdreRecette) -> bytes:

    html = render_to_string(
        "recettes/ordre_pdf.html",
        {
            "o": ordre,
            "organisme": settings.NOM_ORGANISME,
            "en_lettres": en_lettres(ordre.montant),
            "signature": services.derniere_signature(ordre),
            "controles": list(ordre.controles.all()),
            "reductions": list(ordre.reductions.all()),
            "titre_comptable": titre_agent_comptable(horloge.aujourdhui()),
            "edite_le": timezone.localtime(horloge.maintenant()),
        },
    )
    return pdf_de(html)
