"""Transfers returned by the bank (issue 15): the payment cancelled, the order
back to *visé*, its credits and oppositions restored.

A returned or rejected transfer (camt.053/054 entry with the reversal
indicator, bank transaction code PMNT/ICDT/RRTN, or an ISO 20022 return
reason such as AC04) never reached its beneficiary: the payment mention the
order carries records a payment that did not happen (circ. 93/82 §2.1.6).
`paiement_retourner` records the return in one act of the agent comptable:
the `Retour`, the counter-entry (journal TR: account of funds / creditor's
account, the mirror of that payment's share of `lot_payer`'s entry), the
order back to *visé* with its mention cleared (kept in the `Retour`), the
payment of its credits undone for the amount, the opposing party's imputation
restored when the transfer was to him. The agent comptable then corrects the
bank details (`tresorerie.services.retours_coordonnees`) before the order is
paid again, for what was returned only (`lot_payer`).

The reasons are the ISO 20022 external return reason codes
(ExternalReturnReason1Code of the ISO external code sets, as used by the EPC
SEPA Credit Transfer rulebook for R-transactions), with French labels.
"""

from __future__ import annotations

from decimal import Decimal

from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import format_euros
from core.verrous import verrouiller
from depenses.models import OrdreDepense
from depenses.paiements import mention_paiement, ordre_depense_retourner
from ledger.services import LigneSaisie, ecriture_passer
from oppositions.services import imputation_restituer
from personnes.permissions import exiger_comptable
from tresorerie.models import LotPaiement, Paiement
from tresorerie.models_retours import Retour
from tresorerie.services.commun import _atomique, _aujourd_hui, exercice_du

__all__ = [
    "MOTIFS_COMPTE",
    "MOTIFS_RETOUR",
    "date_du_retour",
    "libelle_motif",
    "paiement_retourner",
]

# ISO 20022 ExternalReturnReason1Code: code → French label.
MOTIFS_RETOUR: dict[str, str] = {
    "AC01": "numéro de compte incorrect",
    "AC02": "numéro de compte du débiteur invalide",
    "AC03": "numéro de compte du bénéficiaire invalide",
    "AC04": "compte clos",
    "AC06": "compte bloqué",
    "AC13": "type de compte du débiteur invalide",
    "AG01": "opération interdite sur ce type de compte",
    "AG02": "code opération bancaire invalide",
    "AG03": "type d'opération non pris en charge",
    "AM01": "montant nul",
    "AM02": "montant non autorisé",
    "AM03": "devise non autorisée",
    "AM04": "provision insuffisante",
    "AM05": "opération en double",
    "AM06": "montant trop faible",
    "AM07": "montant bloqué",
    "AM09": "montant erroné",
    "BE01": "nom du titulaire incohérent avec le compte",
    "BE04": "adresse du créancier manquante",
    "BE05": "émetteur non reconnu",
    "BE06": "client inconnu de la banque",
    "BE07": "adresse du débiteur manquante",
    "CNOR": "banque du bénéficiaire non joignable (non inscrite au système)",
    "CUST": "à la demande du client",
    "DNOR": "banque du donneur d'ordre non joignable (non inscrite au système)",
    "DUPL": "paiement en double",
    "ED05": "échec du règlement",
    "ERIN": "option de l'information étendue non prise en charge",
    "FF01": "format de fichier ou d'opération invalide",
    "FOCR": "retour à la suite d'une demande d'annulation",
    "FRAD": "origine frauduleuse",
    "MD01": "pas de mandat",
    "MD02": "information obligatoire du mandat manquante",
    "MD06": "remboursement demandé par le client",
    "MD07": "titulaire du compte décédé",
    "MS02": "motif non précisé, à l'initiative du client",
    "MS03": "motif non précisé, à l'initiative de la banque",
    "NARR": "motif donné en clair par la banque",
    "RC01": "identifiant de banque (BIC) incorrect",
    "RR01": "compte ou identification du débiteur manquant",
    "RR02": "nom ou adresse du débiteur manquant",
    "RR03": "nom ou adresse du créancier manquant",
    "RR04": "motif réglementaire",
    "RUTA": "retour faute de pouvoir affecter le paiement",
    "SL01": "service particulier de la banque du débiteur",
    "TECH": "problème technique",
    "TM01": "reçu après l'heure limite",
    "UPAY": "paiement indu",
}
# Reasons that put the account itself in question: the correction must give
# another IBAN. RC01 puts the BIC in question: another BIC (or IBAN).
MOTIFS_COMPTE = frozenset({"AC01", "AC02", "AC03", "AC04", "AC06", "AC13", "BE01", "MD07", "RR01"})
MOTIFS_BIC = frozenset({"RC01"})


def libelle_motif(code: str) -> str:
    """The French label of a return reason; an unknown code as the bank gave it."""
    code = (code or "").strip().upper()
    if not code:
        return "retour sans motif précisé par la banque"
    return MOTIFS_RETOUR.get(code, code)


