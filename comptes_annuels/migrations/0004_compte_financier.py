import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.sql import operation_sql


class Migration(migrations.Migration):
    dependencies = [
        ("comptes_annuels", "0003_correspondances_par_defaut"),
        ("ledger", "0011_arrete_comptes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CompteFinancier",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("numero", models.PositiveIntegerField(unique=True, verbose_name="numéro")),
                ("etabli_le", models.DateTimeField(verbose_name="établi le")),
                (
                    "qualite",
                    models.CharField(max_length=120, verbose_name="qualité de qui l'établit"),
                ),
                (
                    "agent_comptable",
                    models.CharField(max_length=200, verbose_name="agent comptable en fonction"),
                ),
                (
                    "commission_le",
                    models.DateField(verbose_name="réunion de la commission de contrôle le"),
                ),
                (
                    "rapport",
                    models.FileField(
                        upload_to="pieces/comptes/",
                        verbose_name="rapport de la commission de contrôle",
                    ),
                ),
                ("rapport_nom", models.CharField(max_length=200)),
                ("rapport_taille", models.PositiveIntegerField()),
                ("rapport_sha256", models.CharField(max_length=64)),
                ("contenu", models.JSONField()),
                (
                    "empreinte",
                    models.CharField(max_length=64, verbose_name="SHA-256 du compte financier"),
                ),
                (
                    "balance",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="ledger.balancefigee",
                        verbose_name="balance après inventaire",
                    ),
                ),
                (
                    "etabli_par",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "exercice",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="compte_financier",
                        to="ledger.exercice",
                    ),
                ),
            ],
            options={
                "verbose_name": "compte financier",
                "ordering": ["-exercice__annee"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("empreinte__regex", "^[0-9a-f]{64}$"),
                            ("rapport_sha256__regex", "^[0-9a-f]{64}$"),
                        ),
                        name="comptefinancier_empreintes_hex",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("numero__gte", 1)),
                        name="comptefinancier_numero_positif",
                    ),
                ],
            },
        ),
        operation_sql(__file__, "0004_compte_financier"),
    ]
