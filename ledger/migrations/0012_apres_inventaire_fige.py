from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """No entry but the result's into an exercise whose balance après
    inventaire is frozen (circ. 93/82 §3.2)."""

    dependencies = [("ledger", "0011_arrete_comptes")]

    operations = [operation_sql(__file__, "0012_apres_inventaire_fige")]
