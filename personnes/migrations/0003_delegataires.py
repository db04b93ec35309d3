from django.conf import settings
from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Who may receive a delegation of the directeur, kept by PostgreSQL: its
    author is directeur and its beneficiary délégué du directeur on its first
    day; the beneficiary never acts for the agent comptable nor the tutelle
    during its period, and such a function or an interim is not given to
    someone holding a delegation in force (circ. 93/82 §1.0, §1.1.1)."""

    dependencies = [
        ("personnes", "0002_delegation_interim"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [operation_sql(__file__, "0003_delegataires")]
