"""Raw SQL around the ORM: what someone with SQL access could try.

Each helper opens its own psycopg connection (autocommit off), so that the
deferred checks really run at COMMIT.
"""

from __future__ import annotations

import contextlib
import hashlib

import psycopg
from django.db import connection


def parametres():
    d = connection.settings_dict
    return {
        "dbname": d["NAME"],
        "user": d["USER"],
        "password": d["PASSWORD"] or None,
        "host": d["HOST"] or None,
        "port": d["PORT"] or None,
    }


@contextlib.contextmanager
def connexion_brute():
    with psycopg.connect(**parametres()) as conn:
        yield conn


def compte_id(cur, numero: str) -> int:
    return cur.execute("SELECT id FROM ledger_compte WHERE numero = %s", [numero]).fetchone()[0]


def inserer_ecriture(
    cur,
    *,
    exercice_id: int,
    user_id: int,
    date,
    lignes: list[tuple[str, str, str]],
    journal: str = "OD",
    decalage_numero: int = 0,
    decalage_rang: int = 0,
    precedente: str | None = None,
) -> int:
    """Insert an entry and its lines as plain SQL, numbered and chained as the
    database expects unless told otherwise; returns the entry's id."""
    journal_id = cur.execute("SELECT id FROM ledger_journal WHERE code = %s", [journal]).fetchone()[
        0
    ]
    cur.execute(
        "INSERT INTO ledger_compteur (exercice_id, journal_id, dernier_numero) VALUES (%s, %s, 0)"
        " ON CONFLICT DO NOTHING",
        [exercice_id, journal_id],
    )
    numero = cur.execute(
        "SELECT dernier_numero FROM ledger_compteur WHERE exercice_id = %s AND journal_id = %s FOR UPDATE",
        [exercice_id, journal_id],
    ).fetchone()[0]
    rang, tete = cur.execute(
        "SELECT dernier_rang, derniere_empreinte FROM ledger_chaine WHERE exercice_id = %s FOR UPDATE",
        [exercice_id],
    ).fetchone()
    empreinte = hashlib.sha256(f"{tete}{numero}".encode()).hexdigest()
    ident = cur.execute(
        """
        INSERT INTO ledger_ecriture (exercice_id, journal_id, numero, rang, date, libelle, piece,
                                     passee_par_id, passee_le, empreinte_precedente, empreinte)
        VALUES (%s, %s, %s, %s, %s, 'saisie directe', '', %s, now(), %s, %s) RETURNING id
        """,
        [
            exercice_id,
            journal_id,
            numero + 1 + decalage_numero,
            rang + 1 + decalage_rang,
            date,
            user_id,
            precedente if precedente is not None else tete,
            empreinte,
        ],
    ).fetchone()[0]
    for numero_compte, debit, credit in lignes:
        cur.execute(
            "INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit)"
            " VALUES (%s, %s, %s, %s, %s, %s)",
            [ident, exercice_id, date, compte_id(cur, numero_compte), debit, credit],
        )
    return ident
