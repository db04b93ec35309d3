"""The row of the agent comptable's title cited, beside the circulaire, an
article of the code that no seed holds; the circulaire 93/82 §I says the rule
itself (the financial and accounting management is ensured by a directeur,
ordonnateur, and an agent comptable). Databases loaded before the fix get the
citation reglementation/donnees.py now gives; nothing else of the row changes.
Going back leaves the true citation."""

from django.db import migrations

AVANT = "circulaire DSS/F 93/82 §1.1"
APRES = "circulaire DSS/F 93/82 §I"


def corriger(apps, schema_editor):
    Parametre = apps.get_model("reglementation", "Parametre")
    Parametre.objects.filter(cle="titre_agent_comptable", article__endswith=AVANT).update(
        article=APRES
    )


class Migration(migrations.Migration):
    dependencies = [("reglementation", "0003_donnees")]
    operations = [migrations.RunPython(corriger, migrations.RunPython.noop)]
