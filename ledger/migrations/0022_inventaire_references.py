from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The inventory's two links to an entry (db_constraint=False since their
    first migration, so 0016 gave them no check) get the existence check of
    the other applications' links (LG057)."""

    dependencies = [
        ("ledger", "0021_saisie_tableaux"),
        ("inventaire", "0004_gardes_restauration"),
    ]
    operations = [operation_sql(__file__, "0022_inventaire_references")]
