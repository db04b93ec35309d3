from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """An état takes items only in the transaction that signed it, the
    transaction named so that the guard holds on a restored copy (issue 14)."""

    dependencies = [("inventaire", "0003_revue_provisions")]

    operations = [operation_sql(__file__, "0004_gardes_restauration")]
