from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """A receipt is posted in the name of who received it: the agent comptable
    (or his fondé de pouvoir) that day, or the régisseur at his own régie,
    acting for the agent comptable (circ. 93/82 §1.1.1, §2.2)."""

    dependencies = [
        ("tresorerie", "0006_caisse_arretee"),
        ("personnes", "0003_delegataires"),
        ("ledger", "0008_compte_special_encaissement"),
    ]
    operations = [operation_sql(__file__, "0007_encaisseur")]
