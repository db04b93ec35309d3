from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The numbering and frozen-content guards become the generic functions of
    the ordres app, attached with the ordres de recette's arguments."""

    dependencies = [("recettes", "0003_plan_controle"), ("ordres", "0001_fonctions")]
    operations = [operation_sql(__file__, "0004_gardes_communes")]
