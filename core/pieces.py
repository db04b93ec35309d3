"""Pièces justificatives and signatures: checks shared by every kind of order."""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile

from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant

TAILLE_MAX_PIECE = 10 * 1024 * 1024
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


def controler_fichier(nom: str, contenu: bytes) -> str:
    """Return the file's MIME type, or refuse a file that is empty, too large,
    of a type not admitted, or not what its name claims (magic bytes)."""
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
    return attendu


def verifier_mot_de_passe(utilisateur, mot_de_passe: str) -> None:
    """A signature requires typing the password again."""
    if not mot_de_passe or not utilisateur.check_password(mot_de_passe):
        raise DroitInsuffisant(
            "Mot de passe incorrect : la signature exige de ressaisir votre mot de passe."
        )


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
