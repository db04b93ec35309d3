from django.apps import AppConfig


class DepensesConfig(AppConfig):
    name = "depenses"
    verbose_name = "Ordres de dépense"

    def ready(self):
        # The parapheur lists the kinds of order registered (ordres.parapheur);
        # the models must be loaded first, hence the import here (Django's way).
        from depenses.parapheur import DEPENSES
        from ordres.parapheur import inscrire

        inscrire(DEPENSES)
