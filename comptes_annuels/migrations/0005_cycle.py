from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("comptes_annuels", "0004_compte_financier")]

    operations = []
