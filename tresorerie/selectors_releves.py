"""Reads for the statements' pages: what the bank said of each line beyond its
movement (return, reversal, batch), and what the import did with it or why it
did nothing. Reads only: the acts are in `tresorerie.services`."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from core.models import JournalAudit
from core.money import ZERO, format_euros
from tresorerie.models import Encaissement, LigneReleve, LotPaiement, Paiement, Releve
from tresorerie.services.retours_releve import (
    DOUBLON,
    TEXTE_DOUBLON,
    VIREMENT,
    annule_par_ce_retour,
    anomalie_de_date,
    code_et_libelle,
    contre_passation_seule,
    debits_vus,
    encaissement_choisi,
    moyens_retournes,
    nature_retour,
    texte_deja_annule,
)


@dataclass
class Suite:
    badges: list[str] = field(default_factory=list)  # « contre-passation », « retour : AC04 … »
    texte: str = ""  # what was done, or why nothing was done
    proposition: str = ""  # an explanation the agent comptable may give


def badges(ligne) -> list[str]:
    resultat = []
    if ligne.contre_passation:
        resultat.append("contre-passation")
    if ligne.motif_retour:
        resultat.append(f"retour : {code_et_libelle(ligne.motif_retour)}")
    elif nature_retour(ligne) and not ligne.contre_passation:
        resultat.append(f"retour : {ligne.code_operation}")
    return resultat


def _refus_a_l_import(releves: set[int]) -> dict[int, str]:
    """Line id -> the refusal of a return's act at the import (kept in the audit row)."""
    refus: dict[int, str] = {}
    for apres in JournalAudit.objects.filter(
        acte="tresorerie.releve_importe",
        objet_type="tresorerie.releve",
        objet_id__in=[str(pk) for pk in releves],
    ).values_list("apres", flat=True):
        for pk, message in ((apres or {}).get("retours_refuses") or {}).items():
            refus[int(pk)] = message
    return refus


def _ecriture(ecriture) -> str:
    return f"{ecriture.journal.code}-{ecriture.numero}"


def _suite_virement(ligne, paiement: Paiement | None, refus: str) -> str:
    if paiement is None:
        return (
            f"Retour d'un virement de référence « {ligne.reference or 'non fournie'} » : aucun "
            "de nos paiements depuis ce compte ne la porte ; rien n'a été annulé. Rapprochez la "
            "ligne à la main ou expliquez-la."
        )
    retour = getattr(paiement, "retour", None)
    if retour is not None:
        return (
            f"Paiement {paiement.bout_en_bout} à {paiement.beneficiaire} "
            f"({format_euros(paiement.montant)}) annulé par l'écriture {_ecriture(retour.ecriture)}, "
            f"ordre n° {paiement.ordre.reference} revenu à visé : corrigez les coordonnées "
            "bancaires du bénéficiaire avant de le payer à nouveau."
        )
    anomalie = anomalie_de_date(ligne, paiement)
    if anomalie:
        return anomalie
    if paiement.montant != ligne.montant:
        return (
            f"Retour du paiement {paiement.bout_en_bout} à {paiement.beneficiaire}, de "
            f"{format_euros(paiement.montant)} : la banque rend {format_euros(ligne.montant)}, "
            "le montant diffère ; rien n'a été annulé automatiquement."
        )
    if refus:
        return f"Le retour du paiement {paiement.bout_en_bout} n'a pas été enregistré : {refus}"
    return f"Retour du paiement {paiement.bout_en_bout} à {paiement.beneficiaire}, non traité."


def _suite_encaissement(ligne, encaissement: Encaissement | None, refus: str) -> str:
    if encaissement is None:
        return (
            f"Impayé de référence « {ligne.reference or 'non fournie'} » : aucun de nos "
            "encaissements par prélèvement ou chèque sur ce compte ne la porte ; rien n'a été "
            "annulé. Rapprochez la ligne à la main ou expliquez-la."
        )
    anomalie = anomalie_de_date(ligne, encaissement)
    if anomalie:
        return anomalie
    if encaissement.montant != ligne.montant:
        return (
            f"Impayé de l'encaissement {encaissement.reference_interne} de {encaissement.payeur}, "
            f"de {format_euros(encaissement.montant)} : la banque reprend "
            f"{format_euros(ligne.montant)}, le montant diffère ; rien n'a été annulé "
            "automatiquement."
        )
    if encaissement.etat == Encaissement.Etat.ANNULE and not annule_par_ce_retour(
        encaissement, ligne
    ):
        return texte_deja_annule(encaissement)
    if encaissement.etat == Encaissement.Etat.ANNULE and encaissement.ecriture_annulation:
        return (
            f"Encaissement {encaissement.reference_interne} de {encaissement.payeur} "
            f"({format_euros(encaissement.montant)}) annulé par l'écriture "
            f"{_ecriture(encaissement.ecriture_annulation)} : la créance est remise en "
            "recouvrement (reste à recouvrer rétabli)."
        )
    if refus:
        return f"L'encaissement {encaissement.reference_interne} n'a pas été annulé : {refus}"
    return f"Impayé de l'encaissement {encaissement.reference_interne}, non traité."


