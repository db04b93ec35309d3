"""`make run`: migrate, load the demo fund if absent, then serve through gunicorn.

`--production` serves a fund's own database: no demo data, no demo password
printed, and it refuses to start with the demo secret key or without the
allowed host names (docs/deploiement.md). The port is checked before anything
is printed; the socket bound then is the one gunicorn listens on.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, connection, connections
from gunicorn.app.base import BaseApplication

from accueil.demo import DISTRIBUTION, charger_demo, mot_de_passe_demo
from core import pdf
from ledger.management.commands.sequenceur import arreter, lancer_a_cote
from ledger.models import Exercice

CLE_DEMO = "demo-seulement-jamais-en-production"
ROLE_APPLICATIF = "caisse_app"
# Processes of the server: 2 × cores + 1, at most this many (each keeps its own
# connection to PostgreSQL), one request at a time each (`ServeurCaisse`).
PROCESSUS_MAX = 9
# Seconds a server process keeps its database connection (connexions_persistantes).
DUREE_CONNEXION = 300
# Seconds a server process may spend on one request (gunicorn's timeout).
DELAI_REQUETE = 120


class DemarrageImpossible(Exception):
    """The server cannot start; the message says why, in French."""


class Command(BaseCommand):
    help = "Prépare la base (migrations, caisse de démonstration) et lance le serveur."

    def add_arguments(self, parser):
        parser.add_argument(
            "--adresse",
            default="127.0.0.1:8000",
            help="HÔTE:PORT où écouter (127.0.0.1:8000 par défaut ; 0.0.0.0:8000 pour le réseau).",
        )
        parser.add_argument(
            "--production",
            action="store_true",
            help="Base de l'organisme : ni démonstration ni mot de passe affiché (docs/deploiement.md).",
        )
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Charger la démonstration dans la base de DATABASE_URL (une base jetable, à elle).",
        )
        parser.add_argument("--processus", type=int, default=None, help="Nombre de processus.")
        parser.add_argument("--sans-serveur", action="store_true", help="Préparer seulement.")

    def handle(self, *args, adresse, production, demo, processus, sans_serveur, **options):
        try:
            hote, port = lire_adresse(adresse)
            if production:
                verifier_production()
            elif os.environ.get("DATABASE_URL") and not demo:
                raise DemarrageImpossible(
                    "DATABASE_URL désigne une base de l'organisme : la démonstration n'y est pas "
                    "chargée (ses comptes ont des mots de passe publics, son année resterait dans "
                    "le grand livre). Lancez `manage.py demarrer --production`, ou ajoutez --demo "
                    "si cette base est une base de démonstration jetable."
                )
            ecoute = None if sans_serveur else reserver_port(hote, port)
        except DemarrageImpossible as exc:
            self.stderr.write(str(exc))
            sys.exit(1)
        call_command("migrate", verbosity=0, interactive=False)
        if not sans_temporaire():
            self.stdout.write(
                "Attention : le droit TEMPORARY sur la base n'a pas pu être retiré à PUBLIC et à "
                f"« {ROLE_APPLICATIF} » (docs/deploiement.md, restauration)."
            )
        url = f"http://{hote}:{port}/"
        if production:
            self.stdout.write(
                f"{settings.NOM_ORGANISME}\nLe serveur sert la base de l'organisme sur {url}"
            )
            if not settings.HTTPS:
                self.stdout.write(
                    "Attention : CAISSE_HTTPS n'est pas à 1 (cookies non réservés à HTTPS, "
                    "pas de HSTS) ; derrière un proxy HTTPS, mettez CAISSE_HTTPS=1 "
                    "(docs/deploiement.md)."
                )
        else:
            try:
                verifier_base_de_demo()
            except DemarrageImpossible as exc:
                self.stderr.write(str(exc))
                sys.exit(1)
            self._annoncer_demo(url)
        if _servir_sous_role_applicatif():
            self.stdout.write(
                f"Le serveur travaille sous le rôle PostgreSQL « {ROLE_APPLICATIF} », "
                "qui ne possède aucune table."
            )
        else:
            self.stdout.write(
                f"Attention : le rôle PostgreSQL « {ROLE_APPLICATIF} » n'est pas accessible ; "
                "le serveur travaille sous le rôle propriétaire des tables (docs/deploiement.md)."
            )
        if sans_serveur:
            return
        nombre = processus or nombre_processus()
        self.stdout.write(f"Serveur prêt ({nombre} processus). Ctrl+C pour l'arrêter.")
        self.stdout.flush()
        connexions_persistantes()
        connections.close_all()
        # The sequencer validates the recorded entries beside the server (ledger 0023).
        sequenceur = lancer_a_cote()
        try:
            ServeurCaisse(ecoute, nombre).run()
        finally:
            arreter(sequenceur)

    def _annoncer_demo(self, url: str) -> None:
        nombre = charger_demo()
        if nombre:
            self.stdout.write(f"Caisse de démonstration créée : {nombre} écritures passées.")
        lignes = [
            "",
            f"{settings.NOM_ORGANISME} (démonstration)",
            f"Connectez-vous sur {url} avec l'un de ces comptes :",
        ]
        for login, prenom, nom, fonction in DISTRIBUTION:
            lignes.append(
                f"  {login:<11} {mot_de_passe_demo(login):<26} {prenom} {nom}, {fonction.label}"
            )
        lignes.append("Ces mots de passe ne valent que pour la base de démonstration.")
        self.stdout.write("\n".join(lignes) + "\n")


def lire_adresse(adresse: str) -> tuple[str, int]:
    """`HÔTE:PORT` (or a port alone) as a host and a port number."""
    hote, _, port = adresse.rpartition(":")
    hote = hote or "127.0.0.1"
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise DemarrageImpossible(
            f"L'adresse « {adresse} » n'est pas de la forme HÔTE:PORT (par exemple 127.0.0.1:8000)."
        )
    return hote, int(port)


def reserver_port(hote: str, port: int) -> socket.socket:
    """Bind the listening socket now, or say in French why we cannot."""
    ecoute = socket.socket(socket.AF_INET6 if ":" in hote else socket.AF_INET)
    ecoute.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        ecoute.bind((hote.strip("[]"), port))
    except OSError as exc:
        ecoute.close()
        if exc.errno == errno.EADDRINUSE:
            message = (
                f"Le port {port} de {hote} est déjà occupé (un autre serveur tourne-t-il déjà ?) : "
                f"arrêtez-le, ou choisissez un autre port, par exemple "
                f"`manage.py demarrer --adresse {hote}:{port + 1}`."
            )
        elif exc.errno == errno.EACCES:
            message = (
                f"Le port {port} est réservé à l'administrateur du système : "
                "choisissez un port au-delà de 1023 avec --adresse HÔTE:PORT."
            )
        else:
            message = (
                f"Impossible d'écouter sur {hote}:{port} ({exc.strerror}) : vérifiez --adresse."
            )
        raise DemarrageImpossible(message) from exc
    ecoute.listen(2048)
    ecoute.set_inheritable(True)
    return ecoute


def verifier_production() -> None:
    """A production start needs its own secret key and host names, and DEBUG off."""
    problemes = []
    cle = os.environ.get("DJANGO_SECRET_KEY", "")
    if not cle or cle == CLE_DEMO or len(cle) < 32:
        problemes.append(
            "DJANGO_SECRET_KEY doit être une clé secrète propre à l'organisme (au moins 32 caractères "
            "aléatoires), pas celle de la démonstration."
        )
    if not os.environ.get("DJANGO_ALLOWED_HOSTS"):
        problemes.append(
            "DJANGO_ALLOWED_HOSTS doit nommer le ou les noms du serveur (par exemple compta.caisse.fr)."
        )
    if settings.DEBUG:
        problemes.append(
            "DJANGO_DEBUG=1 est interdit en production : la page de débogage montre tout."
        )
    if problemes:
        raise DemarrageImpossible(
            "Démarrage en production refusé :\n- "
            + "\n- ".join(problemes)
            + "\nVoir docs/deploiement.md."
        )


def verifier_base_de_demo() -> None:
    """The demo goes only into an empty database or into its own: its accounts
    have public passwords, and its year would stay in the append-only ledger.
    A database holding other accounts, or exercises without the demo's cast,
    is a fund's."""
    logins = [login for login, *_ in DISTRIBUTION]
    utilisateurs = get_user_model().objects
    etrangers = list(
        utilisateurs.exclude(username__in=logins).values_list("username", flat=True)[:3]
    )
    sans_la_distribution = (
        Exercice.objects.exists() and not utilisateurs.filter(username__in=logins).exists()
    )
    if etrangers or sans_la_distribution:
        qui = f" (comptes {', '.join(etrangers)}…)" if etrangers else ""
        raise DemarrageImpossible(
            "Cette base n'est pas celle de la démonstration"
            f"{qui} : la démonstration n'y est pas chargée. Servez-la avec "
            "`manage.py demarrer --production` (docs/deploiement.md)."
        )


