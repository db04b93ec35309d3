from django.apps import AppConfig


class DepensesConfig(AppConfig):
    name = "depenses"
    verbose_name = "Ordres de dépense"
    # The names the messages give models whose verbose_name Django made from the
    # class name, without accents (core.messages_base.nom_du_modele).
    noms_modeles = {
        "ligneordredepense": "ligne d'ordre de dépense",
        "piecedepense": "pièce de dépense",
        "signaturedepense": "signature d'ordre de dépense",
        "controledepense": "contrôle de dépense",
        "requisition": "réquisition",
        "reponserequisition": "réponse à une réquisition",
        "certificatnonpaiement": "certificat de non-paiement",
        "certificatreimputation": "certificat de réimputation",
        "depensesansordonnancement": "dépense sans ordonnancement",
        "compteurordredepense": "compteur d'ordres de dépense",
    }

    def ready(self):
        # The parapheur lists the kinds of order registered (ordres.parapheur);
        # the models must be loaded first, hence the import here (Django's way).
        from depenses.parapheur import DEPENSES
        from ordres.parapheur import inscrire

        inscrire(DEPENSES)
