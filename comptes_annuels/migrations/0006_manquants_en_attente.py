from django.db import migrations

from comptes_annuels.defaut import charger_correspondances


def charger(apps, schema_editor):
    """Map the new account 4722 (a cash shortfall awaiting its ordre de recette)
    to the other receivables, as the default mapping does on a new database.
    Where an exercise is already closed, the mapping of its period is frozen
    (PostgreSQL refuses it): the agent comptable maps 4722 from the page."""
    if apps.get_model("ledger", "Exercice").objects.filter(etat="clos").exists():
        return
    charger_correspondances(
        apps.get_model("comptes_annuels", "Rubrique"),
        apps.get_model("comptes_annuels", "Correspondance"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("comptes_annuels", "0005_cycle"),
        ("ledger", "0013_compte_manquants_en_attente"),
    ]

    operations = [migrations.RunPython(charger, migrations.RunPython.noop)]