def _montant_conforme(paiement: Paiement, montant, ligne_releve) -> None:
    for quoi, valeur in (("Le retour", montant), ("La ligne du relevé", None)):
        if quoi == "La ligne du relevé":
            valeur = getattr(ligne_releve, "montant", None)
        if valeur is None:
            continue
        if Decimal(valeur) != paiement.montant:
            raise TransitionInterdite(
                f"{quoi} porte sur {format_euros(Decimal(valeur))} alors que le virement "
                f"{paiement.bout_en_bout} à {paiement.beneficiaire} était de "
                f"{format_euros(paiement.montant)} : un virement ne se retourne que pour son "
                "montant entier. Rapprochez cette ligne à la main.",
                details={
                    "paiement": paiement.bout_en_bout,
                    "montant_paiement": str(paiement.montant),
                    "montant_retour": str(valeur),
                },
            )


def date_du_retour(paiement: Paiement, ligne_releve, le):
    """The day the bank returned the transfer (`Retour.date`, « retourné le »):
    the booking date of the statement line that brought it back, never after
    `le` (the day it is recorded, the counter-entry's date) nor before the
    batch's date; without a line, `le`."""
    jour = getattr(ligne_releve, "date_operation", None)
    if jour is None:
        return le
    return min(le, max(jour, paiement.lot.date))


@_atomique
def paiement_retourner(
    *,
    acting_user,
    paiement: Paiement,
    motif: str,
    motif_info: str = "",
    ligne_releve=None,
    montant=None,
    code_acte: str = "tresorerie.payer",
) -> Retour:
    """Record that the bank returned one of our transfers (circ. 93/82 §2.1.6).

    One act of the agent comptable, dated today: the counter-entry (journal TR,
    debit of the batch's account of funds, credit of the order's third-party
    account with the creditor as tiers, piece = the payment's end-to-end id),
    the `Retour` (dated the statement line's booking day, `date_du_retour`),
    the order back to *visé* (its payment mention cleared, kept
    in the `Retour`), the payment of its credits undone for the amount, the
    opposing party's imputation restored if the transfer was to him; audited.
    Idempotent: the same payment returned again (the camt.054, then the
    camt.053) gives the `Retour` already recorded. A return of another amount
    than the payment's (`montant`, or the statement line's) is refused.
    `code_acte`: the act's code in the droits catalogue, for a procuration
    (the manual act's own, `retour_manuel.CODE_RETOURNER`).
    """
    le = _aujourd_hui()
    exiger_comptable(acting_user, le, "enregistrer un virement retourné", code=code_acte)
    paiement = Paiement.objects.select_related(
        "lot__compte__compte", "ordre__compte_tiers", "ligne"
    ).get(pk=paiement.pk)
    _montant_conforme(paiement, montant, ligne_releve)
    ordre = verrouiller(OrdreDepense.objects.select_related("exercice"), paiement.ordre_id)
    deja = Retour.objects.filter(paiement=paiement).first()
    if deja is not None:
        return deja
    if paiement.lot.moyen != LotPaiement.Moyen.VIREMENT:
        raise DonneeInvalide(
            f"Le paiement {paiement.bout_en_bout} à {paiement.beneficiaire} a été fait par "
            f"{paiement.lot.get_moyen_display()} : seul un virement est retourné par la banque."
        )
    code = (motif or "").strip().upper()[:35]
    date_retour = date_du_retour(paiement, ligne_releve, le)
    libelle = libelle_motif(code)
    info = (motif_info or "").strip()[:255]
    exercice = exercice_du(le)
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice,
        journal="TR",
        date=le,
        libelle=(
            f"Virement retourné ({code or 'sans motif'}) à {paiement.beneficiaire}, "
            f"ordre de dépense n° {ordre.reference}"
        )[:255],
        lignes=[
            LigneSaisie(paiement.lot.compte.compte.numero, debit=paiement.montant),
            LigneSaisie(
                ordre.compte_tiers.numero,
                credit=paiement.montant,
                tiers=paiement.ligne.creancier[:120],
            ),
        ],
        piece=paiement.bout_en_bout,
    )
    mention = mention_paiement(ordre)
    retour = Retour.objects.create(
        paiement=paiement,
        ordre=ordre,
        montant=paiement.montant,
        motif=code,
        motif_libelle=libelle[:255],
        motif_info=info,
        ligne_releve=ligne_releve,
        ecriture=ecriture,
        date=date_retour,
        mention=mention,
        par=acting_user,
    )
    ordre_depense_retourner(
        acting_user=acting_user,
        ordre=ordre,
        montant=paiement.montant,
        retour=paiement.bout_en_bout,
        motif=code,
    )
    if paiement.opposition_id is not None:
        imputation_restituer(
            acting_user=acting_user,
            opposition_id=paiement.opposition_id,
            montant=paiement.montant,
            reference=paiement.bout_en_bout,
            retour=paiement.bout_en_bout,
            le=le,
        )
    audit(
        acting_user,
        "tresorerie.virement_retourne",
        retour,
        avant={"ordre": ordre.reference, "etat": ordre.etat, "mention": mention},
        apres={
            "paiement": paiement.bout_en_bout,
            "beneficiaire": paiement.beneficiaire,
            "montant": paiement.montant,
            "motif": code,
            "motif_libelle": libelle,
            "motif_info": info,
            "ecriture": f"TR-{ecriture.numero}",
            "date": date_retour,
            "ligne_releve": getattr(ligne_releve, "pk", None),
            "opposition": paiement.opposition_id,
        },
    )
    return retour
