from django.conf import settings
from django.db import migrations, models

from core.sql import operation_sql


class Migration(migrations.Migration):
    """A notification and a statement of one account may share an Id (unique
    per nature); the returns' guards tightened: the counter-entry's two lines
    and the statement line (LG383, LG390), the credits and the opposition
    given back at most the returned amount, summed (LG391, LG392), a
    correction of bank details by the agent comptable (LG393)
    (sql/0019_retours_gardes.sql)."""

    dependencies = [
        ("tresorerie", "0018_retours_restauration"),
        ("personnes", "0012_interim_portee_nomination"),
        ("oppositions", "0005_imputation_restituee"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="releve",
            name="releve_identifiant_unique",
        ),
        migrations.AddConstraint(
            model_name="releve",
            constraint=models.UniqueConstraint(
                fields=("compte", "nature", "identifiant"), name="releve_identifiant_unique"
            ),
        ),
        operation_sql(__file__, "0019_retours_gardes"),
    ]
