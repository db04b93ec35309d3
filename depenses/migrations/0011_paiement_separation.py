from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Whoever signed an ordre de dépense or attested its service fait never
    pays it (circ. 93/82 §2.4.0): a statement-level check on the payment
    mention."""

    dependencies = [
        ("depenses", "0010_tirage_controle"),
        ("personnes", "0003_delegataires"),
    ]

    operations = [operation_sql(__file__, "0011_paiement_separation")]
