"""The mandat (ordre de dépense) and the réquisition as PDFs."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core import horloge, pdf_travailleur
from core.money import en_lettres
from depenses import services
from depenses.models import OrdreDepense, Requisition
from oppositions.banque import formater_iban
from reglementation.selectors import titre_agent_comptable

BASE_URL = str(settings.BASE_DIR)


def _html(gabarit: str, contexte: dict) -> str:
    contexte = {
        "organisme": settings.NOM_ORGANISME,
        "edite_le": timezone.localtime(horloge.maintenant()),
        "titre_comptable": titre_agent_comptable(horloge.aujourdhui()),
        **contexte,
    }
    return render_to_string(gabarit, contexte)


def _pdf(gabarit: str, contexte: dict) -> bytes:
    return pdf_travailleur.rendre_page(_html(gabarit, contexte), BASE_URL)


def ordre_depense_pdf(ordre: OrdreDepense) -> bytes:
    return pdf_travailleur.rendre_page(ordre_depense_html(ordre), BASE_URL)


def ordre_depense_html(ordre: OrdreDepense) -> str:
    """The mandat's HTML, WeasyPrint's input (rendered here or by core.pdf_lot's pool);
    relative links resolve against `BASE_URL`."""
    return _html(
        "depenses/ordre_pdf.html",
        {
            "o": ordre,
            "en_lettres": en_lettres(ordre.montant),
            "signature": services.derniere_signature(ordre),
            "lignes": [(lg, formater_iban(lg.iban)) for lg in ordre.lignes.order_by("id")],
            "controles": list(ordre.controles.all()),
            "suspensions": list(ordre.suspensions.all()),
            "requisition": getattr(ordre, "requisition", None),
            "reimputations": list(
                ordre.reimputations.select_related("ancien_compte", "nouveau_compte", "par")
            ),
            "service": ordre.services_faits.order_by("-id").first(),
        },
    )


def requisition_pdf(requisition: Requisition) -> bytes:
    return _pdf(
        "depenses/requisition_pdf.html",
        {
            "r": requisition,
            "reponse": getattr(requisition, "reponse", None),
            "o": requisition.ordre,
            "en_lettres": en_lettres(requisition.ordre.montant),
        },
    )
