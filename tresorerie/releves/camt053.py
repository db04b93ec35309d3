"""ISO 20022 camt.053.001.02: read (validated against the vendored XSD) and
written (see the package docstring)."""

from __future__ import annotations

import datetime
import re
import threading
from decimal import Decimal
from functools import cache
from importlib import resources

from django.utils import timezone
from lxml import etree

from core import horloge
from core.exceptions import DonneeInvalide
from core.money import CENTIME, ZERO, format_euros
from tresorerie.releves.commun import CREDIT, DEBIT, LigneReleve, Releve

VERSION_CAMT = "camt.053.001.02"
ESPACE_DE_NOMS = f"urn:iso:std:iso:20022:tech:xsd:{VERSION_CAMT}"
PREFIXE_ISO = "urn:iso:std:iso:20022:tech:xsd:"
_N = f"{{{ESPACE_DE_NOMS}}}"
NON_FOURNI = "NOTPROVIDED"
CODE_OPERATION = "NMSC"  # proprietary bank transaction code written by ecrire_camt053
DECLARATION_XML = b'<?xml version="1.0" encoding="UTF-8"?>\n'
REFUS_CAMT = "Le fichier n'est pas un relevé camt.053 valide"


# --------------------------------------------------------------------------- camt.053


def lire_camt053(contenu: bytes) -> Releve:
    """The statement in a camt.053.001.02 file, checked, or DonneeInvalide saying why not."""
    if not contenu or not contenu.strip():
        raise DonneeInvalide(f"{REFUS_CAMT} : le fichier est vide.")
    if b"<!DOCTYPE" in contenu:  # before libxml2, whose refusal of a billion laughs is English
        raise DonneeInvalide(
            f"{REFUS_CAMT} : il contient une déclaration DOCTYPE, refusée par sécurité."
        )
    try:
        document = etree.fromstring(contenu, _parseur())
    except etree.XMLSyntaxError as exc:
        raise DonneeInvalide(
            f"{REFUS_CAMT} : ce n'est pas un document XML bien formé "
            f"(ligne {exc.lineno} : {exc.msg})."
        ) from None
    if document.getroottree().docinfo.doctype:
        raise DonneeInvalide(
            f"{REFUS_CAMT} : il contient une déclaration DOCTYPE, refusée par sécurité."
        )
    _verifier_nature(document)
    erreur = _premiere_erreur(_schema_camt053(), document)
    if erreur is not None:
        ligne, message = erreur
        raise DonneeInvalide(
            f"{REFUS_CAMT} : il n'est pas conforme au schéma ISO 20022 {VERSION_CAMT} "
            f"(ligne {ligne} : {message})."
        )

    releves = [_lire_stmt(stmt) for stmt in document.iterfind(f"{_N}BkToCstmrStmt/{_N}Stmt")]
    comptes = sorted({r.iban for r in releves})
    if len(comptes) > 1:
        raise DonneeInvalide(
            f"Le fichier contient les relevés de {len(comptes)} comptes ({', '.join(comptes)}) : "
            "un import ne peut porter que sur un seul compte ; demandez à la banque un fichier "
            "par compte."
        )
    for releve in releves:
        _verifier_soldes(releve)
    releves.sort(key=lambda r: (r.date_debut, r.date_fin))
    for precedent, suivant in zip(releves, releves[1:], strict=False):
        if precedent.solde_cloture != suivant.solde_ouverture:
            raise DonneeInvalide(
                f"Les relevés du fichier ne se suivent pas : le relevé « {precedent.identifiant} » "
                f"se clôt sur un solde de {format_euros(precedent.solde_cloture)}, le relevé "
                f"« {suivant.identifiant} » s'ouvre sur un solde de "
                f"{format_euros(suivant.solde_ouverture)}."
            )
    if len(releves) == 1:
        return releves[0]
    return Releve(
        format="camt.053",
        identifiant=" + ".join(r.identifiant for r in releves),
        iban=comptes[0],
        date_debut=min(r.date_debut for r in releves),
        date_fin=max(r.date_fin for r in releves),
        solde_ouverture=releves[0].solde_ouverture,
        solde_cloture=releves[-1].solde_cloture,
        lignes=tuple(ligne for r in releves for ligne in r.lignes),
    )


