"""The report of the commission de contrôle joined to the compte financier
(circ. 93/82 §IV), handed out as stored once its SHA-256 is checked, like the
orders' pièces (`ordres.pieces`)."""

from __future__ import annotations

from types import SimpleNamespace

from django.http import HttpResponse

from comptes_annuels.models import CompteFinancier
from ordres.pieces import reponse_piece


def reponse_rapport(cf: CompteFinancier) -> HttpResponse:
    piece = SimpleNamespace(
        pk=cf.pk,
        fichier=cf.rapport,
        sha256=cf.rapport_sha256,
        nom=cf.rapport_nom,
        type_mime="application/pdf",
    )
    return reponse_piece(piece, telecharger=True)
