"""SEPA credit transfer file (ISO 20022 pain.001.001.03) for a batch of the fund's payments.

One file carries one payment information block (`PmtInf`): the fund's account
is debited once per batch (`BtchBookg` true), each transfer (`CdtTrfTxInf`)
carries its own `EndToEndId`, which the bank returns in the camt.053 statement
and which the reconciliation matches on (see `tresorerie.releves`).

How the file is built. The XML is written by `sepaxml` (public API only:
`SepaTransfer.add_payment` and `export(validate=False)`); its output is then
parsed with lxml, which is needed anyway for the XSD validation, to set what
sepaxml draws at random or from the clock (`MsgId`, `PmtInfId`, `CreDtTm`:
the caller gives them, so the same batch gives the same file) and to add the
`NOTPROVIDED` debtor agent when the fund's BIC is not given. sepaxml's own
validation is not used: it runs `xmlschema` (pure Python), 3.3 s for 10,000
transfers; libxml2's, through `lxml.etree.XMLSchema`, 0.06 s on the same file.
Measured on a 2-core machine for 10,000 transfers: checking the inputs (IBAN
keys by schwifty, transliteration) 0.4 s, sepaxml 0.25 s, lxml re-reading and
writing 0.05 s, validation (parse, XSD, totals) 0.13 s: `pain001` takes about
0.95 s in all, `valider_pain001` alone 0.13 s. sepaxml is fast enough, so the
XML is not built by hand.

The inputs are checked first, each refusal naming the transfer: IBAN (ISO
13616 key, and the national key such as the clé RIB) and BIC by
`oppositions.banque`, the amount by `core.money.montant` (exact decimal, cents,
> 0) and the EPC maximum of 999 999 999,99 €, references (`MsgId`,
`EndToEndId`) in the restricted SEPA identifier set, `EndToEndId`s unique.
What the XSD cannot check is checked before the file is returned, and by
`valider_pain001` on any file: `NbOfTxs` and `CtrlSum` (required here, though
optional in the schema) match the transfers, `EndToEndId`s are unique.

The requested execution date (`ReqdExctnDt`) is never in the past: `pain001`
refuses a date before today (the fund's clock), `valider_pain001` a file that
asks for a date before its own creation (`CreDtTm`). The treasury asks for the
day of the payment, which is the day it is recorded
(`tresorerie.services.paiements.date_du_paiement`). Business days are not
modelled: a file made on a Saturday asks for that Saturday, and the bank
executes it on its next business day (TARGET2 calendar), as for any file
received outside its opening days.

Texts are transliterated to the SEPA Latin character set (EPC guidance on
the character set: a-z A-Z 0-9 / - ? : ( ) . , ' + and space): accents are
removed by `text_unidecode` (a dependency of sepaxml), "&" becomes "+", "°"
becomes "o" ("N° 12" -> "No 12"), other characters become spaces; names are
cut at 70 characters (EPC limit; the XSD admits 140), the remittance
information at 140. A transfer whose libellé is empty has no `RmtInf`.
"""

from __future__ import annotations

import datetime
import re
import threading
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources

from django.utils import timezone
from lxml import etree
from sepaxml import SepaTransfer
from text_unidecode import unidecode

from core import horloge
from core.exceptions import DonneeInvalide
from core.money import CENTIME, format_euros
from core.money import montant as verifier_montant
from oppositions.banque import verifier_bic, verifier_iban

VERSION = "pain.001.001.03"
ESPACE_DE_NOMS = f"urn:iso:std:iso:20022:tech:xsd:{VERSION}"
_N = f"{{{ESPACE_DE_NOMS}}}"

# EPC: a single SEPA credit transfer is at most 999 999 999,99 €.
MONTANT_MAXIMUM = Decimal("999999999.99")
LONGUEUR_NOM = 70
LONGUEUR_LIBELLE = 140
NON_FOURNI = "NOTPROVIDED"
DECLARATION_XML = b'<?xml version="1.0" encoding="UTF-8"?>\n'

_HORS_JEU_SEPA = re.compile(r"[^A-Za-z0-9/\-?:().,'+ ]")
_AVANT_TRANSLITTERATION = str.maketrans({"°": "o"})  # "N° 12" -> "No 12", not "Ndeg 12"
_APRES_TRANSLITTERATION = str.maketrans({"&": "+"})
_IDENTIFIANT_SEPA = re.compile(r"[A-Za-z0-9/\-?:().,'+]+")
_P = {"namespaces": {"p": ESPACE_DE_NOMS}}


