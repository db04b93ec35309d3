"""The life of the comptes annuels after the board as documents: its
timeline as PDF (WeasyPrint) and CSV (semicolon, as the other CSV)."""

from __future__ import annotations

import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from comptes_annuels.selectors_cycle import VieDesComptes
from core import csv_sur, horloge
from core.pdf import pdf_de

EN_TETES = ["Étape", "Date", "Référence", "Détail", "État"]


def en_csv(vie: VieDesComptes) -> str:
    sortie = io.StringIO()
    ecrire = csv_sur.ecrivain(sortie, delimiter=";", lineterminator="\n").writerow
    ecrire(EN_TETES)
    for e in vie.etapes():
        ecrire([e.nom, e.date.isoformat() if e.date else "", e.reference, e.detail, e.etat])
    return sortie.getvalue()


def en_pdf(vie: VieDesComptes, *, edite_par: str) -> bytes:

    html = render_to_string(
        "comptes_annuels/cycle_pdf.html",
        {
            "vie": vie,
            "exercice": vie.exercice,
            "etapes": vie.etapes(),
            "organisme": settings.NOM_ORGANISME,
            "edite_le": timezone.localtime(horloge.maintenant()),
            "edite_par": edite_par,
        },
    )
    return pdf_de(html)


def nom_fichier(vie: VieDesComptes, extension: str) -> str:
    return f"vie_des_comptes_{vie.exercice.annee}.{extension}"
