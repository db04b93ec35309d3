"""Plain-text accounting export, so that an auditor can recompute our figures.

`exporter_hledger` writes an exercise as an hledger journal: one transaction
per entry, account names "number label", amounts in EUR with a decimal point.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db import connection, transaction

from ledger.models import Exercice


def _nom_compte(numero: str, libelle: str) -> str:
    # Two spaces end an account name in hledger, a colon makes a sub-account.
    nom = f"{numero} {libelle}".replace(":", " -").replace("\t", " ")
    while "  " in nom:
        nom = nom.replace("  ", " ")
    return nom


def _texte(valeur: str) -> str:
    return " ".join(valeur.replace(";", ",").split())


def exporter_hledger(exercice: Exercice) -> Iterator[str]:
    yield f"; Exercice {exercice.annee}, exporté du grand livre de la caisse\n"
    yield "decimal-mark .\n\n"
    # A server-side cursor streams the exercise; it lives in a transaction.
    with (
        transaction.atomic(),
        connection.connection.cursor(name=f"export_{exercice.annee}") as curseur,
    ):
        curseur.itersize = 5000
        curseur.execute(
            """
            SELECT e.date, j.code, e.numero, e.libelle, e.piece, e.empreinte,
                   array_agg(ARRAY[c.numero, c.libelle, (l.debit - l.credit)::text] ORDER BY l.id)
              FROM ledger_ecriture e
              JOIN ledger_journal j ON j.id = e.journal_id
              JOIN ledger_ligne l ON l.ecriture_id = e.id
              JOIN ledger_compte c ON c.id = l.compte_id
             WHERE e.exercice_id = %s
             GROUP BY e.id, j.code
             ORDER BY e.date, j.code, e.numero
            """,
            [exercice.pk],
        )
        for date, journal, numero, libelle, piece, empreinte, lignes in curseur:
            entete = f"{date.isoformat()} ({journal}-{numero}) {_texte(libelle)}"
            commentaire = f"  ; pièce: {_texte(piece)}" if piece else ""
            yield f"{entete}{commentaire}\n    ; empreinte: {empreinte}\n"
            for numero_compte, libelle_compte, montant in lignes:
                yield f"    {_nom_compte(numero_compte, libelle_compte)}  {montant} EUR\n"
            yield "\n"
