from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The generic guards of every order (numbering, frozen content, states,
    lines and pièces), attached by recettes and depenses with their arguments."""

    initial = True
    dependencies = []
    operations = [operation_sql(__file__, "0001_fonctions")]
