"""Documents of the ledger, rendered by WeasyPrint from selector output: the
balance, the grand livre of an account, the journaux, the integrity report."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core import horloge
from core.exceptions import DonneeInvalide
from core.money import ZERO
from core.pdf import pdf_de
from ledger import selectors
from ledger.integrite import RapportIntegrite
from ledger.models import Exercice, Journal
from ledger.selectors import Balance, LigneGrandLivre


def balance_pdf(balance: Balance, *, edite_par: str) -> bytes:

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
    return pdf_de(html)


def _par_classe(balance: Balance):
    """Rows grouped by class, each group followed by its subtotal."""
    groupes = []
    for classe, total in sorted(balance.totaux_par_classe.items()):
        groupes.append(
            (classe, [ligne for ligne in balance.lignes if ligne.classe == classe], total)
        )
    return groupes


# --- The books: grand livre, journaux, integrity report -------------------------

# Beyond this many entries (or lines) a PDF would run to thousands of pages and
# minutes of rendering: the CSV, or the FEC of the exercise, takes them instead.
LIMITE_PDF = 5000


def _document(gabarit: str, contexte: dict, *, edite_par: str) -> bytes:

    html = render_to_string(
        gabarit,
        {
            "organisme": settings.NOM_ORGANISME,
            "edite_le": timezone.localtime(horloge.maintenant()),
            "edite_par": edite_par,
            **contexte,
        },
    )
    return pdf_de(html)


def _exiger_taille(nombre: int, quoi: str) -> None:
    if nombre > LIMITE_PDF:
        raise DonneeInvalide(
            f"Trop de {quoi} pour un PDF ({nombre}, au plus {LIMITE_PDF}) : réduisez la période "
            "ou téléchargez le CSV (ou le FEC de l'exercice)."
        )


def grand_livre_pdf(
    *,
    exercice: Exercice,
    compte: str,
    du,
    au,
    ouverture: Decimal,
    lignes: list[LigneGrandLivre],
    edite_par: str,
) -> bytes:
    _exiger_taille(len(lignes), "lignes")
    return _document(
        "ledger/grand_livre_pdf.html",
        {
            "exercice": exercice,
            "compte": compte,
            "du": du or exercice.debut,
            "au": au or exercice.fin,
            "ouverture": ouverture,
            "lignes": lignes,
            "total_debit": sum((ligne.debit for ligne in lignes), ZERO),
            "total_credit": sum((ligne.credit for ligne in lignes), ZERO),
            "solde": lignes[-1].solde if lignes else ouverture,
        },
        edite_par=edite_par,
    )


def journaux_pdf(*, exercice: Exercice, journal: Journal | None, du, au, edite_par: str) -> bytes:
    ecritures = selectors.ecritures(exercice=exercice, journal=journal, du=du, au=au)
    _exiger_taille(ecritures.count(), "écritures")
    ecritures = list(ecritures)
    total = sum((ligne.debit for e in ecritures for ligne in e.lignes.all()), ZERO)
    return _document(
        "ledger/journaux_pdf.html",
        {
            "exercice": exercice,
            "journal": journal,
            "du": du or exercice.debut,
            "au": au or exercice.fin,
            "ecritures": ecritures,
            "total": total,
        },
        edite_par=edite_par,
    )


def integrite_pdf(rapport: RapportIntegrite, *, edite_par: str) -> bytes:
    return _document("ledger/integrite_pdf.html", {"rapport": rapport}, edite_par=edite_par)
