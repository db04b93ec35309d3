"""Write a sample camt.053 statement of an account, drawn from the books (demo, tests)."""

import datetime
import sys

from django.core.management.base import BaseCommand, CommandError

from core import horloge
from tresorerie.demo import releve_exemple
from tresorerie.models import CompteDisponibilite


class Command(BaseCommand):
    help = (
        "Écrit sur la sortie standard un relevé camt.053 d'exemple pour un compte bancaire, "
        "tiré des écritures (démonstration) : python manage.py releve_exemple BANQUE > releve.xml"
    )

    def add_arguments(self, parser):
        parser.add_argument("compte", help="code du compte de disponibilités (ex. BANQUE)")
        parser.add_argument("--du", type=datetime.date.fromisoformat, default=None)
        parser.add_argument("--au", type=datetime.date.fromisoformat, default=None)
        parser.add_argument("--sans-frais", action="store_true")

    def handle(self, *args, compte, du, au, sans_frais, **options):
        trouve = CompteDisponibilite.objects.filter(code=compte).first()
        if trouve is None or not trouve.iban:
            raise CommandError(f"Aucun compte bancaire de code « {compte} ».")
        au = au or horloge.aujourdhui()
        du = du or au
        if du > au or du.year != au.year:
            raise CommandError("La période va du --du au --au, dans une même année.")
        contenu = (
            releve_exemple(trouve, du, au, frais=None)
            if sans_frais
            else releve_exemple(trouve, du, au)
        )
        sys.stdout.buffer.write(contenu)
