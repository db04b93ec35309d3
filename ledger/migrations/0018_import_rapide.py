from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The statement checks of a posting read each transition table once, and
    the daily totals' guard runs once per statement (issue 16, point 2)."""

    dependencies = [("ledger", "0017_saisie_serveur")]
    operations = [operation_sql(__file__, "0018_import_rapide")]
