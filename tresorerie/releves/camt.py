"""Reading ISO 20022 camt.053 statements and camt.054 notifications, versions
.001.02 to .001.14 (see the package docstring)."""

from __future__ import annotations

import copy
import datetime
import re
from decimal import Decimal

from lxml import etree

from core.exceptions import DonneeInvalide
from core.money import format_euros
from oppositions.banque import verifier_iban
from tresorerie.releves import camt_entree as lecture
from tresorerie.releves.camt_schemas import (
    AVIS_054,
    MESSAGES,
    PREFIXE_ISO,
    RELEVE_053,
    VERSIONS_ACCEPTEES,
    VERSIONS_CAMT,
    VERSIONS_CONSEILLEES,
    classer,
    erreurs,
    parseur,
    plage_versions,
)
from tresorerie.releves.camt_syntaxe import erreur_de_syntaxe
from tresorerie.releves.commun import AVIS, CREDIT, RELEVE, LigneReleve, Releve

REFUS_CAMT = "Le fichier n'est pas un relevé camt.053 valide"
REFUS_AVIS = "Le fichier n'est pas un avis camt.054 valide"
ECART_DE_DATE_ADMIS = datetime.timedelta(days=7)
_BOM = b"\xef\xbb\xbf"
_UN_JOUR = datetime.timedelta(days=1)
_VERSION_DANS_ESPACE = re.compile(r"[a-z]{4}\.[0-9]{3}\.[0-9]{3}\.[0-9]{2}")

# What other messages are, and what to ask the bank for instead.
_AUTRES_MESSAGES = {
    "camt.052": "un relevé intrajournalier, « Bank-to-Customer Account Report », provisoire : "
    "il ne se rapproche pas de la comptabilité",
    "camt.086": "une facture de services bancaires",
    "pain.001": "un ordre de virement, que la caisse envoie à la banque",
    "pain.002": "un compte rendu d'exécution d'ordres de paiement",
    "pain.008": "un ordre de prélèvement",
}


def lire_camt(contenu: bytes, iban: str | None = None) -> Releve:
    """The statement (camt.053) or notification (camt.054) in `contenu`, checked,
    or DonneeInvalide saying why not.

    Many banks send one file a day holding the statements of all the customer's
    accounts: given `iban` (the account being imported), only its statements
    are read when the file holds others too, with a note naming them; without
    it, or when none is of that account, a file of several accounts is refused."""
    document, message, version, notes = _nature(_analyser(contenu))
    refus = REFUS_AVIS if message == AVIS_054 else REFUS_CAMT
    fatale, ecarts = classer(version, document, erreurs(version, document))
    ecarts = notes + ecarts
    if fatale is not None:
        ligne, texte = fatale
        raise DonneeInvalide(
            f"{refus} : il n'est pas conforme au schéma ISO 20022 {version} sur un élément "
            f"que l'import lit (ligne {ligne} : {texte})."
        )
    _sans_espace_de_noms(document)
    racine, bloc = MESSAGES[message]
    cree_le = document.findtext(f"{racine}/GrpHdr/CreDtTm")
    blocs = list(document.iterfind(f"{racine}/{bloc}"))
    blocs, autres = _blocs_du_compte(blocs, iban)
    if autres:
        ecarts = ecarts + (
            f"Le fichier contient aussi les relevés de {len(autres)} autre(s) compte(s) "
            f"({', '.join(autres)}) : seuls ceux du compte {_normal(iban)} sont lus ici ; "
            "importez le même fichier sur chacun de ces comptes.",
        )
    releves = [_lire_bloc(b, message, version, refus, cree_le) for b in blocs]
    _sans_doublon(blocs, releves, refus)
    if not releves:
        raise DonneeInvalide(f"{refus} : il ne contient aucun {bloc} ({racine}/{bloc}).")
    comptes = sorted({r.iban for r in releves})
    if len(comptes) > 1:
        raise DonneeInvalide(
            f"Le fichier contient les relevés de {len(comptes)} comptes ({', '.join(comptes)}) : "
            "un import ne peut porter que sur un seul compte ; demandez à la banque un fichier "
            "par compte."
        )
    releves.sort(key=lambda r: (r.date_debut, r.date_fin))
    if message == RELEVE_053:
        for precedent, suivant in zip(releves, releves[1:], strict=False):
            if precedent.solde_cloture != suivant.solde_ouverture:
                raise DonneeInvalide(
                    f"Les relevés du fichier ne se suivent pas : le relevé "
                    f"« {precedent.identifiant} » se clôt sur un solde de "
                    f"{format_euros(precedent.solde_cloture)}, le relevé "
                    f"« {suivant.identifiant} » s'ouvre sur un solde de "
                    f"{format_euros(suivant.solde_ouverture)}."
                )
    premier = releves[0]
    return Releve(
        format=message,
        identifiant=" + ".join(dict.fromkeys(r.identifiant for r in releves)),  # pages: one Id
        iban=comptes[0],
        date_debut=min(r.date_debut for r in releves),
        date_fin=max(r.date_fin for r in releves),
        solde_ouverture=premier.solde_ouverture,
        solde_cloture=releves[-1].solde_cloture,
        lignes=tuple(ligne for r in releves for ligne in r.lignes),
        version=version,
        nature=premier.nature,
        ecarts=ecarts + tuple(e for r in releves for e in r.ecarts),
    )


