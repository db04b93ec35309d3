"""Run the benchmarks, print the table, rewrite docs/benchmarks.md.

    python -m bench.tout                  # the four, full size
    python -m bench.tout --petit          # the four at 1/20 of the sizes
    python -m bench.tout --seul saisie    # one of them (saisie, import, balance, tresorerie,
                                          # cloture, camt, pain001); repeatable

The database `caisse_bench` is dropped and recreated first. The document is
rewritten only by a full-size run of the four benchmarks, or when `--doc` is
given (then with the figures of this run only); `--sans-doc` never writes it.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
import traceback
from pathlib import Path

from bench import commun
from bench.commun import LigneTableau, Resultat, nombre, pourcent, secondes

# camt after tresorerie: it skips its batch when benchmark 4 opened the credit first.
BANCS = (
    "saisie",
    "import",
    "balance",
    "rapports",
    "tresorerie",
    "cloture",
    "camt",
    "pain001",
    "pdf",
    "http",
)
FICHIER_DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"

# Full sizes; --petit divides them by 20.
SAISIE_PAR_TOUR = 2_000
IMPORT = 1_000_000
PROFIL = 100_000
BALANCE = 5_000_000
QUITTANCES = 200
LOT_PAIEMENTS = 10_000
CLOTURE_LIGNES = 10_000_000
CAMT_LIGNES = (1_000, 20_000, 100_000)
CAMT_LOT = 20_000
PAIN001_VIREMENTS = (10_000, 50_000)
PDF_LOT = 400  # quittances and mandats rendered in batch (bench.pdf_lot)
PETIT = 1 / 20


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    analyse = argparse.ArgumentParser(
        prog="python -m bench.tout",
        description="Bancs d'essai du grand livre et de la trésorerie, comparés aux limites "
        "brutes mesurées dans la même exécution, sur la base dédiée caisse_bench (supprimée et "
        "recréée).",
    )
    analyse.add_argument(
        "--petit", action="store_true", help="tailles divisées par 20 (essai rapide)"
    )
    analyse.add_argument(
        "--seul",
        action="append",
        choices=BANCS,
        metavar="BANC",
        help="ne lancer que ce banc : " + ", ".join(BANCS) + " (option répétable)",
    )
    doc = analyse.add_mutually_exclusive_group()
    doc.add_argument(
        "--doc", action="store_true", help="réécrire docs/benchmarks.md quoi qu'il arrive"
    )
    doc.add_argument("--sans-doc", action="store_true", help="ne pas réécrire docs/benchmarks.md")
    return analyse.parse_args(argv)


def tailles(petit: bool) -> dict:
    echelle = PETIT if petit else 1
    return {
        "saisie": round(SAISIE_PAR_TOUR * echelle),
        "import": round(IMPORT * echelle),
        "profil": round(PROFIL * echelle),
        "balance": round(BALANCE * echelle),
        "quittances": round(QUITTANCES * echelle),
        "lot": round(LOT_PAIEMENTS * echelle),
        "cloture": round(CLOTURE_LIGNES * echelle),
        "camt": [round(n * echelle) for n in CAMT_LIGNES],
        "camt_lot": round(CAMT_LOT * echelle),
        "pain001": [round(n * echelle) for n in PAIN001_VIREMENTS],
        "pdf": round(PDF_LOT * echelle),
        # bench.http: seconds with think time, then without (--petit: a quarter).
        "http": (60, 20) if not petit else (15, 5),
    }


def main(argv: list[str] | None = None) -> int:
    options = arguments(argv)
    choisis = [banc for banc in BANCS if not options.seul or banc in options.seul]
    taille = tailles(options.petit)
    debut = time.perf_counter()
    commun.demarrer_django()
    commun.annoncer(f"Base {commun.NOM_BASE} : suppression, création, migrations…")
    commun.recreer_base()
    machine = commun.machine()
    commun.annoncer(
        f"Machine : {machine['nproc']} cœurs, {machine['memoire']}, PostgreSQL "
        f"{machine['postgresql']}, charge {machine['charge']}"
    )
    resultats: list[Resultat] = []
    echecs: list[str] = []
    for banc in choisis:
        debut_banc = time.perf_counter()
        try:
            resultat = _executer(banc, taille, options)
        except Exception as exc:  # one benchmark's failure does not lose the others' figures
            traceback.print_exc()
            echecs.append(f"{banc} : {type(exc).__name__} : {exc}")
            commun.annoncer(f"Banc {banc} en échec : {exc}")
            continue
        resultat.duree_totale = time.perf_counter() - debut_banc
        resultats.append(resultat)
    duree = time.perf_counter() - debut
    machine["charge_fin"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    machine["echecs"] = echecs
    print()
    print(tableau_texte(resultats))
    print(f"\nDurée totale : {duree / 60:.1f} min")
    complet = not options.petit and len(choisis) == len(BANCS)
    if echecs:
        print("Bancs en échec :\n  " + "\n  ".join(echecs))
    if options.doc or (complet and not options.sans_doc):
        FICHIER_DOC.parent.mkdir(parents=True, exist_ok=True)
        FICHIER_DOC.write_text(
            document(resultats, machine, taille, options, duree), encoding="utf-8"
        )
        print(f"Résultats écrits dans {FICHIER_DOC}")
    else:
        print(
            "docs/benchmarks.md n'est pas réécrit (exécution partielle ou réduite ; --doc pour forcer)."
        )
    return 0


def _executer(banc: str, taille: dict, options) -> Resultat:
    if banc == "saisie":
        from bench import saisie

        return saisie.executer(taille["saisie"])
    elif banc == "import":
        from bench import import_masse

        return import_masse.executer(taille["import"], taille["profil"])
    elif banc == "balance":
        from bench import balance

        return balance.executer(taille["balance"])
    elif banc == "rapports":
        from bench import rapports

        # The balance's exercise, reused (loaded here only without the balance).
        return rapports.executer(taille["balance"])
    elif banc == "cloture":
        from bench import cloture

        return cloture.executer(taille["cloture"])
    elif banc == "camt":
        from bench.tresorerie import camt

        return camt.resultat_tout(taille["camt"], taille["camt_lot"])
    elif banc == "pain001":
        from bench.tresorerie import pain001

        return pain001.executer(taille["pain001"])
    elif banc == "pdf":
        from bench import pdf_lot

        return pdf_lot.executer(taille["pdf"])
    elif banc == "http":
        from bench import http as banc_http

        return banc_http.executer(*taille["http"], petit=options.petit)
    else:
        from bench import tresorerie

        return tresorerie.executer(taille["quittances"], taille["lot"])


# --- Presentation -------------------------------------------------------------------


def _valeur(ligne: LigneTableau, valeur: float) -> str:
    if ligne.unite == "s":
        return secondes(valeur)
    return f"{nombre(valeur)} {ligne.unite}"


def _lignes(resultats: list[Resultat]) -> list[LigneTableau]:
    return [ligne for resultat in resultats for ligne in resultat.lignes]


def _atteinte(ligne: LigneTableau, non: str) -> str:
    if ligne.atteinte is None:  # no target set for this figure
        return "—"
    return "oui" if ligne.atteinte else non


def tableau_texte(resultats: list[Resultat]) -> str:
    entetes = ("Banc", "Notre chemin", "Limite brute", "Ratio", "Cible", "Atteinte")
    rangees = [
        (
            ligne.banc,
            _valeur(ligne, ligne.notre),
            _valeur(ligne, ligne.brut),
            pourcent(ligne.ratio),
            ligne.cible,
            _atteinte(ligne, "NON"),
        )
        for ligne in _lignes(resultats)
    ]
    largeurs = [max(len(str(r[i])) for r in [entetes, *rangees]) for i in range(len(entetes))]
    texte = [
        "  ".join(str(c).ljust(largeurs[i]) for i, c in enumerate(r)) for r in [entetes, *rangees]
    ]
    texte.insert(1, "  ".join("-" * largeur for largeur in largeurs))
    return "\n".join(texte)


def tableau_markdown(resultats: list[Resultat]) -> str:
    texte = [
        "| Banc | Notre chemin | Limite brute (même exécution) | Ratio notre / brut | Cible "
        "| Atteinte |",
        "|---|---:|---:|---:|---|---|",
    ]
    for ligne in _lignes(resultats):
        texte.append(
            f"| {ligne.banc} | {_valeur(ligne, ligne.notre)} | {_valeur(ligne, ligne.brut)} "
            f"| {pourcent(ligne.ratio)} | {ligne.cible} | {_atteinte(ligne, '**non**')} |"
        )
    return "\n".join(texte)


def document(resultats, machine, taille, options, duree) -> str:
    maintenant = datetime.datetime.now().astimezone()
    reduite = " (exécution réduite : --petit)" if options.petit else ""
    parties = [
        "# Bancs d'essai du grand livre et de la trésorerie",
        "",
        "<!-- Fichier réécrit par `python -m bench.tout` : ne pas le modifier à la main. -->",
        "",
        f"Mesuré le {maintenant:%d/%m/%Y à %H:%M} ({maintenant:%Z}){reduite}, en "
        f"{nombre(duree / 60, 1)} min.",
        "",
        "Chaque chiffre est rapporté à une limite brute **mesurée dans la même exécution, sur la "
        "même base** (`caisse_bench`, supprimée et recréée au début de chaque exécution). Les "
        "temps ne servent jamais de critère de réussite aux tests.",
        "",
        "## Machine",
        "",
        f"- {machine['nproc']} cœurs ({machine['processeur']}), {machine['memoire']} de mémoire.",
        f"- PostgreSQL {machine['postgresql']} (serveur embarqué `pgserver` sauf `DATABASE_URL`) ; "
        f"réglages : {machine['reglages']}.",
        f"- Python {machine['python']}, Django {machine['django']}, psycopg {machine['psycopg']}.",
        f"- Code mesuré : {machine['code']}.",
        f"- Charge moyenne (1, 5, 15 min) au début : {machine['charge']} ; à la fin : "
        f"{machine['charge_fin']}. La machine peut être partagée : chaque banc indique la part "
        "de CPU prise par les autres processus quand il la mesure.",
        "",
        "## Résultats",
        "",
        tableau_markdown(resultats),
        "",
        *(
            [
                "**Bancs en échec dans cette exécution** (leurs chiffres manquent) : "
                + " ; ".join(machine["echecs"])
                + ".",
                "",
            ]
            if machine.get("echecs")
            else []
        ),
        "Tailles : "
        + ", ".join(
            [
                f"saisie {nombre(taille['saisie'])} écritures par côté et par tour",
                f"import {nombre(taille['import'])} écritures (profil sur {nombre(taille['profil'])})",
                f"balance sur {nombre(taille['balance'])} écritures ({nombre(2 * taille['balance'])} "
                "lignes)",
                f"trésorerie {nombre(taille['quittances'])} quittances et un lot de "
                f"{nombre(taille['lot'])} paiements",
                f"fin d'exercice sur {nombre(taille['cloture'])} lignes",
                "relevés camt.053 de "
                + ", ".join(nombre(n) for n in taille["camt"])
                + f" lignes et un lot de {nombre(taille['camt_lot'])} paiements rapproché",
                "pain.001 de " + ", ".join(nombre(n) for n in taille["pain001"]) + " virements",
                f"rapports sur l'exercice de la balance, hledger sur un exercice d'au plus "
                f"{nombre(min(1_000_000, taille['balance'] // 5))} lignes",
                f"PDF en lot : {nombre(taille['pdf'])} quittances et {nombre(taille['pdf'])} mandats",
                f"HTTP : 16 personnes, {taille['http'][0]} s avec temps de réflexion puis "
                f"{taille['http'][1]} s sans",
            ]
        )
        + ".",
        "",
    ]
    for resultat in resultats:
        parties += [
            # The year-end's four rows share one section, named after the benchmark.
            f"## {resultat.titre if resultat.cle == 'cloture' else resultat.lignes[0].banc.split(' (')[0]}",
            "",
            *resultat.details,
            "",
        ]
        if resultat.limites:
            parties += ["### Ce qui limite", "", *resultat.limites, ""]
    parties += [
        "## Relancer",
        "",
        "```sh",
        "make bench                              # ou : .venv/bin/python -m bench.tout",
        ".venv/bin/python -m bench.tout --petit  # tailles /20, sans réécrire ce fichier",
        ".venv/bin/python -m bench.tout --seul saisie   # un seul banc : " + ", ".join(BANCS),
        "BANC_ATTENTE=10 make bench              # machine partagée : attendre au plus 10 s le calme",
        "BANC_PGLEDGER=/chemin/pgledger.sql make bench  # le pair pgledger (hors du dépôt)",
        ".venv/bin/python -m bench.cloture --lignes 1000000  # la fin d'exercice seule, à la taille voulue",
        ".venv/bin/python -m bench.tresorerie.camt     # relevés camt.053 seuls (--entrees, --lot)",
        ".venv/bin/python -m bench.tresorerie.pain001  # fichiers pain.001 seuls (--virements)",
        ".venv/bin/python -m bench.http --petit        # le serveur de production sous 16 personnes",
        "```",
        "",
        "- La base `caisse_bench` (ou celle que nomme `BANC_BASE`, dont le nom commence par "
        "`caisse_bench`) est supprimée (`DROP DATABASE … WITH (FORCE)`) puis recréée et migrée à "
        "chaque exécution, sur le serveur du projet ; avec `DATABASE_URL`, le rôle doit être "
        "superutilisateur (`session_replication_role`, `CHECKPOINT`).",
        "- Le pair pgledger n'est pas dans le dépôt : son fichier `pgledger.sql` (dépôt public "
        "pgr0ss/pgledger, version en NUMERIC, avec `ulid.sql` de son dossier `vendor` à côté) est "
        "lu à l'emplacement que donne `BANC_PGLEDGER` (par défaut `../pgledger/pgledger.sql` à "
        "côté du projet) et chargé dans une base à lui sur le même serveur ; absent, le banc le "
        "dit « non mesuré ».",
        "- hledger (paquet Debian, installé par `make test`) sert de référence aux rapports.",
        "- Ce fichier n'est réécrit que par une exécution complète de tous les bancs (ou avec "
        "`--doc`, qui le remplace par les seuls résultats de l'exécution) ; `--sans-doc` l'en "
        "empêche.",
        "- Prévoir environ 45 minutes et 15 Go de disque pour l'exécution complète ; chaque banc "
        "attend que la machine se calme (au plus `BANC_ATTENTE` secondes) et note la part de CPU "
        "prise par les autres processus : sur une machine partagée, relancer si elle est forte.",
        "",
    ]
    return "\n".join(parties)


if __name__ == "__main__":
    sys.exit(main())
