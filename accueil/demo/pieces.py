"""The demo's pièces justificatives: a one-page PDF invoice per ordre de
dépense, so that the agent comptable opens what he visas (circ. 93/82 §2.1.3).

The PDF is written by hand (a page of Helvetica text, WinAnsi encoding): the
demo needs no PDF library, and the file is what `core.pieces` admits.
"""

from __future__ import annotations

import datetime

from core.money import format_euros


def _texte(ligne: str) -> bytes:
    brut = ligne.encode("cp1252", errors="replace")
    return brut.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_texte(lignes: list[str]) -> bytes:
    """A one-page A4 PDF showing `lignes`, one under the other."""
    flux = (
        b"BT /F1 12 Tf 16 TL 72 770 Td "
        + b" ".join(b"(" + _texte(ligne) + b") Tj T*" for ligne in lignes)
        + b" ET"
    )
    objets = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(flux)).encode() + b" >>\nstream\n" + flux + b"\nendstream",
    ]
    sortie = bytearray(b"%PDF-1.4\n")
    positions = []
    for numero, objet in enumerate(objets, start=1):
        positions.append(len(sortie))
        sortie += f"{numero} 0 obj\n".encode() + objet + b"\nendobj\n"
    xref = len(sortie)
    sortie += f"xref\n0 {len(objets) + 1}\n0000000000 65535 f \n".encode()
    sortie += b"".join(f"{p:010d} 00000 n \n".encode() for p in positions)
    sortie += (
        f"trailer\n<< /Size {len(objets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(sortie)


def facture(
    creancier: str, objet: str, montant, le: datetime.date, numero: str
) -> tuple[str, bytes]:
    """A supplier's invoice, as the pièce `(nom, contenu)` of an ordre de dépense."""
    contenu = pdf_texte(
        [
            creancier,
            f"Facture n° {numero} du {le:%d/%m/%Y}",
            "Caisse primaire d'assurance maladie de Valmont",
            f"Objet : {objet}",
            f"Montant : {format_euros(montant)}",
        ]
    )
    return f"facture_{numero}.pdf", contenu
