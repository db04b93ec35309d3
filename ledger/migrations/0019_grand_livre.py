from django.db import migrations


class Migration(migrations.Migration):
    """Reserved for issue 16 (filled by the work that owns it)."""

    dependencies = [("ledger", "0018_import_rapide")]
    operations = []