def ecrire_camt053(
    releve: Releve, *, message_id: str, cree_le: datetime.datetime | None = None
) -> bytes:
    """`releve` as a camt.053.001.02 document, validated against the XSD before it is returned."""
    _verifier_texte(message_id, "L'identifiant du message (MsgId)", 35, obligatoire=True)
    _verifier_texte(releve.identifiant, "L'identifiant du relevé", 35, obligatoire=True)
    for rang, ligne in enumerate(releve.lignes, start=1):
        _verifier_ligne_a_ecrire(rang, ligne)
    _verifier_soldes(releve)
    if cree_le is None:
        cree_le = timezone.localtime(horloge.maintenant())
    horodatage = cree_le.replace(microsecond=0).isoformat()

    def sous(parent, nom, texte=None, **attributs):
        element = etree.SubElement(parent, _N + nom, attributs)
        if texte is not None:
            element.text = texte
        return element

    def montant(parent, nom, valeur):
        sous(parent, nom, f"{abs(valeur):.2f}", Ccy="EUR")

    def solde(parent, code, valeur, jour):
        bal = sous(parent, "Bal")
        sous(sous(sous(bal, "Tp"), "CdOrPrtry"), "Cd", code)
        montant(bal, "Amt", valeur)
        sous(bal, "CdtDbtInd", "CRDT" if valeur >= 0 else "DBIT")
        sous(sous(bal, "Dt"), "Dt", jour.isoformat())

    try:
        document = etree.Element(_N + "Document", nsmap={None: ESPACE_DE_NOMS})
        message = sous(document, "BkToCstmrStmt")
        en_tete = sous(message, "GrpHdr")
        sous(en_tete, "MsgId", message_id)
        sous(en_tete, "CreDtTm", horodatage)
        stmt = sous(message, "Stmt")
        sous(stmt, "Id", releve.identifiant)
        sous(stmt, "CreDtTm", horodatage)
        periode = sous(stmt, "FrToDt")
        sous(periode, "FrDtTm", f"{releve.date_debut.isoformat()}T00:00:00")
        sous(periode, "ToDtTm", f"{releve.date_fin.isoformat()}T23:59:59")
        compte = sous(stmt, "Acct")
        sous(sous(compte, "Id"), "IBAN", releve.iban)
        sous(compte, "Ccy", "EUR")
        solde(stmt, "OPBD", releve.solde_ouverture, releve.date_debut)
        solde(stmt, "CLBD", releve.solde_cloture, releve.date_fin)
        for ligne in releve.lignes:
            entree = sous(stmt, "Ntry")
            montant(entree, "Amt", ligne.montant)
            sous(entree, "CdtDbtInd", "CRDT" if ligne.sens == CREDIT else "DBIT")
            sous(entree, "Sts", "BOOK")
            sous(sous(entree, "BookgDt"), "Dt", ligne.date_operation.isoformat())
            if ligne.date_valeur is not None:
                sous(sous(entree, "ValDt"), "Dt", ligne.date_valeur.isoformat())
            if ligne.reference_banque:
                sous(entree, "AcctSvcrRef", ligne.reference_banque)
            sous(sous(sous(entree, "BkTxCd"), "Prtry"), "Cd", CODE_OPERATION)
            transaction = sous(sous(entree, "NtryDtls"), "TxDtls")
            sous(sous(transaction, "Refs"), "EndToEndId", ligne.reference or NON_FOURNI)
            montant(sous(sous(transaction, "AmtDtls"), "TxAmt"), "Amt", ligne.montant)
            if ligne.contrepartie:
                partie = "Dbtr" if ligne.sens == CREDIT else "Cdtr"
                sous(sous(sous(transaction, "RltdPties"), partie), "Nm", ligne.contrepartie)
            if ligne.libelle:
                sous(sous(transaction, "RmtInf"), "Ustrd", ligne.libelle[:140])
                sous(entree, "AddtlNtryInf", ligne.libelle)
    except ValueError as exc:  # lxml refuses control characters in text
        raise DonneeInvalide(
            f"Le relevé contient un caractère qui ne peut figurer dans un fichier XML ({exc})."
        ) from None

    contenu = DECLARATION_XML + etree.tostring(document, encoding="UTF-8", pretty_print=True)
    erreur = _premiere_erreur(_schema_camt053(), etree.fromstring(contenu, _parseur()))
    if erreur is not None:
        ligne, texte = erreur
        raise DonneeInvalide(
            f"Le relevé ne peut être écrit au format {VERSION_CAMT} : le fichier produit n'est "
            f"pas conforme au schéma ISO 20022 (ligne {ligne} : {texte})."
        )
    return contenu


