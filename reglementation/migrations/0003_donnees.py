from django.db import migrations


def charger(apps, schema_editor):
    from reglementation.donnees import charger_reglementation

    charger_reglementation(
        apps.get_model("reglementation", "Parametre"),
        apps.get_model("reglementation", "RegleRattachement"),
    )


def retirer(apps, schema_editor):
    apps.get_model("reglementation", "RegleRattachement").objects.all().delete()
    apps.get_model("reglementation", "Parametre").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("reglementation", "0002_sans_chevauchement")]
    operations = [migrations.RunPython(charger, retirer)]
