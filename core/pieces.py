"""Pièces justificatives: checks shared by every kind of order (the signature's
password is checked by `personnes.signature`).

Every uploaded file (pièces of orders, the debtor's written request, the
commission's report, the DRASS file, the proof of a force majeure) goes
through `controler_fichier`, which checks it whole, not by its first bytes:

- a PDF is parsed by pypdf in strict mode, every indirect object of its cross-
  reference read; it must have a page, be unencrypted (an archive must stay
  readable), carry no JavaScript, no launch action, no embedded file, and
  nothing but whitespace may follow its last ``%%EOF``;
- a PNG or JPEG is decoded whole by Pillow, in the format its name says, within
  a bound on its pixels (decompression bombs), and must end where the image
  ends (PNG ``IEND``, JPEG ``EOI``);
- no file may hide a program or an archive (a Windows PE or ELF header, a ZIP,
  RAR or 7z archive), the usual polyglots.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings

from django.core.files.base import ContentFile
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from core.audit import audit
from core.exceptions import DonneeInvalide
from core.money import ESPACE_INSECABLE

TAILLE_MAX_PIECE = 10 * 1024 * 1024
PIXELS_MAX = 40_000_000  # a 600 dpi A4 scan (35 Mpx) passes; 120 MB of RGB when decoded
OBJETS_PDF_MAX = 100_000  # a 1,000-page report has some 10,000; reading 100,000 takes 4 s
BOURRAGE_MAX = 16  # zero bytes a scanner may leave after the end of an image
SIGNATURES_FICHIERS = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
}
EXTENSIONS = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
FORMATS_IMAGES = {"image/png": "PNG", "image/jpeg": "JPEG"}
# Names of a PDF's active or embedded content, and why each is refused.
NOMS_PDF_REFUSES = {
    "/JavaScript": "il contient du JavaScript",
    "/JS": "il contient du JavaScript",
    "/Launch": "il contient une action qui lance un programme",
    "/EmbeddedFiles": "il contient des fichiers incorporés",
    "/EmbeddedFile": "il contient des fichiers incorporés",
    "/GoToE": "il contient des fichiers incorporés",
    "/RichMedia": "il contient un contenu multimédia actif",
}


def controler_fichier(nom: str, contenu: bytes) -> str:
    """Return the file's MIME type, or refuse a file that is empty, too large,
    of a type not admitted, not what its name claims, or not readable whole as
    that type (see the module's docstring)."""
    if not contenu:
        raise DonneeInvalide(f"Le fichier « {nom} » est vide.")
    if len(contenu) > TAILLE_MAX_PIECE:
        raise DonneeInvalide(f"Le fichier « {nom} » dépasse la taille admise de 10 Mo.")
    extension = "." + nom.rsplit(".", 1)[-1].lower() if "." in nom else ""
    attendu = EXTENSIONS.get(extension)
    if attendu is None:
        raise DonneeInvalide(f"Le fichier « {nom} » n'est pas d'un type admis (PDF, PNG ou JPEG).")
    if not any(contenu.startswith(signature) for signature in SIGNATURES_FICHIERS[attendu]):
        raise DonneeInvalide(
            f"Le fichier « {nom} » n'est pas ce qu'il prétend être : son contenu n'est pas un {extension[1:].upper()}."
        )
    cache = _programme_cache(contenu)
    if cache:
        raise DonneeInvalide(f"Le fichier « {nom} » est refusé : il contient {cache}.")
    if attendu == "application/pdf":
        _controler_pdf(nom, contenu)
    else:
        _controler_image(nom, contenu, FORMATS_IMAGES[attendu])
    return attendu


# --------------------------------------------------------------------------- polyglots


def _programme_cache(contenu: bytes) -> str:
    """What program or archive `contenu` hides, in words, or ''. Each signature is
    checked with its header's consistency, so that compressed data, where a few
    bytes can read as anything, is not taken for a program; the candidates are
    found by regular expressions (in C), so that a file made of signatures costs
    no more than a fraction of a second."""
    if b"This program cannot be run in DOS mode" in contenu:
        return "un programme Windows"
    for trouve in _ENTETE_DOS.finditer(contenu):
        position = trouve.start()
        decalage = int.from_bytes(contenu[position + 0x3C : position + 0x40], "little")
        if contenu[position + decalage : position + decalage + 4] == b"PE\0\0":
            return "un programme Windows"
    if _ENTETE_ELF.search(contenu):
        return "un programme (ELF)"
    for trouve in _FIN_ZIP.finditer(contenu):
        taille = int.from_bytes(contenu[trouve.start() + 12 : trouve.start() + 16], "little")
        debut = trouve.start() - taille
        if debut >= 0 and contenu[debut : debut + 4] == b"PK\x01\x02":
            return "une archive ZIP"
    # A ZIP64 archive: its end record (size of the central directory on 8 bytes at
    # offset 40, which the classic end record leaves at 0xFFFFFFFF), which readers
    # find through the locator that precedes the classic end record.
    for trouve in _FIN_ZIP64.finditer(contenu):
        taille = int.from_bytes(contenu[trouve.start() + 40 : trouve.start() + 48], "little")
        debut = trouve.start() - taille
        if debut >= 0 and contenu[debut : debut + 4] == b"PK\x01\x02":
            return "une archive ZIP"
    if _LOCALISATEUR_ZIP64.search(contenu):
        return "une archive ZIP"
    if b"Rar!\x1a\x07" in contenu or b"7z\xbc\xaf\x27\x1c" in contenu:
        return "une archive compressée"
    return ""


# An MS-DOS header whose e_lfanew (offset 0x3C) points within 64 KiB, where the PE header is;
# ELF's identification (class, byte order, version 1); the end of a ZIP's central directory
# (not split: disk numbers 0). Lookaheads, so that a decoy cannot hide an overlapping header.
_ENTETE_DOS = re.compile(rb"MZ(?=.{60}\x00\x00)", re.DOTALL)  # "." skips in C, not "[\s\S]"
_ENTETE_ELF = re.compile(rb"\x7fELF[\x01\x02][\x01\x02]\x01")
_FIN_ZIP = re.compile(rb"PK\x05\x06(?=\x00\x00\x00\x00.{14})", re.DOTALL)
# ZIP64: the end record (not split: disk numbers 0), and its locator (disk 0 of 1 disk)
# followed by the classic end record, 16 fixed bytes that compressed data does not forge.
_FIN_ZIP64 = re.compile(rb"PK\x06\x06(?=.{12}\x00\x00\x00\x00\x00\x00\x00\x00.{32})", re.DOTALL)
_LOCALISATEUR_ZIP64 = re.compile(
    rb"PK\x06\x07\x00\x00\x00\x00.{8}\x01\x00\x00\x00PK\x05\x06", re.DOTALL
)


# --------------------------------------------------------------------------- PDF


def _controler_pdf(nom: str, contenu: bytes) -> None:
    def refus(raison: str) -> DonneeInvalide:
        return DonneeInvalide(f"Le fichier « {nom} » n'est pas un PDF lisible : {raison}.")

    fin = contenu.rfind(b"%%EOF")
    if fin < 0:
        raise refus("il est incomplet, sa marque de fin « %%EOF » manque")
    if contenu[fin + 5 :].strip(b" \t\r\n\f\x00"):
        raise DonneeInvalide(
            f"Le fichier « {nom} » est refusé : des données étrangères suivent la fin du document PDF."
        )
    try:
        lecteur = PdfReader(io.BytesIO(contenu), strict=True)
        chiffre = lecteur.is_encrypted
    except Exception:  # a parser of untrusted input: whatever it raises means unreadable
        raise refus("sa structure est endommagée ou incomplète") from None
    if chiffre:
        raise DonneeInvalide(
            f"Le fichier « {nom} » est refusé : il est chiffré ou protégé par un mot de passe ; "
            "joignez-le sans protection, pour qu'il puisse être archivé et relu."
        )
    try:
        pages = len(lecteur.pages)
        objets = _objets_pdf(lecteur)
        noms = _noms_pdf(objets)
    except Exception:  # idem, RecursionError of a deep nesting included
        raise refus("sa structure est endommagée ou incomplète") from None
    if not pages:
        raise refus("il n'a aucune page")
    for refuse, raison in NOMS_PDF_REFUSES.items():
        if refuse in noms:
            raise DonneeInvalide(f"Le fichier « {nom} » est refusé : {raison}.")


def _objets_pdf(lecteur: PdfReader) -> list:
    """Every object the cross-reference lists, read (those of object streams too)."""
    references = [
        (numero, generation)
        for generation, objets in lecteur.xref.items()
        for numero in objets
        if generation != 65535
    ]
    references += [(numero, 0) for numero in lecteur.xref_objStm]
    if len(references) > OBJETS_PDF_MAX:
        raise ValueError("too many objects")
    objets = [lecteur.trailer]
    for numero, generation in references:
        objets.append(lecteur.get_object(IndirectObject(numero, generation, lecteur)))
    return objets


def _noms_pdf(objets: list) -> set[str]:
    """The names (keys and values) of the objects, walked without following references."""
    noms: set[str] = set()
    pile = list(objets)
    while pile:
        objet = pile.pop()
        if isinstance(objet, DictionaryObject):
            noms.update(str(cle) for cle in objet)
            pile.extend(objet.values())
        elif isinstance(objet, ArrayObject):
            pile.extend(objet)
        elif isinstance(objet, NameObject):
            noms.add(str(objet))
    return noms


# --------------------------------------------------------------------------- images


def _controler_image(nom: str, contenu: bytes, format_attendu: str) -> None:
    def refus(raison: str) -> DonneeInvalide:
        return DonneeInvalide(
            f"Le fichier « {nom} » n'est pas une image {format_attendu} lisible : {raison}."
        )

    def trop_grande(dimensions: str) -> DonneeInvalide:
        return DonneeInvalide(
            f"Le fichier « {nom} » est refusé : l'image est trop grande{dimensions} ; "
            f"au plus {_entier(PIXELS_MAX // 1_000_000)} millions de pixels."
        )

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(contenu), formats=[format_attendu]) as image:
                largeur, hauteur = image.size
                if largeur * hauteur > PIXELS_MAX:
                    raise trop_grande(f" ({_entier(largeur)} × {_entier(hauteur)} pixels)")
                image.verify()
            with Image.open(io.BytesIO(contenu), formats=[format_attendu]) as image:
                image.load()
    except DonneeInvalide:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise trop_grande("") from None
    except Exception:  # a decoder of untrusted input (UnidentifiedImageError of a
        # truncated header included): whatever it raises means unreadable
        raise refus("elle est endommagée ou tronquée") from None
    fin = _fin_png(contenu) if format_attendu == "PNG" else _fin_jpeg(contenu)
    if fin is None:
        raise refus("elle est endommagée ou tronquée")
    reste = contenu[fin:]
    if len(reste) > BOURRAGE_MAX or reste.strip(b"\x00"):
        raise DonneeInvalide(
            f"Le fichier « {nom} » est refusé : des données étrangères suivent la fin de l'image."
        )


