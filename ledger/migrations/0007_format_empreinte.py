from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [("ledger", "0006_verifications_par_plage")]
    operations = [operation_sql(__file__, "0007_format_empreinte")]
