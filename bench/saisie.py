"""Benchmark 1: concurrent posting, one entry per transaction.

Eight writer processes (each with `django.setup()` and its own connection)
post entries of two lines (4111 debit / 7511 credit, journal RE) through
`ledger.services.ecriture_passer`. The raw limit: eight writer processes doing
the same thing in plain SQL with psycopg, without Django: lock the counter and
the chain head, INSERT the entry with the next number, rank and a chained
64-hex hash, INSERT its two lines, COMMIT. Same tables, same constraints, same
triggers. Each side posts into its own exercise.

Every posting of an exercise waits for the previous one's COMMIT on the chain
head (`ledger.services._verrouiller`): what is measured is mostly the time a
writer holds that lock.
"""

from __future__ import annotations

import datetime
import hashlib
import math
import multiprocessing
import queue
import time
import traceback
from decimal import Decimal

from bench import commun
from bench.commun import LigneTableau, Resultat, nombre, pourcent

ECRIVAINS = 8
ECHAUFFEMENT = 5  # entries per writer before the clock starts
CIBLE = 0.60
DELAI = 600  # seconds a side may take before it is declared stuck
ANNEE_SERVICE = commun.ANNEE_SAISIE_SERVICE
ANNEE_SQL = commun.ANNEE_SAISIE_SQL


def _contenu(indice: int, rang: int, jours: list[datetime.date]) -> tuple[datetime.date, Decimal, str]:
    """Date, amount and label of a writer's `rang`-th entry (same on both sides)."""
    date = jours[(indice * 53 + rang * 7) % len(jours)]
    montant = Decimal(1000 + (indice * 7919 + rang * 104729) % 900_000).scaleb(-2)
    return date, montant, f"Cotisation employeur {indice}-{rang}"


def _ecrivain_service(indice, annee, nombre_ecritures, barriere, resultats) -> None:
    """One writer through `ecriture_passer` (run in its own process)."""
    try:
        commun.demarrer_django()
        from ledger.models import Exercice
        from ledger.services import LigneSaisie, ecriture_passer

        utilisateur = commun.comptable()
        exercice = Exercice.objects.get(annee=annee)
        jours = commun.jours_de(annee)

        def passer(rang: int) -> None:
            date, montant, libelle = _contenu(indice, rang, jours)
            ecriture_passer(
                acting_user=utilisateur, exercice=exercice, journal="RE", date=date,
                libelle=libelle, piece=f"bench:{indice}-{rang}",
                lignes=[LigneSaisie("4111", debit=montant), LigneSaisie("7511", credit=montant)],
            )

        for rang in range(ECHAUFFEMENT):
            passer(-1 - rang)
        barriere.wait(timeout=DELAI)
        debut = time.perf_counter()
        for rang in range(nombre_ecritures):
            passer(rang)
        resultats.put(("ok", indice, debut, time.perf_counter(), nombre_ecritures))
    except BaseException:
        barriere.abort()
        resultats.put(("erreur", indice, traceback.format_exc()))


_SQL_VERROU = """
    SELECT c.dernier_numero, h.dernier_rang, h.derniere_empreinte
      FROM ledger_compteur c JOIN ledger_chaine h ON h.exercice_id = c.exercice_id
     WHERE c.exercice_id = %s AND c.journal_id = %s
       FOR UPDATE
"""
_SQL_ECRITURE = """
    INSERT INTO ledger_ecriture (exercice_id, journal_id, numero, rang, date, libelle, piece,
                                 passee_par_id, passee_le, contrepasse_id,
                                 empreinte_precedente, empreinte)
    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, NULL, %s, %s)
    RETURNING id
"""
_SQL_LIGNES = """
    INSERT INTO ledger_ligne (ecriture_id, compte_id, debit, credit, tiers, libelle)
    VALUES (%s, %s, %s, 0, '', ''), (%s, %s, 0, %s, '', '')
"""


def _ecrivain_sql(indice, annee, nombre_ecritures, barriere, resultats, connexion, ids) -> None:
    """One writer in plain SQL with psycopg, no Django (run in its own process)."""
    try:
        import psycopg

        jours = commun.jours_de(annee)
        with psycopg.connect(connexion) as conn, conn.cursor() as curseur:

            def passer(rang: int) -> None:
                date, montant, libelle = _contenu(indice, rang, jours)
                curseur.execute(_SQL_VERROU, (ids["exercice"], ids["journal"]))
                dernier_numero, dernier_rang, precedente = curseur.fetchone()
                numero, rang_chaine = dernier_numero + 1, dernier_rang + 1
                empreinte = hashlib.sha256(
                    f"{precedente}|{numero}|{rang_chaine}|{date}|{libelle}|{montant}".encode()
                ).hexdigest()
                curseur.execute(_SQL_ECRITURE, (
                    ids["exercice"], ids["journal"], numero, rang_chaine, date, libelle,
                    f"bench:{indice}-{rang}", ids["utilisateur"],
                    datetime.datetime.now(datetime.UTC), precedente, empreinte,
                ))
                ecriture_id = curseur.fetchone()[0]
                curseur.execute(_SQL_LIGNES, (
                    ecriture_id, ids["debit"], montant, ecriture_id, ids["credit"], montant,
                ))
                conn.commit()

            for rang in range(ECHAUFFEMENT):
                passer(-1 - rang)
            barriere.wait(timeout=DELAI)
            debut = time.perf_counter()
            for rang in range(nombre_ecritures):
                passer(rang)
            resultats.put(("ok", indice, debut, time.perf_counter(), nombre_ecritures))
    except BaseException:
        barriere.abort()
        resultats.put(("erreur", indice, traceback.format_exc()))


