"""Automatic matching of an imported statement's lines with the books of its account.

In order, each step taking only what the previous ones left:
0. returns and reversals (`retours_releve`): the payment or receipt is
   cancelled and the line matched with the counter-entry's class-5 line;
   a return whose date makes it impossible (before the payment or receipt;
   a direct debit more than 13 months after) is left unmatched;
1. payment batches: every transfer of a batch on the statement, each once and
   no other (by EndToEndId), adding up to the batch; or entries carrying the batch's reference
   (`NtryDtls/Btch/PmtInfId`, our `LotPaiement.message_id`) adding up to its
   total, matched with the batch's whole book line at once. Entries of a
   batch that do not add up (a transfer rejected before booking) are left to
   the agent comptable, with the difference shown on the page;
2. by reference (the receipt's reference, the entry's pièce);
3. by amount and direction at the nearest date within ten days.
A notification (camt.054) is never matched: its returns are processed, and the
statement that follows matches its lines.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from ledger.models import Ligne
from tresorerie.models import LigneReleve as LigneReleveModele
from tresorerie.models import LotPaiement, Paiement, Rapprochement, Releve
from tresorerie.selectors import lignes_rapprochees_ids
from tresorerie.services.retours_releve import retours_traiter

FENETRE_RAPPROCHEMENT = datetime.timedelta(days=10)


@dataclass
class Resultat:
    rapprochees: int = 0
    retours: list[str] = field(default_factory=list)  # what was done, in French
    retours_refuses: dict[int, str] = field(default_factory=dict)  # line id -> refusal


def _sens_livre(lg: Ligne) -> str:
    return "credit" if lg.debit > 0 else "debit"


def _montant_livre(lg: Ligne):
    return lg.debit or lg.credit


def _lots(releve, a_faire, libres, appariements, fait) -> None:
    """Step 1: batches, transfer by transfer or as one entry."""
    compte = releve.compte
    references = {lg.reference for lg in a_faire if lg.reference}
    paiements = {
        p.bout_en_bout: p
        for p in Paiement.objects.filter(bout_en_bout__in=references, lot__compte=compte)
    }
    par_lot: dict[int, list[LigneReleveModele]] = defaultdict(list)
    for lg in a_faire:
        if lg.pk not in fait and lg.reference in paiements and lg.sens == "debit":
            par_lot[paiements[lg.reference].lot_id].append(lg)
    par_reference_lot: dict[str, list[LigneReleveModele]] = defaultdict(list)
    for lg in a_faire:
        if lg.pk not in fait and lg.reference_lot and lg.sens == "debit":
            par_reference_lot[lg.reference_lot].append(lg)
    lots = LotPaiement.objects.filter(compte=compte).filter(
        pk__in=list(par_lot)
    ) | LotPaiement.objects.filter(compte=compte, message_id__in=list(par_reference_lot))
    lots = list(lots.distinct())
    attendues: dict[int, list[str]] = defaultdict(list)  # lot -> its EndToEndIds
    for lot_id, bout_en_bout in Paiement.objects.filter(lot__in=lots).values_list(
        "lot_id", "bout_en_bout"
    ):
        attendues[lot_id].append(bout_en_bout)
    par_ecriture = {c.ecriture_id: c for c in libres.values() if c.credit > 0}
    for lot in lots:
        livre = par_ecriture.get(lot.ecriture_id)
        # Transfer by transfer: each of the batch's transfers once, and no other (a
        # duplicated line never makes up for a missing transfer); else the entries
        # carrying its reference.
        transferts = par_lot.get(lot.pk, [])
        connues = set(attendues[lot.pk])
        complet = sorted(lg.reference for lg in transferts) == sorted(attendues[lot.pk])
        groupes = [(transferts, complet), (par_reference_lot.get(lot.message_id, []), False)]
        for lignes_lot, complet in groupes:
            lignes_lot = [lg for lg in lignes_lot if lg.pk not in fait]
            if not lignes_lot:
                continue
            somme = sum(x.montant for x in lignes_lot)
            siennes = [lg.reference for lg in lignes_lot if lg.reference in connues]
            par_reference = lignes_lot[0].reference_lot == lot.message_id and len(siennes) == len(
                set(siennes)
            )  # a transfer of the batch twice in its entry: not blindly either
            if (
                livre is not None
                and livre.pk in libres
                and somme == livre.credit
                and (complet or par_reference)
            ):
                for lg in lignes_lot:
                    appariements.append((lg, [livre], ""))
                    fait.add(lg.pk)
                del libres[livre.pk]
            elif lignes_lot[0].reference_lot == lot.message_id:
                # Not blindly by amount: the agent comptable sees the difference.
                fait.update(lg.pk for lg in lignes_lot)


def rapprocher_automatiquement(acting_user, releve: Releve) -> Resultat:
    """Process the returns of `releve`, then (for a statement) match its lines."""
    resultat = Resultat()
    a_faire = list(releve.lignes.filter(rapprochement__isnull=True).order_by("id"))
    traitement = retours_traiter(acting_user, releve, a_faire)
    resultat.retours = traitement.faits
    resultat.retours_refuses = traitement.refus
    if releve.nature == Releve.Nature.AVIS:
        return resultat
    compte = releve.compte
    deja = lignes_rapprochees_ids(compte)
    candidates = [
        lg
        for lg in Ligne.objects.filter(
            compte=compte.compte,
            ecriture__date__gte=releve.date_debut - FENETRE_RAPPROCHEMENT,
            ecriture__date__lte=releve.date_fin,
        )
        .exclude(ecriture__journal__a_nouveaux=True)
        .select_related("ecriture")
        .order_by("ecriture__date", "id")
        if lg.pk not in deja
    ]
    libres = {lg.pk: lg for lg in candidates}
    appariements: list[tuple[LigneReleveModele, list[Ligne], str]] = []
    fait: set[int] = set(traitement.vus)

    # 0. Returns: the counter-entry's line (posted today, maybe after the statement's end).
    for lg, livre, explication in traitement.appariements:
        if livre.pk in deja:
            continue
        appariements.append((lg, [livre], explication))
        deja.add(livre.pk)
        libres.pop(livre.pk, None)

    # 1. Payment batches.
    _lots(releve, a_faire, libres, appariements, fait)

    # 2. By reference, then 3. by amount at the nearest date. The free book lines are
    # indexed by direction and amount: a line looks only at those of its amount.
    par_montant: dict[tuple[str, object], list[Ligne]] = defaultdict(list)
    for c in libres.values():
        par_montant[(_sens_livre(c), _montant_livre(c))].append(c)
    for passe in ("reference", "montant"):
        for lg in a_faire:
            if lg.pk in fait:
                continue
            possibles = [
                c
                for c in par_montant.get((lg.sens, lg.montant), ())
                if c.pk in libres
                and abs((c.ecriture.date - lg.date_operation).days) <= FENETRE_RAPPROCHEMENT.days
            ]
            if passe == "reference":
                possibles = [
                    c
                    for c in possibles
                    if lg.reference and lg.reference in (c.ecriture.piece, c.libelle)
                ]
            if not possibles:
                continue
            choisie = min(
                possibles, key=lambda c: (abs((c.ecriture.date - lg.date_operation).days), c.pk)
            )
            appariements.append((lg, [choisie], ""))
            fait.add(lg.pk)
            del libres[choisie.pk]
    # Two inserts in all, not two per line.
    rapprochements = Rapprochement.objects.bulk_create(
        [
            Rapprochement(
                ligne_releve=lg,
                mode=Rapprochement.Mode.AUTOMATIQUE,
                explication=explication,
                par=acting_user,
            )
            for lg, _, explication in appariements
        ],
        batch_size=2000,
    )
    lien = Rapprochement.lignes_ecriture.through
    lien.objects.bulk_create(
        [
            lien(rapprochement_id=rapprochement.pk, ligne_id=livre.pk)
            for rapprochement, (_, lignes, _) in zip(rapprochements, appariements, strict=True)
            for livre in lignes
        ],
        batch_size=2000,
    )
    resultat.rapprochees = len(appariements)
    return resultat
