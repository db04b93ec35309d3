from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """A paid order goes back to « visé » when the bank returns its transfer
    (paye>vise among the passages); PostgreSQL allows it only in the
    transaction that records the return (tresorerie 0016, LG380)."""

    dependencies = [("depenses", "0013_paiement_differe_d133_2")]

    operations = [operation_sql(__file__, "0014_paiement_retourne")]