def _entier(nombre: int) -> str:
    return f"{nombre:,}".replace(",", ESPACE_INSECABLE)


def _fin_png(contenu: bytes) -> int | None:
    """The offset just after the IEND chunk, walking the chunks; None if there is none."""
    position = 8
    while position + 12 <= len(contenu):
        longueur = int.from_bytes(contenu[position : position + 4], "big")
        type_bloc = contenu[position + 4 : position + 8]
        position += 12 + longueur
        if type_bloc == b"IEND":
            return position if position <= len(contenu) else None
    return None


def _fin_jpeg(contenu: bytes) -> int | None:
    """The offset just after the EOI marker, walking the segments and the scans'
    entropy-coded data; None if there is none."""
    position, taille = 2, len(contenu)
    while position + 1 < taille:
        if contenu[position] != 0xFF:
            return None
        marqueur = contenu[position + 1]
        if marqueur == 0xFF:  # fill byte
            position += 1
        elif marqueur == 0xD9:  # EOI
            return position + 2
        elif 0xD0 <= marqueur <= 0xD7 or marqueur == 0x01:  # markers without a length
            position += 2
        else:
            position += 2 + int.from_bytes(contenu[position + 2 : position + 4], "big")
            if marqueur == 0xDA:  # start of scan: skip its entropy-coded data
                position = _apres_donnees_codees(contenu, position)
    return None


