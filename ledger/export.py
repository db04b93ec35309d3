"""Plain-text accounting export, so that an auditor can recompute our figures.

`exporter_hledger` writes an exercise as an hledger journal that passes
`hledger check --strict` (and the `payees` check):

- every account of the chart is declared, named "number label", with its
  type, from its class and nature (`type_hledger`): classes 10 to 14 equity
  (E), 15 to 18 liabilities (L: provisions, borrowings, liaison), 2, 3 and 5
  assets (A), class 4 by its nature (actif A, passif L, a mixed account by
  its normal side), 6 expenses (X), 7 revenue (R); class 8 (engagements hors
  bilan) has no type, so that `balancesheet` and `incomestatement` leave it
  out as our bilan and compte de résultat do;
- every payee is declared: an entry's payee is the tiers of its lines
  ("Sans tiers" when none, "Plusieurs tiers" when they differ, each line then
  keeping its tiers in a comment);
- the commodity is declared (`commodity 1000.00 EUR`), with the decimal mark
  the amounts use (a point).

One transaction per entry, dated, its description "payee | (RE-42) label",
its pièce and hash in comments. The pièce is an hledger tag: the result entry
(`pièce: resultat:2026`) is left out of an income statement by
`not:tag:pièce=^resultat:`, which then equals our compte de résultat
(tests/ledger/test_hledger_comptes_annuels.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db import connection, transaction

from ledger.models import Compte, Exercice

SANS_TIERS = "Sans tiers"
PLUSIEURS_TIERS = "Plusieurs tiers"


def _nom_compte(numero: str, libelle: str) -> str:
    # Two spaces end an account name in hledger, a colon makes a sub-account.
    nom = f"{numero} {libelle}".replace(":", " -").replace("\t", " ")
    while "  " in nom:
        nom = nom.replace("  ", " ")
    return nom


def _texte(valeur: str) -> str:
    return " ".join(valeur.replace(";", ",").replace("|", "/").split())


def type_hledger(numero: str, classe: int, nature: str, sens_normal: str) -> str | None:
    """The hledger account type of an account of the chart, None for class 8."""
    if classe == 1:
        return "E" if numero[:2] < "15" else "L"
    if classe in (2, 3, 5):
        return "A"
    if classe == 4:
        if nature in ("actif", "passif"):
            return "A" if nature == "actif" else "L"
        return "A" if sens_normal == Compte.Sens.DEBIT else "L"
    return {6: "X", 7: "R"}.get(classe)


def _declarations(exercice: Exercice) -> Iterator[str]:
    yield "decimal-mark .\n"
    yield "commodity 1000.00 EUR\n\n"
    for compte in Compte.objects.order_by("numero"):
        nom = _nom_compte(compte.numero, compte.libelle)
        type_ = type_hledger(compte.numero, compte.classe, compte.nature, compte.sens_normal)
        yield f"account {nom}  ; type: {type_}\n" if type_ else f"account {nom}  ; hors bilan\n"
    yield "\n"
    with connection.cursor() as curseur:
        curseur.execute(
            """
            SELECT DISTINCT l.tiers FROM ledger_ligne l
              JOIN ledger_ecriture e ON e.id = l.ecriture_id
             WHERE e.exercice_id = %s AND l.tiers <> ''
            """,
            [exercice.pk],
        )
        payees = {_texte(tiers) for (tiers,) in curseur.fetchall()} - {""}
    for payee in sorted(payees | {SANS_TIERS, PLUSIEURS_TIERS}):
        yield f"payee {payee}\n"
    yield "\n"


def exporter_hledger(exercice: Exercice) -> Iterator[str]:
    yield f"; Exercice {exercice.annee}, exporté du grand livre de la caisse\n"
    yield from _declarations(exercice)
    # A server-side cursor streams the exercise; it lives in a transaction.
    with (
        transaction.atomic(),
        connection.connection.cursor(name=f"export_{exercice.annee}") as curseur,
    ):
        curseur.itersize = 5000
        curseur.execute(
            """
            SELECT e.date, j.code, e.numero, e.libelle, e.piece, e.empreinte,
                   array_agg(ARRAY[c.numero, c.libelle, (l.debit - l.credit)::text, l.tiers]
                             ORDER BY l.id)
              FROM ledger_ecriture e
              JOIN ledger_journal j ON j.id = e.journal_id
              JOIN ledger_ligne l ON l.ecriture_id = e.id AND l.exercice_id = e.exercice_id
              JOIN ledger_compte c ON c.id = l.compte_id
             WHERE e.exercice_id = %s
             GROUP BY e.id, e.exercice_id, j.code
             ORDER BY e.date, j.code, e.numero
            """,
            [exercice.pk],
        )
        for date, journal, numero, libelle, piece, empreinte, lignes in curseur:
            tiers = {_texte(ligne[3]) for ligne in lignes} - {""}
            payee = tiers.pop() if len(tiers) == 1 else PLUSIEURS_TIERS if tiers else SANS_TIERS
            entete = f"{date.isoformat()} {payee} | ({journal}-{numero}) {_texte(libelle)}"
            commentaire = f"  ; pièce: {_texte(piece)}" if piece else ""
            yield f"{entete}{commentaire}\n    ; empreinte: {empreinte}\n"
            for numero_compte, libelle_compte, montant, tiers_ligne in lignes:
                compte = f"    {_nom_compte(numero_compte, libelle_compte)}  {montant} EUR"
                note = f"  ; tiers: {_texte(tiers_ligne)}" if payee == PLUSIEURS_TIERS else ""
                yield f"{compte}{note if tiers_ligne else ''}\n"
            yield "\n"
