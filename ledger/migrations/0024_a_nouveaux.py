from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The journal of the à-nouveaux holds opening balances only: dated the
    exercise's first day, on balance-sheet accounts (LG092, LG093)."""

    dependencies = [("ledger", "0023_enregistrement_validation")]
    operations = [operation_sql(__file__, "0024_a_nouveaux")]
