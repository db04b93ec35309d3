from django.db import migrations, models

import oppositions.identifiants
from core.sql import operation_sql


class Migration(migrations.Migration):
    """Creditors recognised however their identifier was typed (circ. 93/82
    §2.1.5): the SQL functions of the matching, the keys as generated
    columns, the creditor's IBAN, the normal form checked by PostgreSQL."""

    dependencies = [
        ("oppositions", "0002_gardes"),
    ]

    operations = [
        operation_sql(__file__, "0003_fonctions"),
        migrations.AddField(
            model_name="opposition",
            name="creancier_iban",
            field=models.CharField(
                blank=True,
                default="",
                help_text="S'il est connu : il rattache à l'opposition les lignes sans identifiant.",
                max_length=34,
                verbose_name="IBAN du créancier",
            ),
        ),
        migrations.AddField(
            model_name="opposition",
            name="creancier_cle",
            field=models.GeneratedField(
                db_persist=True,
                expression=oppositions.identifiants.CleIdentifiant("creancier_identifiant"),
                output_field=models.TextField(),
                verbose_name="clé de rapprochement du créancier",
            ),
        ),
        migrations.AddField(
            model_name="opposition",
            name="creancier_nom_cle",
            field=models.GeneratedField(
                db_persist=True,
                expression=oppositions.identifiants.CleNom("creancier_nom"),
                output_field=models.TextField(),
                verbose_name="nom du créancier, forme comparée",
            ),
        ),
        migrations.AlterField(
            model_name="opposition",
            name="creancier_identifiant",
            field=models.CharField(
                help_text="SIRET, SIREN, NIR ou autre identifiant : celui que portent les ordres de dépense.",
                max_length=40,
                verbose_name="identifiant du créancier",
            ),
        ),
        migrations.AddIndex(
            model_name="opposition",
            index=models.Index(fields=["creancier_cle"], name="opposition_cle"),
        ),
        operation_sql(__file__, "0003_gardes"),
    ]
