from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Entries and lines partitioned by exercise, every guard kept; the other
    applications' foreign keys to them become existence checks (issue 16,
    point 7; sql/0016_partitions.sql)."""

    # The migrations that created foreign keys to ledger_ecriture and
    # ledger_ligne run before this one, which replaces those keys: a foreign
    # key cannot point at the partitioned tables' ids alone.
    dependencies = [
        ("ledger", "0015_lignes_exercice_date"),
        ("depenses", "0014_paiement_retourne"),
        ("recettes", "0008_reduction_ligne"),
        ("recouvrement", "0005_contentieux_cotisations"),
        ("responsabilite", "0008_dossier_drass"),
        ("tresorerie", "0019_retours_gardes"),
    ]

    operations = [operation_sql(__file__, "0016_partitions")]
