from django.apps import AppConfig


class TresorerieConfig(AppConfig):
    name = "tresorerie"
    verbose_name = "Trésorerie"
