from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """A lot's commit-time check, once run, closes its entries to new lines
    (LG047), so that firing it early cannot let an unbalanced entry commit."""

    dependencies = [("ledger", "0019_grand_livre")]
    operations = [operation_sql(__file__, "0020_lot_controle")]
