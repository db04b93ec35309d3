from django.apps import AppConfig


class DepensesConfig(AppConfig):
    name = "depenses"
    verbose_name = "Ordres de dépense"
