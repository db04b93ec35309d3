"""Benchmark 2: bulk import of two-line entries through `ecritures_importer`.

Our path: `ledger.services.ecritures_importer` fed by a generator of
`EcritureSaisie` (dates spread over the year, amounts in cents, accounts among
4111, 7511, 7512, 5122, 6561 and 412), into its own exercise.

The raw limit: a COPY of the same number of rows into the same tables
(`ledger_ecriture`, `ledger_ligne`), ids, numbers, ranks and hashes generated
into memory before the clock starts, triggers off
(`SET session_replication_role = replica`), into another exercise. Only the
COPY statements and the COMMIT are timed. Indexes and CHECK constraints stay
active: this is what writing the rows costs, nothing else.

To tell the database's share from Python's, the same buffers are also copied
with the triggers on (the invariants checked as for an import), and one smaller
import runs under cProfile.
"""

from __future__ import annotations

import cProfile
import datetime
import hashlib
import io
import pstats
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from bench import commun
from bench.commun import Chrono, LigneTableau, Resultat, nombre, pourcent, secondes

CIBLE = 0.40
PAIRES = (
    ("4111", "7511"), ("4111", "7512"), ("5122", "4111"),
    ("6561", "412"), ("412", "5122"), ("6561", "5122"),
)
NOMBRE_PAIRES = 4099  # distinct (account, amount) pairs, shared between entries
PASSEE_LE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

_COLONNES_ECRITURE = (
    "id, exercice_id, journal_id, numero, rang, date, libelle, piece, passee_par_id, passee_le,"
    " contrepasse_id, empreinte_precedente, empreinte"
)
_COLONNES_LIGNE = "id, ecriture_id, compte_id, debit, credit, tiers, libelle"


def _paires_lignes():
    """Balanced pairs of lines; `LigneSaisie` is frozen, so entries may share them."""
    from ledger.services import LigneSaisie

    alea = random.Random(20_32)
    paires = []
    for rang in range(NOMBRE_PAIRES):
        debit, credit = PAIRES[rang % len(PAIRES)]
        montant = Decimal(alea.randrange(100, 5_000_000)).scaleb(-2)
        paires.append((LigneSaisie(debit, debit=montant), LigneSaisie(credit, credit=montant)))
    return paires


def saisies(nombre_ecritures: int, annee: int, premier: int = 0) -> Iterator:
    """The entries to import: deterministic, spread over every day of `annee`."""
    from ledger.services import EcritureSaisie

    jours = commun.jours_de(annee)
    paires = _paires_lignes()
    nombre_jours, nombre_paires = len(jours), len(paires)
    for rang in range(premier, premier + nombre_ecritures):
        yield EcritureSaisie(
            date=jours[(rang * 7) % nombre_jours],
            libelle=f"Écriture importée n° {rang + 1}",
            lignes=paires[rang % nombre_paires],
        )


def importer(utilisateur, exercice, nombre_ecritures: int, premier: int = 0) -> Chrono:
    """Import through the service; wall time, CPU of this process and of its backend."""
    from ledger.services import ecritures_importer

    pid = commun.pid_serveur_django()
    with commun.chronometrer(pid) as chrono:
        importees = ecritures_importer(
            acting_user=utilisateur, exercice=exercice, journal="RE", piece="bench:import",
            ecritures=saisies(nombre_ecritures, exercice.annee, premier),
        )
    if importees != nombre_ecritures:
        raise RuntimeError(f"{importees} écritures importées au lieu de {nombre_ecritures}.")
    return chrono


# --- Raw COPY --------------------------------------------------------------------


@dataclass
class Tampons:
    """COPY text of every packet, built before the clock starts."""

    paquets: list[tuple[bytes, bytes]]
    ecritures: int
    lignes: int


def _reserver(curseur, table: str, nombre_ids: int) -> int:
    """Take `nombre_ids` values of the table's id sequence; returns the first one."""
    curseur.execute(
        "SELECT setval(pg_get_serial_sequence(%s, 'id'),"
        " nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
        [table, table, nombre_ids],
    )
    return curseur.fetchone()[0] - nombre_ids + 1


