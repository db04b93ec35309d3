import sys

from django.core.management.base import BaseCommand, CommandError

from ledger.export import exporter_hledger
from ledger.models import Exercice


class Command(BaseCommand):
    help = "Exporte les écritures d'un exercice en comptabilité texte (hledger), pour recalcul indépendant."

    def add_arguments(self, parser):
        parser.add_argument("exercice", type=int, help="Année de l'exercice.")
        parser.add_argument("--format", default="hledger", choices=["hledger"])
        parser.add_argument(
            "--sortie", "-o", help="Fichier de sortie (par défaut : la sortie standard)."
        )

    def handle(self, *args, exercice, sortie=None, **options):
        try:
            ex = Exercice.objects.get(annee=exercice)
        except Exercice.DoesNotExist:
            raise CommandError(f"L'exercice {exercice} n'existe pas.") from None
        if sortie:
            with open(sortie, "w", encoding="utf-8") as fichier:
                fichier.writelines(exporter_hledger(ex))
        else:
            sys.stdout.writelines(exporter_hledger(ex))
