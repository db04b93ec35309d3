from django.apps import AppConfig


class RecettesConfig(AppConfig):
    name = "recettes"
    verbose_name = "Ordres de recette"
