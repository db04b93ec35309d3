"""Returns and reversals read in a bank statement or notification (camt.053,
camt.054): which lines are returns, and what the import does with them.

A returned or rejected transfer comes back as a CREDIT to our account whose
reference (EndToEndId) is one of our payments: the payment is cancelled by
counter-entry (`tresorerie.services.retours.paiement_retourner`, which puts
the order back to visé). A returned direct debit (or an unpaid cheque) of a
receipt comes back as a DEBIT whose reference is the receipt's: the receipt
is cancelled (`encaissement_annuler`), which reopens the claim. A statement
line is then matched with the class-5 line of the counter-entry; a
notification's line is not matched (the statement that follows carries the
same movement, and matches the counter-entry already posted).

A line is taken for a return when the bank says so: the reversal indicator
(`RvslInd`), a return reason (`RtrInf/Rsn`), or a bank transaction code of a
return (ISO 20022 External Bank Transaction Codes: sub-family RRTN "returned",
RPCR "reversal due to payment cancellation request", UPDD "unpaid direct
debit", UPCQ "unpaid cheque"). Of the credit-transfer families only ICDT
("issued credit transfers") returns one of OUR transfers: RCDT is "received
credit transfers", a transfer someone made to us.

A credit carrying the reversal indicator ALONE (no return reason, no return
sub-family) is also how a bank undoes its own mistake: a transfer of ours
debited twice, the second debit then reversed. Such a credit is a return only
when its reference was debited at most once on the account's statements
(`debits_vus`); debited twice or more, it is the bank cancelling a duplicate
(DOUBLON): nothing is cancelled, the line stays for the agent comptable to
match with the duplicate debit.

Dates (`anomalie_de_date`): a return is never applied automatically when its
booking date makes it impossible: booked BEFORE the payment it would return
(`LotPaiement.date`) or the receipt it would take back (`Encaissement.date`),
or, for a direct debit, more than 13 months after the receipt (the longest
delay of the SEPA Core Direct Debit scheme, EPC016-06: the debtor's refund of
an unauthorised collection). No upper limit for a credit transfer: the SEPA
Credit Transfer rulebook (EPC125-05) admits a recall for fraud or a Request for
Recall by the Originator up to 13 months after the transfer, and the funds then
come back as a return. The line stays unmatched and its page says why.
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from core.exceptions import ApplicationError
from core.money import format_euros
from ledger.models import Ligne
from tresorerie.models import CompteDisponibilite, Encaissement, Paiement
from tresorerie.models import LigneReleve as LigneReleveModele
from tresorerie.releves.camt_entree import SOUS_FAMILLES_RETOUR
from tresorerie.services import retours as services_retours
from tresorerie.services.encaissements import encaissement_annuler

VIREMENT = "virement"  # a transfer of ours returned (credit)
ENCAISSEMENT = "encaissement"  # a receipt of ours unpaid (debit): direct debit or cheque
DOUBLON = "doublon"  # the bank reversing a debit it made twice: not a return

TEXTE_DOUBLON = (
    "Contre-passation sans motif de retour d'un virement débité deux fois : la banque annule "
    "un débit en double ; rien n'a été annulé dans nos comptes. Rapprochez cette ligne du "
    "débit en double."
)

# Bank transaction codes (Domain/Family/SubFamily) of returns, as the ISO
# 20022 code list names the families from the account holder's side: ICDT
# "issued credit transfers" (ours, to creditors); IDDT "issued direct debits"
# (ours, collecting a receipt) while RDDT "received direct debits" are taken
# from our account by others; RCHQ "received cheques" (deposited by us) while
# ICHQ "issued cheques" are ours to creditors. Only the families of what we
# sent or deposited can come back as a return of ours.
_FAMILLES_VIREMENT = {"ICDT"}
_FAMILLES_PRELEVEMENT = {"IDDT"}
_FAMILLES_CHEQUE = {"RCHQ"}
# The SEPA Core Direct Debit rulebook (EPC016-06) lets the debtor claim the refund of
# an unauthorised collection up to 13 months after the debit date: no return of a
# direct debit comes later.
MOIS_RETOUR_PRELEVEMENT = 13


def _code(ligne) -> tuple[str, str]:
    """(family, sub-family) of the line's bank transaction code, or ("", "")."""
    morceaux = (ligne.code_operation or "").upper().split("/")
    if len(morceaux) == 3 and morceaux[0] == "PMNT":
        return morceaux[1], morceaux[2]
    return "", ""


