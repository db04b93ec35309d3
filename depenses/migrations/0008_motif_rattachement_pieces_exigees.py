from django.db import migrations, models

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Why a late order sits in the exercise of its emission (D253-19, D253-19-1;
    circ. 93/82 §2.1.7), and no signature without pièces or their references
    (circ. 93/82 §2.1.3), kept by PostgreSQL as well."""

    dependencies = [("depenses", "0007_gardes_communes"), ("ordres", "0002_pieces_exigees")]
    operations = [
        migrations.AddField(
            model_name="ordredepense",
            name="motif_rattachement",
            field=models.TextField(blank=True, verbose_name="motif du rattachement"),
        ),
        migrations.AlterField(
            model_name="ordredepense",
            name="pieces_references",
            field=models.TextField(
                blank=True, verbose_name="références des pièces justificatives"
            ),
        ),
        operation_sql(__file__, "0008_pieces_exigees"),
    ]
