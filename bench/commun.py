"""What the benchmarks share: the dedicated database, the fixtures, the measures.

Every run works on its own database, `caisse_bench`, on the same server as the
project (the embedded cluster unless `DATABASE_URL` is set). It is dropped and
recreated at the start of each run so that the results are reproducible.
"""

from __future__ import annotations

import datetime
import os
import platform
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# BANC_BASE names another database, so that two runs on one server do not drop each other's.
NOM_BASE = os.environ.get("BANC_BASE", "caisse_bench")
IDENTIFIANT_COMPTABLE = "bench-comptable"

# One exercise per measured side, so that no measure inherits the other's
# chain head or counters.
ANNEE_SAISIE_SERVICE = 2030
ANNEE_SAISIE_SQL = 2031
ANNEE_IMPORT = 2032  # also the exercise of the balance (benchmark 3)
ANNEE_COPY_BRUT = 2033
ANNEE_COPY_INVARIANTS = 2034
ANNEE_PROFIL = 2035

# Accounts of the chart (ledger/data/plan_comptable.csv), all imputable.
COMPTES = ("4111", "7511", "7512", "5122", "6561", "412")


def configurer_environnement() -> None:
    """Point Django at the benchmark database; inherited by the worker processes."""
    os.environ["CAISSE_DB"] = NOM_BASE
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def demarrer_django() -> None:
    configurer_environnement()
    import django

    django.setup()


def parametres_connexion(base: str | None = None) -> dict[str, str]:
    """psycopg keyword arguments for the benchmark database (or another one of its server)."""
    from django.db import connection

    reglages = connection.settings_dict
    parametres = {
        "dbname": base or reglages["NAME"],
        "user": reglages["USER"],
        "password": reglages["PASSWORD"],
        "host": reglages["HOST"],
        "port": str(reglages["PORT"] or ""),
    }
    parametres.update(
        {
            cle: str(valeur)
            for cle, valeur in reglages["OPTIONS"].items()
            if isinstance(valeur, str | int)
        }
    )
    return {cle: valeur for cle, valeur in parametres.items() if valeur}


def conninfo(base: str | None = None) -> str:
    from psycopg.conninfo import make_conninfo

    return make_conninfo(**parametres_connexion(base))


def recreer_base() -> None:
    """DROP and CREATE the benchmark database, then migrate it."""
    import psycopg
    from django.core.management import call_command
    from django.db import connection
    from psycopg import sql

    nom = connection.settings_dict["NAME"]
    if not nom.startswith("caisse_bench"):
        # DATABASE_URL may name any database: never drop one that is not ours.
        raise SystemExit(
            f"La base « {nom} » ne commence pas par « caisse_bench » : les bancs d'essai la "
            "supprimeraient. Retirez DATABASE_URL ou désignez une base dédiée."
        )
    connection.close()
    with psycopg.connect(conninfo("postgres"), autocommit=True) as serveur:
        serveur.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(nom))
        )
        serveur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(nom)))
    call_command("migrate", verbosity=0)


# --- Fixtures ------------------------------------------------------------------


def comptable():
    """The agent comptable who posts everything (circ. 93/82 §1.1.1)."""
    from django.contrib.auth import get_user_model

    from personnes.models import Affectation, Fonction

    utilisateur, _ = get_user_model().objects.get_or_create(
        username=IDENTIFIANT_COMPTABLE, defaults={"first_name": "Banc", "last_name": "d'essai"}
    )
    Affectation.objects.get_or_create(
        utilisateur=utilisateur,
        fonction=Fonction.AGENT_COMPTABLE,
        defaults={"debut": datetime.date(datetime.date.today().year, 1, 1)},
    )
    return utilisateur


def exercice(annee: int):
    """The exercise of `annee`, opened through the service if needed."""
    from ledger.models import Exercice
    from ledger.services import exercice_ouvrir

    existant = Exercice.objects.filter(annee=annee).first()
    return existant or exercice_ouvrir(acting_user=comptable(), annee=annee)


def identifiants_comptes() -> dict[str, int]:
    from ledger.models import Compte

    return dict(Compte.objects.filter(numero__in=COMPTES).values_list("numero", "id"))


