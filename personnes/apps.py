from django.apps import AppConfig


class PersonnesConfig(AppConfig):
    name = "personnes"
    verbose_name = "Personnes et pouvoirs"
    # The names the messages give models whose verbose_name Django made from the
    # class name, without accents (core.messages_base.nom_du_modele).
    noms_modeles = {
        "prorogationreserves": "prorogation du délai des réserves",
        "reserve": "réserve",
    }

    def ready(self):
        from personnes import memoire

        memoire.brancher()