def preparer_tampons(utilisateur, exercice, nombre_ecritures: int, taille_paquet: int) -> Tampons:
    """Rows as the import would write them: numbers and ranks from 1, a valid hash chain."""
    from django.db import connection

    from ledger.models import Journal

    comptes = commun.identifiants_comptes()
    journal_id = Journal.objects.get(code="RE").pk
    with connection.cursor() as curseur:
        ecriture_id = _reserver(curseur, "ledger_ecriture", nombre_ecritures)
        ligne_id = _reserver(curseur, "ledger_ligne", 2 * nombre_ecritures)
    entete = f"{exercice.pk}\t{journal_id}\t"
    suite = f"\tbench:copy\t{utilisateur.pk}\t{PASSEE_LE.isoformat()}\t\\N\t"
    precedente = "0" * 64
    paquets = []
    ecritures, lignes = io.StringIO(), io.StringIO()
    compte_paquet = 0
    for rang, saisie in enumerate(saisies(nombre_ecritures, exercice.annee), start=1):
        empreinte = hashlib.sha256(
            f"{precedente}|{rang}|{saisie.date}|{saisie.libelle}".encode()
        ).hexdigest()
        ecritures.write(
            f"{ecriture_id}\t{entete}{rang}\t{rang}\t{saisie.date.isoformat()}\t{saisie.libelle}"
            f"{suite}{precedente}\t{empreinte}\n"
        )
        for ligne in saisie.lignes:
            lignes.write(
                f"{ligne_id}\t{ecriture_id}\t{comptes[ligne.compte]}\t{ligne.debit:.2f}"
                f"\t{ligne.credit:.2f}\t\t\n"
            )
            ligne_id += 1
        precedente = empreinte
        ecriture_id += 1
        compte_paquet += 1
        if compte_paquet == taille_paquet:
            paquets.append((ecritures.getvalue().encode(), lignes.getvalue().encode()))
            ecritures, lignes = io.StringIO(), io.StringIO()
            compte_paquet = 0
    if compte_paquet:
        paquets.append((ecritures.getvalue().encode(), lignes.getvalue().encode()))
    return Tampons(paquets, nombre_ecritures, 2 * nombre_ecritures)


def copier(tampons: Tampons, *, invariants: bool) -> tuple[Chrono, list[tuple[str, int, float]]]:
    """COPY the buffers in one transaction, triggers on or off; times the COPYs and the COMMIT.

    With the triggers on, PostgreSQL also counts the time of each trigger
    function (`track_functions`); the deferred checks are run just before the
    COMMIT (`SET CONSTRAINTS ALL IMMEDIATE`) so that they are counted too.
    Returns the measure and [(function, calls, milliseconds)].
    """
    import psycopg

    fonctions = []
    with psycopg.connect(commun.conninfo()) as connexion:
        if invariants:
            connexion.execute("SET track_functions = 'all'")
        else:
            connexion.execute("SET session_replication_role = replica")
        connexion.commit()
        with commun.chronometrer(connexion.info.backend_pid) as chrono:
            with connexion.cursor() as curseur:
                for ecritures, lignes in tampons.paquets:
                    with curseur.copy(f"COPY ledger_ecriture ({_COLONNES_ECRITURE}) FROM STDIN") as c:
                        c.write(memoryview(ecritures))
                    with curseur.copy(f"COPY ledger_ligne ({_COLONNES_LIGNE}) FROM STDIN") as c:
                        c.write(memoryview(lignes))
                if invariants:
                    curseur.execute("SET CONSTRAINTS ALL IMMEDIATE")
                    curseur.execute(
                        "SELECT funcname, calls, total_time FROM pg_stat_xact_user_functions"
                        " ORDER BY total_time DESC"
                    )
                    fonctions = curseur.fetchall()
            connexion.commit()
    return chrono, fonctions


# --- Profile ----------------------------------------------------------------------

