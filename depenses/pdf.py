"""The mandat (ordre de dépense) and the réquisition as PDFs."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core import horloge
from core.money import en_lettres
from depenses import services
from depenses.models import OrdreDepense, Requisition
from oppositions.banque import formater_iban
from reglementation.selectors import titre_agent_comptable


def _pdf(gabarit: str, contexte: dict) -> bytes:
    from weasyprint import HTML

    contexte = {
        "organisme": settings.NOM_ORGANISME,
        "edite_le": timezone.localtime(horloge.maintenant()),
        "titre_comptable": titre_agent_comptable(horloge.aujourdhui()),
        **contexte,
    }
    return HTML(
        string=render_to_string(gabarit, contexte), base_url=str(settings.BASE_DIR)
    ).write_pdf()


def ordre_depense_pdf(ordre: OrdreDepense) -> bytes:
    return _pdf(
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