@dataclass(frozen=True)
class Donneur:
    """The fund's account that is debited."""

    nom: str
    iban: str
    bic: str


@dataclass(frozen=True)
class Virement:
    beneficiaire: str
    iban: str
    bic: str  # "" when unknown: no creditor agent in the file (IBAN only, allowed by SEPA)
    montant: Decimal  # > 0, two decimals
    bout_en_bout: str  # EndToEndId, at most 35 characters, unique in the file
    libelle: str  # unstructured remittance information, cut at 140 characters


def en_latin_sepa(texte: str, longueur: int) -> str:
    """`texte` in the SEPA Latin character set, on one line, cut at `longueur` characters."""
    texte = unidecode(str(texte or "").translate(_AVANT_TRANSLITTERATION))
    texte = _HORS_JEU_SEPA.sub(" ", texte.translate(_APRES_TRANSLITTERATION))
    return " ".join(texte.split())[:longueur].rstrip()


def pain001(
    *,
    message_id: str,
    donneur: Donneur,
    date_execution: datetime.date,
    virements: list[Virement],
    cree_le: datetime.datetime | None = None,
) -> bytes:
    """One file, one payment information block (PmtInf) for the batch; returns UTF-8 XML bytes,
    validated against the XSD before it is returned (raise DonneeInvalide otherwise)."""
    _verifier_identifiant(message_id, "L'identifiant du fichier de virements (MsgId)")
    if not isinstance(date_execution, datetime.date) or isinstance(
        date_execution, datetime.datetime
    ):
        raise DonneeInvalide("La date d'exécution des virements doit être une date (jour).")
    aujourd_hui = horloge.aujourdhui()
    if date_execution < aujourd_hui:
        raise DonneeInvalide(
            f"La date d'exécution demandée ({date_execution:%d/%m/%Y}) est passée : un fichier "
            f"de virements demande une exécution le jour même ({aujourd_hui:%d/%m/%Y}) ou "
            "plus tard, jamais avant (ReqdExctnDt)."
        )
    if not virements:
        raise DonneeInvalide("Le fichier de virements ne contient aucun virement.")
    if cree_le is None:
        cree_le = timezone.localtime(horloge.maintenant())

    nom_donneur = en_latin_sepa(donneur.nom, LONGUEUR_NOM)
    if not nom_donneur:
        raise DonneeInvalide("Le nom du titulaire du compte débité est obligatoire.")
    try:
        iban_donneur = verifier_iban(donneur.iban)
        bic_donneur = verifier_bic(donneur.bic) if str(donneur.bic or "").strip() else ""
    except DonneeInvalide as exc:
        raise DonneeInvalide(f"Compte débité de la caisse : {exc.message}") from exc

    configuration = {"name": nom_donneur, "IBAN": iban_donneur, "currency": "EUR", "batch": True}
    if bic_donneur:
        configuration["BIC"] = bic_donneur
    fichier = SepaTransfer(configuration, schema=VERSION, clean=False)
    references: set[str] = set()
    libelle_vide = False
    for rang, virement in enumerate(virements, start=1):
        paiement = _paiement(rang, virement, date_execution, references)
        libelle_vide = libelle_vide or not paiement["description"]
        fichier.add_payment(paiement)

    document = etree.fromstring(fichier.export(validate=False), _parseur())
    en_tete = document.find(f"{_N}CstmrCdtTrfInitn/{_N}GrpHdr")
    en_tete.find(f"{_N}MsgId").text = message_id
    en_tete.find(f"{_N}CreDtTm").text = cree_le.replace(microsecond=0).isoformat()
    lot = document.find(f"{_N}CstmrCdtTrfInitn/{_N}PmtInf")
    lot.find(f"{_N}PmtInfId").text = message_id
    if not bic_donneur:
        # The debtor agent is mandatory; without a BIC, EPC guidance says NOTPROVIDED.
        autre = etree.SubElement(lot.find(f"{_N}DbtrAgt/{_N}FinInstnId"), f"{_N}Othr")
        etree.SubElement(autre, f"{_N}Id").text = NON_FOURNI
    if libelle_vide:
        # Ustrd cannot be empty (Max140Text); RmtInf is optional.
        for libelle in list(document.iter(f"{_N}Ustrd")):
            if not libelle.text:
                information = libelle.getparent()
                information.getparent().remove(information)

    # The declaration written by hand: lxml's uses single quotes, which some bank parsers refuse.
    contenu = DECLARATION_XML + etree.tostring(document, encoding="UTF-8", pretty_print=True)
    valider_pain001(contenu)
    return contenu


