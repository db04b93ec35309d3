"""Real files for the tests that upload pièces: `core.pieces.controler_fichier`
reads a PDF whole (pypdf) and decodes an image whole (Pillow), so a few magic
bytes followed by text no longer pass.

Each builder is deterministic, and its text makes two pièces differ (their
SHA-256 too).
"""

from __future__ import annotations

import hashlib
import io

from PIL import Image
from pypdf import PdfWriter


def pdf(texte: str = "pièce justificative") -> bytes:
    """A one-page A4 PDF, `texte` as its title."""
    ecrivain = PdfWriter()
    ecrivain.add_blank_page(595, 842)
    ecrivain.add_metadata({"/Title": texte})
    sortie = io.BytesIO()
    ecrivain.write(sortie)
    return sortie.getvalue()


def _image(format_image: str, texte: str, largeur: int, hauteur: int) -> bytes:
    # The text's hash as the colour: two texts, two different files.
    teinte = tuple(hashlib.sha256(texte.encode()).digest()[:3])
    sortie = io.BytesIO()
    Image.new("RGB", (largeur, hauteur), teinte).save(sortie, format_image)
    return sortie.getvalue()


def png(texte: str = "", *, largeur: int = 8, hauteur: int = 8) -> bytes:
    """A small one-colour PNG."""
    return _image("PNG", texte, largeur, hauteur)


def jpeg(texte: str = "", *, largeur: int = 8, hauteur: int = 8) -> bytes:
    """A small one-colour JPEG."""
    return _image("JPEG", texte, largeur, hauteur)
