from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "ledger"
    verbose_name = "Grand livre"
    # The names the messages give models whose verbose_name Django made from the
    # class name, without accents (core.messages_base.nom_du_modele).
    noms_modeles = {
        "ecriture": "écriture",
        "chaine": "chaîne",
        "balancefigee": "balance figée",
        "lignebalancefigee": "ligne de balance figée",
        "envoibalance": "envoi de balance",
        "arretecomptes": "arrêté des comptes",
    }
