from django.db import migrations, models

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Why a late order sits in the exercise of its emission (D253-17; circ.
    93/82 §2.0.7), and no signature without pièces or their references (circ.
    93/82 §2.0.2), kept by PostgreSQL as well."""

    dependencies = [("recettes", "0004_gardes_communes"), ("ordres", "0002_pieces_exigees")]
    operations = [
        migrations.AddField(
            model_name="ordrerecette",
            name="motif_rattachement",
            field=models.TextField(blank=True, verbose_name="motif du rattachement"),
        ),
        migrations.AlterField(
            model_name="ordrerecette",
            name="pieces_references",
            field=models.TextField(
                blank=True, verbose_name="références des pièces justificatives"
            ),
        ),
        operation_sql(__file__, "0005_pieces_exigees"),
    ]
