from django.apps import AppConfig


class InventaireConfig(AppConfig):
    name = "inventaire"
    verbose_name = "Inventaire de fin d'exercice"
    # The names the messages give models whose verbose_name Django made from the
    # class name, without accents (core.messages_base.nom_du_modele).
    noms_modeles = {
        "etatinventaire": "état d'inventaire",
        "articleetat": "article d'état d'inventaire",
        "contrepassationinventaire": "contrepassation d'inventaire",
    }

    def ready(self):
        # The reversal at the opening of N+1 follows the freezing of the
        # balance après inventaire of N (ledger.services.balances).
        from inventaire.contrepassation import contrepasser_a_l_ouverture
        from ledger.services import balances

        if contrepasser_a_l_ouverture not in balances.SUITES_DU_FIGEMENT:
            balances.SUITES_DU_FIGEMENT.append(contrepasser_a_l_ouverture)
