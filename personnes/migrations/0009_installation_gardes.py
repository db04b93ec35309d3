from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The installation's procès-verbal, réserves and prorogations never change;
    réserves only within six months of the installation or a prorogation
    granted (circ. 93/82 §1.1.0, LG610–LG611)."""

    dependencies = [("personnes", "0008_installation")]

    operations = [operation_sql(__file__, "0009_installation_gardes")]
