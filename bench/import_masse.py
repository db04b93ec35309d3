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


def copier(tampons: Tampons, *, invariants: bool) -> Chrono:
    """COPY the buffers in one transaction; triggers on or off. Times the COPYs and COMMIT."""
    import psycopg

    with psycopg.connect(commun.conninfo()) as connexion:
        if not invariants:
            connexion.execute("SET session_replication_role = replica")
        connexion.commit()
        with commun.chronometrer(connexion.info.backend_pid) as chrono:
            with connexion.cursor() as curseur:
                for ecritures, lignes in tampons.paquets:
                    with curseur.copy(f"COPY ledger_ecriture ({_COLONNES_ECRITURE}) FROM STDIN") as c:
                        c.write(memoryview(ecritures))
                    with curseur.copy(f"COPY ledger_ligne ({_COLONNES_LIGNE}) FROM STDIN") as c:
                        c.write(memoryview(lignes))
            connexion.commit()
    return chrono


# --- Profile ----------------------------------------------------------------------

# (label, file suffix, function name): cumulative times read from the profile.
_POSTES = (
    ("génération des saisies (le générateur de l'appelant)", "bench/import_masse.py", "saisies"),
    ("`_preparer_lignes` (contrôles, `montant()` ×2 par ligne)", "ledger/services.py",
     "_preparer_lignes"),
    ("  dont `core.money.montant`", "core/money.py", "montant"),
    ("`empreinte_ecriture` (JSON canonique + SHA-256)", "ledger/services.py", "empreinte_ecriture"),
    ("  dont `json.dumps`", "json/__init__.py", "dumps"),
    ("  dont `datetime.astimezone` + `isoformat`", "~", "<method 'astimezone' of 'datetime.datetime' objects>"),
    ("`Copy.write_row` (sérialisation COPY + envoi, attente du serveur si son tampon est plein)",
     "psycopg/_copy.py", "write_row"),
    ("fin des COPY (le serveur finit le paquet, triggers d'instruction)", "psycopg/_copy.py",
     "__exit__"),
    ("`SELECT nextval(...)` des identifiants et autres requêtes", "psycopg/cursor.py", "execute"),
    ("COMMIT (trigger différé d'équilibre par lot)", "psycopg/connection.py", "commit"),
)


def profiler(utilisateur, exercice, nombre_ecritures: int) -> tuple[float, list[tuple[str, float]], str]:
    """Import under cProfile; returns (total seconds, [(label, seconds)], top functions)."""
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
    for libelle, fichier, fonction in _POSTES:
        cumul = sum(
            valeurs[3]
            for (nom_fichier, _, nom), valeurs in statistiques.stats.items()
            if nom == fonction and nom_fichier.endswith(fichier)
        )
        postes.append((libelle, cumul))
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
    racine = str(Path(__file__).resolve().parent.parent) + "/"
    gardees = []
    for ligne in lignes[debut:]:
        if not ligne.strip():
            continue
        ligne = ligne.replace(racine, "")
        for chemin in sys.path:
            if chemin and chemin.endswith("site-packages"):
                ligne = ligne.replace(chemin + "/", "")
        gardees.append(ligne.rstrip())
    return "\n".join(gardees)


# --- The benchmark ----------------------------------------------------------------


def executer(nombre_ecritures: int, nombre_profil: int) -> Resultat:
    from ledger.services import TAILLE_PAQUET

    utilisateur = commun.comptable()
    exercice_import = commun.exercice(commun.ANNEE_IMPORT)
    exercice_brut = commun.exercice(commun.ANNEE_COPY_BRUT)
    exercice_invariants = commun.exercice(commun.ANNEE_COPY_INVARIANTS)
    exercice_profil = commun.exercice(commun.ANNEE_PROFIL)
    tables = ("ledger_ecriture", "ledger_ligne", "ledger_cumul")

    commun.annoncer(f"Import : préparation en mémoire des tampons COPY ({nombre_ecritures} écritures)…")
    tampons = preparer_tampons(utilisateur, exercice_brut, nombre_ecritures, TAILLE_PAQUET)
    _assainir(tables)
    commun.annoncer("Import : COPY brut, triggers désactivés…")
    brut = copier(tampons, invariants=False)
    debit_brut = nombre_ecritures / brut.duree
    commun.annoncer(f"  {nombre(debit_brut)} écritures/s en {brut.duree:.1f} s")
    del tampons

    _assainir(tables)
    commun.annoncer(f"Import : ecritures_importer ({nombre_ecritures} écritures)…")
    notre = importer(utilisateur, exercice_import, nombre_ecritures)
    debit_notre = nombre_ecritures / notre.duree
    commun.annoncer(f"  {nombre(debit_notre)} écritures/s en {notre.duree:.1f} s")

    commun.annoncer("Import : coût du seul générateur de saisies…")
    debut = time.perf_counter()
    for _ in saisies(nombre_ecritures, exercice_import.annee):
        pass
    generation = time.perf_counter() - debut

    commun.annoncer("Import : COPY des mêmes lignes avec les invariants (triggers actifs)…")
    tampons = preparer_tampons(utilisateur, exercice_invariants, nombre_ecritures, TAILLE_PAQUET)
    _assainir(tables)
    invariants = copier(tampons, invariants=True)
    del tampons
    commun.annoncer(f"  {nombre(nombre_ecritures / invariants.duree)} écritures/s en "
                    f"{invariants.duree:.1f} s")

    _assainir(tables)
    commun.annoncer(f"Import : profil cProfile sur {nombre_profil} écritures…")
    total_profil, postes, haut_profil = profiler(utilisateur, exercice_profil, nombre_profil)

    ratio = debit_notre / debit_brut
    ligne = LigneTableau(
        banc="2. Import en masse", unite="écritures/s", notre=debit_notre, brut=debit_brut,
        ratio=ratio, cible=f"≥ {pourcent(CIBLE)}", atteinte=ratio >= CIBLE,
    )
    details = _details(
        nombre_ecritures, TAILLE_PAQUET, notre, brut, invariants, generation, ratio,
        nombre_profil, total_profil, postes, haut_profil,
    )
    return Resultat("import", "Import en masse", [ligne], details)


