"""Migrations written in SQL, kept as `.sql` files beside the migrations.

`operation_sql(__file__, "0002_invariants")` reads `sql/0002_invariants.sql`
and its reverse `sql/0002_invariants.reverse.sql` from the migrations folder
and returns a RunSQL operation, so the database guards are plain SQL that a
reviewer reads as such.
"""

from __future__ import annotations

from pathlib import Path

from django.db import migrations


def operation_sql(fichier_migration: str, nom: str) -> migrations.RunSQL:
    dossier = Path(fichier_migration).resolve().parent / "sql"
    avant = (dossier / f"{nom}.sql").read_text(encoding="utf-8")
    arriere = (dossier / f"{nom}.reverse.sql").read_text(encoding="utf-8")
    return migrations.RunSQL(avant, arriere)