# (label, kind, file suffix, function name): cumulative times read from the profile. Kinds:
# "appelant" (the caller's generator), "python" (the import's own Python), "dont" (part of
# the line above), "base" (waiting for the server).
_POSTES = (
    ("génération des saisies (le générateur de l'appelant)", "appelant",
     "bench/import_masse/rapport.py", "saisies"),
    ("`_preparer_lignes` (contrôles, `montant()` deux fois par ligne)", "python",
     "ledger/services.py", "_preparer_lignes"),
    ("  dont `core.money.montant`", "dont", "core/money.py", "montant"),
    ("`empreinte_ecriture` (JSON canonique + SHA-256)", "python",
     "ledger/services.py", "empreinte_ecriture"),
    ("  dont `json.dumps`", "dont", "json/__init__.py", "dumps"),
    ("`Copy.write_row` (sérialisation COPY et envoi ; attend si le serveur est en retard)",
     "python", "psycopg/_copy.py", "write_row"),
    ("fin des COPY (le serveur finit le paquet : triggers d'instruction)", "base",
     "psycopg/_copy.py", "__exit__"),
    ("requêtes (`SELECT nextval(...)` des identifiants, verrou, audit)", "base",
     "psycopg/cursor.py", "execute"),
    ("COMMIT (trigger différé d'équilibre par lot)", "base", "psycopg/connection.py", "commit"),
)


def profiler(utilisateur, exercice, nombre_ecritures: int) -> tuple[float, list, str]:
    """Import under cProfile; returns (total seconds, [(label, kind, seconds)], top functions)."""
    from ledger.services import ecritures_importer

    profil = cProfile.Profile()
    debut = time.perf_counter()
    profil.enable()
    ecritures_importer(
        acting_user=utilisateur, exercice=exercice, journal="RE", piece="bench:profil",
        ecritures=saisies(nombre_ecritures, exercice.annee),
    )
    profil.disable()
    total = time.perf_counter() - debut
    statistiques = pstats.Stats(profil)
    postes = []
    for libelle, genre, fichier, fonction in _POSTES:
        cumul = sum(
            valeurs[3]
            for (nom_fichier, _, nom), valeurs in statistiques.stats.items()
            if nom == fonction and nom_fichier.endswith(fichier)
        )
        postes.append((libelle, genre, cumul))
    sortie = io.StringIO()
    statistiques.stream = sortie
    statistiques.sort_stats("tottime").print_stats(15)
    return total, postes, _nettoyer_profil(sortie.getvalue())


def _nettoyer_profil(texte: str) -> str:
    """Keep the table of the pstats output, with paths relative to the project."""
    import sys
    from pathlib import Path

    lignes = texte.splitlines()
    debut = next((i for i, ligne in enumerate(lignes) if ligne.strip().startswith("ncalls")), 0)
    racine = str(Path(__file__).resolve().parents[2]) + "/"
    gardees = []
    for ligne in lignes[debut:]:
        if not ligne.strip():
            continue
        for chemin in sys.path:
            if chemin and chemin.endswith("site-packages"):
                ligne = ligne.replace(chemin + "/", "")
        ligne = ligne.replace(racine, "")
        gardees.append(ligne.rstrip())
    return "\n".join(gardees)


# --- The benchmark ----------------------------------------------------------------


@dataclass
class Mesures:
    ecritures: int
    taille_paquet: int
    notre: Chrono
    brut: Chrono
    invariants: Chrono
    fonctions: list[tuple[str, int, float]]
    generation: float
    profil_ecritures: int
    profil_total: float
    postes: list[tuple[str, str, float]]
    profil_haut: str
    autovacuum: list[str]
    essais: dict[str, int]
    annees: dict[str, int]

    def par_ecriture(self, secondes_: float) -> float:
        """Microseconds per entry."""
        return secondes_ / self.ecritures * 1e6


ESSAIS = 3  # attempts of a measure perturbed by other processes


