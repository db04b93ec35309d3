from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Two fondés de pouvoir at most on any day, among the affectations and the
    procurations; a procuration goes to a fondé de pouvoir and keeps the terms
    the board approved (circ. 93/82 §1.1.1)."""

    dependencies = [("personnes", "0006_procurations")]

    operations = [operation_sql(__file__, "0007_fondes_de_pouvoir")]
