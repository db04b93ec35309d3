"""The dated setting of the amount above which the board's decision on a
décharge de responsabilité or a remise gracieuse of the agent comptable is
submitted to the approval of the ministers of social security and of the
budget (circ. 93/82 §6.2: « une somme déterminée par arrêté »).

The seeds do not hold that arrêté nor its amount. The row starts at 0, so
that every decision waits for the ministers' approval until the fund records
the arrêté's amount as a new dated version (a value over 0 from its date of
entry into force): no decision escapes the approval by a guessed amount.
Going back removes the key."""

import datetime

from django.db import migrations

CLE = "seuil_approbation_decharge"


def charger(apps, schema_editor):
    apps.get_model("reglementation", "Parametre").objects.get_or_create(
        cle=CLE,
        debut=datetime.date(1945, 1, 1),
        defaults={
            "valeur": "0.00",
            "fin": None,
            "article": "circulaire DSS/F 93/82 §6.2",
            "libelle": (
                "Somme fixée par arrêté au-delà de laquelle la décision du conseil "
                "d'administration sur la décharge de responsabilité ou la remise gracieuse de "
                "l'agent comptable est soumise à l'approbation du ministre chargé de la "
                "sécurité sociale et du ministre chargé du budget. Le montant de l'arrêté ne "
                "figure pas dans les textes de la caisse : 0 soumet toute décision à "
                "l'approbation, jusqu'à l'enregistrement du montant de l'arrêté à sa date."
            ),
        },
    )


def retirer(apps, schema_editor):
    apps.get_model("reglementation", "Parametre").objects.filter(cle=CLE).delete()


class Migration(migrations.Migration):
    dependencies = [("reglementation", "0005_delais_comptes_annuels")]
    operations = [migrations.RunPython(charger, retirer)]
