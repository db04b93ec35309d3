from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_jeton_empreinte"),
    ]

    operations = [
        operation_sql(__file__, "0005_progression"),
    ]
