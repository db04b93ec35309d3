from django.apps import AppConfig


class RecettesConfig(AppConfig):
    name = "recettes"
    verbose_name = "Ordres de recette"
    # The names the messages give models whose verbose_name Django made from the
    # class name, without accents (core.messages_base.nom_du_modele).
    noms_modeles = {
        "ligneordrerecette": "ligne d'ordre de recette",
        "controleeffectue": "contrôle effectué",
        "reduction": "réduction",
        "compteurordre": "compteur d'ordres",
    }

    def ready(self):
        # The parapheur lists the kinds of order registered (ordres.parapheur);
        # the models must be loaded first, hence the import here (Django's way).
        from ordres.parapheur import inscrire
        from recettes.parapheur import RECETTES

        inscrire(RECETTES)
