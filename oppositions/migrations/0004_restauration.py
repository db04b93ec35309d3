from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """A dump of the fund restores (pg_restore's empty search_path): the key
    function of the generated columns names the schema of what it calls."""

    dependencies = [
        ("oppositions", "0003_rapprochement"),
    ]

    operations = [
        operation_sql(__file__, "0004_restauration"),
    ]