def sans_temporaire() -> bool:
    """Take TEMPORARY on the database from PUBLIC and the application role, at
    every start: a temporary table must never stand in for ours (migration
    comptes_annuels 0007), and a restore without --create gives it back to
    PUBLIC while the migration stays recorded as applied. False when the
    role that migrates may not do it (not the database's owner)."""
    try:
        with connection.cursor() as curseur:
            curseur.execute(
                """
                DO $$
                BEGIN
                    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
                    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caisse_app') THEN
                        EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM caisse_app',
                                       current_database());
                    END IF;
                END $$
                """
            )
            curseur.execute(
                "SELECT NOT has_database_privilege('public', current_database(), 'TEMPORARY')"
            )
            return bool(curseur.fetchone()[0])
    except DatabaseError:
        return False


def nombre_processus() -> int:
    coeurs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(2, min(2 * (coeurs or 1) + 1, PROCESSUS_MAX))


def _servir_sous_role_applicatif() -> bool:
    """Serve as `caisse_app` (owns nothing) when we may switch to it.

    Migrations ran as the owner; the web requests then open their own
    connections, which take the role from the connection options. The
    environment variable carries it to the server's processes and to any
    other WSGI server started from here (config/settings.py reads it).
    """
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s)"
            " THEN current_user <> %s AND pg_has_role(current_user, %s, 'MEMBER')"
            " ELSE false END",
            [ROLE_APPLICATIF] * 3,
        )
        possible = curseur.fetchone()[0]
    if possible:
        os.environ["CAISSE_ROLE_BASE"] = ROLE_APPLICATIF
        connections.settings["default"].setdefault("OPTIONS", {})["options"] = (
            f"-c role={ROLE_APPLICATIF}"
        )
        connection.close()
    return bool(possible)