def _verifier_nature(document: etree._Element) -> None:
    """Refuse a document that is not a camt.053.001.02 statement, saying what it is."""
    nom = etree.QName(document)
    espace = nom.namespace or ""
    if espace == ESPACE_DE_NOMS and nom.localname == "Document":
        return
    if espace.startswith(PREFIXE_ISO + "camt.053."):
        version = espace.removeprefix(PREFIXE_ISO)
        raise DonneeInvalide(
            f"{REFUS_CAMT} : sa version ({version}) n'est pas prise en charge ; seule la "
            f"version {VERSION_CAMT} est acceptée. Demandez à la banque un relevé dans cette "
            "version."
        )
    if espace.startswith(PREFIXE_ISO):
        raise DonneeInvalide(
            f"{REFUS_CAMT} : c'est un message ISO 20022 {espace.removeprefix(PREFIXE_ISO)}, "
            f"pas un relevé de compte {VERSION_CAMT}."
        )
    raise DonneeInvalide(
        f"{REFUS_CAMT} : son élément racine est « {nom.localname} »"
        + (f" (espace de noms « {espace} »)" if espace else " (sans espace de noms)")
        + f", alors qu'un relevé {VERSION_CAMT} commence par « Document » dans l'espace de "
        f"noms « {ESPACE_DE_NOMS} »."
    )


def _lire_stmt(stmt: etree._Element) -> Releve:
    identifiant = stmt.findtext(f"{_N}Id").strip()
    quoi = f"le relevé « {identifiant} »"
    du_releve = f"du relevé « {identifiant} »"
    iban = stmt.findtext(f"{_N}Acct/{_N}Id/{_N}IBAN")
    if not iban:
        raise DonneeInvalide(
            f"{REFUS_CAMT} : {quoi} désigne son compte autrement que par un IBAN ; "
            "seuls les comptes identifiés par leur IBAN peuvent être importés."
        )
    devise = stmt.findtext(f"{_N}Acct/{_N}Ccy")
    if devise not in (None, "EUR"):
        raise DonneeInvalide(
            f"{REFUS_CAMT} : {quoi} porte sur un compte en {devise} ; seuls les comptes en "
            "euros sont acceptés."
        )

    soldes: dict[str, tuple[Decimal, datetime.date]] = {}
    for bal in stmt.iterfind(f"{_N}Bal"):
        code = bal.findtext(f"{_N}Tp/{_N}CdOrPrtry/{_N}Cd")
        if code in ("OPBD", "PRCD", "CLBD") and code not in soldes:
            valeur = _montant_xml(bal.find(f"{_N}Amt"), f"le solde {code} {du_releve}")
            if bal.findtext(f"{_N}CdtDbtInd") == "DBIT":
                valeur = -valeur
            soldes[code] = (valeur, _date_xml(bal.find(f"{_N}Dt")))
    if "OPBD" in soldes:
        ouverture, debut = soldes["OPBD"]
    elif "PRCD" in soldes:
        ouverture, veille = soldes["PRCD"]
        debut = veille + datetime.timedelta(days=1)
    else:
        raise DonneeInvalide(
            f"{REFUS_CAMT} : {quoi} ne donne pas de solde d'ouverture (OPBD ou PRCD)."
        )
    if "CLBD" not in soldes:
        raise DonneeInvalide(f"{REFUS_CAMT} : {quoi} ne donne pas de solde de clôture (CLBD).")
    cloture, fin = soldes["CLBD"]
    periode = stmt.find(f"{_N}FrToDt")
    if periode is not None:
        debut = _jour(periode.findtext(f"{_N}FrDtTm"))
        fin = _jour(periode.findtext(f"{_N}ToDtTm"))

    lignes: list[LigneReleve] = []
    for rang, entree in enumerate(stmt.iterfind(f"{_N}Ntry"), start=1):
        if entree.findtext(f"{_N}Sts", "").strip() != "BOOK":
            continue
        lignes.extend(_lire_entree(entree, f"l'écriture n° {rang} {du_releve}"))
    return Releve(
        format="camt.053",
        identifiant=identifiant,
        iban=iban.strip().upper(),
        date_debut=debut,
        date_fin=fin,
        solde_ouverture=ouverture,
        solde_cloture=cloture,
        lignes=tuple(lignes),
    )


