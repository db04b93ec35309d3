from django.db import migrations

from comptes_annuels.defaut import charger_correspondances


def charger(apps, schema_editor):
    charger_correspondances(
        apps.get_model("comptes_annuels", "Rubrique"),
        apps.get_model("comptes_annuels", "Correspondance"),
    )


class Migration(migrations.Migration):
    dependencies = [("comptes_annuels", "0002_gardes")]

    operations = [migrations.RunPython(charger, migrations.RunPython.noop)]