def _sans_perturbation(libelle: str, mesurer) -> tuple[Chrono, object, int]:
    """Run `mesurer(essai)` once the machine is calm; again if others took too much CPU."""
    for essai in range(1, ESSAIS + 1):
        commun.attendre_le_calme()
        chrono, extra = mesurer(essai)
        if not commun.perturbee(chrono) or essai == ESSAIS:
            return chrono, extra, essai
        commun.annoncer(
            f"  {libelle} perturbé ({chrono.cpu_autres / chrono.duree:.1f} cœur pris par "
            "d'autres processus) : nouvel essai dans un nouvel exercice"
        )
    raise AssertionError  # pragma: no cover


def executer(nombre_ecritures: int, nombre_profil: int) -> Resultat:
    from ledger.services import TAILLE_PAQUET

    utilisateur = commun.comptable()
    autovacuum: list[str] = []

    def copie(invariants: bool):
        base = commun.ANNEE_COPY_INVARIANTS if invariants else commun.ANNEE_COPY_BRUT
        nom = "COPY triggers actifs" if invariants else "COPY brut"

        def mesurer(essai: int):
            exercice = commun.exercice(commun.annee_essai(base, essai))
            commun.annoncer(
                f"Import : {nom}, exercice {exercice.annee} (tampons préparés en mémoire "
                "d'abord)…"
            )
            tampons = preparer_tampons(utilisateur, exercice, nombre_ecritures, TAILLE_PAQUET)
            debut = _assainir()
            chrono, fonctions = copier(tampons, invariants=invariants)
            autovacuum.extend(_autovacuum_depuis(debut, nom))
            commun.annoncer(
                f"  {nombre(nombre_ecritures / chrono.duree)} écritures/s en {chrono.duree:.1f} s"
            )
            return chrono, (fonctions, exercice.annee)

        return _sans_perturbation(nom, mesurer)

    def importation(essai: int):
        exercice = commun.exercice(commun.annee_essai(commun.ANNEE_IMPORT, essai))
        commun.annoncer(
            f"Import : ecritures_importer ({nombre(nombre_ecritures)} écritures), exercice "
            f"{exercice.annee}…"
        )
        debut = _assainir()
        chrono = importer(utilisateur, exercice, nombre_ecritures)
        autovacuum.extend(_autovacuum_depuis(debut, "ecritures_importer"))
        commun.annoncer(
            f"  {nombre(nombre_ecritures / chrono.duree)} écritures/s en {chrono.duree:.1f} s"
        )
        return chrono, exercice.annee

    brut, (_, annee_brut), essais_brut = copie(invariants=False)
    notre, annee_import, essais_notre = _sans_perturbation("ecritures_importer", importation)

    commun.annoncer("Import : coût du seul générateur de saisies…")
    debut_generation = time.perf_counter()
    for _ in saisies(nombre_ecritures, commun.ANNEE_IMPORT):
        pass
    generation = time.perf_counter() - debut_generation

    invariants, (fonctions, annee_invariants), essais_invariants = copie(invariants=True)

    _assainir()
    commun.attendre_le_calme()
    commun.annoncer(f"Import : profil cProfile sur {nombre(nombre_profil)} écritures…")
    exercice_profil = commun.exercice(commun.ANNEE_PROFIL)
    profil_total, postes, profil_haut = profiler(utilisateur, exercice_profil, nombre_profil)

    m = Mesures(
        nombre_ecritures, TAILLE_PAQUET, notre, brut, invariants, fonctions, generation,
        nombre_profil, profil_total, postes, profil_haut, autovacuum,
        essais={"COPY brut": essais_brut, "ecritures_importer": essais_notre,
                "COPY triggers actifs": essais_invariants},
        annees={"import": annee_import, "brut": annee_brut, "invariants": annee_invariants},
    )
    debit_notre = nombre_ecritures / notre.duree
    debit_brut = nombre_ecritures / brut.duree
    ratio = debit_notre / debit_brut
    ligne = LigneTableau(
        banc="2. Import en masse", unite="écritures/s", notre=debit_notre, brut=debit_brut,
        ratio=ratio, cible=f"≥ {pourcent(CIBLE)}", atteinte=ratio >= CIBLE,
    )
    return Resultat(
        "import", "Import en masse", [ligne], _details(m, ratio), _limites(m) + _pistes()
    )


