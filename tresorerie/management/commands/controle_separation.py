"""`manage.py controle_separation`: who acted on one order both as ordonnateur
and as comptable (circ. 93/82 §2.4.0), over every order of the database."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from tresorerie.separation import cumuls_de_fonctions


class Command(BaseCommand):
    help = (
        "Contrôle la séparation de l'ordonnateur et du comptable sur tous les ordres de recette "
        "et de dépense (circulaire 93/82 §2.4.0) : liste chaque personne qui a agi sur un même "
        "ordre des deux côtés. Code de sortie 1 s'il en trouve."
    )

    def handle(self, *args, **options):
        cumuls = cumuls_de_fonctions()
        if not cumuls:
            self.stdout.write(
                "Séparation des fonctions respectée : personne n'a agi sur un même ordre à la fois "
                "comme ordonnateur et comme comptable (circulaire 93/82 §2.4.0)."
            )
            return
        for cumul in cumuls:
            self.stdout.write(str(cumul))
        raise CommandError(
            f"{len(cumuls)} cumul(s) de fonctions sur un même ordre : une même personne y a agi "
            "comme ordonnateur et comme comptable (circulaire 93/82 §2.4.0)."
        )
