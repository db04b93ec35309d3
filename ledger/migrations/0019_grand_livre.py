from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The index of the grand livre by pages: an account's lines by date, entry
    and line (ledger.selectors_grand_livre; issue 16, point 3)."""

    dependencies = [("ledger", "0018_import_rapide")]
    operations = [operation_sql(__file__, "0019_grand_livre")]