_TABLES = ("ledger_ecriture", "ledger_ligne", "ledger_cumul")


def _assainir() -> datetime.datetime:
    """Same starting point for every measure: tables vacuumed and analysed, no pending checkpoint.

    Returns the server's clock, to tell afterwards whether autovacuum ran meanwhile.
    """
    from django.db import connection

    commun.vacuum_analyze(*_TABLES)
    commun.point_de_controle()
    with connection.cursor() as curseur:
        curseur.execute("SELECT clock_timestamp()")
        return curseur.fetchone()[0]


def _autovacuum_depuis(debut: datetime.datetime, mesure: str) -> list[str]:
    from django.db import connection

    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT relname, last_autovacuum > %s, last_autoanalyze > %s FROM pg_stat_user_tables"
            " WHERE relname = ANY(%s) ORDER BY relname",
            [debut, debut, list(_TABLES)],
        )
        passages = []
        for table, vacuum, analyse in curseur.fetchall():
            actes = [nom for nom, fait in (("VACUUM", vacuum), ("ANALYZE", analyse)) if fait]
            if actes:
                passages.append(f"{mesure} : autovacuum ({' et '.join(actes)}) sur `{table}`")
        return passages


def _repartition(chrono: Chrono) -> str:
    texte = f"{secondes(chrono.duree)} de temps réel ; CPU du processus Python {secondes(chrono.cpu_client)}"
    if chrono.cpu_serveur is not None:
        texte += f", CPU du processus serveur {secondes(chrono.cpu_serveur)}"
    return texte


def _cpu_serveur(chrono: Chrono) -> str:
    return secondes(chrono.cpu_serveur) if chrono.cpu_serveur is not None else "?"


_FONCTIONS = {
    "ledger_ecriture_verifier_insertion": "trigger d'instruction des écritures (exercice, journal, "
    "auteur, numérotation, chaîne d'empreintes, lot)",
    "ledger_ligne_verifier_insertion": "trigger d'instruction des lignes (écriture de la "
    "transaction, comptes, cumuls journaliers)",
    "ledger_lot_verifier_equilibre": "trigger différé par lot (au moins deux lignes, équilibre)",
    "ledger_cumul_proteger": "trigger de ligne de `ledger_cumul` (appelé par le précédent)",
    "ledger_compteur_verifier": "trigger de ligne du compteur (appelé par celui des écritures)",
    "ledger_chaine_verifier": "trigger de ligne de la tête de chaîne (appelé par celui des écritures)",
}
_PREMIER_NIVEAU = (
    "ledger_ecriture_verifier_insertion", "ledger_ligne_verifier_insertion",
    "ledger_lot_verifier_equilibre",
)


