import django.db.models.deletion
from django.db import migrations, models

from core.sql import operation_sql


class Migration(migrations.Migration):
    """A reduction names the debtor's line it concerns: a line of its own order,
    required on a new reduction of a collective order, frozen once signed."""

    dependencies = [
        ("recettes", "0007_reduction_separation"),
    ]

    operations = [
        migrations.AddField(
            model_name="reduction",
            name="ligne",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reductions",
                to="recettes.ligneordrerecette",
                verbose_name="ligne du débiteur",
            ),
        ),
        operation_sql(__file__, "0008_reduction_ligne"),
    ]
