import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The foreign keys to ledger_ecriture and ledger_ligne, partitioned by
    exercise, become existence checks in the database (ledger migration 0016
    drops the keys and adds the triggers): state only here."""

    dependencies = [
        ("ledger", "0016_partitions"),
        ("responsabilite", "0008_dossier_drass"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="demande",
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
                migrations.AlterField(
                    model_name="demande",
                    name="rembourse_ecriture",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.ecriture",
                    ),
                ),
                migrations.AlterField(
                    model_name="nonvaleur",
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
                migrations.AlterField(
                    model_name="ordredebet",
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
                migrations.AlterField(
                    model_name="recouvrement",
                    name="ecriture",
                    field=models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.ecriture",
                    ),
                ),
                migrations.AlterField(
                    model_name="recouvrement",
                    name="reverse_ecriture",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.ecriture",
                    ),
                ),
                migrations.AlterField(
                    model_name="versement",
                    name="ecriture",
                    field=models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.ecriture",
                    ),
                ),
            ],
        )
    ]
