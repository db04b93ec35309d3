from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0001_initial"),
        ("core", "0002_audit"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [operation_sql(__file__, "0002_invariants")]
