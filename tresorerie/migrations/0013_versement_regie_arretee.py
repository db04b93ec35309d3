"""LG372 covers the régie's remittances too: none dated on or before the
régisseur's last arrêté."""

from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [
        ("tresorerie", "0012_regies"),
    ]

    operations = [
        operation_sql(__file__, "0013_versement_regie_arretee"),
    ]
