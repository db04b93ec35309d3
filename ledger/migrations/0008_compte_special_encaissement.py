from django.db import migrations

from core.sql import operation_sql


def charger(apps, schema_editor):
    # New accounts of the treasury (caisse surpluses, receipts to regularise).
    from ledger.plan import charger_plan

    charger_plan(apps.get_model("ledger", "Compte"), apps.get_model("ledger", "Journal"))


class Migration(migrations.Migration):
    dependencies = [("ledger", "0007_format_empreinte")]
    operations = [
        operation_sql(__file__, "0008_compte_special_encaissement"),
        migrations.RunPython(charger, migrations.RunPython.noop),
    ]
