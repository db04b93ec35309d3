from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The credits' check share-locks their exercise, so that a closure and a
    credit movement never cross (budget_credits_verrouiller)."""

    dependencies = [("budget", "0002_gardes")]
    operations = [operation_sql(__file__, "0003_exercice_partage")]