def _normal(iban: str | None) -> str:
    return "".join((iban or "").split()).upper()


def _blocs_du_compte(blocs: list, iban: str | None) -> tuple[list, list[str]]:
    """The blocks of the account `iban` and the other accounts' IBANs, when the file holds
    several accounts and some blocks are of that one; else all blocks and no other."""
    if not iban:
        return blocs, []
    voulu = _normal(iban)

    def compte(bloc) -> str:
        return _normal(
            lecture.texte(bloc, "Acct/Id/IBAN") or lecture.texte(bloc, "Acct/Id/Othr/Id")
        )

    comptes = [compte(b) for b in blocs]
    if voulu not in comptes or len(set(comptes)) == 1:
        return blocs, []
    autres = sorted({c or "?" for c in comptes if c != voulu})
    return [b for b, c in zip(blocs, comptes, strict=True) if c == voulu], autres


def _sans_doublon(blocs, releves: list[Releve], refus: str) -> None:
    """Refuse the same statement (Id and period) twice in one file, unless they are two
    pages of it: page numbers that differ (StmtPgntn/PgNb, NtfctnPgntn/PgNb), or
    balances of other types (a page closing on an intermediate balance, ITBD)."""
    vus: set[tuple] = set()
    for bloc, releve in zip(blocs, releves, strict=True):
        page = lecture.texte(bloc, "StmtPgntn/PgNb") or lecture.texte(bloc, "NtfctnPgntn/PgNb")
        soldes = tuple(lecture.texte(b, "Tp/CdOrPrtry/Cd") for b in bloc.iterfind("Bal"))
        cle = (releve.identifiant, releve.date_debut, releve.date_fin, page, soldes)
        if cle in vus:
            nom = "relevé" if releve.nature == RELEVE else "avis"
            raise DonneeInvalide(
                f"{refus} : il contient deux fois le {nom} « {releve.identifiant} » du "
                f"{releve.date_debut:%d/%m/%Y} au {releve.date_fin:%d/%m/%Y} (ligne "
                f"{bloc.sourceline}), sans être deux pages différentes (StmtPgntn/PgNb) : ses "
                "écritures seraient comptées deux fois ; demandez à la banque un fichier corrigé."
            )
        vus.add(cle)


def lire_camt053(contenu: bytes) -> Releve:
    """Kept for the callers of the first reader: `lire_camt`, which reads camt.054 too."""
    return lire_camt(contenu)


def verifier_soldes(releve: Releve) -> None:
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


# --------------------------------------------------------------------------- document


def _analyser(contenu: bytes) -> etree._Element:
    if not isinstance(contenu, bytes | bytearray):
        raise DonneeInvalide(f"{REFUS_CAMT} : le contenu doit être donné en octets.")
    contenu = bytes(contenu)
    if contenu.startswith(_BOM):
        contenu = contenu[len(_BOM) :]
    debut = contenu.lstrip()
    if not debut:
        raise DonneeInvalide(f"{REFUS_CAMT} : le fichier est vide.")
    if b"<!DOCTYPE" in debut:  # before libxml2, whose refusal of a billion laughs is English
        raise DonneeInvalide(
            f"{REFUS_CAMT} : il contient une déclaration DOCTYPE, refusée par sécurité."
        )
    # Leading blank lines are kept out of the parse (an XML declaration must come first)
    # but counted, so that the line numbers given are those of the file.
    sauts = contenu[: len(contenu) - len(debut)].count(b"\n")
    try:
        document = etree.fromstring(debut, parseur())
    except etree.XMLSyntaxError as exc:
        raise DonneeInvalide(
            f"{REFUS_CAMT} : ce n'est pas un document XML bien formé "
            f"(ligne {(exc.lineno or 0) + sauts} : {erreur_de_syntaxe(exc.msg, sauts)})."
        ) from None
    if document.getroottree().docinfo.doctype:
        raise DonneeInvalide(
            f"{REFUS_CAMT} : il contient une déclaration DOCTYPE, refusée par sécurité."
        )
    if sauts:
        for element in document.iter():
            if element.sourceline is not None:
                element.sourceline += sauts
    return document


