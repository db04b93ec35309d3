from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The allocation trigger bounds a debtor's line by its reste: its amount
    less its own reductions taken in charge (recettes 0008: a reduction names
    its line) less its allocations, as recettes.selectors counts it."""

    dependencies = [
        ("tresorerie", "0008_solde_reporte"),
        ("recettes", "0008_reduction_ligne"),
    ]
    operations = [operation_sql(__file__, "0009_reste_ligne")]