def jours_de(annee: int) -> list[datetime.date]:
    premier = datetime.date(annee, 1, 1)
    nombre = (datetime.date(annee + 1, 1, 1) - premier).days
    return [premier + datetime.timedelta(days=n) for n in range(nombre)]


# --- Measures ------------------------------------------------------------------


def cpu_processus(pid: int | None) -> float | None:
    """CPU seconds (user + system) of a local process, None when it cannot be read."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fichier:
            champs = fichier.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # Fields 14 and 15 of proc(5), counted after the command name (field 2).
    return (int(champs[11]) + int(champs[12])) / os.sysconf("SC_CLK_TCK")


def cpu_machine() -> float:
    """CPU seconds spent so far by every process of the machine (all cores), or 0."""
    try:
        with open("/proc/stat", encoding="ascii") as fichier:
            champs = fichier.readline().split()
    except OSError:
        return 0.0
    # cpu user nice system idle iowait irq softirq steal ...
    occupe = sum(int(champs[i]) for i in (1, 2, 3, 6, 7))
    return occupe / os.sysconf("SC_CLK_TCK")


# Above this many cores taken on average by other processes, a measure is perturbed.
PERTURBATION = 0.5


# How long a benchmark waits for a quiet machine before measuring anyway (BANC_ATTENTE).
ATTENTE_MAX = float(os.environ.get("BANC_ATTENTE", "600"))


def attendre_le_calme(seuil: float = 0.3, duree_max: float | None = None) -> float:
    """Wait until the other processes of the machine use less than `seuil` core.

    The machine may be shared (other sessions running test suites): sampled
    over 2 s while we do nothing. Gives up after `duree_max` seconds. Returns
    the last sample, in cores.
    """
    duree_max = ATTENTE_MAX if duree_max is None else min(duree_max, ATTENTE_MAX)
    debut = time.monotonic()
    annonce = False
    while True:
        avant = cpu_machine()
        time.sleep(2)
        autres = (cpu_machine() - avant) / 2
        if autres < seuil or time.monotonic() - debut > duree_max:
            return autres
        if not annonce:
            annoncer(
                f"  la machine est occupée par d'autres processus ({autres:.1f} cœur) : on attend…"
            )
            annonce = True


def perturbee(chrono: Chrono) -> bool:
    return chrono.duree > 0 and chrono.cpu_autres / chrono.duree > PERTURBATION


def annee_essai(annee: int, essai: int) -> int:
    """The exercise of a repeated measure: a fresh one, so that each attempt starts empty."""
    return annee + 10 * (essai - 1)


@dataclass
class Chrono:
    """Wall time, CPU of this process and CPU of one server backend over a block."""

    pid_serveur: int | None = None
    duree: float = 0.0
    cpu_client: float = 0.0
    cpu_serveur: float | None = None
    cpu_machine: float = 0.0  # every process of the machine, all cores

    @property
    def cpu_autres(self) -> float:
        """CPU of every other process meanwhile (server auxiliaries, other sessions)."""
        return max(0.0, self.cpu_machine - self.cpu_client - (self.cpu_serveur or 0.0))


@contextmanager
def chronometrer(pid_serveur: int | None = None) -> Iterator[Chrono]:
    mesure = Chrono(pid_serveur)
    serveur_avant = cpu_processus(pid_serveur)
    machine_avant = cpu_machine()
    client_avant = time.process_time()
    debut = time.perf_counter()
    try:
        yield mesure
    finally:
        mesure.duree = time.perf_counter() - debut
        mesure.cpu_client = time.process_time() - client_avant
        mesure.cpu_machine = cpu_machine() - machine_avant
        serveur_apres = cpu_processus(pid_serveur)
        if serveur_avant is not None and serveur_apres is not None:
            mesure.cpu_serveur = serveur_apres - serveur_avant


def pid_serveur_django() -> int:
    from django.db import connection

    with connection.cursor() as curseur:
        curseur.execute("SELECT pg_backend_pid()")
        return curseur.fetchone()[0]


def point_de_controle() -> None:
    """Flush dirty pages now, so that no measure pays for the previous one's checkpoint."""
    import psycopg

    with psycopg.connect(conninfo(), autocommit=True) as connexion:
        connexion.execute("CHECKPOINT")