def _nature(document: etree._Element) -> tuple[etree._Element, str, str, tuple[str, ...]]:
    """(document, message, version, notes) of a camt.053 or camt.054 we read, or
    DonneeInvalide saying what it is.

    Two departures from the standard form are accepted with a note: the
    `Document` inside an envelope with a business application header (`AppHdr`,
    head.001), and a national namespace that names the ISO version (e.g. the
    Austrian "ISO:camt.053.001.02:APC:STUZZA:payments:003"), read as that version.
    """
    notes: list[str] = []
    nom = etree.QName(document)
    if not (nom.namespace or "").startswith(PREFIXE_ISO) or nom.localname != "Document":
        interieur = next(document.iterdescendants("{*}Document"), None)
        if interieur is not None and _VERSION_DANS_ESPACE.search(
            etree.QName(interieur).namespace or ""
        ):
            notes.append(
                f"Le message est dans une enveloppe « {nom.localname} » (en-tête "
                "d'application AppHdr) ; seul son élément « Document » est lu."
            )
            document = copy.deepcopy(interieur)  # its own tree: the XSD paths start at it
            nom = etree.QName(document)
    espace = (nom.namespace or "").strip()
    version = espace.removeprefix(PREFIXE_ISO) if espace.startswith(PREFIXE_ISO) else ""
    trouvee = _VERSION_DANS_ESPACE.search(espace)
    if not version and trouvee and trouvee.group(0) in VERSIONS_CAMT:
        version = trouvee.group(0)
        standard = PREFIXE_ISO + version
        for element in document.iter("*"):
            if etree.QName(element).namespace == espace:
                element.tag = f"{{{standard}}}{etree.QName(element).localname}"
        notes.append(
            f"L'espace de noms « {espace} » n'est pas celui de la norme ISO 20022 "
            f"(« {standard} ») ; le fichier est lu et contrôlé comme un {version}."
        )
    elif not version and trouvee:
        version = trouvee.group(0)
    message = version[:8]
    if version in VERSIONS_CAMT and nom.localname == "Document":
        return document, message, version, tuple(notes)
    if message in (RELEVE_053, AVIS_054):
        quoi = "relevé camt.053" if message == RELEVE_053 else "avis camt.054"
        raise DonneeInvalide(
            f"{REFUS_CAMT if message == RELEVE_053 else REFUS_AVIS} : sa version ({version}) "
            f"n'est pas prise en charge ; les versions acceptées vont de "
            f"{plage_versions(message)}. Demandez à la banque un {quoi} dans l'une d'elles (de "
            f"préférence {VERSIONS_CONSEILLEES[0].replace(RELEVE_053, message)})."
        )
    if version:
        quoi = _AUTRES_MESSAGES.get(message)
        conseil = (
            "demandez à la banque le relevé de fin de journée camt.053"
            if message == "camt.052"
            else "importez le relevé de compte camt.053 (ou l'avis camt.054) de la banque"
        )
        raise DonneeInvalide(
            f"{REFUS_CAMT} : c'est un message ISO 20022 {version}"
            + (f" ({quoi})" if quoi else "")
            + f", pas un relevé de compte ; {conseil} (versions acceptées : {VERSIONS_ACCEPTEES})."
        )
    raise DonneeInvalide(
        f"{REFUS_CAMT} : son élément racine est « {nom.localname} »"
        + (f" (espace de noms « {espace} »)" if espace else " (sans espace de noms)")
        + ", alors qu'un relevé camt.053 commence par « Document » dans l'espace de noms "
        f"« {PREFIXE_ISO}camt.053.001.NN » (versions acceptées : {VERSIONS_ACCEPTEES})."
    )


