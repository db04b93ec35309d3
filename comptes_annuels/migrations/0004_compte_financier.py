from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("comptes_annuels", "0003_correspondances_par_defaut")]

    operations = []