def vacuum_analyze(*tables: str) -> float:
    """VACUUM ANALYZE the tables (autocommit); returns the seconds it took."""
    import psycopg
    from psycopg import sql

    debut = time.perf_counter()
    with psycopg.connect(conninfo(), autocommit=True) as connexion:
        for table in tables:
            connexion.execute(sql.SQL("VACUUM ANALYZE {}").format(sql.Identifier(table)))
    return time.perf_counter() - debut


def mediane_chronos(fonction: Callable[[], object], repetitions: int) -> tuple[float, list[float]]:
    durees = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        durees.append(time.perf_counter() - debut)
    return statistics.median(durees), durees


# --- Results -------------------------------------------------------------------


@dataclass
class LigneTableau:
    """One row of the summary table: our figure against the raw limit of the same run."""

    banc: str
    unite: str
    notre: float
    brut: float
    ratio: float
    cible: str
    atteinte: bool | None  # None: no target for this figure
    plus_haut_est_mieux: bool = True


@dataclass
class Resultat:
    cle: str
    titre: str
    lignes: list[LigneTableau]
    # Markdown paragraphs and lists for docs/benchmarks.md.
    details: list[str] = field(default_factory=list)
    # What limits the figure, in Markdown, written from this run's measures.
    limites: list[str] = field(default_factory=list)
    duree_totale: float = 0.0


def nombre(valeur: float, decimales: int = 0) -> str:
    """French number: `12 345,6` (narrow no-break space between thousands)."""
    texte = f"{valeur:,.{decimales}f}"
    return texte.replace(",", "\u202f").replace(".", ",")


def pourcent(valeur: float) -> str:
    return f"{nombre(valeur * 100, 0 if valeur >= 0.1 else 1)}\u00a0%"


def secondes(valeur: float) -> str:
    if valeur < 0.1:
        return f"{nombre(valeur * 1000, 1)}\u00a0ms"
    return f"{nombre(valeur, 2)}\u00a0s"


def annoncer(message: str) -> None:
    """Progress on stderr-like stdout, flushed at once (long runs are polled)."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- Machine -------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the figures depend on: cores, memory, server version and settings."""
    import django
    import psycopg
    from django.db import connection

    memoire = "?"
    try:
        with open("/proc/meminfo", encoding="ascii") as fichier:
            for ligne in fichier:
                if ligne.startswith("MemTotal:"):
                    memoire = f"{int(ligne.split()[1]) / 1024 / 1024:.1f} Gio"
    except OSError:
        pass
    with connection.cursor() as curseur:
        curseur.execute("SHOW server_version")
        version = curseur.fetchone()[0]
        reglages = {}
        for nom in (
            "shared_buffers",
            "work_mem",
            "max_wal_size",
            "synchronous_commit",
            "max_parallel_workers_per_gather",
            "jit",
        ):
            curseur.execute(f"SHOW {nom}")
            reglages[nom] = curseur.fetchone()[0]
    return {
        "nproc": str(len(os.sched_getaffinity(0))),
        "memoire": memoire,
        "postgresql": version,
        "reglages": ", ".join(f"{nom}={valeur}" for nom, valeur in reglages.items()),
        "python": platform.python_version(),
        "django": django.get_version(),
        "psycopg": psycopg.__version__,
        "processeur": _processeur(),
        "charge": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "code": _version_du_code(),
    }


def _version_du_code() -> str:
    """The commit measured, and whether the measured code differs from it."""
    import subprocess
    from pathlib import Path

    racine = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=racine,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        modifies = subprocess.run(
            [
                "git",
                "status",
                "--porcelain",
                "--",
                "ledger",
                "core",
                "personnes",
                "config",
                "tresorerie",
                "depenses",
                "budget",
                "oppositions",
            ],
            cwd=racine,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return "inconnu (pas de dépôt git)"
    fichiers = [ligne[3:] for ligne in modifies if ligne.strip()]
    if not fichiers:
        return f"commit {commit}"
    return f"commit {commit}, plus des modifications non commitées de : " + ", ".join(
        f"`{fichier}`" for fichier in fichiers
    )


def _processeur() -> str:
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as fichier:
            for ligne in fichier:
                if ligne.startswith("model name"):
                    return ligne.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"
