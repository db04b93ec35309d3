from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [("inventaire", "0001_initial")]

    operations = [operation_sql(__file__, "0002_gardes")]
