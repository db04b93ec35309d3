from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """ledger_passer_ecriture refuses NULL elements in its line arrays and
    arrays of unequal lengths (LG087): a NULL made its line vanish from the
    hashed text."""

    dependencies = [("ledger", "0020_lot_controle")]
    operations = [operation_sql(__file__, "0021_saisie_tableaux")]
