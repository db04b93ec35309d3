"""Reading the values and the entries (`Ntry`) of a camt.053 or camt.054 document,
once its namespace has been removed (the element names are the same in every
version read; see the package docstring for the differences handled here).

Every value used is checked here, whatever the schema said: the schema errors
on what is read refuse the file, but libxml2 stops checking an element's
content at its first unexpected child, so a tolerated deviation may hide others.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from lxml import etree

from core.exceptions import DonneeInvalide
from core.money import CENTIME, ZERO
from tresorerie.releves.commun import CREDIT, DEBIT, LigneReleve

NON_FOURNI = "NOTPROVIDED"
STATUTS_IGNORES = ("PDNG", "INFO", "FUTR")  # pending, for information, future: not booked
LONGUEUR_MOTIF_INFO = 255
NOMBRE_MAX_OPERATIONS = 2_147_483_647  # what the database's column holds
_VRAI = ("true", "1")
# Sub-families of the ISO External Bank Transaction Codes that say a return:
# RRTN returned, RPCR reversal due to a payment cancellation request, UPDD unpaid
# direct debit, UPCQ unpaid cheque.
SOUS_FAMILLES_RETOUR = frozenset({"RRTN", "RPCR", "UPDD", "UPCQ"})
_NOMBRE = re.compile(r"[0-9]{1,15}")
_CODE = re.compile(r"[A-Za-z0-9]{1,35}")


def texte(element: etree._Element | None, chemin: str) -> str:
    if element is None:
        return ""
    return (element.findtext(chemin) or "").strip()


def jour(valeur: str | None, quoi: str, refus: str) -> datetime.date:
    """The day of an xs:date or xs:dateTime as written (the offset, if any, is ignored)."""
    brut = (valeur or "").strip()
    try:
        return datetime.date.fromisoformat(brut[:10])
    except ValueError:
        raise DonneeInvalide(
            f"{refus} : {quoi} « {brut} » n'est pas une date (attendu AAAA-MM-JJ)."
            if brut
            else f"{refus} : {quoi} manque."
        ) from None


def date_choix(choix: etree._Element, quoi: str, refus: str) -> datetime.date:
    """The day of a DateAndDateTimeChoice (`Dt` or `DtTm`)."""
    return jour(texte(choix, "Dt") or texte(choix, "DtTm"), quoi, refus)


def montant(element: etree._Element | None, quoi: str, refus: str) -> Decimal:
    """A camt amount in euros with at most two decimals (the XSD admits five), unsigned."""
    if element is None:
        raise DonneeInvalide(f"{refus} : {quoi} manque (élément Amt).")
    brut = (element.text or "").strip()
    devise = (element.get("Ccy") or "").strip()
    if devise != "EUR":
        raise DonneeInvalide(
            f"{refus} : {quoi} est en {devise or 'devise non précisée'} ({brut} {devise}".rstrip()
            + ") ; seuls les montants en euros (EUR) sont acceptés."
        )
    try:
        valeur = Decimal(brut)
    except InvalidOperation:
        valeur = None
    if valeur is None or not valeur.is_finite() or not re.fullmatch(r"[0-9.]+", brut):
        raise DonneeInvalide(
            f"{refus} : {quoi} (« {brut} ») n'est pas un montant positif écrit avec un point "
            "décimal (par exemple 1234.56)."
        )
    if valeur != valeur.quantize(CENTIME):
        raise DonneeInvalide(
            f"{refus} : {quoi} ({brut}) a plus de deux décimales ; le centime est l'unité."
        )
    return valeur.quantize(CENTIME)


def sens(valeur: str, quoi: str, refus: str) -> str:
    if valeur == "CRDT":
        return CREDIT
    if valeur == "DBIT":
        return DEBIT
    raise DonneeInvalide(
        f"{refus} : le sens de {quoi} (CdtDbtInd) vaut « {valeur} » ; attendu CRDT (crédit) "
        "ou DBIT (débit)."
    )


def statut(entree: etree._Element, quoi: str, refus: str) -> str:
    """BOOK, PDNG, INFO or FUTR: `<Sts>BOOK</Sts>` up to .06, `<Sts><Cd>BOOK</Cd></Sts>` after."""
    element = entree.find("Sts")
    valeur = "" if element is None else (element.text or "").strip()
    if element is not None and not valeur:
        valeur = texte(element, "Cd") or texte(element, "Prtry")
    if valeur == "BOOK" or valeur in STATUTS_IGNORES:
        return valeur
    raise DonneeInvalide(
        f"{refus} : le statut de {quoi} (Sts) "
        + (f"vaut « {valeur} »" if valeur else "manque")
        + " ; attendu BOOK (comptabilisée), PDNG (en attente) ou INFO (pour information)."
    )


def lire_entree(
    entree: etree._Element, quoi: str, refus: str, jour_par_defaut: datetime.date | None
) -> list[LigneReleve]:
    """The lines of one booked entry: one, or one per transaction of a batch that adds up.

    An entry without booking date (optional in the XSD) is dated by its value date,
    else by `jour_par_defaut` (the statement's last day); the caller notes it."""
    montant_entree = montant(entree.find("Amt"), f"le montant de {quoi}", refus)
    sens_entree = sens(texte(entree, "CdtDbtInd"), quoi, refus)
    valeur = entree.find("ValDt")
    date_valeur = (
        date_choix(valeur, f"la date de valeur de {quoi}", refus) if valeur is not None else None
    )
    dates = entree.find("BookgDt")
    if dates is not None:
        date_operation = date_choix(dates, f"la date de comptabilisation de {quoi}", refus)
    elif date_valeur is not None or jour_par_defaut is not None:
        date_operation = date_valeur or jour_par_defaut
    else:
        raise DonneeInvalide(
            f"{refus} : {quoi} est comptabilisée (BOOK) mais sans date de "
            "comptabilisation (BookgDt) ni de valeur (ValDt)."
        )
    contre_passation = texte(entree, "RvslInd").lower() in _VRAI
    reference_banque = texte(entree, "AcctSvcrRef")
    information = texte(entree, "AddtlNtryInf")
    transactions = entree.findall("NtryDtls/TxDtls")
    # An empty <BkTxCd/> (German DK banks): the code its transactions all give.
    code_entree = code_operation(entree.find("BkTxCd")) or _commun(
        code_operation(t.find("BkTxCd")) for t in transactions
    )
    reference_lot, nombre = _lot(entree, quoi, refus)
    if not reference_lot:  # Btch without PmtInfId, or none: the one its transactions all give
        reference_lot = _commun(_lot_transaction(t) for t in transactions)

    def ligne(montant_ligne, transaction, detaillee):
        bout_en_bout = reference_tx = libelle_tx = contrepartie = code_tx = lot_tx = ""
        motif = motif_info = ""
        if transaction is not None:
            bout_en_bout = texte(transaction, "Refs/EndToEndId")
            if bout_en_bout == NON_FOURNI:
                bout_en_bout = ""
            reference_tx = texte(transaction, "Refs/AcctSvcrRef")
            libelle_tx = _libelle_transaction(transaction)
            code_tx = code_operation(transaction.find("BkTxCd"))
            lot_tx = _lot_transaction(transaction) if detaillee else ""
            motif, motif_info = _retour(transaction)
        code = (code_tx if detaillee else "") or code_entree
        if transaction is not None:
            retour = contre_passation or bool(motif) or est_code_de_retour(code)
            contrepartie = _contrepartie(transaction, sens_entree, retour)
        banque = reference_banque or reference_tx
        ordre = (libelle_tx, information) if detaillee else (information, libelle_tx)
        return LigneReleve(
            date_operation=date_operation,
            date_valeur=date_valeur,
            montant=montant_ligne,
            sens=sens_entree,
            libelle=ordre[0] or ordre[1],
            reference=bout_en_bout or banque,
            reference_banque=banque,
            contrepartie=contrepartie,
            code_operation=code,
            contre_passation=contre_passation,
            motif_retour=motif,
            motif_retour_info=motif_info,
            reference_lot=reference_lot or lot_tx,
            nombre_operations=None if detaillee else nombre,
        )

    if montant_entree == ZERO:
        return []
    if len(transactions) > 1:
        montants = [_montant_transaction(t, sens_entree) for t in transactions]
        if None not in montants and sum(montants) == montant_entree:
            return [
                ligne(m, t, True) for m, t in zip(montants, transactions, strict=True) if m != ZERO
            ]
    premiere = transactions[0] if transactions else None
    if len(transactions) > 1:  # not split: the return reason of the first that gives one
        premiere = next((t for t in transactions if t.find("RtrInf") is not None), premiere)
    return [ligne(montant_entree, premiere, False)]


def code_operation(code: etree._Element | None) -> str:
    """ "PMNT/ICDT/RRTN" (domain/family/sub-family), else the proprietary code, else ""."""
    if code is None:
        return ""
    domaine = (
        texte(code, "Domn/Cd"),
        texte(code, "Domn/Fmly/Cd"),
        texte(code, "Domn/Fmly/SubFmlyCd"),
    )
    if all(domaine):
        return "/".join(domaine)[:40]
    return texte(code, "Prtry/Cd")[:40]


def est_code_de_retour(code: str) -> bool:
    """Whether a bank transaction code "PMNT/FMLY/SUBFMLY" is that of a return."""
    morceaux = code.upper().split("/")
    return len(morceaux) == 3 and morceaux[0] == "PMNT" and morceaux[2] in SOUS_FAMILLES_RETOUR


def _commun(valeurs) -> str:
    """The value all give when they give the same one, else ""."""
    distinctes = set(valeurs)
    return distinctes.pop() if len(distinctes) == 1 else ""


def _lot_transaction(transaction: etree._Element) -> str:
    """The transaction's `Refs/PmtInfId` (its batch), "" when absent or NOTPROVIDED."""
    reference = texte(transaction, "Refs/PmtInfId")
    return "" if reference == NON_FOURNI else reference[:35]


def _lot(entree: etree._Element, quoi: str, refus: str) -> tuple[str, int | None]:
    """(PmtInfId else MsgId, NbOfTxs) of the entry's batch, if it says so."""
    for lot in entree.iterfind("NtryDtls/Btch"):
        reference = texte(lot, "PmtInfId") or texte(lot, "MsgId")
        brut = texte(lot, "NbOfTxs")
        if brut and (not _NOMBRE.fullmatch(brut) or int(brut) > NOMBRE_MAX_OPERATIONS):
            raise DonneeInvalide(
                f"{refus} : le nombre d'opérations du lot de {quoi} (Btch/NbOfTxs) vaut "
                f"« {brut} » ; attendu un nombre entier d'au plus {NOMBRE_MAX_OPERATIONS} opérations."
            )
        if reference or brut:
            return reference[:35], int(brut) if brut else None
    return "", None


def _retour(transaction: etree._Element) -> tuple[str, str]:
    """(reason code, additional information) of a returned or rejected transaction."""
    retour = transaction.find("RtrInf")
    if retour is None:
        return "", ""
    code = texte(retour, "Rsn/Cd") or texte(retour, "Rsn/Prtry")
    if not _CODE.fullmatch(code):
        code = code[:35]
    information = " ".join(
        e.text.strip() for e in retour.iterfind("AddtlInf") if e.text and e.text.strip()
    )
    return code, information[:LONGUEUR_MOTIF_INFO]


def _contrepartie(transaction: etree._Element, sens_entree: str, retour: bool) -> str:
    """The debtor's name for a credit, the creditor's for a debit (`Pty/Nm` from .07 on).

    A reversal or a return moves the money back: the bank may name only the party
    of the movement it reverses (the debtor who had paid us, for a reversed
    direct debit booked as a debit); then that other party's name."""
    roles = ("Dbtr", "Cdtr") if sens_entree == CREDIT else ("Cdtr", "Dbtr")
    for role in roles if retour else roles[:1]:
        partie = transaction.find("RltdPties/" + role)
        nom = texte(partie, "Nm") or texte(partie, "Pty/Nm")
        if nom:
            return nom
    return ""


def _montant_transaction(transaction: etree._Element, sens_entree: str) -> Decimal | None:
    """The amount of one transaction of an entry, in euros and in the entry's direction,
    or None if it does not say so (then the entry is not split)."""
    sens_tx = texte(transaction, "CdtDbtInd")
    if sens_tx and sens_tx != ("CRDT" if sens_entree == CREDIT else "DBIT"):
        return None
    for chemin in ("Amt", "AmtDtls/TxAmt/Amt", "AmtDtls/InstdAmt/Amt"):
        element = transaction.find(chemin)
        if element is not None and element.get("Ccy") == "EUR":
            try:
                valeur = Decimal((element.text or "").strip())
            except InvalidOperation:
                return None
            if valeur.is_finite() and valeur >= 0 and valeur == valeur.quantize(CENTIME):
                return valeur.quantize(CENTIME)
            return None
    return None


def _libelle_transaction(transaction: etree._Element) -> str:
    informations = transaction.find("RmtInf")
    if informations is not None:
        libres = " ".join(
            e.text.strip() for e in informations.iterfind("Ustrd") if e.text and e.text.strip()
        )
        if libres:
            return libres
        reference = texte(informations, "Strd/CdtrRefInf/Ref")
        if reference:
            return reference
    return texte(transaction, "AddtlTxInf")
