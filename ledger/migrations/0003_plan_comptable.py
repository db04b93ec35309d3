from django.db import migrations


def charger(apps, schema_editor):
    from ledger.plan import charger_plan

    charger_plan(apps.get_model("ledger", "Compte"), apps.get_model("ledger", "Journal"))


class Migration(migrations.Migration):
    dependencies = [("ledger", "0002_invariants")]
    operations = [migrations.RunPython(charger, migrations.RunPython.noop)]