def _suite_lot(ligne, lot: LotPaiement | None, somme: Decimal) -> Suite:
    if lot is None:
        if ligne.sens == "credit":  # a batch of money received: the bank's, not ours
            return Suite(texte=f"Remise groupée « {ligne.reference_lot} » de la banque.")
        return Suite(texte=f"Lot « {ligne.reference_lot} » : aucun de nos lots de paiements.")
    rapprochement = getattr(ligne, "rapprochement", None)
    if rapprochement is not None or somme == lot.total:
        return Suite(
            texte=f"Lot {lot.reference} ({lot.nombre} virement(s), {format_euros(lot.total)})."
        )
    ecart = lot.total - somme
    proposition = (
        f"Lot {lot.reference} ({lot.message_id}, {lot.nombre} virement(s), "
        f"{format_euros(lot.total)}) : la banque a débité {format_euros(somme)}, écart de "
        f"{format_euros(ecart)} ; un virement du lot a-t-il été rejeté avant d'être comptabilisé ?"
    )
    return Suite(
        texte=proposition + " Rien n'a été rapproché automatiquement : rapprochez à la main ou "
        "expliquez l'écart.",
        proposition=proposition,
    )


def suites(lignes: list[LigneReleve], compte) -> dict[int, Suite]:
    """For each line with something to say, its badges and what was done."""
    lignes = list(lignes)
    retours = [lg for lg in lignes if nature_retour(lg)]
    lots = [lg for lg in lignes if lg.reference_lot]
    resultat: dict[int, Suite] = {}
    if not retours and not lots:
        return resultat
    references = {lg.reference for lg in retours if lg.reference}
    paiements = {
        p.bout_en_bout: p
        for p in Paiement.objects.filter(bout_en_bout__in=references, lot__compte=compte)
        .select_related("ordre", "lot", "retour__ecriture__journal")
        .order_by("id")
    }
    encaissements: dict[str, list[Encaissement]] = {}
    for e in Encaissement.objects.filter(compte=compte, reference__in=references).select_related(
        "ecriture_annulation__journal", "exercice"
    ):
        encaissements.setdefault(e.reference, []).append(e)
    refus = _refus_a_l_import({lg.releve_id for lg in retours})
    seules = {lg.releve_id for lg in retours if contre_passation_seule(lg)}
    avis = set(
        Releve.objects.filter(pk__in=seules, nature=Releve.Nature.AVIS).values_list("pk", flat=True)
        if seules
        else ()
    )
    debits = debits_vus(compte, retours, [lg for lg in lignes if lg.releve_id in avis])
    for lg in retours:
        nature = nature_retour(lg, debits)
        if nature == DOUBLON:
            texte = TEXTE_DOUBLON
        elif nature == VIREMENT:
            texte = _suite_virement(lg, paiements.get(lg.reference), refus.get(lg.pk, ""))
        else:
            encaissement = encaissement_choisi(
                lg,
                [e for e in encaissements.get(lg.reference, []) if e.moyen in moyens_retournes(lg)],
            )
            texte = _suite_encaissement(lg, encaissement, refus.get(lg.pk, ""))
        resultat[lg.pk] = Suite(badges=badges(lg), texte=texte)
    if lots:
        par_id = {
            lot.message_id: lot
            for lot in LotPaiement.objects.filter(
                compte=compte, message_id__in={lg.reference_lot for lg in lots}
            ).select_related("exercice")
        }
        sommes: dict[tuple[int, str], Decimal] = {}
        for lg in lots:
            cle = (lg.releve_id, lg.reference_lot)
            if lg.sens == "debit":
                sommes[cle] = sommes.get(cle, ZERO) + lg.montant
        for lg in lots:
            if lg.pk in resultat:
                continue
            suite = _suite_lot(
                lg, par_id.get(lg.reference_lot), sommes.get((lg.releve_id, lg.reference_lot), ZERO)
            )
            suite.badges = badges(lg)
            resultat[lg.pk] = suite
    for lg in lignes:
        if lg.pk not in resultat and badges(lg):
            resultat[lg.pk] = Suite(badges=badges(lg))
    return resultat


def releves_du_compte(compte):
    """Statements and notifications of an account, newest first."""
    return Releve.objects.filter(compte=compte).order_by("-date_fin", "-id")
