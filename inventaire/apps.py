from django.apps import AppConfig


class InventaireConfig(AppConfig):
    name = "inventaire"
    verbose_name = "Inventaire de fin d'exercice"

    def ready(self):
        # The reversal at the opening of N+1 follows the freezing of the
        # balance après inventaire of N (ledger.services.balances).
        from inventaire.contrepassation import contrepasser_a_l_ouverture
        from ledger.services import balances

        if contrepasser_a_l_ouverture not in balances.SUITES_DU_FIGEMENT:
            balances.SUITES_DU_FIGEMENT.append(contrepasser_a_l_ouverture)
