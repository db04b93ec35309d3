"""Benchmark 4: the treasury — quittance PDFs, and a batch of 10,000 transfers.

One module per part: `quittances` (1), `ordres` (the visaed orders the batch
pays), `lot_brut` (2, the raw limit), `lot` (2, our path, both sides measured);
`outils` holds what they share. Each measuring module also words its findings.

1. Quittances. N cash receipts are recorded at the cash desk through
   `tresorerie.services.encaissement_enregistrer` (moyen « numéraire », no
   order: the whole amount waits in 4711), each with its quittance. Then
   `tresorerie.pdf.quittance_pdf` renders every quittance, loaded by its id as
   a view would (single process). The raw limit, measured in the same run:
   WeasyPrint rendering a minimal HTML page, one paragraph of the same length
   as the quittance's text, same page size and fonts, same kept font
   configuration, no template and no database. One warm-up of each, then
   three runs of each, interleaved; the figure is the median, in PDFs/s.

2. Payment batch. 2 × N visaed ordres de dépense are prepared in bulk (not
   through the signing and visa services one by one: see `ordres._preparer_ordres`),
   one creditor each, with valid French IBANs. One half is paid by
   `tresorerie.services.lot_payer` (one transaction: locks, the entry of N + 1
   lines, the pain.001 file built and validated, N payments, N orders marked
   paid, the credit's payment, N + 1 audit rows). The other half is paid by
   the raw limit: the same rows written by psycopg without Django into the
   same tables, triggers on (entry + COPY of its lines, the lot, COPY of the
   payments, one UPDATE of the orders, the credit movement, COPY of the audit
   rows, COMMIT), the rows prepared in memory before the clock starts; plus
   `sepa.pain001` alone on the same transfers, timed apart. Each side runs
   once, after VACUUM ANALYZE and a CHECKPOINT; the raw side first.
"""

from __future__ import annotations

import datetime

from bench import commun
from bench.commun import LigneTableau, Resultat, nombre
from bench.tresorerie import lot as lot_
from bench.tresorerie import quittances
from bench.tresorerie.ordres import directeur
from bench.tresorerie.outils import date_du_jour


def executer(nombre_quittances: int, nombre_paiements: int) -> Resultat:
    from tresorerie.demo import creer_tresorerie_demo

    annee = date_du_jour().year
    comptable = commun.comptable()
    directeur_ = directeur()
    exercice = commun.exercice(annee)
    comptes = creer_tresorerie_demo(comptable=comptable, debut=datetime.date(annee, 1, 1))

    pdf = quittances.mesurer_quittances(comptable, comptes["CAISSE"], nombre_quittances)
    lot = lot_.mesurer_lot(comptable, directeur_, exercice, comptes["BANQUE"], nombre_paiements)

    lignes = [
        LigneTableau(
            banc=f"4. Trésorerie (quittances PDF, {nombre(pdf.quittances)})",
            unite="PDF/s",
            notre=pdf.debit_notre,
            brut=pdf.debit_brut,
            ratio=pdf.debit_notre / pdf.debit_brut,
            cible="—",
            atteinte=None,
        ),
        LigneTableau(
            banc=f"4. Trésorerie (lot de {nombre(lot.nombre)} paiements)",
            unite="s",
            notre=lot.notre.duree,
            brut=lot.total_brut,
            ratio=lot.ratio,
            cible="—",
            atteinte=None,
            plus_haut_est_mieux=False,
        ),
    ]
    return Resultat(
        "tresorerie",
        "Trésorerie",
        lignes,
        quittances.details(pdf, annee) + [""] + lot_.details(lot),
        quittances.limites(pdf) + lot_.limites(lot),
    )
