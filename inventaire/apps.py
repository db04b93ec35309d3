from django.apps import AppConfig


class InventaireConfig(AppConfig):
    name = "inventaire"
    verbose_name = "Inventaire de fin d'exercice"
