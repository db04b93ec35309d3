from django.db import migrations


def charger(apps, schema_editor):
    from ledger.plan import charger_plan

    charger_plan(apps.get_model("ledger", "Compte"), apps.get_model("ledger", "Journal"))


class Migration(migrations.Migration):
    """4722: a shortfall found at the arrêté de caisse waits there until the
    directeur issues the ordre de recette against the agent comptable
    (circ. 93/82 §6.1), which moves it to 429."""

    dependencies = [("ledger", "0012_apres_inventaire_fige")]
    operations = [migrations.RunPython(charger, migrations.RunPython.noop)]
