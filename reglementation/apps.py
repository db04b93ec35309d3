from django.apps import AppConfig


class ReglementationConfig(AppConfig):
    name = "reglementation"
    verbose_name = "Règles datées"
