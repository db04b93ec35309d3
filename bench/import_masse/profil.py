"""Benchmark 2: one smaller import under cProfile, read by rows (`_POSTES`)."""

from __future__ import annotations

import cProfile
import io
import pstats
import time

from bench.import_masse.ecritures import saisies

# "appelant" (the caller's generator), "python" (the import's own Python, producer thread),
# "dont" (part of the line above), "attente" (the main thread waiting for the producer),
# "base" (waiting for the server). The two threads overlap: shares add up past 100 %.
_POSTES = (
    (
        "génération des saisies (le générateur de l'appelant, fil principal)",
        "appelant",
        "bench/import_masse/ecritures.py",
        "saisies",
    ),
    (
        "préparation des paquets, fil producteur (`Preparateur.paquet` : contrôles, numéros, "
        "empreintes, texte des COPY)",
        "python",
        "ledger/services/importation_paquets.py",
        "paquet",
    ),
    (
        "  dont contrôles des lignes (`_lignes_simples`)",
        "dont",
        "ledger/services/importation_paquets.py",
        "_lignes_simples",
    ),
    (
        "fil principal : attente du paquet suivant (`Future.result`)",
        "attente",
        "concurrent/futures/_base.py",
        "result",
    ),
    (
        "envoi des COPY (`Copy.write` ; attend si le serveur est en retard)",
        "base",
        "psycopg/_copy.py",
        "write",
    ),
    (
        "fin des COPY (le serveur finit le paquet : triggers d'instruction)",
        "base",
        "psycopg/_copy.py",
        "__exit__",
    ),
    (
        "requêtes (identifiants, contrôle d'équilibre de chaque paquet par `SET CONSTRAINTS`, "
        "verrou, audit)",
        "base",
        "psycopg/cursor.py",
        "execute",
    ),
    ("COMMIT", "base", "psycopg/connection.py", "commit"),
)


def profiler(utilisateur, exercice, nombre_ecritures: int) -> tuple[float, list, str]:
    """Import under cProfile; returns (total seconds, [(label, kind, seconds)], top functions)."""
    from ledger.services import ecritures_importer
    from ledger.services.importation_paquets import Preparateur

    # cProfile sees one thread: the producer's packets get a profile of their own, added in.
    profil, profil_producteur = cProfile.Profile(), cProfile.Profile()
    paquet = Preparateur.paquet

    def paquet_profile(preparateur, *arguments):
        profil_producteur.enable()
        try:
            return paquet(preparateur, *arguments)
        finally:
            profil_producteur.disable()

    Preparateur.paquet = paquet_profile
    try:
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
    finally:
        Preparateur.paquet = paquet
    statistiques = pstats.Stats(profil)
    statistiques.add(profil_producteur)
    postes = []
    for libelle, genre, fichier, fonction in _POSTES:
        # The outermost of same-named functions of one file (Copy.write calls its writer's write).
        cumul = max(
            (
                valeurs[3]
                for (nom_fichier, _, nom), valeurs in statistiques.stats.items()
                if nom == fonction and nom_fichier.endswith(fichier)
            ),
            default=0.0,
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
