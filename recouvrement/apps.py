from django.apps import AppConfig


class RecouvrementConfig(AppConfig):
    name = "recouvrement"
    verbose_name = "Recouvrement des créances"
    # The names the messages give models whose verbose_name Django made from the
    # class name, without accents (core.messages_base.nom_du_modele).
    noms_modeles = {
        "miseendemeurecreance": "créance d'une mise en demeure",
    }

    def ready(self) -> None:
        # The modules that declare what falls due register their providers
        # with `recouvrement.a_echoir` when they are imported.
        from recouvrement import a_echoir

        a_echoir.charger_fournisseurs()
