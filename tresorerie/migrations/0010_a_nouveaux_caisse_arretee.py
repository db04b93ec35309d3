from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The guard of a caisse arrêtée lets the à-nouveaux of the next exercise
    through: they carry the cash its arrêtés already counted (issue 11)."""

    dependencies = [("tresorerie", "0009_reste_ligne")]
    operations = [operation_sql(__file__, "0010_a_nouveaux_caisse_arretee")]
