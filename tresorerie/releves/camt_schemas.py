"""The camt versions we read, their vendored XSDs, and which schema deviations
are tolerated (see the package docstring)."""

from __future__ import annotations

import re

from lxml import etree

from core import xml_sur

PREFIXE_ISO = "urn:iso:std:iso:20022:tech:xsd:"
RELEVE_053 = "camt.053"
AVIS_054 = "camt.054"
# camt.053.001.01 and camt.054.001.01 (2006) predate the structure read here;
# .15 and later are not vendored.
NUMEROS_CAMT = range(2, 15)
VERSIONS_CAMT = tuple(
    f"{message}.001.{numero:02d}" for message in (RELEVE_053, AVIS_054) for numero in NUMEROS_CAMT
)
VERSIONS_CONSEILLEES = ("camt.053.001.08", "camt.053.001.04", "camt.053.001.02")


def plage_versions(message: str) -> str:
    """« camt.053.001.02 à camt.053.001.14 »: the versions of `message` read."""
    return f"{message}.001.{NUMEROS_CAMT[0]:02d} à {message}.001.{NUMEROS_CAMT[-1]:02d}"


# Every refusal naming what is read says it with these words.
VERSIONS_ACCEPTEES = (
    f"de {plage_versions(RELEVE_053)} pour un relevé, de {plage_versions(AVIS_054)} pour un "
    f"avis ; de préférence {VERSIONS_CONSEILLEES[0]}"
)
NOMBRE_MAX_ECARTS = 20
STATUTS_CONNUS = ("BOOK", "PDNG", "INFO", "FUTR")

# What the reader uses, as paths from the Stmt (camt.053) or Ntfctn (camt.054)
# element: a schema error on one of them, or inside one, refuses the file.
CHEMINS_LUS = (
    ("Acct", "Id"),
    ("Acct", "Ccy"),
    ("Bal",),
    ("FrToDt",),
    ("Ntry", "Amt"),
    ("Ntry", "CdtDbtInd"),
    ("Ntry", "RvslInd"),
    ("Ntry", "Sts"),
    ("Ntry", "BookgDt"),
    ("Ntry", "ValDt"),
    ("Ntry", "NtryDtls", "Btch"),
    ("Ntry", "NtryDtls", "TxDtls", "Amt"),
    ("Ntry", "NtryDtls", "TxDtls", "CdtDbtInd"),
    ("Ntry", "NtryDtls", "TxDtls", "AmtDtls"),
)
MESSAGES = {
    RELEVE_053: ("BkToCstmrStmt", "Stmt"),
    AVIS_054: ("BkToCstmrDbtCdtNtfctn", "Ntfctn"),
}


def parseur() -> etree.XMLParser:
    """A safe parser (`core.xml_sur`) that also drops comments."""
    return xml_sur.parseur(sans_commentaires=True)


def schema(version: str) -> etree.XMLSchema:
    """The official XSD of `version` vendored in `tresorerie/schemas`, loaded once."""
    return xml_sur.schema("tresorerie", "schemas", version)


_ESPACE_DE_NOMS = re.compile(r"\{[^}]*\}")
_ATTENDUS = re.compile(r"Expected is (?:one of )?\( ([^)]*) \)")
_LONGUEUR = re.compile(r"length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'")
_TYPE = re.compile(
    r"'([^']*)' is not a valid value of the (?:local )?(?:atomic|list|union) type '?([^'.]*)"
)
_VALEUR = re.compile(r"\[facet '\w+'\] The value '([^']*)'")


def erreurs(version: str, document: etree._Element) -> list[etree._LogEntry]:
    return xml_sur.erreurs(schema(version), document)


def classer(
    version: str, document: etree._Element, erreurs_xsd: list
) -> tuple[tuple[int, str] | None, tuple[str, ...]]:
    """(first fatal error as (line, French text) or None, French notes of the tolerated ones)."""
    fatale = None
    notes: dict[str, list[int]] = {}
    prefixes = (
        {p: uri for e in document.iter("*") for p, uri in e.nsmap.items() if p}
        if erreurs_xsd
        else {}
    )
    for erreur in erreurs_xsd:
        element = _element(document, erreur.path, prefixes)
        if element is None or _touche_ce_qui_est_lu(erreur, element):
            if fatale is None:
                fatale = (erreur.line, _decrire(erreur, element, fatale=True))
            continue
        lignes = notes.setdefault(_decrire(erreur, element, fatale=False), [])
        if erreur.line not in lignes:
            lignes.append(erreur.line)
    ecarts = []
    for description, lignes in notes.items():
        autres = len(lignes) - 1
        ou = f"ligne {lignes[0]}" + (
            f" (et {autres} autre{'s' if autres > 1 else ''})" if autres else ""
        )
        ecarts.append(f"Écart au schéma {version} toléré, {ou} : {description}.")
    if len(ecarts) > NOMBRE_MAX_ECARTS:
        reste = len(ecarts) - NOMBRE_MAX_ECARTS + 1
        ecarts = ecarts[: NOMBRE_MAX_ECARTS - 1] + [f"… et {reste} autres écarts au schéma."]
    return fatale, tuple(ecarts)


