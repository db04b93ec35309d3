from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Issue 10: no ledger line on a caisse or a régie dated on or before its
    last arrêté de caisse (circ. 93/82 §2.2)."""

    dependencies = [
        ("tresorerie", "0005_oppositions_solde"),
        ("ledger", "0008_compte_special_encaissement"),
    ]
    operations = [operation_sql(__file__, "0006_caisse_arretee")]
