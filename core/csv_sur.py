"""CSV files a spreadsheet opens without running what a user typed.

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return
is read by spreadsheet software as a formula (`=HYPERLINK(…)` in a debtor's
name, a payeur, a libellé): such a text is written with an apostrophe first,
as OWASP advises ("CSV Injection"), which the spreadsheet shows as plain text.
Numbers as our files write them (`-1 234,56`, `-12.30`, `+5`, `-12,30 €`,
`-3,5 %`) are left alone, as are dates and account numbers (they start with a
digit). Every CSV producer writes through `ecrivain` (or `cellule` for a cell
built by hand). The FEC is not a spreadsheet file: see `ledger.exports.fec`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable

DEBUTS_FORMULE = ("=", "+", "-", "@", "\t", "\r")
# A number as our files write it: sign, digits grouped by spaces (ordinary,
# non-breaking or narrow), a decimal comma or point, a euro or percent sign.
NOMBRE = re.compile(r"[-+]?\d[\d \u00a0\u202f]*(?:[.,]\d+)?(?:[ \u00a0\u202f]?[€%])?")


def cellule(valeur):
    """The value to write: a text that a spreadsheet would run as a formula gets
    an apostrophe first; numbers, and anything not a text, as they are."""
    if (
        isinstance(valeur, str)
        and valeur.startswith(DEBUTS_FORMULE)
        and valeur not in ("-", "+")
        and not NOMBRE.fullmatch(valeur)
    ):
        return "'" + valeur
    return valeur


class Ecrivain:
    """`csv.writer` whose rows go through `cellule`."""

    def __init__(self, fichier, **options):
        self._ecrivain = csv.writer(fichier, **options)

    @property
    def dialect(self):
        return self._ecrivain.dialect

    def writerow(self, rangee: Iterable):
        return self._ecrivain.writerow([cellule(valeur) for valeur in rangee])

    def writerows(self, rangees: Iterable[Iterable]) -> None:
        for rangee in rangees:
            self.writerow(rangee)


def ecrivain(fichier, **options) -> Ecrivain:
    """`csv.writer(fichier, **options)`, safe against formula injection."""
    return Ecrivain(fichier, **options)
