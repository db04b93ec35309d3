from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The caps of an interim (three months for the fondé de pouvoir, six for
    the agent comptable intérimaire) hold over consecutive periods of the same
    person and nature, not per row (D253-14, circ. 93/82 §1.1.2)."""

    dependencies = [("personnes", "0004_libelle_fonction")]

    operations = [operation_sql(__file__, "0005_interims_consecutifs")]
