"""Writing a `Releve` as a camt.053 statement or camt.054 notification, versions
.001.02, .001.04 and .001.08, validated against the XSD (demo and tests).

`ecrire_camt(releve, *, message_id, version="camt.053.001.08", cree_le=None)`
    camt.053 or camt.054 by the version's prefix; a camt.054 has no balances
    (those of `releve` are ignored, and may be None). Each `LigneReleve` gives
    one entry (`Ntry`) with one transaction (`TxDtls`): `reference` as
    EndToEndId (NOTPROVIDED when empty), `reference_banque` as AcctSvcrRef,
    `contrepartie` as the debtor (credit) or creditor (debit), `libelle` as
    AddtlNtryInf and (cut to 140) Ustrd; `code_operation` "PMNT/ICDT/RRTN" as
    BkTxCd/Domn, a code without "/" as BkTxCd/Prtry, none as the proprietary
    code NMSC (which reads back as code_operation "NMSC"); `contre_passation`
    as RvslInd; `motif_retour` as RtrInf/Rsn/Cd (Prtry when it is not a
    four-character ISO code) and `motif_retour_info` as RtrInf/AddtlInf;
    `reference_lot` and `nombre_operations` as NtryDtls/Btch/PmtInfId and NbOfTxs.

`EntreeGroupee(lignes, reference_lot, details=True, ...)`, placed among the
    lines of the `Releve`, writes ONE entry for a batch: amount the sum of its
    lines (all in the same direction), Btch/PmtInfId = `reference_lot`,
    NbOfTxs = `nombre_operations` (by default the number of lines), booking and
    value dates, reversal indicator and, unless given, the code of the first
    line. `details=True` writes one TxDtls per line (its EndToEndId, amount,
    counterparty, Ustrd, return reason): reading gives back one line per
    transfer, each with `reference_lot`. `details=False` writes no TxDtls:
    reading gives one line of the total with `reference_lot` and
    `nombre_operations`, `libelle` and `reference_banque` those of the group.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from lxml import etree

from core import horloge
from core.exceptions import DonneeInvalide
from core.money import CENTIME
from tresorerie.releves.camt import verifier_soldes
from tresorerie.releves.camt_entree import NON_FOURNI
from tresorerie.releves.camt_schemas import AVIS_054, PREFIXE_ISO, erreurs, parseur
from tresorerie.releves.commun import CREDIT, DEBIT, LigneReleve, Releve

CODE_OPERATION = "NMSC"  # proprietary bank transaction code written when a line has none
DECLARATION_XML = b'<?xml version="1.0" encoding="UTF-8"?>\n'
VERSIONS_ECRITES = tuple(
    f"{message}.001.{numero}"
    for message in ("camt.053", "camt.054")
    for numero in ("02", "04", "08")
)
_CODE_ISO = re.compile(r"[A-Z0-9]{4}")


@dataclass(frozen=True)
class EntreeGroupee:
    """A batch booked as one entry (see the module docstring); writer only."""

    lignes: tuple[LigneReleve, ...]
    reference_lot: str
    details: bool = True
    libelle: str = ""
    reference_banque: str = ""
    code_operation: str = ""  # default: the first line's
    nombre_operations: int | None = None  # default: len(lignes)

    @property
    def montant(self) -> Decimal:
        return sum((ligne.montant for ligne in self.lignes), Decimal("0.00"))

    @property
    def sens(self) -> str:
        return self.lignes[0].sens


def ecrire_camt(
    releve: Releve,
    *,
    message_id: str,
    version: str = "camt.053.001.08",
    cree_le: datetime.datetime | None = None,
) -> bytes:
    """`releve` as a camt.053 or camt.054 document of `version`, validated against the XSD."""
    if version not in VERSIONS_ECRITES:
        raise DonneeInvalide(
            f"La version « {version} » ne peut être écrite ; versions possibles : "
            f"{', '.join(VERSIONS_ECRITES)}."
        )
    avis = version.startswith(AVIS_054)
    numero = int(version[-2:])
    _verifier_texte(message_id, "L'identifiant du message (MsgId)", 35, obligatoire=True)
    _verifier_texte(releve.identifiant, "L'identifiant du relevé", 35, obligatoire=True)
    a_plat = []
    for rang, entree in enumerate(releve.lignes, start=1):
        a_plat.extend(_verifier_entree(rang, entree))
    if not avis:
        if releve.solde_ouverture is None or releve.solde_cloture is None:
            raise DonneeInvalide("Un relevé camt.053 donne ses soldes d'ouverture et de clôture.")
        verifier_soldes(dataclasses.replace(releve, lignes=tuple(a_plat)))
    if cree_le is None:
        cree_le = timezone.localtime(horloge.maintenant())
    horodatage = cree_le.replace(microsecond=0).isoformat()
    espace = PREFIXE_ISO + version
    n = f"{{{espace}}}"

    def sous(parent, nom, texte=None, **attributs):
        element = etree.SubElement(parent, n + nom, attributs)
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

    def code_operation(parent, code):
        bkcd = sous(parent, "BkTxCd")
        parties = code.split("/") if code else []
        if len(parties) == 3:
            domaine = sous(bkcd, "Domn")
            sous(domaine, "Cd", parties[0])
            famille = sous(domaine, "Fmly")
            sous(famille, "Cd", parties[1])
            sous(famille, "SubFmlyCd", parties[2])
        else:
            sous(sous(bkcd, "Prtry"), "Cd", code or CODE_OPERATION)

    def transaction(details, ligne, avec_code):
        tx = sous(details, "TxDtls")
        refs = sous(tx, "Refs")
        if ligne.reference_banque:
            sous(refs, "AcctSvcrRef", ligne.reference_banque)
        sous(refs, "EndToEndId", ligne.reference or NON_FOURNI)
        if numero >= 4:
            montant(tx, "Amt", ligne.montant)
            sous(tx, "CdtDbtInd", "CRDT" if ligne.sens == CREDIT else "DBIT")
        else:
            montant(sous(sous(tx, "AmtDtls"), "TxAmt"), "Amt", ligne.montant)
        if avec_code and ligne.code_operation:
            code_operation(tx, ligne.code_operation)
        if ligne.contrepartie:
            partie = sous(sous(tx, "RltdPties"), "Dbtr" if ligne.sens == CREDIT else "Cdtr")
            if numero >= 8:
                partie = sous(partie, "Pty")
            sous(partie, "Nm", ligne.contrepartie)
        if ligne.libelle:
            sous(sous(tx, "RmtInf"), "Ustrd", ligne.libelle[:140])
        if ligne.motif_retour or ligne.motif_retour_info:
            retour = sous(tx, "RtrInf")
            if ligne.motif_retour:
                choix = "Cd" if _CODE_ISO.fullmatch(ligne.motif_retour) else "Prtry"
                sous(sous(retour, "Rsn"), choix, ligne.motif_retour)
            info = ligne.motif_retour_info
            for debut in range(0, len(info), 105):
                sous(retour, "AddtlInf", info[debut : debut + 105])

    def entree(parent, element):
        groupe = element if isinstance(element, EntreeGroupee) else None
        premiere = groupe.lignes[0] if groupe else element
        ntry = sous(parent, "Ntry")
        montant(ntry, "Amt", groupe.montant if groupe else element.montant)
        sous(ntry, "CdtDbtInd", "CRDT" if premiere.sens == CREDIT else "DBIT")
        if premiere.contre_passation:
            sous(ntry, "RvslInd", "true")
        if numero >= 8:
            sous(sous(ntry, "Sts"), "Cd", "BOOK")
        else:
            sous(ntry, "Sts", "BOOK")
        sous(sous(ntry, "BookgDt"), "Dt", premiere.date_operation.isoformat())
        if premiere.date_valeur is not None:
            sous(sous(ntry, "ValDt"), "Dt", premiere.date_valeur.isoformat())
        banque = groupe.reference_banque if groupe else element.reference_banque
        if banque:
            sous(ntry, "AcctSvcrRef", banque)
        code = (groupe.code_operation if groupe else "") or premiere.code_operation
        code_operation(ntry, code)
        details = sous(ntry, "NtryDtls")
        lot = groupe.reference_lot if groupe else element.reference_lot
        nombre = (
            (
                groupe.nombre_operations
                if groupe.nombre_operations is not None
                else len(groupe.lignes)
            )
            if groupe
            else element.nombre_operations
        )
        if lot or nombre is not None:
            btch = sous(details, "Btch")
            if lot:
                sous(btch, "PmtInfId", lot)
            if nombre is not None:
                sous(btch, "NbOfTxs", str(nombre))
            if groupe:
                montant(btch, "TtlAmt", groupe.montant)
                sous(btch, "CdtDbtInd", "CRDT" if premiere.sens == CREDIT else "DBIT")
        if groupe is None:
            transaction(details, element, avec_code=False)
        elif groupe.details:
            for ligne in groupe.lignes:
                transaction(details, ligne, avec_code=ligne.code_operation != code)
        libelle = groupe.libelle if groupe else element.libelle
        if libelle:
            sous(ntry, "AddtlNtryInf", libelle)

    try:
        document = etree.Element(n + "Document", nsmap={None: espace})
        message = sous(document, "BkToCstmrDbtCdtNtfctn" if avis else "BkToCstmrStmt")
        en_tete = sous(message, "GrpHdr")
        sous(en_tete, "MsgId", message_id)
        sous(en_tete, "CreDtTm", horodatage)
        bloc = sous(message, "Ntfctn" if avis else "Stmt")
        sous(bloc, "Id", releve.identifiant)
        sous(bloc, "CreDtTm", horodatage)
        periode = sous(bloc, "FrToDt")
        sous(periode, "FrDtTm", f"{releve.date_debut.isoformat()}T00:00:00")
        sous(periode, "ToDtTm", f"{releve.date_fin.isoformat()}T23:59:59")
        compte = sous(bloc, "Acct")
        sous(sous(compte, "Id"), "IBAN", releve.iban)
        sous(compte, "Ccy", "EUR")
        if not avis:
            solde(bloc, "OPBD", releve.solde_ouverture, releve.date_debut)
            solde(bloc, "CLBD", releve.solde_cloture, releve.date_fin)
        for element in releve.lignes:
            entree(bloc, element)
    except ValueError as exc:  # lxml refuses control characters in text
        raise DonneeInvalide(
            f"Le relevé contient un caractère qui ne peut figurer dans un fichier XML ({exc})."
        ) from None

    contenu = DECLARATION_XML + etree.tostring(document, encoding="UTF-8", pretty_print=True)
    fautes = erreurs(version, etree.fromstring(contenu, parseur()))
    if fautes:
        raise DonneeInvalide(
            f"Le relevé ne peut être écrit au format {version} : le fichier produit n'est "
            f"pas conforme au schéma ISO 20022 (ligne {fautes[0].line} : "
            f"{re.sub(r'{[^}]*}', '', fautes[0].message)})."
        )
    return contenu


def ecrire_camt053(
    releve: Releve, *, message_id: str, cree_le: datetime.datetime | None = None
) -> bytes:
    """`releve` as a camt.053.001.02 statement (the first writer's format)."""
    return ecrire_camt(releve, message_id=message_id, version="camt.053.001.02", cree_le=cree_le)


def _verifier_entree(rang: int, entree) -> list[LigneReleve]:
    """The lines of `entree` (a line, or a batch's lines), checked."""
    if isinstance(entree, LigneReleve):
        _verifier_ligne(f"Ligne {rang} du relevé", entree)
        return [entree]
    if not isinstance(entree, EntreeGroupee):
        raise DonneeInvalide(f"Ligne {rang} du relevé : ni une ligne ni une entrée groupée.")
    quoi = f"Entrée groupée {rang} du relevé"
    if not entree.lignes:
        raise DonneeInvalide(f"{quoi} : elle n'a aucune ligne.")
    for numero, ligne in enumerate(entree.lignes, start=1):
        _verifier_ligne(f"{quoi}, ligne {numero}", ligne)
    if len({ligne.sens for ligne in entree.lignes}) > 1:
        raise DonneeInvalide(f"{quoi} : ses lignes sont toutes au crédit ou toutes au débit.")
    _verifier_texte(entree.reference_lot, f"{quoi} : la référence du lot", 35, obligatoire=True)
    _verifier_texte(
        entree.reference_banque, f"{quoi} : la référence bancaire", 35, obligatoire=False
    )
    _verifier_texte(entree.libelle, f"{quoi} : le libellé", 500, obligatoire=False)
    _verifier_code(quoi, entree.code_operation)
    if entree.nombre_operations is not None and (
        not isinstance(entree.nombre_operations, int) or entree.nombre_operations < 0
    ):
        raise DonneeInvalide(f"{quoi} : le nombre d'opérations est un entier positif.")
    return list(entree.lignes)


def _verifier_ligne(quoi: str, ligne: LigneReleve) -> None:
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
    _verifier_code(quoi, ligne.code_operation)
    _verifier_texte(ligne.motif_retour, f"{quoi} : le motif de retour", 35, obligatoire=False)
    _verifier_texte(
        ligne.motif_retour_info, f"{quoi} : l'information de retour", 1050, obligatoire=False
    )
    _verifier_texte(ligne.reference_lot, f"{quoi} : la référence du lot", 35, obligatoire=False)
    if ligne.nombre_operations is not None and (
        not isinstance(ligne.nombre_operations, int) or ligne.nombre_operations < 0
    ):
        raise DonneeInvalide(f"{quoi} : le nombre d'opérations est un entier positif.")


def _verifier_code(quoi: str, code: str) -> None:
    _verifier_texte(code, f"{quoi} : le code opération", 35, obligatoire=False)
    if "/" in code and not re.fullmatch(r"[A-Z0-9]{4}/[A-Z0-9]{4}/[A-Z0-9]{4}", code):
        raise DonneeInvalide(
            f"{quoi} : le code opération « {code} » s'écrit DOMAINE/FAMILLE/SOUS-FAMILLE, "
            "quatre caractères chacun (par exemple PMNT/ICDT/RRTN)."
        )


def _verifier_texte(valeur: object, quoi: str, longueur: int, *, obligatoire: bool) -> None:
    if not isinstance(valeur, str):
        raise DonneeInvalide(f"{quoi} doit être un texte.")
    if obligatoire and not valeur:
        raise DonneeInvalide(f"{quoi} est obligatoire.")
    if len(valeur) > longueur:
        raise DonneeInvalide(
            f"{quoi} « {valeur} » compte {len(valeur)} caractères ; le format camt en admet "
            f"{longueur} au plus."
        )