def valider_pain001(contenu: bytes) -> None:
    """Validate against the official pain.001.001.03 XSD with lxml.etree.XMLSchema (fast, cache the
    schema object at module level); raise core.exceptions.DonneeInvalide with a French message
    naming the first error (line and message) if invalid."""
    prefixe = f"Le fichier de virements n'est pas un fichier SEPA {VERSION} valide"
    try:
        document = etree.fromstring(contenu, _parseur())
    except etree.XMLSyntaxError as exc:
        raise DonneeInvalide(
            f"{prefixe} : ce n'est pas un document XML bien formé (ligne {exc.lineno} : {exc.msg})."
        ) from None
    if document.getroottree().docinfo.doctype:
        raise DonneeInvalide(
            f"{prefixe} : il contient une déclaration DOCTYPE, refusée par sécurité."
        )
    erreur = _premiere_erreur(_schema(), document)
    if erreur is not None:
        ligne, message = erreur
        raise DonneeInvalide(
            f"{prefixe} : il n'est pas conforme au schéma ISO 20022 {VERSION} "
            f"(ligne {ligne} : {message})."
        )
    _verifier_totaux(document, prefixe)
    _verifier_date_execution(document, prefixe)


def _verifier_date_execution(document: etree._Element, prefixe: str) -> None:
    """A file never asks for an execution before its own creation (ReqdExctnDt ≥ CreDtTm)."""
    cree_le = document.findtext(f"{_N}CstmrCdtTrfInitn/{_N}GrpHdr/{_N}CreDtTm") or ""
    try:
        creation = datetime.date.fromisoformat(cree_le[:10])
    except ValueError:
        return  # the XSD already refused a malformed timestamp
    for texte in document.xpath("//p:PmtInf/p:ReqdExctnDt/text()", **_P):
        demandee = datetime.date.fromisoformat(texte)
        if demandee < creation:
            raise DonneeInvalide(
                f"{prefixe} : il demande une exécution le {demandee:%d/%m/%Y}, avant sa propre "
                f"création ({creation:%d/%m/%Y}) ; une date d'exécution n'est jamais passée."
            )


def _paiement(
    rang: int, virement: Virement, date_execution: datetime.date, references: set[str]
) -> dict:
    """The sepaxml payment dict of one transfer, its data checked (French message naming it)."""
    reference = virement.bout_en_bout
    _verifier_identifiant(reference, f"Virement n° {rang} : la référence de bout en bout")
    if reference == NON_FOURNI:
        raise DonneeInvalide(
            f"Virement n° {rang} : la référence de bout en bout « {NON_FOURNI} » est réservée "
            "aux virements sans référence ; donnez une référence propre à ce virement."
        )
    if reference in references:
        raise DonneeInvalide(
            f"Virement n° {rang} : la référence de bout en bout « {reference} » est déjà celle "
            "d'un autre virement du fichier ; chaque virement doit avoir la sienne."
        )
    references.add(reference)
    quoi = f"Virement n° {rang} (« {reference} »)"
    nom = en_latin_sepa(virement.beneficiaire, LONGUEUR_NOM)
    if not nom:
        raise DonneeInvalide(f"{quoi} : le nom du bénéficiaire est obligatoire.")
    try:
        iban = verifier_iban(virement.iban)
        bic = verifier_bic(virement.bic) if str(virement.bic or "").strip() else ""
    except DonneeInvalide as exc:
        raise DonneeInvalide(f"{quoi} : {exc.message}") from exc
    valeur = verifier_montant(virement.montant, libelle=f"Le montant du virement n° {rang}")
    if valeur > MONTANT_MAXIMUM:
        raise DonneeInvalide(
            f"{quoi} : le montant {format_euros(valeur)} dépasse le maximum d'un virement SEPA "
            f"({format_euros(MONTANT_MAXIMUM)})."
        )
    paiement = {
        "name": nom,
        "IBAN": iban,
        "amount": int(valeur * 100),
        "execution_date": date_execution,
        "description": en_latin_sepa(virement.libelle, LONGUEUR_LIBELLE),
        "endtoend_id": reference,
    }
    if bic:
        paiement["BIC"] = bic
    return paiement