def _apres_donnees_codees(contenu: bytes, position: int) -> int:
    """The offset of the first marker after a scan's data (0xFF 0x00 is a stuffed
    0xFF, 0xFF 0xD0-0xD7 a restart marker, both part of the data)."""
    while True:
        position = contenu.find(b"\xff", position)
        if position < 0 or position + 1 >= len(contenu):
            return len(contenu)
        suivant = contenu[position + 1]
        if suivant == 0x00 or 0xD0 <= suivant <= 0xD7:
            position += 2
        else:
            return position


def enregistrer_piece(ordre, utilisateur, *, nom: str, contenu: bytes, acte: str, **champs):
    """Check the file, store it under its SHA-256 and audit the act; the caller
    has already checked who acts and the order's state, in its transaction."""
    type_mime = controler_fichier(nom, contenu)
    empreinte = hashlib.sha256(contenu).hexdigest()
    piece = ordre.pieces.model(
        ordre=ordre,
        nom=nom[:200],
        type_mime=type_mime,
        taille=len(contenu),
        sha256=empreinte,
        ajoutee_par=utilisateur,
        **champs,
    )
    extension = nom[nom.rfind(".") :].lower() if "." in nom else ""
    piece.fichier.save(f"{empreinte}{extension}", ContentFile(contenu), save=False)
    piece.save()
    audit(utilisateur, acte, ordre, apres={"piece": nom, "sha256": empreinte})
    return piece
