"""Opening a pièce justificative of an order, as stored when it was joined.

The agent comptable checks the pièces before he takes an order in charge or
visas it, and the auditors read them afterwards (circ. 93/82 §2.0.2, §2.1.3;
§VI: a dépense paid without its pièces engages the agent comptable). Each
pièce was stored under its SHA-256 (`core.pieces.enregistrer_piece`), and the
signature covers that hash: the file handed out is checked against it, so
that nobody reads as the pièce of an order a file changed since.
"""

from __future__ import annotations

import hashlib

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from core.exceptions import ApplicationError


class PieceAlteree(ApplicationError):
    code = "piece_alteree"
    statut_http = 409


def lire_piece(piece) -> bytes:
    """The stored content of `piece`, refused if it no longer matches its SHA-256."""
    with piece.fichier.open("rb") as fichier:
        contenu = fichier.read()
    if hashlib.sha256(contenu).hexdigest() != piece.sha256:
        raise PieceAlteree(
            f"La pièce « {piece.nom} » ne correspond plus à l'empreinte SHA-256 enregistrée "
            f"quand elle a été jointe ({piece.sha256}) : le fichier a été modifié ou remplacé "
            "depuis. Il n'est pas communiqué ; signalez-le à l'agent comptable.",
            details={"piece": piece.pk, "sha256": piece.sha256},
        )
    return contenu


def reponse_piece(piece, *, telecharger: bool = False) -> HttpResponse:
    """The pièce under its own name and type, once its hash is checked: shown
    by the browser, or saved when `telecharger`."""
    reponse = HttpResponse(lire_piece(piece), content_type=piece.type_mime)
    reponse["Content-Disposition"] = content_disposition_header(telecharger, piece.nom)
    reponse["X-Content-Type-Options"] = "nosniff"
    reponse["X-Piece-Sha256"] = piece.sha256
    return reponse
