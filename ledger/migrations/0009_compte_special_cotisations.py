from django.db import migrations, models

from core.sql import operation_sql


def marquer(apps, schema_editor):
    from ledger.plan import marquer_cotisations

    marquer_cotisations(apps.get_model("ledger", "Compte"))


class Migration(migrations.Migration):
    """A compte spécial d'encaissement takes only cotisations (circ. 93/82
    §2.2.0.2): the chart says which accounts may receive what is paid into it,
    and the commit-time check of whole entries refuses any other counterpart."""

    dependencies = [("ledger", "0008_compte_special_encaissement")]
    operations = [
        migrations.AddField(
            model_name="compte",
            name="cotisations",
            field=models.BooleanField(
                db_default=False,
                default=False,
                help_text="Compte que peut créditer un versement sur un compte spécial "
                "d'encaissement (circulaire 93/82 §2.2.0.2) : cotisants, cotisations et "
                "majorations, versements en attente d'affectation.",
                verbose_name="reçoit les versements de cotisations",
            ),
        ),
        migrations.RunPython(marquer, migrations.RunPython.noop),
        operation_sql(__file__, "0009_compte_special_cotisations"),
    ]
