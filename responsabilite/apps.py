from django.apps import AppConfig


class ResponsabiliteConfig(AppConfig):
    name = "responsabilite"
    verbose_name = "Responsabilité de l'agent comptable"
