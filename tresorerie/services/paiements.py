"""Payment of visaed ordres de dépense in batches (circ. 93/82 §2.1.5, §2.1.6).

Three rules make the money leave as the texts say, each kept by the service
with a French message, the last two by PostgreSQL as well
(`migrations/sql/0005_oppositions_solde.sql`, `0008_solde_reporte.sql`; the
day of the payment is the application's clock, which the database does not
know):

- the payment is dated the day it is recorded: the payment mention carries
  that day, so an opposition served on the agent comptable up to that day is
  applied (§2.1.5: it has effect "avant que la mention de paiement soit portée
  sur l'ordre"), and the pain.001 file never asks for an earlier execution;
- each creditor's line is read against the oppositions in force on the keys
  of `oppositions/identifiants.py` (a SIRET typed with spaces or dots is
  still caught, a SIRET counts for its SIREN); a line held in doubt stops the
  batch until the agent comptable decides (`tresorerie.services.decisions`);
- the batch never leaves the account's book balance below its authorised
  overdraft (`CompteDisponibilite.decouvert_autorise`, 0 unless the agent
  comptable records one): the account's row is locked first, so two batches
  on one account are checked one after the other.
"""

from __future__ import annotations

import datetime
import hashlib
import uuid
from collections import defaultdict
from decimal import Decimal

from django.conf import settings

from core.audit import audit
from core.exceptions import ApplicationError, DonneeInvalide
from core.money import ZERO, format_euros
from core.saisie import date as date_saisie
from core.verrous import verrouiller
from depenses.models import LigneOrdreDepense
from depenses.paiements import ordres_depense_payer, ordres_depense_verrouiller_pour_paiement
from ledger.services import LigneSaisie, ecriture_passer
from oppositions.services import imputer, repartir_paiement
from personnes.permissions import exiger_comptable
from tresorerie import sepa
from tresorerie.models import CompteDisponibilite, LotPaiement, Paiement
from tresorerie.selectors import solde_comptable
from tresorerie.services.caisse import exiger_caisse_ouverte
from tresorerie.services.commun import _atomique, _aujourd_hui, exercice_du
from tresorerie.services.decisions import (
    Attente,
    PaiementEnAttente,
    message_attente,
    rapprocher_lignes,
)
from tresorerie.services.retours_coordonnees import (
    corrections_des_lignes,
    ibans_retournes,
    lignes_payees,
    message_a_corriger,
    message_iban_retourne,
)

# --- Paiements ------------------------------------------------------------------------


def _exiger_compte_de_paiement(compte: CompteDisponibilite, moyen: str) -> None:
    if compte.credits_seulement:
        raise DonneeInvalide(
            f"« {compte.libelle} » est un compte spécial d'encaissement : il n'enregistre que des "
            "crédits, aucun paiement n'en part (circulaire 93/82 §2.2.0.2)."
        )
    if not compte.actif:
        raise DonneeInvalide(f"Le compte « {compte.libelle} » est fermé.")
    if moyen == LotPaiement.Moyen.NUMERAIRE and compte.nature != CompteDisponibilite.Nature.CAISSE:
        raise DonneeInvalide("Un paiement en numéraire se fait à la caisse.")
    if moyen in (LotPaiement.Moyen.VIREMENT, LotPaiement.Moyen.CHEQUE) and not compte.iban:
        raise DonneeInvalide(
            f"Un paiement par {LotPaiement.Moyen(moyen).label} part d'un compte bancaire ; "
            f"« {compte.libelle} » n'a pas d'IBAN."
        )


def _bout_en_bout(lot_ref: str, rang: int) -> str:
    return f"{lot_ref}-{rang:05d}"[:35]


class SoldeInsuffisant(ApplicationError):
    """The batch would leave the account's book balance below its authorised overdraft."""

    code = "solde_insuffisant"
    statut_http = 409
    message_defaut = "Le compte n'a pas de quoi payer ce lot."


