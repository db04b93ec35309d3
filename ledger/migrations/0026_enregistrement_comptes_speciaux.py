from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The recording function refuses an entry that breaks the rules of a compte
    spécial d'encaissement when it is recorded (LG094, LG095), not only at its
    validation."""

    dependencies = [("ledger", "0025_a_nouveaux_gestion")]
    operations = [operation_sql(__file__, "0026_enregistrement_comptes_speciaux")]
