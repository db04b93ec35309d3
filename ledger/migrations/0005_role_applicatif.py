from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0004_valeurs_par_defaut"),
        ("personnes", "0001_initial"),
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("sessions", "0001_initial"),
        ("admin", "0003_logentry_add_action_flag_choices"),
    ]
    operations = [operation_sql(__file__, "0005_role_applicatif")]
