from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ledger.exports.fec import ENCODAGE, exporter_fec, nom_fichier_fec
from ledger.models import Exercice


class Command(BaseCommand):
    help = (
        "Écrit le fichier des écritures comptables (FEC) d'un exercice, nommé "
        "SIRENFECAAAAMMJJ.txt (article A47 A-1 du livre des procédures fiscales)."
    )

    def add_arguments(self, parser):
        parser.add_argument("exercice", type=int, help="Année de l'exercice.")
        parser.add_argument(
            "--dossier", "-d", default=".", help="Dossier où écrire le fichier (par défaut : ici)."
        )

    def handle(self, *args, exercice, dossier=".", **options):
        try:
            ex = Exercice.objects.get(annee=exercice)
        except Exercice.DoesNotExist:
            raise CommandError(f"L'exercice {exercice} n'existe pas.") from None
        chemin = Path(dossier) / nom_fichier_fec(ex)
        lignes = 0
        with chemin.open("w", encoding=ENCODAGE, newline="") as fichier:
            for ligne in exporter_fec(ex):
                fichier.write(ligne)
                lignes += 1
        self.stdout.write(
            self.style.SUCCESS(f"FEC de l'exercice {exercice} : {chemin} ({lignes - 1} lignes).")
        )
