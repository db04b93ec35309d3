"""Delete the API's idempotency keys that have expired (`core.idempotence.DUREE`)."""

from django.core.management.base import BaseCommand

from core import idempotence


class Command(BaseCommand):
    help = (
        "Supprime les clés d'idempotence de l'API reçues il y a plus de 24 heures "
        "(elles ne servent plus : la même clé engage alors un acte nouveau)."
    )

    def handle(self, *args, **options):
        supprimees = idempotence.purger()
        self.stdout.write(f"{supprimees} clé(s) d'idempotence expirée(s) supprimée(s).")