def _details(m: Mesures, ratio: float) -> list[str]:
    n = m.ecritures
    delta_invariants = m.invariants.duree - m.brut.duree
    delta_python = m.notre.duree - m.invariants.duree
    details = [
        f"- {nombre(n)} écritures de deux lignes ({nombre(2 * n)} lignes), dates réparties sur "
        "l'année, comptes 4111, 7511, 7512, 5122, 6561 et 412 ; paquets de "
        f"{nombre(m.taille_paquet)} (`TAILLE_PAQUET`), une seule transaction.",
        f"- **Notre chemin** : `ecritures_importer` alimenté par un générateur de `EcritureSaisie`, "
        f"exercice {m.annees['import']} : **{nombre(n / m.notre.duree)} écritures/s** "
        f"({nombre(m.par_ecriture(m.notre.duree), 1)} µs par écriture ; {_repartition(m.notre)}).",
        "- **Limite brute** : COPY des mêmes lignes préparées en mémoire avant le chronomètre "
        "(identifiants, numéros, rangs, empreintes), triggers coupés par "
        f"`SET session_replication_role = replica`, exercice {m.annees['brut']} : "
        f"**{nombre(n / m.brut.duree)} écritures/s** ({_repartition(m.brut)}). Seuls les COPY et "
        "le COMMIT sont chronométrés ; index et contraintes CHECK restent actifs.",
        f"- **Ratio** : {pourcent(ratio)} (cible ≥ {pourcent(CIBLE)} : "
        f"{'atteinte' if ratio >= CIBLE else 'non atteinte'}).",
        "",
        "Décomposition (chaque mesure part de tables passées au VACUUM ANALYZE et d'un CHECKPOINT) :",
        "",
        "| Étape | Écritures/s | µs par écriture | Temps réel | CPU Python | CPU serveur "
        "| CPU des autres processus |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for libelle, chrono in (
        ("COPY brut, triggers coupés (limite physique)", m.brut),
        (f"COPY des mêmes lignes, triggers actifs (exercice {m.annees['invariants']})",
         m.invariants),
        ("`ecritures_importer`", m.notre),
    ):
        details.append(
            f"| {libelle} | {nombre(n / chrono.duree)} | {nombre(m.par_ecriture(chrono.duree), 1)} "
            f"| {secondes(chrono.duree)} | {secondes(chrono.cpu_client)} | {_cpu_serveur(chrono)} "
            f"| {secondes(chrono.cpu_autres)} |"
        )
    details += [
        "",
        "La dernière colonne compte le CPU pris pendant la mesure par tous les autres processus "
        "de la machine (processus auxiliaires du serveur : écriture du WAL, checkpointer ; "
        "autres sessions) : s'il approche le temps réel, la mesure a été perturbée.",
        "",
        f"- Ce que coûtent les invariants vérifiés par la base (COPY triggers actifs − COPY "
        f"brut) : {secondes(delta_invariants)}, soit {nombre(m.par_ecriture(delta_invariants), 1)} "
        "µs par écriture.",
        f"- Ce que coûte le côté Python (import − COPY triggers actifs) : {secondes(delta_python)}, "
        f"soit {nombre(m.par_ecriture(delta_python), 1)} µs par écriture ; le processus Python a "
        f"consommé {nombre(m.par_ecriture(m.notre.cpu_client), 1)} µs de CPU par écriture.",
        f"- Le générateur de saisies seul (coût de l'appelant, inclus dans la mesure) : "
        f"{secondes(m.generation)}, soit {nombre(m.par_ecriture(m.generation), 2)} µs par écriture.",
    ]
    refaites = [f"{nom} ({essais} essais)" for nom, essais in m.essais.items() if essais > 1]
    if refaites:
        details.append(
            "- Mesures refaites parce que d'autres processus prenaient plus de "
            f"{nombre(commun.PERTURBATION, 1)} cœur : " + ", ".join(refaites)
            + " ; chaque essai a son propre exercice, le dernier est retenu."
        )
    if m.autovacuum:
        details.append("- Autovacuum passé pendant une mesure : " + " ; ".join(m.autovacuum) + ".")
    else:
        details.append("- Aucun autovacuum n'est passé pendant les trois mesures.")
    if m.fonctions:
        details += [
            "",
            "Temps des fonctions de trigger pendant le COPY triggers actifs (`track_functions = "
            "'all'`, contrôles différés exécutés avant le COMMIT par `SET CONSTRAINTS ALL "
            "IMMEDIATE`) ; le temps total d'une fonction comprend celui des triggers qu'elle "
            "déclenche :",
            "",
            "| Fonction | Rôle | Appels | Temps total | µs par écriture |",
            "|---|---|---:|---:|---:|",
        ]
        for fonction, appels, millisecondes in m.fonctions:
            details.append(
                f"| `{fonction}` | {_FONCTIONS.get(fonction, '')} | {nombre(appels)} "
                f"| {secondes(millisecondes / 1000)} | {nombre(m.par_ecriture(millisecondes / 1000), 1)} |"
            )
        premier_niveau = sum(ms for f, _, ms in m.fonctions if f in _PREMIER_NIVEAU) / 1000
        reste = m.invariants.duree - premier_niveau
        details += [
            f"| (reste du COPY triggers actifs) | écriture des lignes elles-mêmes, capture des "
            f"tables de transition ; à comparer au COPY brut ({secondes(m.brut.duree)}) | | "
            f"{secondes(reste)} | {nombre(m.par_ecriture(reste), 1)} |",
        ]
    details += [
        "",
        f"Profil Python (cProfile sur {nombre(m.profil_ecritures)} écritures, exercice "
        f"{commun.ANNEE_PROFIL} ; le profileur ralentit le Python : {secondes(m.profil_total)} au "
        f"total, soit {nombre(m.profil_total / m.profil_ecritures * 1e6, 1)} µs par écriture). "
        "Temps cumulés, en part du total profilé :",
        "",
        "| Poste | Temps | Part |",
        "|---|---:|---:|",
    ]
    for libelle, _, duree in m.postes:
        details.append(f"| {libelle} | {secondes(duree)} | {pourcent(duree / m.profil_total)} |")
    details += [
        "",
        "<details><summary>Fonctions les plus coûteuses du profil (temps propre)</summary>",
        "",
        "```",
        m.profil_haut,
        "```",
        "",
        "</details>",
    ]
    return details


