from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [
        ("comptes_annuels", "0001_initial"),
        ("ledger", "0010_balances_figees"),
    ]

    operations = [operation_sql(__file__, "0002_correspondances_figees")]
