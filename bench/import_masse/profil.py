"""Benchmark 2: one smaller import under cProfile, read by rows (`_POSTES`)."""

from __future__ import annotations

import cProfile
import io
import pstats
import time

from bench.import_masse.ecritures import saisies

# "appelant" (the caller's generator), "python" (the import's own Python), "dont" (part of
# the line above), "base" (waiting for the server).
_POSTES = (
    (
        "génération des saisies (le générateur de l'appelant)",
        "appelant",
        "bench/import_masse/ecritures.py",
        "saisies",
    ),
    (
        "`_preparer_lignes` (contrôles, `montant()` deux fois par ligne)",
        "python",
        "ledger/services/ecritures.py",
        "_preparer_lignes",
    ),
    ("  dont `core.money.montant`", "dont", "core/money.py", "montant"),
    (
        "`empreinte_ecriture` (JSON canonique + SHA-256)",
        "python",
        "ledger/services/ecritures.py",
        "empreinte_ecriture",
    ),
    ("  dont `json.dumps`", "dont", "json/__init__.py", "dumps"),
    (
        "`Copy.write_row` (sérialisation COPY et envoi ; attend si le serveur est en retard)",
        "python",
        "psycopg/_copy.py",
        "write_row",
    ),
    (
        "fin des COPY (le serveur finit le paquet : triggers d'instruction)",
        "base",
        "psycopg/_copy.py",
        "__exit__",
    ),
    (
        "requêtes (`SELECT nextval(...)` des identifiants, verrou, audit)",
        "base",
        "psycopg/cursor.py",
        "execute",
    ),
    ("COMMIT (trigger différé d'équilibre par lot)", "base", "psycopg/connection.py", "commit"),
)


def profiler(utilisateur, exercice, nombre_ecritures: int) -> tuple[float, list, str]:
    """Import under cProfile; returns (total seconds, [(label, kind, seconds)], top functions)."""
    from ledger.services import ecritures_importer

    profil = cProfile.Profile()
    debut = time.perf_counter()
    profil.enable()
    ecritures_importer(
        acting_user=utilisateur,
        exercice=exercice,
        journal="RE",
        piece="bench:profil",
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
