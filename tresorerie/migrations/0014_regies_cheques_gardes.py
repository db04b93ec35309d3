"""Régies: the cheques the régisseur holds counted on a line of their own in
his arrêté and in the agent comptable's control report; PostgreSQL keeps the
expenses paid, the statements of expenses (but for their admission, once)
and the remittances as recorded (LG375-LG377), and the application's role
updates only the columns the services set."""

from decimal import Decimal

from django.db import migrations, models

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [
        ("tresorerie", "0013_versement_regie_arretee"),
    ]

    operations = [
        migrations.AddField(
            model_name="arreteregie",
            name="cheques_comptes",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal("0.00"),
                max_digits=18,
                verbose_name="chèques comptés",
            ),
        ),
        migrations.AddField(
            model_name="arreteregie",
            name="cheques_non_verses",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal("0.00"),
                max_digits=18,
                verbose_name="chèques encaissés non encore versés (écritures)",
            ),
        ),
        migrations.AddField(
            model_name="controleregie",
            name="cheques_comptes",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal("0.00"),
                max_digits=18,
                verbose_name="chèques comptés",
            ),
        ),
        migrations.AddField(
            model_name="controleregie",
            name="cheques_non_verses",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal("0.00"),
                max_digits=18,
                verbose_name="chèques encaissés non encore versés (écritures)",
            ),
        ),
        migrations.AlterField(
            model_name="arreteregie",
            name="ecart",
            field=models.DecimalField(
                decimal_places=2,
                max_digits=18,
                verbose_name="écart (espèces et chèques comptés − théorique)",
            ),
        ),
        migrations.AlterField(
            model_name="controleregie",
            name="ecart",
            field=models.DecimalField(
                decimal_places=2,
                max_digits=18,
                verbose_name="écart (espèces et chèques comptés − théorique)",
            ),
        ),
        operation_sql(__file__, "0014_regies_cheques_gardes"),
    ]
