"""The life of the comptes annuels after the board (models_cycle) and its
guards in PostgreSQL (sql/0005_cycle.sql)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.sql import operation_sql


class Migration(migrations.Migration):

    dependencies = [
        ('comptes_annuels', '0004_compte_financier'),
        ('ledger', '0011_arrete_comptes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AvisCodec',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rendu_le', models.DateField(verbose_name='rendu le')),
                ('favorable', models.BooleanField()),
                ('observations', models.TextField(blank=True)),
                ('enregistre_le', models.DateTimeField(verbose_name='enregistré le')),
                ('enregistre_par', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('exercice', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='avis_codec', to='ledger.exercice')),
            ],
            options={
                'verbose_name': "avis du comité départemental d'examen des comptes",
            },
        ),
        migrations.CreateModel(
            name='AvisFonde',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('favorable', models.BooleanField()),
                ('texte', models.TextField(verbose_name='avis')),
                ('rendu_le', models.DateField(verbose_name='rendu le')),
                ('enregistre_le', models.DateTimeField(verbose_name='enregistré le')),
                ('enregistre_par', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('exercice', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='avis_fondes', to='ledger.exercice')),
                ('fonde', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='fondé de pouvoir')),
            ],
            options={
                'verbose_name': "avis de l'agent comptable sur un fondé de pouvoir",
                'ordering': ['rendu_le', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Quitus',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('qualite', models.CharField(choices=[('agent_comptable', 'agent comptable'), ('fonde_de_pouvoir', 'fondé de pouvoir')], max_length=20, verbose_name='qualité')),
                ('donne_le', models.DateField(verbose_name='donné le')),
                ('deliberation', models.CharField(max_length=200, verbose_name='délibération')),
                ('enregistre_le', models.DateTimeField(verbose_name='enregistré le')),
                ('avis', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='comptes_annuels.avisfonde', verbose_name="avis de l'agent comptable")),
                ('beneficiaire', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='bénéficiaire')),
                ('enregistre_par', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('exercice', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='quitus', to='ledger.exercice')),
            ],
            options={
                'verbose_name': 'quitus',
                'verbose_name_plural': 'quitus',
                'ordering': ['donne_le', 'id'],
            },
        ),
        migrations.CreateModel(
            name='RenvoiMinistre',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('transmis_le', models.DateField(verbose_name='transmis au ministre le')),
                ('reference', models.CharField(max_length=200, verbose_name='référence')),
                ('enregistre_le', models.DateTimeField(verbose_name='enregistré le')),
                ('enregistre_par', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('exercice', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='renvoi_ministre', to='ledger.exercice')),
            ],
            options={
                'verbose_name': 'transmission au ministre pour approbation',
            },
        ),
        migrations.CreateModel(
            name='TransmissionComptes',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('transmis_le', models.DateField(verbose_name='transmis le')),
                ('reference', models.CharField(max_length=200, verbose_name="référence de l'envoi")),
                ('limite', models.DateField(verbose_name='dernier jour de la transmission')),
                ('article_limite', models.CharField(max_length=200, verbose_name='texte du délai')),
                ('enregistre_le', models.DateTimeField(verbose_name='enregistré le')),
                ('enregistre_par', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('exercice', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='transmission_comptes', to='ledger.exercice')),
            ],
            options={
                'verbose_name': 'transmission des comptes annuels',
            },
        ),
        migrations.CreateModel(
            name='Approbation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('autorite', models.CharField(choices=[('drass', 'le directeur régional des affaires sanitaires et sociales'), ('ministre', 'le ministre chargé de la sécurité sociale')], max_length=10, verbose_name='autorité')),
                ('approuve_le', models.DateField(verbose_name='approuvés le')),
                ('reference', models.CharField(max_length=200, verbose_name='référence de la décision')),
                ('enregistre_le', models.DateTimeField(verbose_name='enregistré le')),
                ('enregistre_par', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('exercice', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='approbation', to='ledger.exercice')),
            ],
            options={
                'verbose_name': 'approbation des comptes annuels',
                'constraints': [models.CheckConstraint(condition=models.Q(('autorite__in', ['drass', 'ministre'])), name='approbation_autorite_connue'), models.CheckConstraint(condition=models.Q(('reference', ''), _negated=True), name='approbation_reference')],
            },
        ),
        migrations.AddConstraint(
            model_name='avisfonde',
            constraint=models.CheckConstraint(condition=models.Q(('texte__regex', '[^[:space:]]')), name='avisfonde_texte'),
        ),
        migrations.AddConstraint(
            model_name='quitus',
            constraint=models.UniqueConstraint(fields=('exercice', 'beneficiaire'), name='quitus_un_par_beneficiaire'),
        ),
        migrations.AddConstraint(
            model_name='quitus',
            constraint=models.CheckConstraint(condition=models.Q(('deliberation', ''), _negated=True), name='quitus_deliberation'),
        ),
        migrations.AddConstraint(
            model_name='quitus',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('avis__isnull', True), ('qualite', 'agent_comptable')), models.Q(('avis__isnull', False), ('qualite', 'fonde_de_pouvoir')), _connector='OR'), name='quitus_avis_du_fonde'),
        ),
        migrations.AddConstraint(
            model_name='renvoiministre',
            constraint=models.CheckConstraint(condition=models.Q(('reference', ''), _negated=True), name='renvoiministre_reference'),
        ),
        migrations.AddConstraint(
            model_name='transmissioncomptes',
            constraint=models.CheckConstraint(condition=models.Q(('reference', ''), _negated=True), name='transmissioncomptes_reference'),
        ),
        operation_sql(__file__, "0005_cycle"),
    ]
