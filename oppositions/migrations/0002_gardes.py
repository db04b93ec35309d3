from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [
        ("oppositions", "0001_initial"),
        ("core", "0002_audit"),
        ("ledger", "0005_role_applicatif"),
    ]
    operations = [operation_sql(__file__, "0002_gardes")]