def _sans_espace_de_noms(document: etree._Element) -> None:
    """Element names without their namespace, which is the version's and is already checked."""
    for element in document.iter("*"):
        element.tag = etree.QName(element).localname
    etree.cleanup_namespaces(document)


# --------------------------------------------------------------------------- Stmt / Ntfctn


def _lire_bloc(
    bloc: etree._Element, message: str, version: str, refus: str, cree_le: str | None
) -> Releve:
    """One Stmt (camt.053) or Ntfctn (camt.054), checked: balances, period, entries."""
    identifiant = lecture.texte(bloc, "Id")
    nom = "le relevé" if message == RELEVE_053 else "l'avis"
    if not identifiant:
        raise DonneeInvalide(
            f"{refus} : {nom} qui commence ligne {bloc.sourceline} n'a pas d'identifiant (Id)."
        )
    quoi = f"{nom} « {identifiant} »"
    du_bloc = f"du relevé « {identifiant} »" if message == RELEVE_053 else f"de {quoi}"
    devise = lecture.texte(bloc, "Acct/Ccy")
    if devise not in ("", "EUR"):
        raise DonneeInvalide(
            f"{refus} : {quoi} porte sur un compte en {devise} ; seuls les comptes en "
            "euros (EUR) sont acceptés."
        )
    iban, note_iban = _iban(bloc, quoi, refus)
    debut = fin = None
    periode = bloc.find("FrToDt")
    if periode is not None:
        debut = lecture.jour(
            lecture.texte(periode, "FrDtTm"), f"le début de période {du_bloc}", refus
        )
        fin = lecture.jour(lecture.texte(periode, "ToDtTm"), f"la fin de période {du_bloc}", refus)

    note_soldes = ""
    if message == RELEVE_053:
        ouverture, cloture, debut_soldes, fin_soldes, note_soldes = _soldes(
            bloc, quoi, du_bloc, refus
        )
        debut = debut or debut_soldes
        fin = fin or fin_soldes
        nature = RELEVE
        jour_par_defaut = fin
    else:
        ouverture = cloture = None
        nature = AVIS
        cree = lecture.texte(bloc, "CreDtTm") or (cree_le or "").strip()
        jour_par_defaut = fin or (
            lecture.jour(cree, f"la date de création {du_bloc}", refus) if cree else None
        )

    lignes: list[tuple[int, LigneReleve]] = []
    notes: list[str] = []
    for rang, entree in enumerate(bloc.iterfind("Ntry"), start=1):
        quoi_entree = f"l'écriture n° {rang} {du_bloc} (ligne {entree.sourceline})"
        if entree.find("Sts") is None:
            # Required by the XSD: a file without it says nothing of its entries' status,
            # which is then BOOK, the balances checking it for a statement.
            notes.append(
                f"{quoi_entree[0].upper()}{quoi_entree[1:]} n'a pas de statut (Sts) ; elle "
                "est lue comme comptabilisée (BOOK)."
            )
        elif lecture.statut(entree, quoi_entree, refus) != "BOOK":
            continue
        lues = lecture.lire_entree(entree, quoi_entree, refus, jour_par_defaut)
        if lues and entree.find("BookgDt") is None:
            notes.append(
                f"{quoi_entree[0].upper()}{quoi_entree[1:]} est comptabilisée sans date de "
                f"comptabilisation (BookgDt) ; elle est datée du {lues[0].date_operation:%d/%m/%Y}"
                + (" (sa date de valeur)." if entree.find("ValDt") is not None else ".")
            )
        lignes.extend((rang, ligne) for ligne in lues)

    if nature == AVIS and debut is None:
        dates = [ligne.date_operation for _, ligne in lignes]
        if dates:
            debut, fin = min(dates), max(dates)
        elif jour_par_defaut is not None:
            debut = fin = jour_par_defaut
        else:
            raise DonneeInvalide(
                f"{refus} : {quoi} ne dit pas sa période (FrToDt), n'a pas d'écriture "
                "comptabilisée ni de date de création (CreDtTm)."
            )
    if fin < debut:
        raise DonneeInvalide(
            f"{refus} : la période {du_bloc} finit le {fin:%d/%m/%Y}, avant de commencer le "
            f"{debut:%d/%m/%Y} ; demandez à la banque un relevé corrigé."
        )
    ecarts = (
        *((note_iban,) if note_iban else ()),
        *((note_soldes,) if note_soldes else ()),
        *notes,
    ) + _dates_hors_periode(lignes, debut, fin, du_bloc, refus, avis=nature == AVIS)
    releve = Releve(
        format=message,
        identifiant=identifiant,
        iban=iban,
        date_debut=debut,
        date_fin=fin,
        solde_ouverture=ouverture,
        solde_cloture=cloture,
        lignes=tuple(ligne for _, ligne in lignes),
        version=version,
        nature=nature,
        ecarts=ecarts,
    )
    if nature == RELEVE:
        try:
            verifier_soldes(releve)
        except DonneeInvalide as exc:
            annonce = lecture.texte(bloc, "TxsSummry/TtlNtries/NbOfNtries")
            nombre = len(bloc.findall("Ntry"))
            if annonce.isdigit() and int(annonce) != nombre:
                raise DonneeInvalide(
                    f"{exc.message} Le relevé annonce {int(annonce)} écritures "
                    f"(TxsSummry/TtlNtries) mais le fichier en contient {nombre} : il semble "
                    "incomplet ; demandez-le de nouveau à la banque."
                ) from None
            raise
    return releve