def _limites(m: Mesures) -> list[str]:
    brut = m.par_ecriture(m.brut.duree)
    invariants = m.par_ecriture(m.invariants.duree - m.brut.duree)
    python = m.par_ecriture(m.notre.duree - m.invariants.duree)
    total = m.par_ecriture(m.notre.duree)
    cpu_python = m.par_ecriture(m.notre.cpu_client)
    lignes = [
        f"- Sur {nombre(total, 1)} µs par écriture : {nombre(brut, 1)} µs pour écrire les lignes "
        f"elles-mêmes (la limite brute : tas, 5 index de `ledger_ecriture`, 3 de `ledger_ligne`, "
        f"WAL), {nombre(invariants, 1)} µs pour les invariants vérifiés par les triggers, "
        f"{nombre(python, 1)} µs de plus pour le côté Python.",
    ]
    if m.notre.cpu_serveur is not None:
        serveur = m.par_ecriture(m.notre.cpu_serveur)
        recouvrement = cpu_python + serveur - total
        lignes.append(
            f"- Python et serveur se recouvrent peu : {nombre(cpu_python, 1)} µs de CPU Python + "
            f"{nombre(serveur, 1)} µs de CPU serveur par écriture pour {nombre(total, 1)} µs de "
            f"temps réel (recouvrement {nombre(max(recouvrement, 0), 1)} µs). Le serveur insère "
            "les lignes au fil du flux COPY pendant que Python prépare les suivantes, mais les "
            "triggers d'instruction ne s'exécutent qu'à la fin de chaque COPY, pendant que "
            "Python attend ; et Python ne prépare le paquet suivant qu'après."
        )
    if m.fonctions:
        principales = sorted(
            (f for f in m.fonctions if f[0] in _PREMIER_NIVEAU), key=lambda f: -f[2]
        )
        lignes.append(
            "- Côté base, les triggers se répartissent ainsi : "
            + ", ".join(
                f"`{f}` {nombre(m.par_ecriture(ms / 1000), 1)} µs" for f, _, ms in principales
            )
            + " par écriture (détail ci-dessus)."
        )
    python = [(libelle, duree) for libelle, genre, duree in m.postes if genre == "python"]
    base = sum(duree for _, genre, duree in m.postes if genre == "base")
    if python:
        libelle, duree = max(python, key=lambda p: p[1])
        part_python = pourcent(sum(d for _, d in python) / m.profil_total)
        lignes.append(
            f"- Dans le profil, le Python de l'import pèse {part_python} du temps (premier "
            f"poste : {libelle}, {pourcent(duree / m.profil_total)}), l'attente du serveur "
            f"{pourcent(base / m.profil_total)}."
        )
    lignes.append(
        "- Évolution du débit avec la taille des tables : voir le chargement par tranches du "
        "banc 3 (même exercice, même chemin)."
    )
    return lignes


