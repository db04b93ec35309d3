"""`pain001`: one batch of the fund's transfers as a pain.001.001.09 or .001.03 file."""

from __future__ import annotations

import datetime

from django.utils import timezone
from lxml import etree
from sepaxml import SepaTransfer

from core import horloge
from core.exceptions import DonneeInvalide
from core.money import format_euros
from core.money import montant as verifier_montant
from oppositions.banque import verifier_bic, verifier_iban
from tresorerie.sepa.commun import (
    DECLARATION_XML,
    LONGUEUR_LIBELLE,
    LONGUEUR_NOM,
    MONTANT_MAXIMUM,
    NON_FOURNI,
    VERSION,
    VERSION_09,
    VERSIONS,
    Donneur,
    Virement,
    en_latin_sepa,
    espace_de_noms,
    parseur,
    verifier_identifiant,
)
from tresorerie.sepa.controles import valider_pain001


def pain001(
    *,
    message_id: str,
    donneur: Donneur,
    date_execution: datetime.date,
    virements: list[Virement],
    cree_le: datetime.datetime | None = None,
    version: str = VERSION,
) -> bytes:
    """One file, one payment information block (PmtInf, BtchBookg true) for the batch, in
    `version` (pain.001.001.09 by default, or .001.03); returns UTF-8 XML bytes, validated
    against the version's XSD and the EPC rules before it is returned (DonneeInvalide
    otherwise, naming the transfer).

    `message_id` is both the file's MsgId and the block's PmtInfId: the bank returns the
    PmtInfId in the camt.053/camt.054 entry that books the batch (NtryDtls/Btch/PmtInfId) and
    the reconciliation matches the batch on it, so it must stay equal to
    `LotPaiement.message_id`. MsgId, PmtInfId and CreDtTm are given, never drawn: the same
    batch gives the same file."""
    if version not in VERSIONS:
        raise DonneeInvalide(
            f"La version « {version} » de fichier de virements n'est pas prise en charge : "
            f"{' ou '.join(VERSIONS)}."
        )
    verifier_identifiant(message_id, "L'identifiant du fichier de virements (MsgId)")
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

    adresses = version == VERSION_09
    configuration = {"name": nom_donneur, "IBAN": iban_donneur, "currency": "EUR", "batch": True}
    if bic_donneur:
        configuration["BIC"] = bic_donneur
    if adresses and donneur.adresse is not None:
        configuration["address"] = donneur.adresse.pour_sepaxml("Compte débité de la caisse")
    fichier = SepaTransfer(configuration, schema=version, clean=False)
    references: set[str] = set()
    libelle_vide = False
    for rang, virement in enumerate(virements, start=1):
        paiement = _paiement(rang, virement, date_execution, references, adresses)
        libelle_vide = libelle_vide or not paiement["description"]
        fichier.add_payment(paiement)

    document = etree.fromstring(fichier.export(validate=False), parseur())
    n = f"{{{espace_de_noms(version)}}}"
    en_tete = document.find(f"{n}CstmrCdtTrfInitn/{n}GrpHdr")
    en_tete.find(f"{n}MsgId").text = message_id
    en_tete.find(f"{n}CreDtTm").text = cree_le.replace(microsecond=0).isoformat()
    lot = document.find(f"{n}CstmrCdtTrfInitn/{n}PmtInf")
    lot.find(f"{n}PmtInfId").text = message_id
    if not bic_donneur:
        # The debtor agent is mandatory in both versions; without a BIC the EPC
        # guidelines and the banks ask for FinInstnId/Othr/Id NOTPROVIDED.
        autre = etree.SubElement(lot.find(f"{n}DbtrAgt/{n}FinInstnId"), f"{n}Othr")
        etree.SubElement(autre, f"{n}Id").text = NON_FOURNI
    if libelle_vide:
        # Ustrd cannot be empty (Max140Text); RmtInf is optional.
        for libelle in list(document.iter(f"{n}Ustrd")):
            if not libelle.text:
                information = libelle.getparent()
                information.getparent().remove(information)

    # The declaration written by hand: lxml's uses single quotes, which some bank parsers refuse.
    contenu = DECLARATION_XML + etree.tostring(document, encoding="UTF-8", pretty_print=True)
    valider_pain001(contenu)
    return contenu


def _paiement(
    rang: int,
    virement: Virement,
    date_execution: datetime.date,
    references: set[str],
    adresses: bool,
) -> dict:
    """The sepaxml payment dict of one transfer, its data checked (French message naming it)."""
    reference = virement.bout_en_bout
    verifier_identifiant(reference, f"Virement n° {rang} : la référence de bout en bout")
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
    if adresses and virement.adresse is not None:
        paiement["address"] = virement.adresse.pour_sepaxml(quoi)
    return paiement
