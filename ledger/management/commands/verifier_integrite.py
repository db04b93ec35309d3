from django.core.management.base import BaseCommand, CommandError

from core.money import format_euros
from ledger.integrite import verifier_integrite


class Command(BaseCommand):
    help = (
        "Recalcule la chaîne d'empreintes, la numérotation, l'équilibre de chaque écriture et du "
        "grand livre, et les cumuls de la balance. Code de sortie non nul à la moindre rupture."
    )

    def add_arguments(self, parser):
        parser.add_argument("--exercice", type=int, help="Année de l'exercice (par défaut : tous).")

    def handle(self, *args, exercice=None, **options):
        rapport = verifier_integrite(annee=exercice)
        for r in rapport.exercices:
            self.stdout.write(
                f"Exercice {r.annee} ({r.etat}) : {r.ecritures} écritures, {r.lignes} lignes, "
                f"débits {format_euros(r.total_debit)}, crédits {format_euros(r.total_credit)}, "
                f"dernière empreinte {r.derniere_empreinte}"
            )
        if not rapport.intact:
            for anomalie in rapport.anomalies:
                self.stderr.write(f"ANOMALIE : {anomalie}")
            raise CommandError(f"Intégrité rompue : {len(rapport.anomalies)} anomalie(s).")
        self.stdout.write(self.style.SUCCESS("Intégrité vérifiée : aucune anomalie."))
