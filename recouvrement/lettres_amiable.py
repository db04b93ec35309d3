"""The documents of amicable recovery (circ. 93/82 §2.0.5), WeasyPrint PDFs and
CSV (semicolon, French decimals, as the other exports): the reminder letters
(one per debtor, or the whole batch in one PDF), the file of a claim handed
to the directeur (its compte rendu and the acts of the journal), and the list
of the claims due and unpaid."""

from __future__ import annotations

import datetime
import io

from core import csv_sur
from core.money import format_nombre
from core.pdf import document_pdf
from recouvrement import amiable_lecture as lecture
from recouvrement.models import Creance, LettreRelance, LotRelances


def _lettres(qs, lot: LotRelances) -> list:
    """The letters of `qs`, each with its rank in its batch (`rang_lot`) and
    the batch's count (`nombre_lot`), as the letter reads « lettre 2 sur 5 »."""
    rangs = {
        pk: i for i, pk in enumerate(lot.lettres.order_by("pk").values_list("pk", flat=True), 1)
    }
    lettres = list(
        qs.select_related("lot__par", "debiteur").prefetch_related("lignes__creance__ligne__ordre")
    )
    for lettre in lettres:
        lettre.rang_lot, lettre.nombre_lot = rangs[lettre.pk], len(rangs)
    return lettres


def lot_pdf(lot: LotRelances) -> bytes:
    """The batch: every letter, one per page."""
    return document_pdf(
        "recouvrement/amiable/lettres_pdf.html",
        {"lot": lot, "lettres": _lettres(lot.lettres.order_by("pk"), lot)},
    )


def lettre_pdf(lettre: LettreRelance) -> bytes:
    """One debtor's letter."""
    return document_pdf(
        "recouvrement/amiable/lettres_pdf.html",
        {
            "lot": lettre.lot,
            "lettres": _lettres(LettreRelance.objects.filter(pk=lettre.pk), lettre.lot),
        },
    )


def dossier_pdf(creance: Creance) -> bytes:
    """The file handed to the directeur: the claim, its reste, the compte rendu
    of the amicable attempts and every act of the journal."""
    return document_pdf(
        "recouvrement/amiable/dossier_pdf.html",
        {
            "creance": creance,
            "ordre": creance.ligne.ordre,
            "reste": lecture.reste_de(creance.ligne),
            "actes": list(lecture.journal(creance)),
            "delais": list(creance.delais.prefetch_related("echeances")),
        },
    )


EN_TETES = [
    "Débiteur",
    "Qualité",
    "Ordre",
    "Nature",
    "Exigible le",
    "Reste à recouvrer",
    "Recouvrée par",
    "Stade",
    "Relances",
    "Dernier acte",
]


def _rangee(s: lecture.CreanceSuivie) -> list[str]:
    acte = s.dernier_acte
    return [
        s.debiteur,
        s.ligne.qualite,
        s.ligne.ordre.reference,
        s.ligne.ordre.get_nature_display(),
        f"{s.exigible:%d/%m/%Y}",
        format_nombre(s.reste),
        "directeur" if s.responsable == Creance.Responsable.DIRECTEUR else "agent comptable",
        s.stade,
        str(s.rang),
        f"{acte.le:%d/%m/%Y} {acte.get_type_display()}" if acte else "",
    ]


def liste_csv(liste: list[lecture.CreanceSuivie]) -> str:
    sortie = io.StringIO()
    ecrire = csv_sur.ecrivain(sortie, delimiter=";", lineterminator="\n").writerow
    ecrire(EN_TETES)
    for s in liste:
        ecrire(_rangee(s))
    return sortie.getvalue()


def liste_pdf(liste: list[lecture.CreanceSuivie], le: datetime.date) -> bytes:
    return document_pdf(
        "recouvrement/amiable/liste_pdf.html",
        {"en_tetes": EN_TETES, "rangees": [_rangee(s) for s in liste], "le": le},
    )
