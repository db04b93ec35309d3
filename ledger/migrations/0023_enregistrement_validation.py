from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Recording separated from validation: entries recorded concurrently in
    a queue of their own, balanced and immutable at once, then numbered,
    chained and written to the ledger in batches by a single sequencer; the
    validations and the rejections in append-only tables (issue 16, point 1)."""

    dependencies = [("ledger", "0022_inventaire_references")]
    operations = [operation_sql(__file__, "0023_enregistrement_validation")]