def _course(cible, annee: int, par_ecrivain: int, *autres) -> tuple[float, int, float]:
    """Start the writers together; return (entries/s, entries, seconds)."""
    contexte = multiprocessing.get_context("spawn")
    barriere = contexte.Barrier(ECRIVAINS)
    resultats = contexte.Queue()
    processus = []
    for indice in range(ECRIVAINS):
        p = contexte.Process(
            target=cible, args=(indice, annee, par_ecrivain, barriere, resultats, *autres)
        )
        p.start()
        processus.append(p)
    recus = []
    try:
        for _ in range(ECRIVAINS):
            recus.append(resultats.get(timeout=DELAI))
    except queue.Empty:
        raise RuntimeError("Un écrivain ne répond plus.") from None
    finally:
        for p in processus:
            p.join(timeout=60)
    erreurs = [r for r in recus if r[0] == "erreur"]
    if erreurs:
        raise RuntimeError(f"L'écrivain {erreurs[0][1]} a échoué :\n{erreurs[0][2]}")
    debut = min(r[2] for r in recus)
    fin = max(r[3] for r in recus)
    total = sum(r[4] for r in recus)
    return total / (fin - debut), total, fin - debut


def executer(nombre_ecritures: int) -> Resultat:
    """Run both sides, `nombre_ecritures` entries each (rounded up to the writers)."""
    from ledger.models import Compte, Ecriture, Journal

    par_ecrivain = math.ceil(nombre_ecritures / ECRIVAINS)
    utilisateur = commun.comptable()
    exercice_service = commun.exercice(ANNEE_SERVICE)
    exercice_sql = commun.exercice(ANNEE_SQL)
    ids = {
        "exercice": exercice_sql.pk,
        "journal": Journal.objects.get(code="RE").pk,
        "utilisateur": utilisateur.pk,
        "debit": Compte.objects.get(numero="4111").pk,
        "credit": Compte.objects.get(numero="7511").pk,
    }
    commun.point_de_controle()
    commun.annoncer(f"Saisie : {ECRIVAINS} écrivains en SQL brut, {par_ecrivain} écritures chacun…")
    brut, total_brut, duree_brut = _course(
        _ecrivain_sql, ANNEE_SQL, par_ecrivain, commun.conninfo(), ids
    )
    commun.annoncer(f"  {nombre(brut)} écritures/s en {duree_brut:.1f} s")
    commun.point_de_controle()
    commun.annoncer(f"Saisie : {ECRIVAINS} écrivains par ecriture_passer…")
    notre, total_notre, duree_notre = _course(_ecrivain_service, ANNEE_SERVICE, par_ecrivain)
    commun.annoncer(f"  {nombre(notre)} écritures/s en {duree_notre:.1f} s")

    attendu = ECRIVAINS * (par_ecrivain + ECHAUFFEMENT)
    for exercice in (exercice_service, exercice_sql):
        compte = Ecriture.objects.filter(exercice=exercice).count()
        if compte != attendu:
            raise RuntimeError(f"Exercice {exercice.annee} : {compte} écritures au lieu de {attendu}.")

    ratio = notre / brut
    ligne = LigneTableau(
        banc="1. Saisie concurrente (8 écrivains)", unite="écritures/s", notre=notre, brut=brut,
        ratio=ratio, cible=f"≥ {pourcent(CIBLE)}", atteinte=ratio >= CIBLE,
    )
    details = [
        f"- {ECRIVAINS} processus écrivains (`multiprocessing`, démarrage *spawn*, chacun avec "
        f"`django.setup()` et sa connexion), {par_ecrivain} écritures chacun après "
        f"{ECHAUFFEMENT} écritures d'échauffement non chronométrées ; débit = écritures "
        "chronométrées / (dernière fin − premier début).",
        f"- **Notre chemin** : `ecriture_passer` (journal RE, 4111 au débit, 7511 au crédit), "
        f"exercice {ANNEE_SERVICE} : **{nombre(notre)} écritures/s** "
        f"({total_notre} écritures en {nombre(duree_notre, 2)} s, soit "
        f"{nombre(duree_notre / total_notre * 1000, 2)} ms par écriture).",
        f"- **Limite brute** : psycopg sans Django, une transaction par écriture (SELECT … FOR "
        "UPDATE du compteur et de la tête de chaîne, INSERT de l'écriture, INSERT des deux "
        f"lignes, COMMIT ; mêmes contraintes et triggers), exercice {ANNEE_SQL} : "
        f"**{nombre(brut)} écritures/s** ({total_brut} écritures en {nombre(duree_brut, 2)} s, "
        f"soit {nombre(duree_brut / total_brut * 1000, 2)} ms par écriture).",
        f"- **Ratio** : {pourcent(ratio)} (cible ≥ {pourcent(CIBLE)} : "
        f"{'atteinte' if ratio >= CIBLE else 'non atteinte'}).",
    ]
    return Resultat("saisie", "Saisie concurrente", [ligne], details)
