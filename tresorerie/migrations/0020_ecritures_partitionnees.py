import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The foreign keys to ledger_ecriture and ledger_ligne, partitioned by
    exercise, become existence checks in the database (ledger migration 0016
    drops the keys and adds the triggers): state only here."""

    dependencies = [
        ("ledger", "0016_partitions"),
        ("tresorerie", "0019_retours_gardes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="affectation",
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
                    model_name="arretecaisse",
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
                    model_name="avanceregie",
                    name="ecriture",
                    field=models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.ecriture",
                    ),
                ),
                migrations.AlterField(
                    model_name="encaissement",
                    name="ecriture",
                    field=models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.ecriture",
                    ),
                ),
                migrations.AlterField(
                    model_name="encaissement",
                    name="ecriture_annulation",
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
                    model_name="etatdepensesregie",
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
                    model_name="lotpaiement",
                    name="ecriture",
                    field=models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.ecriture",
                    ),
                ),
                migrations.AlterField(
                    model_name="rapprochement",
                    name="lignes_ecriture",
                    field=models.ManyToManyField(
                        db_constraint=False, related_name="rapprochements", to="ledger.ligne"
                    ),
                ),
                migrations.AlterField(
                    model_name="retour",
                    name="ecriture",
                    field=models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.ecriture",
                        verbose_name="contre-écriture",
                    ),
                ),
                migrations.AlterField(
                    model_name="versementregie",
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
