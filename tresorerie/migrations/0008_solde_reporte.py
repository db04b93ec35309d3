from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The book balance that money leaves from reads the exercises not yet
    carried forward (`tresorerie_solde_comptable`), and the batch's guard locks
    the account FOR NO KEY UPDATE as the service does."""

    dependencies = [("tresorerie", "0007_encaisseur")]
    operations = [operation_sql(__file__, "0008_solde_reporte")]
