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

One module per part: `ecritures` (the entries and our path), `copie` (the raw
COPY, triggers off or on), `profil` (cProfile), `rapport` (the measures worded
for the document, and the known causes of slowness); this one runs them.
"""

from __future__ import annotations

import datetime
import time

from bench import commun
from bench.commun import Chrono, LigneTableau, Resultat, nombre, pourcent
from bench.import_masse.copie import copier, preparer_tampons
from bench.import_masse.ecritures import importer, saisies
from bench.import_masse.profil import profiler
from bench.import_masse.rapport import CIBLE, Mesures, details, limites, pistes

__all__ = ["executer", "importer", "saisies"]

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
                f"Import : {nom}, exercice {exercice.annee} (tampons préparés en mémoire d'abord)…"
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
        nombre_ecritures,
        TAILLE_PAQUET,
        notre,
        brut,
        invariants,
        fonctions,
        generation,
        nombre_profil,
        profil_total,
        postes,
        profil_haut,
        autovacuum,
        essais={
            "COPY brut": essais_brut,
            "ecritures_importer": essais_notre,
            "COPY triggers actifs": essais_invariants,
        },
        annees={"import": annee_import, "brut": annee_brut, "invariants": annee_invariants},
    )
    debit_notre = nombre_ecritures / notre.duree
    debit_brut = nombre_ecritures / brut.duree
    ratio = debit_notre / debit_brut
    ligne = LigneTableau(
        banc="2. Import en masse",
        unite="écritures/s",
        notre=debit_notre,
        brut=debit_brut,
        ratio=ratio,
        cible=f"≥ {pourcent(CIBLE)}",
        atteinte=ratio >= CIBLE,
    )
    return Resultat("import", "Import en masse", [ligne], details(m, ratio), limites(m) + pistes())


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
            # Partitioned parents have no statistics of their own: their
            # partitions (ledger_ligne_2032…) are the tables vacuumed.
            "SELECT relname, last_autovacuum > %s, last_autoanalyze > %s FROM pg_stat_user_tables"
            " WHERE relname = ANY(%s) OR relname LIKE ANY(%s) ORDER BY relname",
            [debut, debut, list(_TABLES), [f"{table}\\_%" for table in _TABLES]],
        )
        passages = []
        for table, vacuum, analyse in curseur.fetchall():
            actes = [nom for nom, fait in (("VACUUM", vacuum), ("ANALYZE", analyse)) if fait]
            if actes:
                passages.append(f"{mesure} : autovacuum ({' et '.join(actes)}) sur `{table}`")
        return passages
