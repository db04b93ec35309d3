from django.apps import AppConfig


class RecouvrementConfig(AppConfig):
    name = "recouvrement"
    verbose_name = "Recouvrement des créances"

    def ready(self) -> None:
        # The modules that declare what falls due register their providers
        # with `recouvrement.a_echoir` when they are imported.
        from recouvrement import a_echoir

        a_echoir.charger_fournisseurs()
