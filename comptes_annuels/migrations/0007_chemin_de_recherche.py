from django.db import migrations

from core.sql import operation_sql


class Migration(migrations.Migration):
    """Every guard reads our tables, never a temporary table of the caller
    (issue 14, point 7): see sql/0007_chemin_de_recherche.sql. It runs after
    the last migration of every app that writes SQL functions."""

    dependencies = [
        ("budget", "0003_exercice_partage"),
        ("comptes_annuels", "0006_manquants_en_attente"),
        ("core", "0007_cle_idempotence_reponse_texte"),
        ("depenses", "0013_paiement_differe_d133_2"),
        ("inventaire", "0004_gardes_restauration"),
        ("ledger", "0014_gardes_restauration"),
        ("oppositions", "0004_restauration"),
        ("ordres", "0002_pieces_exigees"),
        ("personnes", "0013_authentification"),
        ("recettes", "0008_reduction_ligne"),
        ("recouvrement", "0005_contentieux_cotisations"),
        ("reglementation", "0006_seuil_approbation_decharge"),
        ("responsabilite", "0008_dossier_drass"),
        ("tresorerie", "0014_regies_cheques_gardes"),
    ]
    operations = [operation_sql(__file__, "0007_chemin_de_recherche")]
