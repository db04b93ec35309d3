"""The fichier des écritures comptables (FEC) of an exercise.

The format is the one of article A47 A-1 of the Livre des procédures fiscales:
one line per entry line, the 18 fields below in this order, a header line of
their names, fields separated by a tab, records ended by CR LF, dates as
AAAAMMJJ, amounts with a decimal comma and no thousands separator, the file
named `SIRENFECAAAAMMJJ.txt` (the fund's SIREN, the exercise's closing date).

How our books fill the fields:

- `EcritureNum` is the entry's number in its journal (`RE-42`), continuous per
  journal and exercise as PostgreSQL keeps it;
- `PieceRef` is the entry's pièce (`ordre_recette:2026-0042`), or its number
  when it has none (the field may not be empty); `PieceDate` is the entry's date;
- `CompAuxNum` / `CompAuxLib` stay empty: the chart has no auxiliary accounts;
  the line's tiers is written in `EcritureLib` after the label;
- `ValidDate` is the day the entry was posted: a posted entry is final
  (PostgreSQL refuses any change), so posting is its validation;
- `EcritureLet`, `DateLet`, `Montantdevise`, `Idevise` stay empty (no
  lettering kept, every amount in euros).

The entries come in the order they were validated (their rank in the hash
chain), the à-nouveaux first.

Unlike the CSV exports (`core.csv_sur`), no text field gets an apostrophe
against formula injection: the FEC is read by the tax administration's
software, not opened as a spreadsheet, and must give each libellé exactly as
the ledger holds it (an apostrophe would be a falsified field). The API's
parsers and the pages already refuse control characters in what reaches the
ledger, and tabs and line breaks are replaced here.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.db import connection, transaction

from ledger.models import Exercice

CHAMPS = (
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
)
SEPARATEUR = "\t"
FIN = "\r\n"
ENCODAGE = "utf-8"


def nom_fichier_fec(exercice: Exercice) -> str:
    return f"{settings.SIREN_ORGANISME}FEC{exercice.fin:%Y%m%d}.txt"


def _texte(valeur: str | None) -> str:
    """A field never holds the separator nor an end of line."""
    return " ".join((valeur or "").replace("|", " ").split())


def _montant(valeur) -> str:
    return f"{valeur:.2f}".replace(".", ",")


def _ligne(champs) -> str:
    return SEPARATEUR.join(champs) + FIN


def exporter_fec(exercice: Exercice) -> Iterator[str]:
    """The FEC of `exercice`, line by line (strings; encode them in `ENCODAGE`)."""
    yield _ligne(CHAMPS)
    # A server-side cursor streams the exercise; it lives in a transaction.
    with (
        transaction.atomic(),
        connection.connection.cursor(name=f"fec_{exercice.annee}") as curseur,
    ):
        curseur.itersize = 5000
        curseur.execute(
            """
            SELECT j.code, j.libelle, e.numero, e.date, c.numero, c.libelle, e.piece,
                   coalesce(nullif(l.libelle, ''), e.libelle), l.tiers, l.debit, l.credit,
                   (e.passee_le AT TIME ZONE %(fuseau)s)::date
              FROM ledger_ecriture e
              JOIN ledger_journal j ON j.id = e.journal_id
              JOIN ledger_ligne l ON l.ecriture_id = e.id
              JOIN ledger_compte c ON c.id = l.compte_id
             WHERE e.exercice_id = %(exercice)s
             ORDER BY j.a_nouveaux DESC, e.rang, l.id
            """,
            {"exercice": exercice.pk, "fuseau": settings.TIME_ZONE},
        )
        for (
            journal,
            journal_libelle,
            numero,
            date,
            compte,
            compte_libelle,
            piece,
            libelle,
            tiers,
            debit,
            credit,
            valide_le,
        ) in curseur:
            reference = f"{journal}-{numero}"
            yield _ligne(
                (
                    journal,
                    _texte(journal_libelle),
                    reference,
                    f"{date:%Y%m%d}",
                    compte,
                    _texte(compte_libelle),
                    "",
                    "",
                    _texte(piece) or reference,
                    f"{date:%Y%m%d}",
                    _texte(f"{libelle} — {tiers}" if tiers else libelle),
                    _montant(debit),
                    _montant(credit),
                    "",
                    "",
                    f"{valide_le:%Y%m%d}",
                    "",
                    "",
                )
            )
