"""`make run`: migrate, load the demo fund if absent, then serve on 127.0.0.1:8000."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, connections

from accueil.demo import DISTRIBUTION, charger_demo, mot_de_passe_demo


class Command(BaseCommand):
    help = "Prépare la base (migrations, caisse de démonstration) et lance le serveur."

    def add_arguments(self, parser):
        parser.add_argument("--adresse", default="127.0.0.1:8000")
        parser.add_argument("--sans-serveur", action="store_true", help="Préparer seulement.")

    def handle(self, *args, adresse, sans_serveur, **options):
        call_command("migrate", verbosity=0, interactive=False)
        nombre = charger_demo()
        if nombre:
            self.stdout.write(f"Caisse de démonstration créée : {nombre} écritures passées.")
        lignes = [
            "",
            "Caisse primaire d'assurance maladie de Valmont (démonstration)",
            f"Connectez-vous sur http://{adresse}/ avec l'un de ces comptes :",
        ]
        for login, prenom, nom, fonction in DISTRIBUTION:
            lignes.append(
                f"  {login:<11} {mot_de_passe_demo(login):<26} {prenom} {nom}, {fonction.label}"
            )
        lignes.append("Ces mots de passe ne valent que pour la base de démonstration.")
        self.stdout.write("\n".join(lignes) + "\n")
        if _servir_sous_role_applicatif():
            self.stdout.write(
                "Le serveur travaille sous le rôle PostgreSQL « caisse_app », qui ne possède aucune table."
            )
        if not sans_serveur:
            call_command("runserver", adresse, use_reloader=False)


def _servir_sous_role_applicatif() -> bool:
    """Serve as `caisse_app` (owns nothing) when we may switch to it.

    Migrations ran as the owner; the web requests then open their own
    connections, which take the role from the connection options.
    """
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
            " AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app')"
        )
        possible = curseur.fetchone()[0]
    if possible:
        connections.settings["default"].setdefault("OPTIONS", {})["options"] = "-c role=caisse_app"
        connection.close()
    return bool(possible)
