from django.apps import AppConfig


class ComptesAnnuelsConfig(AppConfig):
    name = "comptes_annuels"
    verbose_name = "Comptes annuels et compte financier"