def contre_passation_seule(ligne) -> bool:
    """A credit whose only sign of a return is the reversal indicator."""
    _, sous_famille = _code(ligne)
    return (
        ligne.sens == "credit"
        and bool(ligne.contre_passation)
        and not ligne.motif_retour
        and sous_famille not in SOUS_FAMILLES_RETOUR
    )


@dataclass
class Debits:
    """Debits seen on the account's statements, for the reversals read alone."""

    par_reference: Counter = field(default_factory=Counter)
    par_lot: dict[str, Decimal] = field(default_factory=dict)  # batch id -> amount debited

    def fois(self, ligne) -> int:
        """How many times the bank debited what `ligne` (a reversal) reverses."""
        if ligne.reference_lot and ligne.nombre_operations is not None and ligne.montant:
            # A whole batch as one entry: how many times its amount was debited.
            return int(self.par_lot.get(ligne.reference_lot, Decimal(0)) // ligne.montant)
        return self.par_reference[ligne.reference] if ligne.reference else 0


def debits_vus(compte, lignes, en_plus=()) -> Debits:
    """The debits (lines of statements, nature « relevé », of `compte`) carrying the
    reference or batch of the reversals alone among `lignes`; `en_plus`: lines of the
    file being imported not yet among the statements' (a notification's)."""
    debits = Debits()
    seules = [lg for lg in lignes if contre_passation_seule(lg)]
    references = {lg.reference for lg in seules if lg.reference}
    lots = {lg.reference_lot for lg in seules if lg.reference_lot}
    if not seules or not (references or lots):
        return debits
    vus = list(
        LigneReleveModele.objects.filter(
            releve__compte=compte, releve__nature="releve", sens="debit"
        )
        .filter(Q(reference__in=references) | Q(reference_lot__in=lots))
        .values_list("reference", "reference_lot", "montant")
    )
    vus += [(lg.reference, lg.reference_lot, lg.montant) for lg in en_plus if lg.sens == "debit"]
    for reference, lot, montant in vus:
        if reference in references:
            debits.par_reference[reference] += 1
        if lot in lots:
            debits.par_lot[lot] = debits.par_lot.get(lot, Decimal(0)) + montant
    return debits


def nature_retour(ligne, debits: Debits | None = None) -> str:
    """VIREMENT, ENCAISSEMENT, DOUBLON (given the debits seen), or "" when the bank
    does not say the line is a return."""
    famille, sous_famille = _code(ligne)
    code_retour = sous_famille in SOUS_FAMILLES_RETOUR
    if ligne.sens == "credit":
        if contre_passation_seule(ligne):
            # Debited twice or more: the bank undoes a duplicate. Never debited on a
            # statement: a returned transfer is often the first sight of it.
            return DOUBLON if debits is not None and debits.fois(ligne) >= 2 else VIREMENT
        if ligne.motif_retour:
            return VIREMENT
        return VIREMENT if code_retour and famille in _FAMILLES_VIREMENT else ""
    if ligne.contre_passation or ligne.motif_retour:
        return ENCAISSEMENT
    if code_retour and famille in _FAMILLES_PRELEVEMENT | _FAMILLES_CHEQUE:
        return ENCAISSEMENT
    return ""


def moyens_retournes(ligne) -> list[str]:
    """The means of receipt a debit return may concern, from its bank code: none for
    a known family that is neither a direct debit nor a cheque (a transfer)."""
    famille, _ = _code(ligne)
    if famille in _FAMILLES_CHEQUE:
        return [Encaissement.Moyen.CHEQUE]
    if famille in _FAMILLES_PRELEVEMENT:
        return [Encaissement.Moyen.PRELEVEMENT]
    if famille:
        return []
    return [Encaissement.Moyen.PRELEVEMENT, Encaissement.Moyen.CHEQUE]


def code_et_libelle(code: str) -> str:
    """« AC04 (compte clos) » for a badge, from the return reasons' table
    (`retours.MOTIFS_RETOUR`, whose `libelle_motif` gives the label alone); the
    code alone if unknown."""
    if not code:
        return ""
    libelle = services_retours.MOTIFS_RETOUR.get(code.upper(), "")
    return f"{code} ({libelle})" if libelle else code


def _mois_apres(jour: datetime.date, mois: int) -> datetime.date:
    """The same day `mois` months later (the month's last day when it has none)."""
    annee, rang = divmod(jour.month - 1 + mois, 12)
    annee += jour.year
    return datetime.date(annee, rang + 1, min(jour.day, calendar.monthrange(annee, rang + 1)[1]))


def anomalie_de_date(ligne, origine) -> str:
    """Why the booking date of `ligne` (a return) cannot be that of a return of
    `origine` (our Paiement or Encaissement), in French; "" when it can."""
    le = ligne.date_operation
    if isinstance(origine, Paiement):
        if le < origine.lot.date:
            return (
                f"Retour daté du {le:%d/%m/%Y}, avant le paiement qu'il retournerait "
                f"({origine.lot.date:%d/%m/%Y}) : rien n'a été annulé ; vérifiez la référence."
            )
        return ""
    quoi = "le prélèvement" if origine.moyen == Encaissement.Moyen.PRELEVEMENT else "l'encaissement"
    if le < origine.date:
        return (
            f"Impayé daté du {le:%d/%m/%Y}, avant {quoi} qu'il reprendrait "
            f"({origine.date:%d/%m/%Y}) : rien n'a été annulé ; vérifiez la référence."
        )
    limite = _mois_apres(origine.date, MOIS_RETOUR_PRELEVEMENT)
    if origine.moyen == Encaissement.Moyen.PRELEVEMENT and le > limite:
        return (
            f"Impayé daté du {le:%d/%m/%Y}, plus de {MOIS_RETOUR_PRELEVEMENT} mois après le "
            f"prélèvement qu'il reprendrait ({origine.date:%d/%m/%Y}) : un prélèvement SEPA ne "
            f"se conteste plus après le {limite:%d/%m/%Y} ; rien n'a été annulé ; vérifiez la "
            "référence."
        )
    return ""


@dataclass
class Connus:
    """Our payments and receipts the returns of one import name, read at once (one
    query each, not one per line)."""

    paiements: dict[str, Paiement] = field(default_factory=dict)
    encaissements: dict[str, list[Encaissement]] = field(default_factory=dict)
    pris: set[int] = field(default_factory=set)  # receipts a line of this import took back

    def paiement(self, ligne) -> Paiement | None:
        return self.paiements.get(ligne.reference) if ligne.reference else None

    def encaissement(self, ligne) -> Encaissement | None:
        moyens = moyens_retournes(ligne)
        if not ligne.reference or not moyens:
            return None
        candidats = [
            e
            for e in self.encaissements.get(ligne.reference, [])
            if e.moyen in moyens and e.pk not in self.pris
        ]
        return encaissement_choisi(ligne, candidats)

    def remplacer(self, encaissement: Encaissement) -> None:
        """After its cancellation: the next lines of the import do not take it again."""
        self.pris.add(encaissement.pk)
        liste = self.encaissements.get(encaissement.reference, [])
        self.encaissements[encaissement.reference] = [
            encaissement if e.pk == encaissement.pk else e for e in liste
        ]


def connus(compte: CompteDisponibilite, retours) -> Connus:
    """`retours`: (line, nature) pairs."""
    resultat = Connus()
    virements = {lg.reference for lg, nature in retours if nature == VIREMENT and lg.reference}
    impayes = {lg.reference for lg, nature in retours if nature == ENCAISSEMENT and lg.reference}
    if virements:
        resultat.paiements = {
            p.bout_en_bout: p
            for p in Paiement.objects.select_related("ordre", "lot").filter(
                bout_en_bout__in=virements, lot__compte=compte
            )
        }
    if impayes:
        for e in Encaissement.objects.filter(compte=compte, reference__in=impayes).select_related(
            "ecriture_annulation__journal"
        ):
            resultat.encaissements.setdefault(e.reference, []).append(e)
    return resultat


def _motif_du_retour(ligne) -> str:
    """What the cancellation's reason says of the bank's return `ligne` (its mark)."""
    return (
        f"retourné par la banque le {ligne.date_operation:%d/%m/%Y} "
        f"(motif {_motif_bancaire(ligne)})"
    )


def annule_par_ce_retour(encaissement, ligne) -> bool:
    """Whether `encaissement` was cancelled by this very return (read earlier in a
    notification, or in the line's own statement)."""
    return encaissement.etat == Encaissement.Etat.ANNULE and _motif_du_retour(ligne) in (
        encaissement.motif_annulation or ""
    )


def encaissement_choisi(ligne, candidats) -> Encaissement | None:
    """Among the receipts carrying the line's reference (a mandate's reference may be
    that of every collection): the one this return already cancelled (seen in a
    notification); else, of the same amount and still recorded, the latest received
    on or before the line's date; else one of the same amount already cancelled (by
    hand: its page says so, nothing is done); else the latest, whose date or amount
    then says why it is not the one returned."""
    candidats = sorted(candidats, key=lambda e: (e.date, e.pk))
    deja = [e for e in candidats if annule_par_ce_retour(e, ligne)]
    if deja:
        return deja[-1]
    memes = [e for e in candidats if e.montant == ligne.montant]
    for etat in (Encaissement.Etat.ENREGISTRE, Encaissement.Etat.ANNULE):
        avant = [e for e in memes if e.etat == etat and e.date <= ligne.date_operation]
        if avant:
            return avant[-1]
    avant = [e for e in candidats if e.date <= ligne.date_operation]
    return (avant or candidats or [None])[-1]


def texte_deja_annule(encaissement) -> str:
    """The page's text for a return of a receipt cancelled by hand before it."""
    ecriture = encaissement.ecriture_annulation
    le = f" le {ecriture.date:%d/%m/%Y}" if ecriture is not None else ""
    piece = f" (écriture {ecriture.journal.code}-{ecriture.numero})" if ecriture else ""
    return (
        f"Encaissement {encaissement.reference_interne} de {encaissement.payeur} "
        f"({format_euros(encaissement.montant)}) déjà annulé{le} (motif « "
        f"{encaissement.motif_annulation} ») : rien n'a été fait ; rapprochez la ligne de cette "
        f"annulation{piece}."
    )


@dataclass
class Traitement:
    """What the import did with the returns of one statement or notification."""

    # Statement lines to match, each with its book line and what was done.
    appariements: list[tuple[LigneReleveModele, Ligne, str]] = field(default_factory=list)
    # Lines taken for returns (matched or not): not matched by amount afterwards.
    vus: set[int] = field(default_factory=set)
    # Lines left unmatched because the act was refused: line id -> the refusal.
    refus: dict[int, str] = field(default_factory=dict)
    faits: list[str] = field(default_factory=list)


def _ligne_classe_5(ecriture, compte: CompteDisponibilite, ligne) -> Ligne | None:
    """The counter-entry's line on the account of funds, in the statement line's direction."""
    cote = "debit" if ligne.sens == "credit" else "credit"  # money in: a debit of class 5
    trouvees = list(
        Ligne.objects.filter(ecriture=ecriture, compte=compte.compte, **{cote: ligne.montant})[:2]
    )
    return trouvees[0] if len(trouvees) == 1 else None


def _motif_bancaire(ligne) -> str:
    """« AC04 — compte clos — the bank's information », else the code or the reversal."""
    if ligne.motif_retour:
        libelle = services_retours.MOTIFS_RETOUR.get(ligne.motif_retour.upper(), "")
        motif = f"{ligne.motif_retour} — {libelle}" if libelle else ligne.motif_retour
    else:
        motif = ligne.code_operation or "contre-passation"
    info = f" — {ligne.motif_retour_info}" if ligne.motif_retour_info else ""
    return f"{motif}{info}"


def _retour_virement(acting_user, ligne, compte, paiement, traitement: Traitement) -> None:
    if paiement is None or paiement.montant != ligne.montant:
        return  # shown on the page: unknown reference or amount that differs
    anomalie = anomalie_de_date(ligne, paiement)
    if anomalie:
        traitement.refus[ligne.pk] = anomalie
        return
    try:
        retour = services_retours.paiement_retourner(
            acting_user=acting_user,
            paiement=paiement,
            motif=ligne.motif_retour or "",
            motif_info=ligne.motif_retour_info,
            ligne_releve=ligne,
        )
    except ApplicationError as exc:
        traitement.refus[ligne.pk] = str(exc)
        return
    ecriture = retour.ecriture
    fait = (
        f"Retour ({_motif_bancaire(ligne)}) : paiement {paiement.bout_en_bout} à "
        f"{paiement.beneficiaire} annulé par l'écriture {ecriture.journal.code}-{ecriture.numero}, "
        f"ordre n° {paiement.ordre.reference} revenu à visé."
    )
    traitement.faits.append(fait)
    livre = _ligne_classe_5(ecriture, compte, ligne)
    if livre is not None:
        traitement.appariements.append((ligne, livre, fait))


def _retour_encaissement(acting_user, ligne, releve, deja_lus: Connus, traitement) -> None:
    compte = releve.compte
    encaissement = deja_lus.encaissement(ligne)
    if encaissement is None or encaissement.montant != ligne.montant:
        return
    anomalie = anomalie_de_date(ligne, encaissement)
    if anomalie:
        traitement.refus[ligne.pk] = anomalie
        return
    if encaissement.etat != Encaissement.Etat.ENREGISTRE and not annule_par_ce_retour(
        encaissement, ligne
    ):
        # Cancelled by hand before: the agent comptable decides.
        traitement.refus[ligne.pk] = texte_deja_annule(encaissement)
        return
    if encaissement.etat == Encaissement.Etat.ENREGISTRE:
        moyen = "Chèque" if encaissement.moyen == Encaissement.Moyen.CHEQUE else "Prélèvement SEPA"
        motif = (
            f"{moyen} impayé, {_motif_du_retour(ligne)}, "
            f"{releve.get_nature_display()} {releve.identifiant}"
        )
        try:
            encaissement = encaissement_annuler(
                acting_user=acting_user, encaissement=encaissement, motif=motif
            )
        except ApplicationError as exc:
            traitement.refus[ligne.pk] = str(exc)
            return
    deja_lus.remplacer(encaissement)
    ecriture = encaissement.ecriture_annulation
    if ecriture is None:
        return
    fait = (
        f"Retour ({_motif_bancaire(ligne)}) : encaissement {encaissement.reference_interne} de "
        f"{encaissement.payeur} annulé par l'écriture {ecriture.journal.code}-{ecriture.numero}, "
        "créance remise en recouvrement."
    )
    traitement.faits.append(fait)
    livre = _ligne_classe_5(ecriture, compte, ligne)
    if livre is not None:
        traitement.appariements.append((ligne, livre, fait))


def retours_traiter(acting_user, releve, lignes) -> Traitement:
    """Process the returns among `lignes` (inside the import's transaction)."""
    traitement = Traitement()
    compte = releve.compte
    # A notification's lines are not a statement's: its own debits count besides.
    en_plus = lignes if releve.nature != "releve" else ()
    debits = debits_vus(compte, lignes, en_plus)
    retours = [(lg, nature_retour(lg, debits)) for lg in lignes]
    retours = [(lg, nature) for lg, nature in retours if nature]
    deja_lus = connus(compte, retours)
    for ligne, nature in retours:
        traitement.vus.add(ligne.pk)  # a duplicate's reversal included: matched by hand
        if nature == DOUBLON:
            traitement.refus[ligne.pk] = TEXTE_DOUBLON
        elif nature == VIREMENT:
            _retour_virement(acting_user, ligne, compte, deja_lus.paiement(ligne), traitement)
        else:
            _retour_encaissement(acting_user, ligne, releve, deja_lus, traitement)
    return traitement
