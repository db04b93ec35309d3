from django.apps import AppConfig


class OrdresConfig(AppConfig):
    name = "ordres"
    verbose_name = "Ordres (recette et dépense)"
