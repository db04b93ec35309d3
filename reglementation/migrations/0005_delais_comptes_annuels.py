"""The dated settings of the comptes annuels' life after the board (D613-41;
circ. 93/82 §IV): whether the fund is the caisse nationale, and the last day
of the sending of its comptes annuels per kind of fund. The rows are those of
`reglementation.donnees.PARAMETRES_COMPTES_ANNUELS`; loading the regulation
again only adds the rows missing. Going back removes these keys."""

from django.db import migrations

CLES = (
    "caisse_nationale",
    "transmission_comptes_annuels",
    "transmission_comptes_annuels_caisse_nationale",
)


def charger(apps, schema_editor):
    from reglementation.donnees import charger_reglementation

    charger_reglementation(
        apps.get_model("reglementation", "Parametre"),
        apps.get_model("reglementation", "RegleRattachement"),
    )


def retirer(apps, schema_editor):
    apps.get_model("reglementation", "Parametre").objects.filter(cle__in=CLES).delete()


class Migration(migrations.Migration):
    dependencies = [("reglementation", "0004_citation_titre_comptable")]
    operations = [migrations.RunPython(charger, retirer)]
