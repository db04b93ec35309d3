"""`manage.py droits`: the permission catalogue as a Markdown table (docs/api.md)."""

from __future__ import annotations

import sys

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import autodiscover_modules

from personnes.droits import CATALOGUE, Droit
from personnes.models import Fonction


def _applications() -> dict[str, str]:
    """The app that declares each droit: its `actes` module (or `personnes.droits`)."""
    # Every app's acts declare their droits on import; the apps are found by
    # name in INSTALLED_APPS, as Django's admin finds its modules.
    autodiscover_modules("actes")
    declarees: dict[str, str] = {}
    for config in apps.get_app_configs():
        for nom in (f"{config.name}.droits", f"{config.name}.actes"):
            module = sys.modules.get(nom)
            for valeur in vars(module).values() if module is not None else ():
                if isinstance(valeur, Droit):
                    declarees.setdefault(valeur.code, config.label)
    return declarees


def _cellule(texte: str) -> str:
    return texte.replace("|", "\\|")


class Command(BaseCommand):
    help = (
        "Affiche le catalogue des droits (code, application, fonctions, refus) en tableau "
        "Markdown, tel que docs/api.md le reprend."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--application",
            action="append",
            default=[],
            help="Seulement les droits déclarés par cette application (répétable).",
        )

    def handle(self, *args, application=(), **options):
        declarees = _applications()
        libelles = dict(Fonction.choices)
        ordre = list(Fonction.values)
        self.stdout.write("| droit | application | fonctions | refus |")
        self.stdout.write("|---|---|---|---|")
        for code in sorted(CATALOGUE):
            app = declarees.get(code, "—")
            if application and app not in application:
                continue
            entree = CATALOGUE[code]
            fonctions = ", ".join(libelles[f] for f in sorted(entree.fonctions, key=ordre.index))
            self.stdout.write(
                f"| `{code}` | {app} | {_cellule(fonctions)} | {_cellule(entree.refus)} |"
            )
