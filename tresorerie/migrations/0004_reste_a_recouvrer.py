from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The allocation trigger counts the reste à recouvrer on the terms of
    recettes.selectors: regularised receipts are recovered too."""

    dependencies = [
        ("tresorerie", "0003_affectation_le_horloge"),
        ("recettes", "0001_initial"),
    ]
    operations = [operation_sql(__file__, "0004_reste_a_recouvrer")]