def connexions_persistantes() -> None:
    """Each process of the server keeps its PostgreSQL connection from one request to
    the next (`CONN_MAX_AGE`), checked before reuse (`CONN_HEALTH_CHECKS`): opening
    one per request cost about 10 ms of the request's time and a backend's start in
    PostgreSQL (bench/http). At most one connection per process and database."""
    for reglages in connections.settings.values():
        reglages["CONN_MAX_AGE"] = DUREE_CONNEXION
        reglages["CONN_HEALTH_CHECKS"] = True


def _sortir_sans_attendre(arbitre, processus) -> None:
    """A worker that has finished its requests leaves at once: tearing down the
    interpreter (freeing every object of Django and its libraries) took up to
    twenty seconds per worker on a busy machine, and Ctrl+C waited for it."""
    os._exit(0)


class ServeurCaisse(BaseApplication):
    """gunicorn inside this process: the embedded PostgreSQL's handle stays here,
    the settings already read (role included) pass to the workers by fork."""

    def __init__(self, ecoute: socket.socket, processus: int):
        self.ecoute = ecoute
        self.processus = processus
        super().__init__()

    def load_config(self):
        reglages = {
            "bind": [f"fd://{self.ecoute.fileno()}"],
            "workers": self.processus,
            # One request at a time per process: an idle process alone accepts the
            # next connection, so no request shares a process (and its GIL) with
            # another while a process is free. With 4 threads per process
            # (`gthread`), a busy process still accepted connections, and an act
            # waited for the GIL behind a PDF or a list at each of its queries
            # (bench/http of 1/12/2026: p95 172 → 127 ms, capacity 35.7 → 47.7
            # req/s). Slow clients are the reverse proxy's to buffer
            # (docs/deploiement.md).
            "worker_class": "sync",
            # A request past this is ended (its process replaced, its transaction
            # rolled back); the reverse proxy waits 130 s (docs/deploiement.md).
            "timeout": DELAI_REQUETE,
            "graceful_timeout": 20,
            # Quiet: gunicorn speaks English; only its errors (a worker lost), no access log.
            "loglevel": "error",
            "accesslog": None,
            "errorlog": "-",
            "proc_name": "caisse",
            "worker_exit": _sortir_sans_attendre,
            # The application loaded and warmed once, before the fork (see `load`).
            "preload_app": True,
        }
        for cle, valeur in reglages.items():
            self.cfg.set(cle, valeur)

    def load(self):
        from config.wsgi import application

        prechauffer()
        return application


def prechauffer() -> None:
    """Import every URL module and view and compile the URL patterns in the arbiter,
    once: each worker would otherwise pay it on its first requests (about 2 s of CPU
    on the first act served by a fresh worker, bench/http); the templates and
    WeasyPrint likewise (`core.pdf.prechauffer`). No database access."""
    from django.urls import get_resolver

    resolveur = get_resolver()
    resolveur.reverse_dict  # noqa: B018 (populates the resolver, compiling every pattern)
    a_voir = list(resolveur.url_patterns)
    while a_voir:
        motif = a_voir.pop()
        motif.pattern.regex  # noqa: B018 (compiled and cached)
        a_voir.extend(getattr(motif, "url_patterns", []))
    compiler_gabarits()
    pdf.prechauffer()


def compiler_gabarits() -> int:
    """Compile every template of the project into the cached loader, in the arbiter:
    a fresh worker compiled each page's templates at its first request of that page
    (30 to 1 000 ms for a list, bench/http --petit of 1/12/2026). Returns how many."""
    from django.apps import apps
    from django.conf import settings
    from django.template import TemplateSyntaxError, engines

    racine = Path(settings.BASE_DIR).resolve()
    moteur = engines["django"]
    dossiers = [Path(d) for d in moteur.dirs] + [
        Path(app.path) / "templates"
        for app in apps.get_app_configs()
        if Path(app.path).resolve().is_relative_to(racine)
    ]
    compiles = 0
    for dossier in dossiers:
        for fichier in sorted(dossier.rglob("*")):
            if fichier.suffix not in {".html", ".txt", ".xml"}:
                continue
            try:
                moteur.get_template(fichier.relative_to(dossier).as_posix())
            except TemplateSyntaxError:
                continue  # said at its first use, as without this warm-up
            compiles += 1
    return compiles
