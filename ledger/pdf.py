"""Documents of the ledger, rendered by WeasyPrint from selector output."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core import horloge
from ledger.selectors import Balance


def balance_pdf(balance: Balance, *, edite_par: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "ledger/balance_pdf.html",
        {
            "balance": balance,
            "organisme": settings.NOM_ORGANISME,
            "edite_le": timezone.localtime(horloge.maintenant()),
            "edite_par": edite_par,
            "par_classe": _par_classe(balance),
        },
    )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def _par_classe(balance: Balance):
    """Rows grouped by class, each group followed by its subtotal."""
    groupes = []
    for classe, total in sorted(balance.totaux_par_classe.items()):
        groupes.append(
            (classe, [ligne for ligne in balance.lignes if ligne.classe == classe], total)
        )
    return groupes
