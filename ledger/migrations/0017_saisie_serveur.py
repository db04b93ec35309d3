from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """An entry posted in one round trip: a server-side function locks the
    counter and the chain head, numbers, hashes (sha256 over the canonical
    text of ledger.services.ecritures.empreinte_ecriture), and inserts the
    entry, its lines and its audit row (issue 16, point 1)."""

    dependencies = [("ledger", "0016_partitions")]
    operations = [operation_sql(__file__, "0017_saisie_serveur")]