def _iban(bloc: etree._Element, quoi: str, refus: str) -> tuple[str, str]:
    """(IBAN, note): `Acct/Id/IBAN`, or an `Acct/Id/Othr/Id` that is a valid IBAN (noted)."""
    if bloc.find("Acct") is None:
        raise DonneeInvalide(
            f"{refus} : {quoi} ne désigne pas son compte (élément Acct absent) ; demandez à la "
            "banque un relevé portant l'IBAN du compte (Acct/Id/IBAN)."
        )
    iban = lecture.texte(bloc, "Acct/Id/IBAN")
    note = ""
    if not iban:
        autre = lecture.texte(bloc, "Acct/Id/Othr/Id")
        try:
            iban = verifier_iban(autre) if autre else ""
        except DonneeInvalide:
            iban = ""
        if not iban:
            raise DonneeInvalide(
                f"{refus} : {quoi} désigne son compte autrement que par un IBAN"
                + (f" (identifiant « {autre} »)" if autre else "")
                + " ; seuls les comptes identifiés par leur IBAN peuvent être importés. "
                "Demandez à la banque un relevé portant l'IBAN du compte (Acct/Id/IBAN)."
            )
        note = (
            f"{quoi[0].upper()}{quoi[1:]} donne l'IBAN de son compte comme un autre "
            f"identifiant (Acct/Id/Othr/Id « {autre} ») ; il est lu comme IBAN."
        )
    iban = "".join(iban.split()).upper()
    # The key is not checked here: the import compares the IBAN with the account's.
    if not (15 <= len(iban) <= 34 and iban.isascii() and iban.isalnum()) or not (
        iban[:2].isalpha() and iban[2:4].isdigit()
    ):
        raise DonneeInvalide(
            f"{refus} : {quoi} porte l'IBAN « {iban} », qui n'a pas la forme d'un IBAN (deux "
            "lettres du pays, deux chiffres de clé, puis le numéro de compte)."
        )
    return iban, note


