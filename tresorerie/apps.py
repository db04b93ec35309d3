from django.apps import AppConfig


class TresorerieConfig(AppConfig):
    name = "tresorerie"
    verbose_name = "Trésorerie"
    # The names the messages give models whose verbose_name Django made from the
    # class name, without accents (core.messages_base.nom_du_modele).
    noms_modeles = {
        "releve": "relevé",
        "lignereleve": "ligne de relevé",
        "arretecaisse": "arrêté de caisse",
        "operationregie": "opération de régie",
        "avanceregie": "avance de régie",
        "etatdepensesregie": "état des dépenses de régie",
        "depenseregie": "dépense de régie",
        "versementregie": "versement de régie",
        "arreteregie": "arrêté de régie",
        "controleregie": "contrôle de régie",
    }
