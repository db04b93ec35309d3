"""What the writing and the checking of pain.001 files share: the versions,
the data given to `pain001`, the SEPA character set, the XSD."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from lxml import etree
from text_unidecode import unidecode

from core import xml_sur
from core.exceptions import DonneeInvalide

VERSION_09 = "pain.001.001.09"
VERSION_03 = "pain.001.001.03"
VERSIONS = (VERSION_09, VERSION_03)
# The version written unless the bank account asks for another
# (`CompteDisponibilite.format_virements`).
VERSION = VERSION_09


def espace_de_noms(version: str) -> str:
    return f"urn:iso:std:iso:20022:tech:xsd:{version}"


ESPACE_DE_NOMS = espace_de_noms(VERSION)
VERSION_PAR_ESPACE = {espace_de_noms(v): v for v in VERSIONS}

# EPC: a single SEPA credit transfer is at most 999 999 999,99 €.
MONTANT_MAXIMUM = Decimal("999999999.99")
LONGUEUR_NOM = 70
LONGUEUR_LIBELLE = 140
LONGUEUR_IDENTIFIANT = 35
NON_FOURNI = "NOTPROVIDED"
DECLARATION_XML = b'<?xml version="1.0" encoding="UTF-8"?>\n'

# Lengths of the structured postal address (ISO 20022 PostalAddress24 / 6).
LONGUEURS_ADRESSE = {"rue": 70, "numero": 16, "code_postal": 16, "ville": 35}

HORS_JEU_SEPA = re.compile(r"[^A-Za-z0-9/\-?:().,'+ ]")
_AVANT_TRANSLITTERATION = str.maketrans({"°": "o"})  # "N° 12" -> "No 12", not "Ndeg 12"
_APRES_TRANSLITTERATION = str.maketrans({"&": "+"})
_IDENTIFIANT_SEPA = re.compile(r"[A-Za-z0-9/\-?:().,'+]+")
_PAYS = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class Adresse:
    """A structured postal address (EPC: town and country at least).

    Written as `PstlAdr` with `StrtNm`, `BldgNb`, `PstCd`, `TwnNm`, `Ctry`,
    never as free `AdrLine` lines: from 15 November 2026 the EPC schemes no
    longer accept a fully unstructured address."""

    rue: str = ""
    numero: str = ""
    code_postal: str = ""
    ville: str = ""
    pays: str = "FR"  # ISO 3166 alpha-2

    def pour_sepaxml(self, quoi: str) -> dict[str, str]:
        """sepaxml's address dict, each text in the SEPA character set and cut to its length,
        or DonneeInvalide naming `quoi` when the town or the country is missing."""
        champs = {
            "street_name": en_latin_sepa(self.rue, LONGUEURS_ADRESSE["rue"]),
            "building_number": en_latin_sepa(self.numero, LONGUEURS_ADRESSE["numero"]),
            "postcode": en_latin_sepa(self.code_postal, LONGUEURS_ADRESSE["code_postal"]),
            "town": en_latin_sepa(self.ville, LONGUEURS_ADRESSE["ville"]),
            "country": str(self.pays or "").strip().upper(),
        }
        if not champs["town"]:
            raise DonneeInvalide(
                f"{quoi} : l'adresse postale doit comporter au moins la ville (TwnNm) et le "
                "pays (règle EPC des adresses structurées)."
            )
        if not _PAYS.fullmatch(champs["country"]):
            raise DonneeInvalide(
                f"{quoi} : le pays de l'adresse postale « {self.pays} » n'est pas un code ISO "
                "3166 de deux lettres (FR, DE…)."
            )
        return {cle: valeur for cle, valeur in champs.items() if valeur}


@dataclass(frozen=True)
class Donneur:
    """The fund's account that is debited."""

    nom: str
    iban: str
    bic: str  # "" when unknown: DbtrAgt/FinInstnId/Othr/Id NOTPROVIDED
    adresse: Adresse | None = None  # written in pain.001.001.09 only


@dataclass(frozen=True)
class Virement:
    beneficiaire: str
    iban: str
    bic: str  # "" when unknown: no creditor agent in the file (IBAN only, allowed by SEPA)
    montant: Decimal  # > 0, two decimals
    bout_en_bout: str  # EndToEndId, at most 35 characters, unique in the file
    libelle: str  # unstructured remittance information, cut at 140 characters
    adresse: Adresse | None = None  # written in pain.001.001.09 only


def en_latin_sepa(texte: str, longueur: int) -> str:
    """`texte` in the SEPA Latin character set, on one line, cut at `longueur` characters."""
    texte = unidecode(str(texte or "").translate(_AVANT_TRANSLITTERATION))
    texte = HORS_JEU_SEPA.sub(" ", texte.translate(_APRES_TRANSLITTERATION))
    return " ".join(texte.split())[:longueur].rstrip()


def defaut_identifiant(valeur: object) -> str | None:
    """Why `valeur` is not a SEPA reference (1 to 35 characters of the restricted set, no
    leading, trailing or double /), as the end of a French sentence; None when it is one."""
    if not isinstance(valeur, str) or not valeur:
        return "est obligatoire"
    if len(valeur) > LONGUEUR_IDENTIFIANT:
        return f"« {valeur} » compte {len(valeur)} caractères ; 35 au plus sont admis"
    if (
        not _IDENTIFIANT_SEPA.fullmatch(valeur)
        or valeur.startswith("/")
        or valeur.endswith("/")
        or "//" in valeur
    ):
        return (
            f"« {valeur} » contient un caractère non admis dans un virement SEPA : "
            "lettres sans accent, chiffres et / - ? : ( ) . , ' + seulement, sans espace, "
            "sans « / » au début ni à la fin, sans « // »"
        )
    return None


def verifier_identifiant(valeur: object, quoi: str) -> None:
    defaut = defaut_identifiant(valeur)
    if defaut is not None:
        raise DonneeInvalide(f"{quoi} {defaut}.")


def parseur() -> etree.XMLParser:
    """A safe parser (`core.xml_sur`: no entities, no network, no DTD)."""
    return xml_sur.parseur()


def schema(version: str) -> etree.XMLSchema:
    """The official XSD of `version` shipped by sepaxml, loaded once per process."""
    return xml_sur.schema("sepaxml", "schemas", version)


_ESPACE_DE_NOMS_DANS_MESSAGE = re.compile(r"\{[^}]*\}")


def premiere_erreur(version: str, document: etree._Element) -> tuple[int, str] | None:
    """(line, message) of the first error against the XSD of `version`, or None if valid."""
    liste = xml_sur.erreurs(schema(version), document)
    if not liste:
        return None
    return liste[0].line, _ESPACE_DE_NOMS_DANS_MESSAGE.sub("", liste[0].message)
