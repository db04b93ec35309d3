from django.core.management.base import BaseCommand

from accueil.demo import charger_demo


class Command(BaseCommand):
    help = "Crée la caisse de démonstration (personnes, exercice en cours, écritures de l'année)."

    def handle(self, *args, **options):
        nombre = charger_demo()
        if nombre:
            self.stdout.write(
                self.style.SUCCESS(f"Caisse de démonstration créée : {nombre} écritures passées.")
            )
        else:
            self.stdout.write("La caisse de démonstration existe déjà.")
