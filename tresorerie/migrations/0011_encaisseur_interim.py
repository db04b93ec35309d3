from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The interim's holder receives too, even with no affectation (circ. 93/82 §1.1.2)."""

    dependencies = [
        ("tresorerie", "0010_a_nouveaux_caisse_arretee"),
        ("personnes", "0007_fondes_de_pouvoir"),
    ]
    operations = [operation_sql(__file__, "0011_encaisseur_interim")]
