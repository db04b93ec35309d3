from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [
        ("reglementation", "0001_initial"),
        # After the application role exists, so that its grants are narrowed here.
        ("ledger", "0005_role_applicatif"),
    ]
    operations = [operation_sql(__file__, "0002_sans_chevauchement")]
