from django.apps import AppConfig


class OppositionsConfig(AppConfig):
    name = "oppositions"
    verbose_name = "Oppositions à paiement"