def _element(
    document: etree._Element, chemin: str | None, prefixes: dict[str, str]
) -> etree._Element | None:
    """The element of an error's path, written with the document's own prefixes if any."""
    if not chemin:
        return None
    try:
        trouves = document.getroottree().xpath(chemin, namespaces=prefixes)
    except etree.XPathError:
        return None
    return trouves[0] if trouves and isinstance(trouves[0], etree._Element) else None


def chemin_local(element: etree._Element) -> list[str]:
    """Local names from the root down to `element` included."""
    noms = [etree.QName(e).localname for e in element.iterancestors()]
    noms.reverse()
    return [*noms, etree.QName(element).localname]


def _relatif(chemin: list[str]) -> list[str] | None:
    """The path below Stmt/Ntfctn, or None when `chemin` is not inside one."""
    if len(chemin) >= 3 and chemin[2] in ("Stmt", "Ntfctn"):
        return chemin[3:]
    return None


def _lu(relatif: list[str]) -> bool:
    """Whether `relatif` is, is inside, or contains something the reader uses."""
    return any(
        tuple(relatif[: len(lu)]) == lu or tuple(relatif) == lu[: len(relatif)]
        for lu in CHEMINS_LUS
    )


def _touche_ce_qui_est_lu(erreur, element: etree._Element) -> bool:
    chemin = chemin_local(element)
    if len(chemin) <= 2:  # Document or the message element: the document's structure
        return True
    relatif = _relatif(chemin)
    if relatif is None:  # GrpHdr and what follows the statements
        return False
    if relatif[:2] == ["Ntry", "Sts"] and _statut_lisible(element, relatif):
        return False
    inattendu = "is not expected" in erreur.message
    # An element out of its place is still found by name by the reader: only a value or
    # a content error on what is read is fatal, or (below) a needed element missing.
    if not inattendu and relatif and any(tuple(relatif[: len(lu)]) == lu for lu in CHEMINS_LUS):
        return True
    # A missing element the reader needs: "Missing child element(s). Expected is ( Acct )"
    # at the parent, or "This element is not expected. Expected is ( CdtDbtInd )".
    attendus = _ATTENDUS.search(_ESPACE_DE_NOMS.sub("", erreur.message))
    if attendus is None:
        return False
    noms = [nom.strip() for nom in attendus.group(1).split(",")]
    if len(noms) != 1:
        return False
    manquant = "Missing child" in erreur.message
    parent = element if manquant else element.getparent()
    base = relatif if manquant else relatif[:-1]
    present = any(etree.QName(e).localname == noms[0] for e in parent.iterchildren("*"))
    return not present and _lu([*base, noms[0]])


def _statut_lisible(element: etree._Element, relatif: list[str]) -> bool:
    """Whether an entry's status the schema refuses is still a known code written the way
    of another version: `<Sts>BOOK</Sts>` from .07 on, or `<Sts><Cd>BOOK</Cd></Sts>` before."""
    sts = element if len(relatif) == 2 else element.getparent()
    if len(relatif) > 3 or sts is None:
        return False
    valeur = (sts.text or "").strip() or "".join(
        (e.text or "").strip() for e in sts.iterchildren("*")
    )
    return valeur in STATUTS_CONNUS


def _decrire(erreur, element: etree._Element | None, *, fatale: bool) -> str:
    """A French description of a schema error."""
    message = _ESPACE_DE_NOMS.sub("", erreur.message)
    if element is None:
        return f"écart au schéma ({message})"
    chemin = "/".join(chemin_local(element)[2:]) or etree.QName(element).localname
    relatif = _relatif(chemin_local(element)) or []
    if not fatale and relatif[:2] == ["Ntry", "Sts"]:
        return (
            "le statut de l'écriture (Sts) est écrit à la manière d'une autre version ; il est lu"
        )
    attendus = _ATTENDUS.search(message)
    noms = [n.strip() for n in attendus.group(1).split(",")] if attendus else []
    liste = ", ".join(noms)
    if "Missing child" in message:
        return f"« {chemin} » n'a pas l'élément requis par le schéma ({liste})"
    if "is not expected" in message:
        if fatale and len(noms) == 1:
            parent = "/".join(chemin_local(element)[2:-1]) or "Document"
            return (
                f"l'élément {noms[0]} requis par le schéma manque dans « {parent} » "
                f"(« {etree.QName(element).localname} » est à sa place)"
            )
        return f"élément « {chemin} » non prévu par le schéma à cet endroit" + (
            f" (attendu : {liste})" if liste else ""
        )
    longueur = _LONGUEUR.search(message)
    if longueur:
        return (
            f"« {chemin} » compte {longueur.group(1)} caractères, le schéma en admet "
            f"{longueur.group(2)} au plus"
        )
    valeur = _VALEUR.search(message)
    if "'pattern'" in message and valeur:
        return (
            f"la valeur « {valeur.group(1)} » de « {chemin} » n'a pas la forme prévue par le schéma"
        )
    if "'enumeration'" in message and valeur:
        return f"la valeur « {valeur.group(1)} » de « {chemin} » n'est pas dans la liste du schéma"
    type_ = _TYPE.search(message)
    if type_:
        return (
            f"la valeur « {type_.group(1)} » de « {chemin} » n'est pas admise par le schéma "
            f"(type {type_.group(2)})"
        )
    return f"« {chemin} » ne suit pas le schéma ({message})"
