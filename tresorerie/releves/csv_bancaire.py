"""The plain CSV export of French online banking (format in the package
docstring)."""

from __future__ import annotations

import csv
import datetime
import io
import re
from decimal import Decimal, InvalidOperation

from core.exceptions import DonneeInvalide
from core.money import CENTIME, ZERO
from oppositions.banque import verifier_iban
from tresorerie.releves.commun import CREDIT, DEBIT, LigneReleve, Releve

ENTETE_CSV = ("date", "date_valeur", "libelle", "reference", "debit", "credit")
_DATE_CSV = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
_MONTANT_CSV = re.compile(r"(?:\d{1,3}(?: \d{3})+|\d+)(?:,\d{1,2})?")
_TROP_DE_DECIMALES = re.compile(r".*,\d{3,}")


def lire_csv(
    contenu: bytes, *, iban: str, solde_ouverture: Decimal, identifiant: str = ""
) -> Releve:
    """The statement in a CSV export (format in the module docstring), or DonneeInvalide."""
    iban = verifier_iban(iban)
    if isinstance(solde_ouverture, (bool, float)) or not isinstance(
        solde_ouverture, (Decimal, int)
    ):
        raise DonneeInvalide("Le solde d'ouverture doit être donné en décimal exact.")
    solde_ouverture = Decimal(solde_ouverture)
    if not solde_ouverture.is_finite() or solde_ouverture != solde_ouverture.quantize(CENTIME):
        raise DonneeInvalide(
            f"Le solde d'ouverture ({solde_ouverture}) doit avoir deux décimales au plus."
        )
    solde_ouverture = solde_ouverture.quantize(CENTIME)

    texte = _decoder(contenu)
    if not texte.strip():
        raise DonneeInvalide("Le fichier CSV est vide.")
    lecteur = csv.reader(io.StringIO(texte, newline=""), delimiter=";", strict=True)
    lignes: list[LigneReleve] = []
    try:
        entete = next(lecteur)
        if tuple(c.strip().lower() for c in entete) != ENTETE_CSV:
            raise DonneeInvalide(
                f"Ligne 1 du fichier CSV : l'en-tête doit être exactement "
                f"« {';'.join(ENTETE_CSV)} » ; le fichier commence par « {';'.join(entete)} »."
            )
        for champs in lecteur:
            if not any(c.strip() for c in champs):
                continue
            lignes.append(_ligne_csv(champs, lecteur.line_num))
    except csv.Error as exc:
        raise DonneeInvalide(
            f"Ligne {lecteur.line_num} du fichier CSV : elle ne peut être lue ({exc})."
        ) from None
    if not lignes:
        raise DonneeInvalide("Le fichier CSV ne contient aucune opération après son en-tête.")

    debut = min(ligne.date_operation for ligne in lignes)
    fin = max(ligne.date_operation for ligne in lignes)
    cloture = solde_ouverture
    for ligne in lignes:
        cloture += ligne.montant if ligne.sens == CREDIT else -ligne.montant
    return Releve(
        format="csv",
        identifiant=identifiant or f"CSV-{debut:%Y%m%d}-{fin:%Y%m%d}",
        iban=iban,
        date_debut=debut,
        date_fin=fin,
        solde_ouverture=solde_ouverture,
        solde_cloture=cloture,
        lignes=tuple(lignes),
    )


def _decoder(contenu: bytes) -> str:
    try:
        return contenu.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return contenu.decode("cp1252")
    except UnicodeDecodeError:
        raise DonneeInvalide(
            "Le fichier CSV n'est ni en UTF-8 ni en Windows-1252 : enregistrez-le dans l'un de "
            "ces encodages."
        ) from None


def _ligne_csv(champs: list[str], numero: int) -> LigneReleve:
    quoi = f"Ligne {numero} du fichier CSV"
    if len(champs) != len(ENTETE_CSV):
        raise DonneeInvalide(
            f"{quoi} : {len(ENTETE_CSV)} colonnes séparées par « ; » sont attendues, "
            f"{len(champs)} trouvées."
        )
    date, date_valeur, libelle, reference, debit, credit = (c.strip() for c in champs)
    date_operation = _date_csv(date, quoi, "la date d'opération")
    if date_operation is None:
        raise DonneeInvalide(f"{quoi} : la date d'opération est obligatoire.")
    montant_debit = _montant_csv(debit, quoi, "débit")
    montant_credit = _montant_csv(credit, quoi, "crédit")
    if (montant_debit is None) == (montant_credit is None):
        raise DonneeInvalide(
            f"{quoi} : une seule des colonnes « debit » et « credit » doit être remplie "
            + ("(les deux le sont)." if montant_debit is not None else "(aucune ne l'est).")
        )
    return LigneReleve(
        date_operation=date_operation,
        date_valeur=_date_csv(date_valeur, quoi, "la date de valeur"),
        montant=montant_credit if montant_credit is not None else montant_debit,
        sens=CREDIT if montant_credit is not None else DEBIT,
        libelle=libelle,
        reference=reference,
        reference_banque="",
        contrepartie="",
    )


def _date_csv(texte: str, quoi: str, laquelle: str) -> datetime.date | None:
    if not texte:
        return None
    correspondance = _DATE_CSV.fullmatch(texte)
    if correspondance is None:
        raise DonneeInvalide(f"{quoi} : {laquelle} « {texte} » n'est pas au format JJ/MM/AAAA.")
    jour, mois, annee = (int(g) for g in correspondance.groups())
    try:
        return datetime.date(annee, mois, jour)
    except ValueError:
        raise DonneeInvalide(f"{quoi} : {laquelle} « {texte} » n'existe pas.") from None


def _montant_csv(texte: str, quoi: str, colonne: str) -> Decimal | None:
    if not texte:
        return None
    normal = texte.replace("\u00a0", " ").replace("\u202f", " ")
    if normal.startswith("-"):
        raise DonneeInvalide(
            f"{quoi} : le montant au {colonne} « {texte} » est négatif ; un montant s'inscrit "
            "sans signe, au débit ou au crédit."
        )
    if _TROP_DE_DECIMALES.fullmatch(normal):
        raise DonneeInvalide(
            f"{quoi} : le montant au {colonne} « {texte} » a plus de deux décimales."
        )
    if not _MONTANT_CSV.fullmatch(normal):
        raise DonneeInvalide(
            f"{quoi} : le montant au {colonne} « {texte} » n'est pas un montant : chiffres, "
            "virgule décimale, deux décimales au plus, espaces entre les milliers "
            "(exemple : 1 234,56)."
        )
    try:
        valeur = Decimal(normal.replace(" ", "").replace(",", ".")).quantize(CENTIME)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise DonneeInvalide(
            f"{quoi} : le montant au {colonne} « {texte} » est illisible."
        ) from None
    if valeur == ZERO:
        raise DonneeInvalide(f"{quoi} : le montant au {colonne} est nul.")
    return valeur