def _lire_entree(entree: etree._Element, quoi: str) -> list[LigneReleve]:
    """The lines of one booked entry: one, or one per transaction of a batch that adds up."""
    montant = _montant_xml(entree.find(f"{_N}Amt"), f"le montant de {quoi}")
    sens = CREDIT if entree.findtext(f"{_N}CdtDbtInd") == "CRDT" else DEBIT
    dates = entree.find(f"{_N}BookgDt")
    if dates is None:
        raise DonneeInvalide(
            f"{REFUS_CAMT} : {quoi} est comptabilisée (BOOK) mais sans date de "
            "comptabilisation (BookgDt)."
        )
    date_operation = _date_xml(dates)
    valeur = entree.find(f"{_N}ValDt")
    date_valeur = _date_xml(valeur) if valeur is not None else None
    reference_banque = _texte(entree, "AcctSvcrRef")
    information = _texte(entree, "AddtlNtryInf")
    transactions = entree.findall(f"{_N}NtryDtls/{_N}TxDtls")

    def ligne(montant_ligne, transaction, transaction_d_abord):
        bout_en_bout = reference_tx = libelle_tx = contrepartie = ""
        if transaction is not None:
            bout_en_bout = _texte(transaction, "Refs", "EndToEndId")
            if bout_en_bout == NON_FOURNI:
                bout_en_bout = ""
            reference_tx = _texte(transaction, "Refs", "AcctSvcrRef")
            libelle_tx = _libelle_transaction(transaction)
            partie = "Dbtr" if sens == CREDIT else "Cdtr"
            contrepartie = _texte(transaction, "RltdPties", partie, "Nm")
        banque = reference_banque or reference_tx
        ordre = (libelle_tx, information) if transaction_d_abord else (information, libelle_tx)
        libelle = ordre[0] or ordre[1]
        return LigneReleve(
            date_operation=date_operation,
            date_valeur=date_valeur,
            montant=montant_ligne,
            sens=sens,
            libelle=libelle,
            reference=bout_en_bout or banque,
            reference_banque=banque,
            contrepartie=contrepartie,
        )

    if montant == ZERO:
        return []
    if len(transactions) > 1:
        montants = [_montant_transaction(t) for t in transactions]
        if None not in montants and sum(montants) == montant:
            return [
                ligne(m, t, True) for m, t in zip(montants, transactions, strict=True) if m != ZERO
            ]
    return [ligne(montant, transactions[0] if len(transactions) == 1 else None, False)]


def _montant_transaction(transaction: etree._Element) -> Decimal | None:
    """The amount of one transaction of an entry, in euros, or None if not given in euros."""
    for chemin in ("AmtDtls/{n}TxAmt/{n}Amt", "AmtDtls/{n}InstdAmt/{n}Amt"):
        element = transaction.find(_N + chemin.format(n=_N))
        if element is not None and element.get("Ccy") == "EUR":
            valeur = Decimal(element.text.strip())
            return valeur.quantize(CENTIME) if valeur == valeur.quantize(CENTIME) else None
    return None


def _libelle_transaction(transaction: etree._Element) -> str:
    informations = transaction.find(f"{_N}RmtInf")
    if informations is not None:
        libres = " ".join(
            e.text.strip() for e in informations.iterfind(f"{_N}Ustrd") if e.text and e.text.strip()
        )
        if libres:
            return libres
        reference = informations.findtext(f"{_N}Strd/{_N}CdtrRefInf/{_N}Ref")
        if reference and reference.strip():
            return reference.strip()
    return _texte(transaction, "AddtlTxInf")


