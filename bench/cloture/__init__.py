"""Benchmark 5: the year-end of an exercise of ten million lines.

An exercise of its own (`ANNEE`) is filled with `donnees.charger` (COPY, every
trigger of the ledger on), VACUUM ANALYZEd, then its year-end is done through
the services, each timed against a plain SQL aggregate over the same lines,
in the same run, on the same base:

- (c) the balance après inventaire frozen (`balance_figer`) against the plain
  `GROUP BY compte_id` of the lines;
- (a) the result computed and posted (`resultat_passer`: classes 7 − 6 to 120
  or 129) against `SELECT sum(debit - credit) … WHERE classe IN (6, 7)`;
- (d) the comptes annuels (`comptes_annuels.selectors.bilan` and
  `compte_de_resultat`) against the same plain `GROUP BY compte_id`;
- (b) the à-nouveaux of N+1 (`a_nouveaux_passer`, once N is closed) against
  `INSERT … SELECT compte_id, tiers, sum(debit - credit) … GROUP BY` of
  classes 1 to 5 into a temporary table (per account and tiers, as ours).

An act happens once: each is run twice in a transaction rolled back, then
for real (committed); the figure is the median of the three. Each plain
aggregate: median of three after one warm-up. Progress is printed as the
command `cloturer_exercice` prints it (`core.progression`).

    python -m bench.tout --seul cloture          # within the other benchmarks
    python -m bench.cloture --lignes 1000000     # alone, any size; --sortie FICHIER.md
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench import commun
from bench.cloture import mesures
from bench.commun import Resultat

ANNEE = 2060
LIGNES = 10_000_000

__all__ = ["ANNEE", "LIGNES", "executer"]


def executer(nombre_lignes: int) -> Resultat:
    return mesures.executer(ANNEE, nombre_lignes)


def main(argv: list[str] | None = None) -> int:
    analyse = argparse.ArgumentParser(
        prog="python -m bench.cloture",
        description="Banc de la fin d'exercice (résultat, à-nouveaux, balance figée, comptes "
        "annuels) sur la base caisse_bench, supprimée et recréée.",
    )
    analyse.add_argument("--lignes", type=int, default=LIGNES, help="lignes d'écriture (10 M)")
    analyse.add_argument("--sortie", type=Path, help="écrire la section Markdown dans ce fichier")
    options = analyse.parse_args(argv)
    debut = time.perf_counter()
    commun.demarrer_django()
    commun.annoncer(f"Base {commun.NOM_BASE} : suppression, création, migrations…")
    commun.recreer_base()
    machine = commun.machine()
    resultat = executer(options.lignes)
    resultat.duree_totale = time.perf_counter() - debut
    from bench.tout import tableau_markdown, tableau_texte

    print()
    print(tableau_texte([resultat]))
    section = "\n".join(
        [
            f"## {resultat.titre}",
            "",
            f"Machine : {machine['nproc']} cœurs, PostgreSQL {machine['postgresql']} "
            f"({machine['reglages']}) ; {machine['code']} ; charge au début {machine['charge']}, "
            f"durée totale {commun.nombre(resultat.duree_totale / 60, 1)} min.",
            "",
            tableau_markdown([resultat]),
            "",
            *resultat.details,
            "",
            "### Ce qui limite",
            "",
            *resultat.limites,
            "",
        ]
    )
    if options.sortie:
        options.sortie.write_text(section, encoding="utf-8")
        print(f"Section écrite dans {options.sortie}")
    else:
        print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
