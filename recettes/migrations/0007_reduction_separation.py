from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Whoever took an ordre de recette in charge (or controlled it, or took
    one of its reductions in charge) never signs its reduction, and whoever
    signed a reduction never takes it in charge (circ. 93/82 §2.4.0)."""

    dependencies = [
        ("recettes", "0006_tirage_controle"),
        ("personnes", "0003_delegataires"),
    ]

    operations = [operation_sql(__file__, "0007_reduction_separation")]
