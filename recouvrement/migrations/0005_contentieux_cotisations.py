"""The régime volontaire rule of the contentious guard limited to the
cotisations and majorations (annexe art. 13 al. 2), and no réclamation
recorded once compulsory recovery is engaged: sql/0005_contentieux_cotisations.sql."""

from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [
        ("recouvrement", "0004_contentieux"),
    ]

    operations = [
        operation_sql(__file__, "0005_contentieux_cotisations"),
    ]
