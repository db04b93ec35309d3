from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [
        ("tresorerie", "0001_initial"),
        ("depenses", "0006_ordredepense_paiement_moyen_and_more"),
        ("core", "0002_audit"),
    ]
    operations = [operation_sql(__file__, "0002_gardes")]
