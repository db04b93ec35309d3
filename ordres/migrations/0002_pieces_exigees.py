from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """No order is signed without its pièces or their references (circ. 93/82
    §2.0.2, §2.1.3): the generic function, attached by recettes and depenses."""

    dependencies = [("ordres", "0001_fonctions")]
    operations = [operation_sql(__file__, "0002_pieces_exigees")]