def date_du_paiement(le=None) -> datetime.date:
    """Today, the only date a payment may carry: any other is refused.

    The payment mention is written on the order the day the payment is
    recorded (circ. 93/82 §2.1.6); dating it earlier would let a payment
    escape an opposition served on the agent comptable since (§2.1.5: it has
    effect "avant que la mention de paiement soit portée sur l'ordre")."""
    aujourd_hui = _aujourd_hui()
    if le is None or le == "":
        return aujourd_hui
    le = date_saisie(le, "La date du paiement")
    if le != aujourd_hui:
        raise DonneeInvalide(
            f"Un paiement se date du jour où il est enregistré, le {aujourd_hui:%d/%m/%Y} : la "
            f"date demandée ({le:%d/%m/%Y}) est refusée. La mention de paiement porte ce jour, "
            "et toute opposition signifiée à l'agent comptable jusqu'à ce jour s'applique "
            "(circulaire 93/82 §2.1.5).",
            details={"date": le.isoformat(), "aujourd_hui": aujourd_hui.isoformat()},
        )
    return aujourd_hui


def exiger_solde(
    compte: CompteDisponibilite, montant, le: datetime.date, quoi: str = "lot"
) -> Decimal:
    """Refuse what would take the account's book balance (its class 5 account's,
    in the exercise of `le`, up to `le`) below its authorised overdraft, with the
    balance in the message; returns the balance before. The caller has locked
    the account's row (`verrouiller`), so that two payments read it in turn."""
    solde = solde_comptable(compte.compte.numero, le)
    montant = Decimal(montant)
    if solde - montant < -compte.decouvert_autorise:
        decouvert = (
            f", au-delà du découvert autorisé de {format_euros(compte.decouvert_autorise)}"
            if compte.decouvert_autorise
            else " ; aucun découvert n'est autorisé sur ce compte"
        )
        raise SoldeInsuffisant(
            f"Le compte « {compte.libelle} » ({compte.compte.numero}) ne peut pas payer ce {quoi} : "
            f"solde comptable {format_euros(solde)}, {quoi} {format_euros(montant)}. Son solde "
            f"deviendrait {format_euros(solde - montant)}{decouvert}. Approvisionnez-le d'abord "
            + (
                "(virement interne) ou payez moins d'ordres."
                if quoi == "lot"
                else "(virement interne)."
            ),
            details={
                "compte": compte.code,
                "solde_comptable": str(solde),
                "montant": str(montant),
                "decouvert_autorise": str(compte.decouvert_autorise),
            },
        )
    return solde


def _exiger_comptes_non_retournes(paiements: list[Paiement], en_cours) -> None:
    """No transfer to an IBAN the bank returned a transfer to for a reason
    about the account itself (closed, wrong, blocked account, holder
    deceased: `MOTIFS_COMPTE`), whichever order that return was on (issue 15).
    Every such transfer is named, with the way out."""
    retournes = ibans_retournes()
    if not retournes:
        return
    refus = []
    for p in paiements:
        retour = retournes.get("".join(p.iban.split()).upper())
        if retour is None:
            continue
        propre = en_cours.get((p.ligne_id, p.opposition_id))
        refus.append(
            (
                p,
                retour,
                message_iban_retourne(
                    beneficiaire=p.beneficiaire,
                    iban=p.iban,
                    montant=p.montant,
                    ordre=p.ordre,
                    ligne_id=p.ligne_id if p.opposition_id is None else None,
                    retour=retour,
                    en_cours=propre.retour if propre else None,
                ),
            )
        )
    if refus:
        raise DonneeInvalide(
            " ".join(message for _, _, message in refus),
            details={
                "comptes_retournes": [
                    {
                        "ordre": p.ordre.reference,
                        "ligne": p.ligne_id,
                        "beneficiaire": p.beneficiaire,
                        "iban": p.iban,
                        "retour": retour.pk,
                    }
                    for p, retour, _ in refus
                ]
            },
        )


