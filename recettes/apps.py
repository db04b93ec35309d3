from django.apps import AppConfig


class RecettesConfig(AppConfig):
    name = "recettes"
    verbose_name = "Ordres de recette"

    def ready(self):
        # The parapheur lists the kinds of order registered (ordres.parapheur);
        # the models must be loaded first, hence the import here (Django's way).
        from ordres.parapheur import inscrire
        from recettes.parapheur import RECETTES

        inscrire(RECETTES)