def _pistes() -> list[str]:
    """Known causes of slowness, shown only while the measured code still has them.

    Each was diagnosed and its fix tried on a scratch database, on the same
    machine, on 23/11/2026 (see the report that came with this benchmark).
    """
    import inspect

    from django.db import connection

    from ledger import services

    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p"
            " WHERE p.proname IN ('ledger_ecriture_verifier_insertion',"
            " 'ledger_ligne_verifier_insertion')"
        )
        sources = dict(curseur.fetchall())
    pistes = []
    ligne = sources.get("ledger_ligne_verifier_insertion", "")
    if "JOIN ledger_ecriture e ON e.id = n.ecriture_id" in ligne and "BETWEEN" not in ligne:
        pistes.append(
            "- **Plan instable dans le trigger des lignes.** Ses deux jointures des lignes "
            "nouvelles à `ledger_ecriture` (contrôle de l'écriture, cumuls) n'ont que "
            "`e.id = n.ecriture_id` : selon la taille de la table et ses statistiques, "
            "l'optimiseur choisit une jointure par fusion qui parcourt **tout** l'index primaire "
            "de `ledger_ecriture` à chaque paquet (observé vers 3 millions d'écritures : 0,9 à "
            "2,6 s par paquet de 50 000 au lieu de 0,18 s en boucle imbriquée). Le coût d'un "
            "import croît alors avec la taille de la table, d'où la baisse des tranches du banc "
            "3. Correctif essayé : lire `min(ecriture_id), max(ecriture_id)` de la table de "
            "transition dans deux variables et ajouter `AND e.id BETWEEN v_min AND v_max` aux "
            "deux jointures ; import de 200 000 écritures dans une table de 3,3 à 3,9 millions : "
            "de 13 800 à 20 600 écritures/s (CPU serveur de 44 à 25 µs par écriture), avec le "
            "correctif suivant."
        )
    ecriture = sources.get("ledger_ecriture_verifier_insertion", "")
    if "{64}" in ecriture:
        pistes.append(
            "- **Expression régulière coûteuse.** `empreinte !~ '^[0-9a-f]{64}$'` (trigger des "
            "écritures) coûte environ 5 µs par ligne : la répétition bornée `{64}` fait un "
            "automate de 64 états. `length(empreinte) <> 64 OR empreinte ~ '[^0-9a-f]'` dit la "
            "même chose dix fois plus vite (250 ms → 24 ms pour 50 000 empreintes), soit "
            "environ 7 % de débit d'import en plus."
        )
    if "json.dumps(" in inspect.getsource(services.empreinte_ecriture):
        pistes.append(
            "- **Python de l'import.** `json.dumps` avec des options construit un "
            "`JSONEncoder` à chaque appel : en garder un au niveau du module "
            "(`JSONEncoder(ensure_ascii=False, separators=(\",\", \":\")).encode`, même texte, "
            "même empreinte) ; dans `_preparer_lignes`, les libellés d'erreur sont formatés "
            "pour chaque ligne même sans erreur, et `montant()` refait toutes ses vérifications "
            "sur un `Decimal` déjà au centime. Ces deux retouches ôtent environ 20 % du CPU "
            "Python de l'import (essai : +10 % de débit)."
        )
    if pistes:
        pistes.append(
            "- **Recouvrement.** Python attend pendant que le serveur exécute les triggers "
            "d'instruction à la fin de chaque COPY. Préparer le paquet suivant dans un fil "
            "pendant ce temps (le fil d'écriture n'envoie que des octets déjà formatés) rend "
            "le temps réel proche du plus grand des deux CPU au lieu de leur somme ; essai sur "
            "une machine où les autres sessions prenaient un cœur : +8 %, davantage attendu "
            "sur une machine libre."
        )
        pistes.insert(0, "")
        pistes.insert(1, "Pistes (diagnostic et essais faits à part, sur une base jetable, le "
                         "23/11/2026 ; affichées tant que le code mesuré présente le défaut) :")
        pistes.insert(2, "")
    return pistes
