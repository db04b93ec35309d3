"""`valider_pain001`: the XSD of the file's version, then the EPC rules the XSD does not check.

Any pain.001.001.09 or .001.03 file is read, ours or another's; the first
fault is refused with a French message that names the transfer
(« Virement n° 2 (« LOT1-000002 ») : … »). The EPC rules checked
(SEPA Credit Transfer customer-to-PSP implementation guidelines):

- every text in the SEPA Latin character set, names at most 70 characters,
  identifiers (MsgId, PmtInfId, InstrId, EndToEndId) at most 35 in the
  restricted set, EndToEndIds unique;
- PmtMtd TRF, service level SEPA for every transfer, charges SLEV only;
- amounts as InstdAmt in EUR, > 0, two decimals at most, at most
  999 999 999,99 €; NbOfTxs and CtrlSum (required here) match the transfers,
  in the group header and in each PmtInf;
- the IBANs' keys (debtor and creditors), the BICs when present; a debtor
  agent without BIC says NOTPROVIDED; a creditor has a name;
- at most one unstructured remittance line, never Strd and Ustrd together;
- a postal address is structured or hybrid: town and country at least, two
  free lines at most (the EPC admits no fully unstructured address from
  15 November 2026);
- the requested execution date is never before the file's creation day.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from lxml import etree

from core.exceptions import DonneeInvalide
from core.money import CENTIME, format_euros
from oppositions.banque import verifier_bic, verifier_iban
from tresorerie.sepa.commun import (
    HORS_JEU_SEPA,
    LONGUEUR_NOM,
    MONTANT_MAXIMUM,
    NON_FOURNI,
    VERSION_09,
    VERSION_PAR_ESPACE,
    VERSIONS,
    defaut_identifiant,
    parseur,
    premiere_erreur,
)

_IDENTIFIANTS = ("MsgId", "PmtInfId", "InstrId", "EndToEndId")


def valider_pain001(contenu: bytes) -> str:
    """Validate a pain.001.001.09 or .001.03 file against its official XSD (libxml2 through
    lxml, the schema loaded once) and the EPC rules; return its version, or raise
    `DonneeInvalide` with a French message naming the first fault (line, transfer)."""
    general = "Le fichier de virements n'est pas un fichier SEPA pain.001 valide"
    try:
        document = etree.fromstring(contenu, parseur())
    except etree.XMLSyntaxError as exc:
        raise DonneeInvalide(
            f"{general} : ce n'est pas un document XML bien formé (ligne {exc.lineno} : {exc.msg})."
        ) from None
    if document.getroottree().docinfo.doctype:
        raise DonneeInvalide(
            f"{general} : il contient une déclaration DOCTYPE, refusée par sécurité."
        )
    espace = etree.QName(document).namespace or ""
    version = VERSION_PAR_ESPACE.get(espace)
    if version is None:
        raise DonneeInvalide(
            f"{general} : son espace de noms « {espace or 'aucun'} » n'est pas celui d'une "
            f"version prise en charge ({' ou '.join(VERSIONS)})."
        )
    prefixe = f"Le fichier de virements n'est pas un fichier SEPA {version} valide"
    erreur = premiere_erreur(version, document)
    if erreur is not None:
        ligne, message = erreur
        raise DonneeInvalide(
            f"{prefixe} : il n'est pas conforme au schéma ISO 20022 {version} "
            f"(ligne {ligne} : {message})."
        )
    _Controle(document, version, prefixe).verifier()
    return version


class _Controle:
    """The EPC rules on one parsed, XSD-valid document."""

    def __init__(self, document: etree._Element, version: str, prefixe: str):
        self.document = document
        self.version = version
        self.prefixe = prefixe
        espace = document.nsmap.get(None) or etree.QName(document).namespace
        self.n = f"{{{espace}}}"
        self.p = {"namespaces": {"p": espace}}
        self.ibans: dict[str, str | None] = {}  # each account checked once per file
        self.bics: set[str] = set()
        self.transferts: list[etree._Element] = []

    def refuser(self, message: str, element: etree._Element | None = None):
        quoi = self.designer(element) if element is not None else ""
        raise DonneeInvalide(f"{self.prefixe} : {quoi}{message}")

    def designer(self, element: etree._Element) -> str:
        """« Virement n° 2 (« E2E ») : » for an element inside a transfer, else ""."""
        for ancetre in element.iterancestors(f"{self.n}CdtTrfTxInf"):
            rang = self.transferts.index(ancetre) + 1
            reference = ancetre.findtext(f"{self.n}PmtId/{self.n}EndToEndId") or "?"
            return f"virement n° {rang} (« {reference} ») : "
        if element.tag == f"{self.n}CdtTrfTxInf":
            return self.designer(element[0])
        return ""

    def verifier(self) -> None:
        racine = self.document.find(f"{self.n}CstmrCdtTrfInitn")
        self.transferts = list(racine.iter(f"{self.n}CdtTrfTxInf"))
        self._textes()
        total_fichier, nombre_fichier = Decimal("0.00"), 0
        references: set[str] = set()
        for rang, lot in enumerate(racine.iterfind(f"{self.n}PmtInf"), start=1):
            self._lot(lot, rang)
            montants = [
                self._transfert(tx, references) for tx in lot.iterfind(f"{self.n}CdtTrfTxInf")
            ]
            self._totaux(lot, f"du lot n° {rang}", len(montants), sum(montants, Decimal("0.00")))
            total_fichier += sum(montants, Decimal("0.00"))
            nombre_fichier += len(montants)
        self._totaux(racine.find(f"{self.n}GrpHdr"), "de l'en-tête", nombre_fichier, total_fichier)
        self._date_execution(racine)

    # --- every text ---------------------------------------------------------------

    def _textes(self) -> None:
        for element in self.document.iter(etree.Element):
            texte = element.text
            if texte is None or not texte.strip():
                continue
            nom = etree.QName(element).localname
            interdit = HORS_JEU_SEPA.search(texte)
            if interdit:
                self.refuser(
                    f"le texte « {texte} » ({nom}) contient le caractère « {interdit.group()} », "
                    "hors du jeu de caractères latin SEPA (lettres sans accent, chiffres, "
                    "/ - ? : ( ) . , ' + et espace).",
                    element,
                )
            if nom == "Nm" and len(texte) > LONGUEUR_NOM:
                self.refuser(
                    f"le nom « {texte} » compte {len(texte)} caractères ; la norme SEPA en "
                    f"admet {LONGUEUR_NOM} au plus.",
                    element,
                )
            if nom in _IDENTIFIANTS and not (nom == "EndToEndId" and texte == NON_FOURNI):
                defaut = defaut_identifiant(texte)
                if defaut is not None:
                    self.refuser(f"l'identifiant {nom} {defaut}.", element)

    # --- the payment information block ----------------------------------------------

    def _lot(self, lot: etree._Element, rang: int) -> None:
        n = self.n
        ou = f"lot n° {rang} ({lot.findtext(f'{n}PmtInfId')})"
        if lot.findtext(f"{n}PmtMtd") != "TRF":
            self.refuser(
                f"le {ou} a pour méthode de paiement « {lot.findtext(f'{n}PmtMtd')} » ; un "
                "virement SEPA est de méthode TRF."
            )
        chemin = f"{n}PmtTpInf/{n}SvcLvl/{n}Cd"
        niveau_lot = [code.text for code in lot.iterfind(chemin)]
        for tx in [lot, *lot.iterfind(f"{n}CdtTrfTxInf")]:
            codes = [code.text for code in tx.iterfind(chemin)]
            if any(code != "SEPA" for code in codes) or (
                tx is not lot and not codes and not niveau_lot
            ):
                self.refuser(
                    f"le niveau de service (SvcLvl) est « {', '.join(codes) or 'absent'} » ; "
                    "un virement SEPA porte le code SEPA.",
                    tx if tx is not lot else None,
                )
        for frais in lot.iter(f"{n}ChrgBr"):
            if frais.text != "SLEV":
                self.refuser(
                    f"les frais (ChrgBr) sont « {frais.text} » ; un virement SEPA les partage "
                    "selon le niveau de service (SLEV) et seulement ainsi.",
                    frais,
                )
        if self.version == VERSION_09 and lot.find(f"{n}ReqdExctnDt/{n}Dt") is None:
            self.refuser(
                f"le {ou} demande une exécution à une date et heure (DtTm) ; un virement SEPA "
                "demande un jour (ReqdExctnDt/Dt)."
            )
        iban = lot.findtext(f"{n}DbtrAcct/{n}Id/{n}IBAN")
        self._iban(iban, f"le compte débité du {ou}", lot)
        agent = lot.find(f"{n}DbtrAgt/{n}FinInstnId")
        bic = self._bic_de(agent)
        if bic:
            self._bic(bic, f"la banque du compte débité du {ou}", lot)
        elif agent.findtext(f"{n}Othr/{n}Id") != NON_FOURNI:
            self.refuser(
                f"la banque du compte débité du {ou} n'est désignée ni par son BIC ni par "
                f"« {NON_FOURNI} » (DbtrAgt/FinInstnId/Othr/Id)."
            )
        self._adresse(lot.find(f"{n}Dbtr/{n}PstlAdr"), f"du donneur d'ordre du {ou}")

    # --- one transfer ----------------------------------------------------------------

    def _transfert(self, tx: etree._Element, references: set[str]) -> Decimal:
        n = self.n
        reference = tx.findtext(f"{n}PmtId/{n}EndToEndId")
        if reference != NON_FOURNI:
            if reference in references:
                self.refuser(
                    f"la référence de bout en bout « {reference} » y figure plusieurs fois.", tx
                )
            references.add(reference)
        montant_demande = tx.find(f"{n}Amt/{n}InstdAmt")
        if montant_demande is None:
            self.refuser(
                "le montant n'est pas donné en montant ordonné (InstdAmt), seul admis en SEPA.", tx
            )
        if montant_demande.get("Ccy") != "EUR":
            self.refuser(
                f"la devise est « {montant_demande.get('Ccy')} » ; un virement SEPA est en "
                "euros (EUR).",
                tx,
            )
        valeur = self._montant(montant_demande.text, tx)
        if tx.find(f"{n}Cdtr/{n}Nm") is None:
            self.refuser("le nom du bénéficiaire (Cdtr/Nm) manque.", tx)
        self._iban(tx.findtext(f"{n}CdtrAcct/{n}Id/{n}IBAN"), "le compte du bénéficiaire", tx)
        bic = self._bic_de(tx.find(f"{n}CdtrAgt/{n}FinInstnId"))
        if bic:
            self._bic(bic, "la banque du bénéficiaire", tx)
        remise = tx.find(f"{n}RmtInf")
        if remise is not None:
            libres = len(remise.findall(f"{n}Ustrd"))
            structurees = len(remise.findall(f"{n}Strd"))
            if libres > 1 or structurees > 1 or (libres and structurees):
                self.refuser(
                    f"l'information de remise compte {libres} ligne(s) libre(s) (Ustrd) et "
                    f"{structurees} structurée(s) (Strd) ; la norme SEPA en admet une seule, "
                    "libre ou structurée.",
                    tx,
                )
        self._adresse(tx.find(f"{n}Cdtr/{n}PstlAdr"), "du bénéficiaire", tx)
        return valeur

    def _montant(self, texte: str, tx: etree._Element) -> Decimal:
        try:
            valeur = Decimal(texte.strip())
        except InvalidOperation:  # pragma: no cover - the XSD admits only decimals here
            self.refuser(f"le montant « {texte} » n'est pas un nombre.", tx)
        if valeur.as_tuple().exponent < -2:
            self.refuser(f"le montant « {texte} » a plus de deux décimales.", tx)
        if valeur <= 0:
            self.refuser(f"le montant « {texte} » n'est pas strictement positif.", tx)
        if valeur > MONTANT_MAXIMUM:
            self.refuser(
                f"le montant {format_euros(valeur.quantize(CENTIME))} dépasse le maximum d'un "
                f"virement SEPA ({format_euros(MONTANT_MAXIMUM)}).",
                tx,
            )
        return valeur.quantize(CENTIME)

    # --- accounts, banks, addresses ----------------------------------------------------

    def _iban(self, iban: str | None, quoi: str, element: etree._Element) -> None:
        if not iban:
            self.refuser(f"{quoi} n'est pas désigné par un IBAN, seul admis en SEPA.", element)
        if iban not in self.ibans:
            try:
                verifier_iban(iban)
                self.ibans[iban] = None
            except DonneeInvalide as exc:
                self.ibans[iban] = exc.message
        if self.ibans[iban] is not None:
            self.refuser(f"{quoi} : {self.ibans[iban]}", element)

    def _bic_de(self, agent: etree._Element | None) -> str:
        if agent is None:
            return ""
        return agent.findtext(f"{self.n}BICFI") or agent.findtext(f"{self.n}BIC") or ""

    def _bic(self, bic: str, quoi: str, element: etree._Element) -> None:
        if bic in self.bics:
            return
        try:
            verifier_bic(bic)
        except DonneeInvalide as exc:
            self.refuser(f"{quoi} : {exc.message}", element)
        self.bics.add(bic)

    def _adresse(
        self, adresse: etree._Element | None, quoi: str, element: etree._Element | None = None
    ) -> None:
        if adresse is None:
            return
        n = self.n
        lignes = adresse.findall(f"{n}AdrLine")
        if adresse.find(f"{n}TwnNm") is None or adresse.find(f"{n}Ctry") is None:
            self.refuser(
                f"l'adresse postale {quoi} n'a pas de ville (TwnNm) et de pays (Ctry) "
                "structurés ; depuis le 15 novembre 2026 les schémas SEPA de l'EPC n'admettent "
                "plus d'adresse entièrement non structurée (AdrLine seules).",
                element,
            )
        if len(lignes) > 2:
            self.refuser(
                f"l'adresse postale {quoi} compte {len(lignes)} lignes libres (AdrLine) ; une "
                "adresse hybride en admet deux au plus.",
                element,
            )

    # --- totals and dates ------------------------------------------------------------------

    def _totaux(self, bloc: etree._Element, ou: str, nombre: int, total: Decimal) -> None:
        n = self.n
        nombre_declare = bloc.findtext(f"{n}NbOfTxs")
        if nombre_declare is None or int(nombre_declare) != nombre:
            self.refuser(
                f"le nombre de virements {ou} (NbOfTxs) vaut « {nombre_declare} » alors que le "
                f"fichier en contient {nombre}."
            )
        total_declare = bloc.findtext(f"{n}CtrlSum")
        if total_declare is None:
            self.refuser(
                f"le total de contrôle {ou} (CtrlSum) manque ; il est exigé pour que la banque "
                f"vérifie le montant remis ({format_euros(total)})."
            )
        declare = Decimal(total_declare.strip())
        if declare != total:
            self.refuser(
                f"le total de contrôle {ou} (CtrlSum) vaut {format_euros(declare)} alors que la "
                f"somme des virements est de {format_euros(total)}."
            )

    def _date_execution(self, racine: etree._Element) -> None:
        """A file never asks for an execution before its own creation (ReqdExctnDt ≥ CreDtTm)."""
        cree_le = racine.findtext(f"{self.n}GrpHdr/{self.n}CreDtTm") or ""
        try:
            creation = datetime.date.fromisoformat(cree_le[:10])
        except ValueError:  # pragma: no cover - the XSD already refused it
            return
        chemin = "p:PmtInf/p:ReqdExctnDt/p:Dt/text() | p:PmtInf/p:ReqdExctnDt/text()"
        for texte in racine.xpath(chemin, **self.p):
            if not texte.strip():
                continue
            demandee = datetime.date.fromisoformat(texte.strip())
            if demandee < creation:
                self.refuser(
                    f"il demande une exécution le {demandee:%d/%m/%Y}, avant sa propre "
                    f"création ({creation:%d/%m/%Y}) ; une date d'exécution n'est jamais passée."
                )
