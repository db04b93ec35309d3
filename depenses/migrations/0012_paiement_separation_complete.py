from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """PostgreSQL refuses the payment mention to every ordonnateur of the
    order the service refuses: who requisitioned it or issued it too."""

    dependencies = [("depenses", "0011_paiement_separation")]

    operations = [operation_sql(__file__, "0012_paiement_separation_complete")]
