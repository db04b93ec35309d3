from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The application's role may lock a mise en cause (FOR UPDATE), not change it."""

    dependencies = [("responsabilite", "0004_demandes")]

    operations = [operation_sql(__file__, "0005_verrous_role_applicatif")]