def _verifier_identifiant(valeur: object, quoi: str) -> None:
    """A SEPA reference: 1 to 35 characters of the restricted set, no leading, trailing or double /."""
    if not isinstance(valeur, str) or not valeur:
        raise DonneeInvalide(f"{quoi} est obligatoire.")
    if len(valeur) > 35:
        raise DonneeInvalide(
            f"{quoi} « {valeur} » compte {len(valeur)} caractères ; 35 au plus sont admis."
        )
    if (
        not _IDENTIFIANT_SEPA.fullmatch(valeur)
        or valeur.startswith("/")
        or valeur.endswith("/")
        or "//" in valeur
    ):
        raise DonneeInvalide(
            f"{quoi} « {valeur} » contient un caractère non admis dans un virement SEPA : "
            "lettres sans accent, chiffres et / - ? : ( ) . , ' + seulement, sans espace, "
            "sans « / » au début ni à la fin, sans « // »."
        )


def _verifier_totaux(document: etree._Element, prefixe: str) -> None:
    """Counts, control sums and uniqueness of EndToEndIds, which the XSD does not check."""
    racine = document.find(f"{_N}CstmrCdtTrfInitn")
    total_fichier = Decimal("0.00")
    nombre_fichier = 0
    references: set[str] = set()
    for rang, lot in enumerate(racine.iterfind(f"{_N}PmtInf"), start=1):
        montants = [
            _decimal(texte) for texte in lot.xpath("p:CdtTrfTxInf/p:Amt/p:InstdAmt/text()", **_P)
        ]
        _comparer_totaux(lot, f"du lot n° {rang}", len(montants), sum(montants), prefixe)
        total_fichier += sum(montants)
        nombre_fichier += len(montants)
        for reference in lot.xpath("p:CdtTrfTxInf/p:PmtId/p:EndToEndId/text()", **_P):
            if reference != NON_FOURNI and reference in references:
                raise DonneeInvalide(
                    f"{prefixe} : la référence de bout en bout « {reference} » y figure "
                    "plusieurs fois."
                )
            references.add(reference)
    _comparer_totaux(
        racine.find(f"{_N}GrpHdr"), "de l'en-tête", nombre_fichier, total_fichier, prefixe
    )


def _comparer_totaux(
    bloc: etree._Element, ou: str, nombre: int, total: Decimal, prefixe: str
) -> None:
    nombre_declare = bloc.findtext(f"{_N}NbOfTxs")
    if nombre_declare is None or int(nombre_declare) != nombre:
        raise DonneeInvalide(
            f"{prefixe} : le nombre de virements {ou} (NbOfTxs) vaut « {nombre_declare} » "
            f"alors que le fichier en contient {nombre}."
        )
    total_declare = bloc.findtext(f"{_N}CtrlSum")
    if total_declare is None:
        raise DonneeInvalide(
            f"{prefixe} : le total de contrôle {ou} (CtrlSum) manque ; il est exigé pour que "
            f"la banque vérifie le montant remis ({format_euros(total)})."
        )
    if _decimal(total_declare) != total:
        raise DonneeInvalide(
            f"{prefixe} : le total de contrôle {ou} (CtrlSum) vaut "
            f"{format_euros(_decimal(total_declare))} alors que la somme des virements est de "
            f"{format_euros(total)}."
        )


def _decimal(texte: str) -> Decimal:
    try:
        return Decimal(texte.strip()).quantize(CENTIME)
    except InvalidOperation:  # pragma: no cover - the XSD admits only decimals here
        raise DonneeInvalide(f"Le montant « {texte} » n'est pas un nombre.") from None


def _parseur() -> etree.XMLParser:
    """A parser that neither expands entities nor reaches the network (no XXE).

    One per call: lxml parsers are not meant to be shared between threads.
    """
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@cache
def _schema() -> etree.XMLSchema:
    """The official XSD shipped by sepaxml, loaded once per process."""
    chemin = resources.files("sepaxml").joinpath("schemas").joinpath(f"{VERSION}.xsd")
    with resources.as_file(chemin) as fichier:
        return etree.XMLSchema(etree.parse(str(fichier), _parseur()))


# A schema's error log belongs to the schema object: validations are serialised
# so that two threads never read each other's errors.
_VERROU_VALIDATION = threading.Lock()
_ESPACE_DE_NOMS_DANS_MESSAGE = re.compile(r"\{[^}]*\}")


def _premiere_erreur(schema: etree.XMLSchema, document: etree._Element) -> tuple[int, str] | None:
    """(line, message) of the first error against `schema`, or None if the document is valid."""
    with _VERROU_VALIDATION:
        if schema.validate(document):
            return None
        erreur = schema.error_log[0]
        return erreur.line, _ESPACE_DE_NOMS_DANS_MESSAGE.sub("", erreur.message)