def _soldes(
    bloc: etree._Element, quoi: str, du_bloc: str, refus: str
) -> tuple[Decimal, Decimal, datetime.date, datetime.date, str]:
    """(opening, closing, first day, last day, note): OPBD, else PRCD (the day after),
    else the first ITBD; CLBD, else the last ITBD. The intermediate balance ITBD closes a
    page of a statement split over several `Stmt` or files and opens the next. A
    statement that gives no booked balance at all but its opening and closing available
    balances (OPAV, CLAV; some Baltic banks) is read on those, with a note: the entries
    must still add up from one to the other, which `verifier_soldes` checks."""
    soldes: dict[str, tuple[Decimal, datetime.date]] = {}
    intermediaires: list[tuple[Decimal, datetime.date]] = []
    comptables = {"OPBD", "PRCD", "CLBD", "ITBD"}
    codes = {lecture.texte(bal, "Tp/CdOrPrtry/Cd") for bal in bloc.iterfind("Bal")}
    disponibles = not (codes & comptables) and {"OPAV", "CLAV"} <= codes
    note = ""
    if disponibles:
        note = (
            f"{quoi[0].upper()}{quoi[1:]} ne donne que des soldes disponibles (OPAV, CLAV), "
            "pas de solde comptable : ils sont lus comme soldes d'ouverture et de clôture, "
            "et les écritures du relevé les relient."
        )
    for bal in bloc.iterfind("Bal"):
        code = lecture.texte(bal, "Tp/CdOrPrtry/Cd")
        if disponibles and code in ("OPAV", "CLAV"):
            code = "OPBD" if code == "OPAV" else "CLBD"
        if code in ("OPBD", "PRCD", "CLBD", "ITBD") and code not in soldes:
            libelle = f"le solde {code} {du_bloc}"
            valeur = lecture.montant(bal.find("Amt"), libelle, refus)
            if lecture.sens(lecture.texte(bal, "CdtDbtInd"), libelle, refus) != CREDIT:
                valeur = -valeur
            dates = bal.find("Dt")
            if dates is None:
                raise DonneeInvalide(f"{refus} : {libelle} n'est pas daté (Dt).")
            solde = (valeur, lecture.date_choix(dates, f"la date de {libelle}", refus))
            if code == "ITBD":
                intermediaires.append(solde)
            else:
                soldes[code] = solde
    ouvert = next((code for code in ("OPBD", "PRCD") if code in soldes), None)
    if ouvert is None and intermediaires and ("CLBD" in soldes or len(intermediaires) > 1):
        ouvert = "ITBD"
        soldes[ouvert] = intermediaires.pop(0)
    ferme = "CLBD"
    if "CLBD" not in soldes and intermediaires:
        ferme = "ITBD"
        soldes["CLBD"] = intermediaires[-1]
    trouves = [lecture.texte(bal, "Tp/CdOrPrtry/Cd") or "?" for bal in bloc.iterfind("Bal")]
    trouves_texte = (
        f" ; soldes trouvés : {', '.join(dict.fromkeys(trouves))}" if trouves else " ; aucun solde"
    )
    if ouvert is None:
        raise DonneeInvalide(
            f"{refus} : {quoi} ne donne pas de solde d'ouverture comptable (OPBD, PRCD ou "
            f"ITBD){trouves_texte}."
        )
    if "CLBD" not in soldes:
        raise DonneeInvalide(
            f"{refus} : {quoi} ne donne pas de solde de clôture comptable (CLBD ou "
            f"ITBD){trouves_texte}."
        )
    ouverture, date_ouverture = soldes[ouvert]
    cloture, fin = soldes["CLBD"]
    if fin < date_ouverture:
        raise DonneeInvalide(
            f"{refus} : les soldes {du_bloc} sont datés de façon incohérente : le solde de "
            f"clôture ({ferme}) est daté du {fin:%d/%m/%Y}, avant le solde d'ouverture "
            f"({ouvert}) daté du {date_ouverture:%d/%m/%Y}."
        )
    # PRCD is the previous statement's closing: the period starts the day after,
    # unless the bank dated it on the statement's own day.
    debut = min(date_ouverture + _UN_JOUR, fin) if ouvert == "PRCD" else date_ouverture
    return ouverture, cloture, debut, fin, note


def _dates_hors_periode(
    lignes: list[tuple[int, LigneReleve]],
    debut: datetime.date,
    fin: datetime.date,
    du_bloc: str,
    refus: str,
    *,
    avis: bool,
) -> tuple[str, ...]:
    """A booking date a few days outside the period is noted (week-ends, a period given in
    UTC); beyond ECART_DE_DATE_ADMIS a statement is refused (its balances would not be
    those of its period), a notification only noted (it has no balances)."""
    notes = []
    for rang, ligne in lignes:
        jour = ligne.date_operation
        if debut <= jour <= fin:
            continue
        periode = f"du {debut:%d/%m/%Y} au {fin:%d/%m/%Y}"
        if not avis and (jour < debut - ECART_DE_DATE_ADMIS or jour > fin + ECART_DE_DATE_ADMIS):
            raise DonneeInvalide(
                f"{refus} : l'écriture n° {rang} {du_bloc} est comptabilisée le "
                f"{jour:%d/%m/%Y}, hors de la période {periode} (plus de "
                f"{ECART_DE_DATE_ADMIS.days} jours d'écart)."
            )
        note = (
            f"L'écriture n° {rang} {du_bloc} est comptabilisée le {jour:%d/%m/%Y}, hors de "
            f"la période {periode} ; elle est lue."
        )
        if note not in notes:
            notes.append(note)
    return tuple(notes)