def _texte(element: etree._Element, *chemin: str) -> str:
    return (element.findtext("/".join(_N + nom for nom in chemin)) or "").strip()


def _montant_xml(element: etree._Element, quoi: str) -> Decimal:
    """A camt amount in euros with at most two decimals (the XSD admits five), unsigned."""
    devise = element.get("Ccy")
    if devise != "EUR":
        raise DonneeInvalide(
            f"{REFUS_CAMT} : {quoi} est en {devise} ; seuls les montants en euros sont acceptés."
        )
    valeur = Decimal(element.text.strip())
    if valeur != valeur.quantize(CENTIME):
        raise DonneeInvalide(
            f"{REFUS_CAMT} : {quoi} ({element.text.strip()}) a plus de "
            "deux décimales ; le centime est l'unité."
        )
    return valeur.quantize(CENTIME)


def _date_xml(choix: etree._Element) -> datetime.date:
    """The day of a DateAndDateTimeChoice (Dt or DtTm)."""
    return _jour(choix.findtext(f"{_N}Dt") or choix.findtext(f"{_N}DtTm"))


def _jour(texte: str) -> datetime.date:
    """The day of an xs:date or xs:dateTime as written (the offset, if any, is ignored)."""
    return datetime.date.fromisoformat(texte.strip()[:10])


def _verifier_soldes(releve: Releve) -> None:
    """Closing balance = opening + credits - debits, or DonneeInvalide naming both figures."""
    attendu = releve.solde_ouverture
    for ligne in releve.lignes:
        attendu += ligne.montant if ligne.sens == CREDIT else -ligne.montant
    if attendu != releve.solde_cloture:
        raise DonneeInvalide(
            f"Le relevé « {releve.identifiant} » ne s'équilibre pas : le solde de clôture "
            f"annoncé est de {format_euros(releve.solde_cloture)}, alors que le solde "
            f"d'ouverture ({format_euros(releve.solde_ouverture)}) augmenté des crédits et "
            f"diminué des débits donne {format_euros(attendu)}."
        )


def _verifier_texte(valeur: object, quoi: str, longueur: int, *, obligatoire: bool) -> None:
    if not isinstance(valeur, str):
        raise DonneeInvalide(f"{quoi} doit être un texte.")
    if obligatoire and not valeur:
        raise DonneeInvalide(f"{quoi} est obligatoire.")
    if len(valeur) > longueur:
        raise DonneeInvalide(
            f"{quoi} « {valeur} » compte {len(valeur)} caractères ; le format {VERSION_CAMT} "
            f"en admet {longueur} au plus."
        )


def _verifier_ligne_a_ecrire(rang: int, ligne: LigneReleve) -> None:
    quoi = f"Ligne {rang} du relevé"
    if ligne.sens not in (CREDIT, DEBIT):
        raise DonneeInvalide(f"{quoi} : le sens doit être « credit » ou « debit ».")
    if (
        not isinstance(ligne.montant, Decimal)
        or not ligne.montant.is_finite()
        or ligne.montant <= 0
        or ligne.montant != ligne.montant.quantize(CENTIME)
    ):
        raise DonneeInvalide(
            f"{quoi} : le montant doit être un décimal strictement positif à deux décimales "
            f"au plus ({ligne.montant})."
        )
    _verifier_texte(ligne.reference, f"{quoi} : la référence", 35, obligatoire=False)
    _verifier_texte(
        ligne.reference_banque, f"{quoi} : la référence bancaire", 35, obligatoire=False
    )
    _verifier_texte(ligne.libelle, f"{quoi} : le libellé", 500, obligatoire=False)
    _verifier_texte(ligne.contrepartie, f"{quoi} : la contrepartie", 140, obligatoire=False)


# --------------------------------------------------------------------------- XML


def _parseur() -> etree.XMLParser:
    """A parser that neither expands entities nor reaches the network (no XXE).

    One per call: lxml parsers are not meant to be shared between threads.
    """
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@cache
def _schema_camt053() -> etree.XMLSchema:
    """The official camt.053.001.02 XSD vendored in `tresorerie/schemas`, loaded once."""
    chemin = resources.files("tresorerie").joinpath("schemas").joinpath(f"{VERSION_CAMT}.xsd")
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
