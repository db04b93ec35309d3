from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """A special mandate's terms never change; its withdrawal is recorded once
    (circ. 93/82 §1.1.1, LG612)."""

    dependencies = [("personnes", "0010_mandats")]

    operations = [operation_sql(__file__, "0011_mandats_gardes")]
