import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Issue 10: oppositions that payments cannot escape (the agent comptable's
    decisions on lines held in doubt, the guard on creditors' shares) and
    batches that cannot leave an account below its authorised overdraft."""

    dependencies = [
        ("tresorerie", "0004_reste_a_recouvrer"),
        ("oppositions", "0003_rapprochement"),
        ("depenses", "0007_gardes_communes"),
        ("budget", "0002_gardes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="comptedisponibilite",
            name="decouvert_autorise",
            field=models.DecimalField(
                decimal_places=2,
                default=0,
                help_text="Jusqu'où un paiement peut rendre le solde comptable négatif (0 : aucun).",
                max_digits=18,
                verbose_name="découvert autorisé",
            ),
        ),
        migrations.AddConstraint(
            model_name="comptedisponibilite",
            constraint=models.CheckConstraint(
                condition=models.Q(decouvert_autorise__gte=0),
                name="decouvert_autorise_positif",
                violation_error_message="Le découvert autorisé est un montant positif ou nul.",
            ),
        ),
        migrations.CreateModel(
            name="DecisionOpposition",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "decision",
                    models.CharField(
                        choices=[
                            ("appliquer", "opposition appliquée"),
                            ("lever", "doute levé : le créancier est payé"),
                        ],
                        max_length=10,
                        verbose_name="décision",
                    ),
                ),
                ("doute", models.TextField(verbose_name="pourquoi le paiement était arrêté")),
                ("motif", models.TextField(verbose_name="motif de la décision")),
                ("le", models.DateTimeField(verbose_name="décidé le")),
                (
                    "ligne",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="decisions_opposition",
                        to="depenses.ligneordredepense",
                        verbose_name="ligne de l'ordre de dépense",
                    ),
                ),
                (
                    "opposition",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="decisions",
                        to="oppositions.opposition",
                    ),
                ),
                (
                    "par",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="décidé par",
                    ),
                ),
            ],
            options={
                "verbose_name": "décision sur une opposition",
                "ordering": ["-le", "-id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("ligne", "opposition"), name="decision_opposition_une_fois"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(decision__in=["appliquer", "lever"]),
                        name="decision_opposition_connue",
                    ),
                ],
            },
        ),
        operation_sql(__file__, "0005_oppositions_solde"),
    ]
