import django.db.models.deletion
from django.db import migrations, models

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Every line carries its entry's exercise and date, checked by the line
    statement trigger (LG046): the partition key of migration 0016 (issue 16,
    point 7)."""

    dependencies = [("ledger", "0014_gardes_restauration")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[operation_sql(__file__, "0015_lignes_exercice_date")],
            state_operations=[
                migrations.AddField(
                    model_name="ligne",
                    name="exercice",
                    field=models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.exercice",
                    ),
                    preserve_default=False,
                ),
                migrations.AddField(
                    model_name="ligne",
                    name="date",
                    field=models.DateField(verbose_name="date comptable"),
                    preserve_default=False,
                ),
            ],
        )
    ]
