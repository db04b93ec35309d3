import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.sql import operation_sql


class Migration(migrations.Migration):
    """The plan de contrôle's draw, recorded at the visa (ordres.tirage)."""

    dependencies = [
        ("depenses", "0009_requisition_reimputation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="TirageControleDepense",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("taux", models.PositiveSmallIntegerField(verbose_name="taux du sondage (%)")),
                ("cle", models.CharField(max_length=60, verbose_name="ordre tiré (clé du tirage)")),
                ("graine", models.CharField(max_length=64, verbose_name="graine")),
                ("nombre", models.PositiveSmallIntegerField(verbose_name="nombre tiré (0 à 99)")),
                ("selectionne", models.BooleanField(verbose_name="ordre désigné pour le contrôle")),
                ("le", models.DateTimeField()),
                (
                    "ordre",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="tirage",
                        to="depenses.ordredepense",
                    ),
                ),
                (
                    "par",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "tirage du plan de contrôle des dépenses",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("taux__lte", 100)),
                        name="depenses_tirage_taux_pourcentage",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("nombre__lt", 100)), name="depenses_tirage_nombre_0_99"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("graine__regex", "^[0-9a-f]{64}$")),
                        name="depenses_tirage_graine_hex",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("nombre__lt", models.F("taux")), ("selectionne", True)),
                            models.Q(("nombre__gte", models.F("taux")), ("selectionne", False)),
                            _connector="OR",
                        ),
                        name="depenses_tirage_resultat",
                    ),
                ],
            },
        ),
        operation_sql(__file__, "0010_tirage_controle"),
    ]
