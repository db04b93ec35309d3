from django.db import migrations


def charger(apps, schema_editor):
    from recettes.plan_controle import charger_plan_controle

    charger_plan_controle(apps.get_model("recettes", "PlanControle"))


class Migration(migrations.Migration):
    dependencies = [("recettes", "0002_gardes")]
    operations = [migrations.RunPython(charger, migrations.RunPython.noop)]
