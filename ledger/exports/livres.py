"""The books as CSV: grand livre of an account, journaux, integrity report.

Semicolon-separated, amounts with a decimal comma and no thousands separator
(a spreadsheet reads them as numbers), a byte order mark first so that the
accents read right. The journaux stream from a server-side cursor; the grand
livre and the integrity report are written from the selectors' output, the
same the pages show.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.db import connection, transaction

from core import csv_sur
from ledger.integrite import RapportIntegrite
from ledger.models import Exercice, Journal
from ledger.selectors import LigneGrandLivre

BOM = "\ufeff"


def montant(valeur: Decimal) -> str:
    return f"{valeur:.2f}".replace(".", ",")


def lignes_csv(rangees: Iterable[Iterable]) -> Iterator[str]:
    """Each row as one CSV line, the byte order mark first."""
    tampon = io.StringIO()
    ecrivain = csv_sur.ecrivain(tampon, delimiter=";", lineterminator="\r\n")
    yield BOM
    for rangee in rangees:
        ecrivain.writerow(rangee)
        yield tampon.getvalue()
        tampon.seek(0)
        tampon.truncate()


def grand_livre_csv(
    ouverture: Decimal, lignes: Iterable[LigneGrandLivre], compte: str
) -> Iterator[str]:
    """The lines as they come (a server-side cursor streams them), totals last."""

    def rangees():
        yield ["Date", "Pièce", "Libellé", "Tiers", "Débit", "Crédit", "Solde"]
        yield ["", "", f"Solde d'ouverture du compte {compte}", "", "", "", montant(ouverture)]
        debit = credit = Decimal(0)
        solde = ouverture
        for ligne in lignes:
            debit += ligne.debit
            credit += ligne.credit
            solde = ligne.solde
            yield [
                f"{ligne.date:%d/%m/%Y}",
                f"{ligne.journal}-{ligne.numero}",
                ligne.libelle,
                ligne.tiers,
                montant(ligne.debit),
                montant(ligne.credit),
                montant(ligne.solde),
            ]
        yield [
            "",
            "",
            "Totaux de la période et solde final",
            "",
            montant(debit),
            montant(credit),
            montant(solde),
        ]

    return lignes_csv(rangees())


def _lignes_journaux(
    exercice: Exercice,
    journal: Journal | None,
    du: datetime.date | None,
    au: datetime.date | None,
) -> Iterator[tuple]:
    with (
        transaction.atomic(),
        connection.connection.cursor(name=f"journaux_{exercice.annee}") as curseur,
    ):
        curseur.itersize = 5000
        curseur.execute(
            """
            SELECT j.code, e.numero, e.date, e.libelle, e.piece, c.numero, c.libelle,
                   l.tiers, l.libelle, l.debit, l.credit
              FROM ledger_ecriture e
              JOIN ledger_journal j ON j.id = e.journal_id
              JOIN ledger_ligne l ON l.ecriture_id = e.id
              JOIN ledger_compte c ON c.id = l.compte_id
             WHERE e.exercice_id = %(exercice)s
               AND (%(journal)s::bigint IS NULL OR e.journal_id = %(journal)s::bigint)
               AND (%(du)s::date IS NULL OR e.date >= %(du)s::date)
               AND (%(au)s::date IS NULL OR e.date <= %(au)s::date)
             ORDER BY j.code, e.numero, l.id
            """,
            {
                "exercice": exercice.pk,
                "journal": journal.pk if journal else None,
                "du": du,
                "au": au,
            },
        )
        yield from curseur


def journaux_csv(
    *,
    exercice: Exercice,
    journal: Journal | None = None,
    du: datetime.date | None = None,
    au: datetime.date | None = None,
) -> Iterator[str]:
    """Every line of the entries chosen, in journal order (as the journal page)."""

    def rangees():
        yield [
            "Journal",
            "Numéro",
            "Date",
            "Libellé de l'écriture",
            "Pièce",
            "Compte",
            "Libellé du compte",
            "Tiers",
            "Libellé de la ligne",
            "Débit",
            "Crédit",
        ]
        total_debit = total_credit = Decimal(0)
        for (
            code,
            numero,
            date,
            libelle,
            piece,
            compte,
            compte_libelle,
            tiers,
            ligne,
            d,
            c,
        ) in _lignes_journaux(exercice, journal, du, au):
            total_debit += d
            total_credit += c
            yield [
                code,
                numero,
                f"{date:%d/%m/%Y}",
                libelle,
                piece,
                compte,
                compte_libelle,
                tiers,
                ligne,
                montant(d),
                montant(c),
            ]
        yield [
            "",
            "",
            "",
            "Totaux",
            "",
            "",
            "",
            "",
            "",
            montant(total_debit),
            montant(total_credit),
        ]

    return lignes_csv(rangees())


def integrite_csv(rapport: RapportIntegrite) -> Iterator[str]:
    def rangees():
        yield [
            "Exercice",
            "État",
            "Écritures",
            "Lignes",
            "Total débits",
            "Total crédits",
            "Dernière empreinte",
        ]
        for r in rapport.exercices:
            yield [
                r.annee,
                r.etat,
                r.ecritures,
                r.lignes,
                montant(r.total_debit),
                montant(r.total_credit),
                r.derniere_empreinte,
            ]
        yield []
        if rapport.intact:
            yield ["Aucune anomalie : le grand livre est intègre."]
        else:
            yield [f"{len(rapport.anomalies)} anomalie(s) :"]
            for anomalie in rapport.anomalies:
                yield [anomalie]

    return lignes_csv(rangees())
