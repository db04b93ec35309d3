import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The foreign keys to ledger_ecriture and ledger_ligne, partitioned by
    exercise, become existence checks in the database (ledger migration 0016
    drops the keys and adds the triggers): state only here."""

    dependencies = [
        ("ledger", "0016_partitions"),
        ("recettes", "0008_reduction_ligne"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="ordrerecette",
                    name="ecriture",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.ecriture",
                        verbose_name="écriture de prise en charge",
                    ),
                ),
                migrations.AlterField(
                    model_name="reduction",
                    name="ecriture",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.ecriture",
                    ),
                ),
            ],
        )
    ]
