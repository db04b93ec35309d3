from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The refusal of a function given to someone holding a delegation names the
    function as French writes it (« la fonction d'auditeur »)."""

    dependencies = [("personnes", "0003_delegataires")]

    operations = [operation_sql(__file__, "0004_libelle_fonction")]
