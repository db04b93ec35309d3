from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """No charge or produit account in the à-nouveaux, checked at commit on every
    lot of entries, however they were written (LG093)."""

    dependencies = [("ledger", "0024_a_nouveaux")]
    operations = [operation_sql(__file__, "0025_a_nouveaux_gestion")]
