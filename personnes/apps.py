from django.apps import AppConfig


class PersonnesConfig(AppConfig):
    name = "personnes"
    verbose_name = "Personnes et pouvoirs"
