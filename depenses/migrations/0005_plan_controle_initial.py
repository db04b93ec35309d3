from django.db import migrations


def charger(apps, schema_editor):
    from depenses.plan_controle import charger_plan_controle_depenses

    charger_plan_controle_depenses(apps.get_model("depenses", "PlanControleDepense"))


class Migration(migrations.Migration):
    dependencies = [("depenses", "0004_plan_controle")]
    operations = [migrations.RunPython(charger, migrations.RunPython.noop)]