def _assainir(tables: tuple[str, ...]) -> None:
    """Same starting point for every measure: tables vacuumed and analysed, no pending checkpoint."""
    commun.vacuum_analyze(*tables)
    commun.point_de_controle()


def _repartition(chrono: Chrono) -> str:
    texte = f"{secondes(chrono.duree)} de temps réel ; CPU du processus Python {secondes(chrono.cpu_client)}"
    if chrono.cpu_serveur is not None:
        texte += f", CPU du processus serveur {secondes(chrono.cpu_serveur)}"
    return texte


def _details(nombre_ecritures, taille_paquet, notre, brut, invariants, generation, ratio,
             nombre_profil, total_profil, postes, haut_profil) -> list[str]:
    debit = nombre_ecritures / notre.duree
    debit_brut = nombre_ecritures / brut.duree
    debit_invariants = nombre_ecritures / invariants.duree
    par_ecriture = notre.duree / nombre_ecritures * 1e6
    details = [
        f"- {nombre(nombre_ecritures)} écritures de deux lignes ({nombre(2 * nombre_ecritures)} "
        f"lignes), paquets de {nombre(taille_paquet)} (`TAILLE_PAQUET`), une seule transaction.",
        f"- **Notre chemin** : `ecritures_importer` alimenté par un générateur de `EcritureSaisie`, "
        f"exercice {commun.ANNEE_IMPORT} : **{nombre(debit)} écritures/s** "
        f"({nombre(par_ecriture, 1)} µs par écriture ; {_repartition(notre)}).",
        f"- **Limite brute** : COPY des mêmes lignes préparées en mémoire (identifiants, "
        "numéros, rangs, empreintes), triggers coupés par `session_replication_role = "
        f"replica`, exercice {commun.ANNEE_COPY_BRUT} : **{nombre(debit_brut)} écritures/s** "
        f"({_repartition(brut)}). Index et contraintes CHECK restent actifs.",
        f"- **Ratio** : {pourcent(ratio)} (cible ≥ {pourcent(CIBLE)} : "
        f"{'atteinte' if ratio >= CIBLE else 'non atteinte'}).",
        "",
        "Décomposition :",
        "",
        "| Étape | Écritures/s | Temps |",
        "|---|---:|---:|",
        f"| COPY brut, triggers coupés (la limite physique) | {nombre(debit_brut)} "
        f"| {secondes(brut.duree)} |",
        f"| COPY des mêmes lignes, triggers actifs (les invariants seuls) | "
        f"{nombre(debit_invariants)} | {secondes(invariants.duree)} |",
        f"| `ecritures_importer` (invariants + préparation Python) | {nombre(debit)} "
        f"| {secondes(notre.duree)} |",
        "",
        f"- Coût des invariants vérifiés par la base (COPY triggers actifs − COPY brut) : "
        f"{secondes(invariants.duree - brut.duree)}, soit "
        f"{nombre((invariants.duree - brut.duree) / nombre_ecritures * 1e6, 1)} µs par écriture.",
        f"- Coût du côté Python (import − COPY triggers actifs) : "
        f"{secondes(notre.duree - invariants.duree)}, soit "
        f"{nombre((notre.duree - invariants.duree) / nombre_ecritures * 1e6, 1)} µs par écriture. "
        f"Le processus Python a été occupé {pourcent(notre.cpu_client / notre.duree)} du temps "
        "réel de l'import"
        + (
            f", le processus serveur {pourcent(notre.cpu_serveur / notre.duree)}"
            if notre.cpu_serveur is not None else ""
        )
        + " : les deux se recouvrent en partie (le serveur traite un paquet pendant que "
        "Python prépare la suite du flux COPY).",
        f"- Le générateur de saisies seul (coût de l'appelant, compris dans la mesure) : "
        f"{secondes(generation)}, soit {nombre(generation / nombre_ecritures * 1e6, 1)} µs par "
        "écriture.",
        "",
        f"Profil (cProfile, {nombre(nombre_profil)} écritures, exercice {commun.ANNEE_PROFIL} ; "
        f"le profileur ralentit le Python, d'où un total de {secondes(total_profil)}, soit "
        f"{nombre(total_profil / nombre_profil * 1e6, 1)} µs par écriture) — temps cumulés :",
        "",
        "| Poste | Temps | Part |",
        "|---|---:|---:|",
    ]
    for libelle, duree in postes:
        details.append(f"| {libelle} | {secondes(duree)} | {pourcent(duree / total_profil)} |")
    details += [
        "",
        "<details><summary>Fonctions les plus coûteuses (temps propre)</summary>",
        "",
        "```",
        haut_profil,
        "```",
        "",
        "</details>",
    ]
    return details
