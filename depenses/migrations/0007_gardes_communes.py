import django.db.models.deletion
from django.db import migrations, models

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The ordre de dépense inherits `ordres.OrdreBase`: the shared fields take
    its labels (no change to the table), and the numbering and frozen-content
    guards become the generic functions of the ordres app, attached with the
    ordres de dépense's arguments."""

    dependencies = [
        ("depenses", "0006_ordredepense_paiement_moyen_and_more"),
        ("ledger", "0008_compte_special_encaissement"),
        ("ordres", "0001_fonctions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="ordredepense",
            name="article_rattachement",
            field=models.CharField(max_length=200, verbose_name="article de rattachement"),
        ),
        migrations.AlterField(
            model_name="ordredepense",
            name="compte_imputation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="ledger.compte",
                verbose_name="compte d'imputation",
            ),
        ),
        migrations.AlterField(
            model_name="ordredepense",
            name="compte_tiers",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="ledger.compte",
                verbose_name="compte de tiers",
            ),
        ),
        migrations.AlterField(
            model_name="ordredepense",
            name="ecriture",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="ledger.ecriture",
                verbose_name="écriture de prise en charge",
            ),
        ),
        migrations.AlterField(
            model_name="ordredepense",
            name="limite_emission",
            field=models.DateField(verbose_name="émission possible jusqu'au"),
        ),
        migrations.AlterField(
            model_name="ordredepense",
            name="pieces_references",
            field=models.TextField(blank=True, verbose_name="pièces référencées"),
        ),
        operation_sql(__file__, "0007_gardes_communes"),
    ]
