from django.db import migrations, models


class Migration(migrations.Migration):
    """An imputation may be negative: the opposing party's transfer returned by
    the bank is restored to the opposition (tresorerie 0016 requires the
    recorded return of that payment)."""

    dependencies = [("oppositions", "0004_restauration")]

    operations = [
        migrations.RemoveConstraint(model_name="imputation", name="imputation_montant_positif"),
        migrations.AddConstraint(
            model_name="imputation",
            constraint=models.CheckConstraint(
                condition=~models.Q(montant=0), name="imputation_montant_non_nul"
            ),
        ),
    ]
