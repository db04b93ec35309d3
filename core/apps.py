from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Socle commun"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from core.sessions import a_la_connexion

        user_logged_in.connect(a_la_connexion, dispatch_uid="core.sessions.a_la_connexion")
