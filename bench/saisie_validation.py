"""Benchmark 1, recording and validation (migration 0023): the sides that record.

Eight writers record their entries (`ecriture_enregistrer` through Django, or
`ledger_enregistrer_ecriture` in plain psycopg for the raw limit), with no lock
shared between them; a ninth process is the sequencer, as `manage.py
sequenceur` runs it: it validates the queue in batches (numbers, ranks, chain
links, entries, lines and audit rows written to the ledger) until it is empty.
A round lasts from the first writer's start to the sequencer's last
validation: the figure counts entries *in the ledger*, numbered and chained,
not entries merely queued.
"""

from __future__ import annotations

import time
import traceback

from bench import commun

ANNEE_ENREGISTREMENT = 2040
ANNEE_ENREGISTREMENT_SQL = 2041
PAUSE = 0.02  # the sequencer's wait when the queue is empty (the command's: 0.2 s)


def ecrivain_enregistrement(indice, annee, nombre_ecritures, barriere, resultats) -> None:
    """One writer through `ecriture_enregistrer` (run in its own process)."""
    from bench.saisie import DELAI, ECHAUFFEMENT, _contenu

    try:
        commun.demarrer_django()
        from ledger.models import Exercice
        from ledger.services import LigneSaisie, ecriture_enregistrer

        utilisateur = commun.comptable()
        exercice = Exercice.objects.get(annee=annee)
        jours = commun.jours_de(annee)

        def enregistrer(rang: int) -> None:
            date, montant, libelle = _contenu(indice, rang, jours)
            ecriture_enregistrer(
                acting_user=utilisateur,
                exercice=exercice,
                journal="RE",
                date=date,
                libelle=libelle,
                piece=f"bench:{indice}-{rang}",
                lignes=[LigneSaisie("4111", debit=montant), LigneSaisie("7511", credit=montant)],
            )

        for rang in range(ECHAUFFEMENT):
            enregistrer(-1 - rang)
        pid = commun.pid_serveur_django()
        barriere.wait(timeout=DELAI)
        with commun.chronometrer(pid) as chrono:
            debut = time.perf_counter()
            for rang in range(nombre_ecritures):
                enregistrer(rang)
            fin = time.perf_counter()
        resultats.put(
            ("ok", indice, debut, fin, nombre_ecritures, chrono.cpu_client, chrono.cpu_serveur)
        )
    except BaseException:
        barriere.abort()
        resultats.put(("erreur", indice, traceback.format_exc()))


_SQL_ENREGISTRER = (
    "SELECT ledger_enregistrer_ecriture(%s, 'RE', %s, %s, %s, %s, %s, NULL,"
    " ARRAY['4111', '7511'], ARRAY[%s, 0]::numeric[], ARRAY[0, %s]::numeric[],"
    " ARRAY['', ''], ARRAY['', ''])"
)


def ecrivain_enregistrement_sql(
    indice, annee, nombre_ecritures, barriere, resultats, connexion, utilisateur
) -> None:
    """One writer calling the recording function in plain psycopg, no Django."""
    import datetime

    from bench.saisie import DELAI, ECHAUFFEMENT, _contenu

    try:
        import psycopg

        jours = commun.jours_de(annee)
        with psycopg.connect(connexion, autocommit=True) as conn, conn.cursor() as curseur:

            def enregistrer(rang: int) -> None:
                date, montant, libelle = _contenu(indice, rang, jours)
                curseur.execute(
                    _SQL_ENREGISTRER,
                    (
                        annee,
                        date,
                        libelle,
                        f"bench:{indice}-{rang}",
                        utilisateur,
                        datetime.datetime.now(datetime.UTC),
                        montant,
                        montant,
                    ),
                )

            for rang in range(ECHAUFFEMENT):
                enregistrer(-1 - rang)
            pid = conn.info.backend_pid
            barriere.wait(timeout=DELAI)
            with commun.chronometrer(pid) as chrono:
                debut = time.perf_counter()
                for rang in range(nombre_ecritures):
                    enregistrer(rang)
                fin = time.perf_counter()
            resultats.put(
                ("ok", indice, debut, fin, nombre_ecritures, chrono.cpu_client, chrono.cpu_serveur)
            )
    except BaseException:
        barriere.abort()
        resultats.put(("erreur", indice, traceback.format_exc()))


def sequenceur(arret, resultats) -> None:
    """The sequencer of `manage.py sequenceur`, in its own process: validate
    until told to stop and the queue is empty; report the last validation's
    time, the entries validated and its CPU (process and backend)."""
    try:
        commun.demarrer_django()
        from django.db import transaction

        from ledger.services import valider_file

        pid = commun.pid_serveur_django()
        derniere = time.perf_counter()
        total = lots = rejetees = 0
        with commun.chronometrer(pid) as chrono:
            while True:
                with transaction.atomic():
                    validees, rejet = valider_file(None)
                if validees or rejet:
                    total += validees
                    rejetees += rejet
                    lots += 1
                    derniere = time.perf_counter()
                elif arret.is_set():
                    break
                else:
                    time.sleep(PAUSE)
        resultats.put(
            ("sequenceur", derniere, total, lots, rejetees, chrono.cpu_client, chrono.cpu_serveur)
        )
    except BaseException:
        resultats.put(("erreur", "séquenceur", traceback.format_exc()))


def retards(exercice) -> tuple[float, float, float]:
    """Delay between recording and validation over the exercise: median, p95, max (s)."""
    from django.db import connection

    with connection.cursor() as curseur:
        curseur.execute(
            """SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d),
                      percentile_cont(0.95) WITHIN GROUP (ORDER BY d), max(d)
                 FROM (SELECT extract(epoch FROM validee_le - enregistree_le) AS d
                         FROM ledger_validation WHERE exercice_id = %s) s""",
            [exercice.pk],
        )
        mediane, p95, maximum = curseur.fetchone()
    return float(mediane or 0), float(p95 or 0), float(maximum or 0)