@_atomique
def lot_payer(
    *,
    acting_user,
    ordres,
    compte: CompteDisponibilite,
    moyen: str = LotPaiement.Moyen.VIREMENT,
    le: datetime.date | None = None,
) -> LotPaiement:
    """Pay visaed ordres de dépense in one batch (circ. 93/82 §2.1.5, §2.1.6).

    Dated today (`le`, if given, must be today: `date_du_paiement`). For each
    creditor's line the opposing parties are paid first, each up to what
    remains of its opposition, the creditor gets the rest; a line held in
    doubt for an opposition refuses the batch until the agent comptable
    decides (`PaiementEnAttente`). The account is locked and its book balance
    must cover the batch, within its authorised overdraft (`SoldeInsuffisant`).
    One entry (journal TR) debits each creditor's account and credits the
    account of funds; transfers go in one pain.001 file, to be executed today;
    each order gets its payment mention and the credits their payment.
    """
    le = date_du_paiement(le)
    exiger_comptable(acting_user, le, "payer un ordre de dépense", code="tresorerie.payer")
    if moyen not in LotPaiement.Moyen.values:
        raise DonneeInvalide(f"Le moyen de paiement « {moyen} » n'existe pas.")
    exercice = exercice_du(le)
    # The account first (two batches on it pass in turn), then the orders.
    compte = verrouiller(CompteDisponibilite.objects.select_related("compte"), compte.pk)
    _exiger_compte_de_paiement(compte, moyen)
    exiger_caisse_ouverte(compte, le, "le paiement")
    verrouilles = ordres_depense_verrouiller_pour_paiement(ordres)
    identifiants = [o.pk for o in verrouilles]
    par_ordre = {o.pk: o for o in verrouilles}
    lues = rapprocher_lignes(
        LigneOrdreDepense.objects.filter(ordre_id__in=identifiants).order_by("ordre_id", "id"),
        le=le,
    )
    # A line paid before pays now only what the bank returned (issue 15):
    # never twice what already reached its beneficiary.
    nets, en_cours = lignes_payees(lr.ligne.pk for lr in lues.values())
    corrigees = (
        corrections_des_lignes(lr.ligne.pk for lr in lues.values())
        if moyen == LotPaiement.Moyen.VIREMENT
        else {}
    )
    a_payer = {lr.ligne.pk: lr.ligne.montant - nets.get(lr.ligne.pk, ZERO) for lr in lues.values()}
    attentes = [
        Attente(par_ordre[lr.ligne.ordre_id], lr.ligne, lr.rapprochement.doutes)
        for lr in lues.values()
        if lr.rapprochement.en_attente and a_payer[lr.ligne.pk] > 0
    ]
    if attentes:
        raise PaiementEnAttente(
            message_attente(attentes),
            details={
                "en_attente": [
                    {
                        "ordre": a.ordre.reference,
                        "ligne": a.ligne.pk,
                        "creancier": a.ligne.creancier,
                        "oppositions": [d.opposition.pk for d in a.doutes],
                    }
                    for a in attentes
                ]
            },
        )
    lignes = [lr.ligne for lr in lues.values() if a_payer[lr.ligne.pk] > 0]
    message_id = f"CAISSE-{le:%Y%m%d}-{uuid.uuid4().hex[:12].upper()}"
    paiements: list[Paiement] = []
    a_imputer = []
    for lr in lues.values():
        ligne = lr.ligne
        ordre = par_ordre[ligne.ordre_id]
        if a_payer[ligne.pk] <= 0:
            continue
        if moyen == LotPaiement.Moyen.VIREMENT and not ligne.iban:
            raise DonneeInvalide(
                f"L'ordre n° {ordre.reference} ne donne pas l'IBAN de {ligne.creancier} : "
                "payez-le par chèque ou en numéraire."
            )
        appliquees = lr.rapprochement.appliquees
        if appliquees:
            # Opposing parties first, each up to what remains of its act (§2.1.5);
            # a later line of the same creditor sees what this one took.
            parts = repartir_paiement(
                montant=a_payer[ligne.pk],
                creancier_nom=ligne.creancier,
                creancier_iban=ligne.iban,
                creancier_bic=ligne.bic,
                oppositions=appliquees,
            )
            pris = {p.opposition_id: p.montant for p in parts if p.opposition_id is not None}
            for o in appliquees:
                o.montant_impute += pris.get(o.pk, ZERO)
        else:
            parts = [None]
        for part in parts:
            if part is not None and part.montant <= 0:
                continue
            reference = _bout_en_bout(message_id[7:], len(paiements) + 1)
            if part is not None and part.opposition_id is not None:
                a_imputer.append((part, reference))
            iban, bic = (part.iban, part.bic) if part else (ligne.iban, ligne.bic)
            retourne = en_cours.get((ligne.pk, part.opposition_id if part else None))
            if retourne is not None and moyen == LotPaiement.Moyen.VIREMENT:
                # Returned by the bank: paid again by transfer only to corrected details.
                if retourne.correction is None:
                    raise DonneeInvalide(
                        message_a_corriger(retourne.retour),
                        details={"ordre": ordre.reference, "retour": retourne.retour.pk},
                    )
                iban, bic = retourne.correction.iban, retourne.correction.bic
            elif (part is None or part.opposition_id is None) and ligne.pk in corrigees:
                # The creditor's IBAN returned on another transfer: the line's new details.
                iban, bic = corrigees[ligne.pk].iban, corrigees[ligne.pk].bic
            paiements.append(
                Paiement(
                    ordre=ordre,
                    ligne=ligne,
                    opposition_id=part.opposition_id if part else None,
                    beneficiaire=(part.beneficiaire if part else ligne.creancier)[:200],
                    iban=iban,
                    bic=bic,
                    montant=part.montant if part else a_payer[ligne.pk],
                    bout_en_bout=reference,
                )
            )
    if moyen == LotPaiement.Moyen.VIREMENT:
        _exiger_comptes_non_retournes(paiements, en_cours)
    total = sum((p.montant for p in paiements), ZERO)
    exiger_solde(compte, total, le)
    for part, reference in a_imputer:
        imputer(acting_user=acting_user, part=part, reference=reference, le=le)
    debits: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for ligne in lignes:
        tiers = (par_ordre[ligne.ordre_id].compte_tiers.numero, ligne.creancier[:120])
        debits[tiers] += a_payer[ligne.pk]
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice,
        journal="TR",
        date=le,
        libelle=(
            f"Paiement par {LotPaiement.Moyen(moyen).label} de {len(verrouilles)} ordre(s) de "
            f"dépense, lot {message_id}"
        )[:255],
        lignes=[
            LigneSaisie(numero, debit=somme, tiers=tiers)
            for (numero, tiers), somme in debits.items()
        ]
        + [LigneSaisie(compte.compte.numero, credit=total)],
        piece=message_id,
    )
    fichier = b""
    if moyen == LotPaiement.Moyen.VIREMENT:
        fichier = sepa.pain001(
            message_id=message_id,
            donneur=sepa.Donneur(
                nom=settings.NOM_ORGANISME,
                iban=compte.iban,
                bic=compte.bic,
                adresse=sepa.Adresse(**settings.ADRESSE_ORGANISME),
            ),
            version=compte.format_virements,
            date_execution=le,
            virements=[
                sepa.Virement(
                    beneficiaire=p.beneficiaire,
                    iban=p.iban,
                    bic=p.bic,
                    montant=p.montant,
                    bout_en_bout=p.bout_en_bout,
                    libelle=f"Ordre de dépense {p.ordre.reference} {p.ordre.objet}",
                )
                for p in paiements
            ],
        )
    lot = LotPaiement.objects.create(
        exercice=exercice,
        compte=compte,
        moyen=moyen,
        date=le,
        nombre=len(paiements),
        total=total,
        message_id=message_id,
        fichier=fichier,
        empreinte_fichier=hashlib.sha256(fichier).hexdigest() if fichier else "",
        format=compte.format_virements if fichier else "",
        ecriture=ecriture,
        cree_par=acting_user,
    )
    for p in paiements:
        p.lot = lot
    Paiement.objects.bulk_create(paiements, batch_size=5000)
    montants: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for ligne in lignes:
        montants[ligne.ordre_id] += a_payer[ligne.pk]
    ordres_depense_payer(
        acting_user=acting_user,
        ordres=verrouilles,
        le=le,
        moyen=moyen,
        reference=message_id,
        montants=dict(montants),
    )
    audit(
        acting_user,
        "tresorerie.lot_paye",
        lot,
        apres={
            "ordres": len(verrouilles),
            "paiements": len(paiements),
            "total": total,
            "compte": compte.compte.numero,
            "ecriture": f"TR-{ecriture.numero}",
            "oppositions": len(a_imputer),
        },
    )
    return lot
