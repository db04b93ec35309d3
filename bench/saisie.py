"""Benchmark 1: concurrent posting, one entry per transaction.

Our path is recording and validation (migration 0023, bench.saisie_validation):
eight writers record, a sequencer validates in batches; a round ends when the
last entry is numbered and chained in the ledger. The immediate posting
(`ecriture_passer`, below) is measured beside it.

Eight writer processes (each with `django.setup()` and its own connection)
post entries of two lines (4111 debit / 7511 credit, journal RE) through
`ledger.services.ecriture_passer`, which calls the posting function of
migration 0017 (`ledger_passer_ecriture`: lock, number, hash in SQL, insert
the entry, its lines and its audit row, in one round trip).

Two references in the same run, alternated with our side round by round:
- the raw limit: eight writer processes doing the same thing in plain SQL with
  psycopg, without Django: lock the counter and the chain head, INSERT the
  entry with the next number, rank and a chained 64-hex hash, INSERT its two
  lines, COMMIT. Same tables, same constraints, same triggers;
- the peer: pgledger's `pgledger_create_transfer` (github.com/pgr0ss/pgledger),
  loaded into a database of its own on the same server, eight writers moving
  money between two accounts, one transfer per transaction. Its SQL is not
  part of this project: the bench reads it from `BANC_PGLEDGER` (default
  `../pgledger/pgledger.sql` beside the project), with the `uuid_to_ulid`
  function it needs in `ulid.sql` beside it; without them the peer is reported
  as not measured.

Every posting of an exercise waits for the previous one's COMMIT on the chain
head: what is measured is mostly the time a writer holds that lock, and the
CPU each entry costs (two cores for writers and server).
"""

from __future__ import annotations

import datetime
import hashlib
import math
import multiprocessing
import os
import queue
import re
import statistics
import threading
import time
import traceback
from dataclasses import dataclass
from decimal import Decimal

from bench import commun
from bench.commun import LigneTableau, Resultat, nombre, pourcent

ECRIVAINS = 8
ECHAUFFEMENT = 5  # entries per writer before the clock starts
CIBLE = 0.60
CIBLE_PAIR = 1.0  # ours at least as fast as pgledger
TOURS = 3
DELAI = 600  # seconds a side may take before it is declared stuck
ANNEE_SERVICE = commun.ANNEE_SAISIE_SERVICE
ANNEE_SQL = commun.ANNEE_SAISIE_SQL


def _contenu(
    indice: int, rang: int, jours: list[datetime.date]
) -> tuple[datetime.date, Decimal, str]:
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
                acting_user=utilisateur,
                exercice=exercice,
                journal="RE",
                date=date,
                libelle=libelle,
                piece=f"bench:{indice}-{rang}",
                lignes=[LigneSaisie("4111", debit=montant), LigneSaisie("7511", credit=montant)],
            )

        for rang in range(ECHAUFFEMENT):
            passer(-1 - rang)
        pid = commun.pid_serveur_django()
        barriere.wait(timeout=DELAI)
        with commun.chronometrer(pid) as chrono:
            debut = time.perf_counter()
            for rang in range(nombre_ecritures):
                passer(rang)
            fin = time.perf_counter()
        resultats.put(
            ("ok", indice, debut, fin, nombre_ecritures, chrono.cpu_client, chrono.cpu_serveur)
        )
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
    INSERT INTO ledger_ligne (ecriture_id, exercice_id, date, compte_id, debit, credit, tiers, libelle)
    VALUES (%s, %s, %s, %s, %s, 0, '', ''), (%s, %s, %s, %s, 0, %s, '', '')
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
                curseur.execute(
                    _SQL_ECRITURE,
                    (
                        ids["exercice"],
                        ids["journal"],
                        numero,
                        rang_chaine,
                        date,
                        libelle,
                        f"bench:{indice}-{rang}",
                        ids["utilisateur"],
                        datetime.datetime.now(datetime.UTC),
                        precedente,
                        empreinte,
                    ),
                )
                ecriture_id = curseur.fetchone()[0]
                curseur.execute(
                    _SQL_LIGNES,
                    (
                        ecriture_id,
                        ids["exercice"],
                        date,
                        ids["debit"],
                        montant,
                        ecriture_id,
                        ids["exercice"],
                        date,
                        ids["credit"],
                        montant,
                    ),
                )
                conn.commit()

            for rang in range(ECHAUFFEMENT):
                passer(-1 - rang)
            pid = conn.info.backend_pid
            barriere.wait(timeout=DELAI)
            with commun.chronometrer(pid) as chrono:
                debut = time.perf_counter()
                for rang in range(nombre_ecritures):
                    passer(rang)
                fin = time.perf_counter()
            resultats.put(
                ("ok", indice, debut, fin, nombre_ecritures, chrono.cpu_client, chrono.cpu_serveur)
            )
    except BaseException:
        barriere.abort()
        resultats.put(("erreur", indice, traceback.format_exc()))


@dataclass
class Course:
    """One side's run: entries, wall time, CPU of the writers and of their backends."""

    ecritures: int
    duree: float
    cpu_client: float
    cpu_serveur: float
    cpu_etrangere: float  # CPU used meanwhile by every other process of the machine

    @property
    def debit(self) -> float:
        return self.ecritures / self.duree

    def resume(self) -> str:
        return f"{nombre(self.debit)} écritures/s ({self.ecritures} en {self.duree:.1f} s)"


def _course(cible, annee: int, par_ecrivain: int, *autres, sequenceur: bool = False) -> Course:
    """Start the writers together and wait for them; with `sequenceur`, a
    sequencer validates beside them, and the round ends at its last validation
    once every writer is done (bench.saisie_validation)."""
    from bench.saisie_validation import sequenceur as cible_sequenceur

    contexte = multiprocessing.get_context("spawn")
    barriere = contexte.Barrier(ECRIVAINS + 1)
    resultats = contexte.Queue()
    processus = []
    arret = contexte.Event()
    seq = None
    if sequenceur:
        seq = contexte.Process(target=cible_sequenceur, args=(arret, resultats))
        seq.start()
    for indice in range(ECRIVAINS):
        p = contexte.Process(
            target=cible, args=(indice, annee, par_ecrivain, barriere, resultats, *autres)
        )
        p.start()
        processus.append(p)
    recus = []
    try:
        barriere.wait(timeout=DELAI)
        occupation = commun.cpu_machine()
        attendus = ECRIVAINS
        while attendus:
            recus.append(resultats.get(timeout=DELAI))
            if recus[-1][0] == "erreur":
                break
            attendus -= recus[-1][0] == "ok"
        arret.set()
        if seq is not None and recus[-1][0] != "erreur":
            while recus[-1][0] not in ("sequenceur", "erreur"):
                recus.append(resultats.get(timeout=DELAI))
        occupation = commun.cpu_machine() - occupation
    except (queue.Empty, threading.BrokenBarrierError):
        arret.set()
        recus.extend(_vider(resultats))
        erreurs = [r for r in recus if r[0] == "erreur"]
        if erreurs:
            raise RuntimeError(f"L'écrivain {erreurs[0][1]} a échoué :\n{erreurs[0][2]}") from None
        raise RuntimeError("Un écrivain ne répond plus.") from None
    finally:
        arret.set()
        for p in processus + ([seq] if seq is not None else []):
            p.join(timeout=60)
    erreurs = [r for r in recus if r[0] == "erreur"]
    if erreurs:
        raise RuntimeError(f"L'écrivain {erreurs[0][1]} a échoué :\n{erreurs[0][2]}")
    valide = [r for r in recus if r[0] == "sequenceur"]
    recus = [r for r in recus if r[0] == "ok"]
    debut = min(r[2] for r in recus)
    fin = max(r[3] for r in recus)
    cpu_client = sum(r[5] for r in recus)
    cpu_serveur = sum(r[6] or 0.0 for r in recus)
    if valide:
        # The round ends when the last entry is in the ledger; the sequencer's
        # CPU is the round's as much as the writers'.
        _, derniere, _total, _lots, rejetees, cpu_seq, cpu_seq_serveur = valide[0]
        if rejetees:
            raise RuntimeError(f"Le séquenceur a rejeté {rejetees} écriture(s).")
        fin = max(fin, derniere)
        cpu_client += cpu_seq
        cpu_serveur += cpu_seq_serveur or 0.0
    return Course(
        ecritures=sum(r[4] for r in recus),
        duree=fin - debut,
        cpu_client=cpu_client,
        cpu_serveur=cpu_serveur,
        cpu_etrangere=max(0.0, occupation - cpu_client - cpu_serveur),
    )


def _vider(resultats) -> list:
    recus = []
    while True:
        try:
            recus.append(resultats.get(timeout=1))
        except queue.Empty:
            return recus


def executer(nombre_ecritures: int, tours: int = TOURS) -> Resultat:
    """Run both sides `tours` times, interleaved, `nombre_ecritures` entries per side and turn.

    The machine is small and may be shared: interleaving the sides and taking
    the median of each keeps a passing load from favouring one of them.
    """
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
    connexion = commun.conninfo()
    from bench.saisie_pgledger import (
        POUR_MESURER_PGLEDGER,
        chemin_pgledger,
        ecrivain_pgledger,
        preparer_pgledger,
    )
    from bench.saisie_validation import (
        ANNEE_ENREGISTREMENT,
        ANNEE_ENREGISTREMENT_SQL,
        ecrivain_enregistrement,
        ecrivain_enregistrement_sql,
        retards,
    )

    exercice_enr = commun.exercice(ANNEE_ENREGISTREMENT)
    exercice_enr_sql = commun.exercice(ANNEE_ENREGISTREMENT_SQL)
    pgledger = preparer_pgledger()
    brut: list[Course] = []
    pair: list[Course] = []
    notre: list[Course] = []
    enr: list[Course] = []
    enr_sql: list[Course] = []
    for tour in range(1, tours + 1):
        commun.point_de_controle()
        commun.attendre_le_calme()
        commun.annoncer(
            f"Saisie, tour {tour}/{tours} : {ECRIVAINS} écrivains en SQL brut, "
            f"{par_ecrivain} écritures chacun…"
        )
        brut.append(_course(_ecrivain_sql, ANNEE_SQL, par_ecrivain, connexion, ids))
        commun.annoncer(f"  {brut[-1].resume()}")
        if not isinstance(pgledger, str):
            commun.point_de_controle()
            commun.attendre_le_calme()
            commun.annoncer(
                f"Saisie, tour {tour}/{tours} : {ECRIVAINS} écrivains par pgledger_create_transfer…"
            )
            pair.append(_course(ecrivain_pgledger, ANNEE_SQL, par_ecrivain, *pgledger))
            commun.annoncer(f"  {pair[-1].resume()}")
        commun.point_de_controle()
        commun.attendre_le_calme()
        commun.annoncer(f"Saisie, tour {tour}/{tours} : {ECRIVAINS} écrivains par ecriture_passer…")
        notre.append(_course(_ecrivain_service, ANNEE_SERVICE, par_ecrivain))
        commun.annoncer(f"  {notre[-1].resume()}")
        commun.point_de_controle()
        commun.attendre_le_calme()
        commun.annoncer(
            f"Saisie, tour {tour}/{tours} : {ECRIVAINS} écrivains par ecriture_enregistrer "
            "et le séquenceur…"
        )
        enr.append(
            _course(ecrivain_enregistrement, ANNEE_ENREGISTREMENT, par_ecrivain, sequenceur=True)
        )
        commun.annoncer(f"  {enr[-1].resume()}")
        commun.point_de_controle()
        commun.attendre_le_calme()
        commun.annoncer(
            f"Saisie, tour {tour}/{tours} : {ECRIVAINS} écrivains par "
            "ledger_enregistrer_ecriture (psycopg) et le séquenceur…"
        )
        enr_sql.append(
            _course(
                ecrivain_enregistrement_sql,
                ANNEE_ENREGISTREMENT_SQL,
                par_ecrivain,
                connexion,
                utilisateur.pk,
                sequenceur=True,
            )
        )
        commun.annoncer(f"  {enr_sql[-1].resume()}")

    attendu = tours * ECRIVAINS * (par_ecrivain + ECHAUFFEMENT)
    for exercice in (exercice_service, exercice_sql, exercice_enr, exercice_enr_sql):
        compte = Ecriture.objects.filter(exercice=exercice).count()
        if compte != attendu:
            raise RuntimeError(
                f"Exercice {exercice.annee} : {compte} écritures au lieu de {attendu}."
            )
    _verifier_chaine(exercice_service)
    _verifier_chaine(exercice_enr)
    _verifier_chaine(exercice_enr_sql)
    retard = retards(exercice_enr)

    requetes, verrou = _requetes_par_ecriture(utilisateur, exercice_service)
    debit_brut = statistics.median(c.debit for c in brut)
    debit_notre = statistics.median(c.debit for c in notre)
    ratio = debit_notre / debit_brut
    debit_enr = statistics.median(c.debit for c in enr)
    debit_enr_sql = statistics.median(c.debit for c in enr_sql)
    ratio_enr = debit_enr / debit_enr_sql
    lignes = [
        LigneTableau(
            banc="1. Saisie concurrente, enregistrement et validation (8 écrivains + séquenceur)",
            unite="écritures/s",
            notre=debit_enr,
            brut=debit_enr_sql,
            ratio=ratio_enr,
            cible=f"≥ {pourcent(CIBLE)}",
            atteinte=ratio_enr >= CIBLE,
        ),
        LigneTableau(
            banc="1. Saisie immédiate (`ecriture_passer`, 8 écrivains)",
            unite="écritures/s",
            notre=debit_notre,
            brut=debit_brut,
            ratio=ratio,
            cible="—",
            atteinte=None,
        ),
    ]
    if pair:
        debit_pair = statistics.median(c.debit for c in pair)
        ratio_pair = debit_enr / debit_pair
        ratio_fonction = debit_enr_sql / debit_pair
        lignes[1:1] = [
            # Function against function, each called by a client in psycopg: the
            # layer pgledger is (a SQL library), with every guard of ours kept.
            LigneTableau(
                banc="1. Enregistrement (fonction SQL, psycopg) et validation, contre pgledger",
                unite="écritures/s",
                notre=debit_enr_sql,
                brut=debit_pair,
                ratio=ratio_fonction,
                cible=f"≥ {pourcent(CIBLE_PAIR)}",
                atteinte=ratio_fonction >= CIBLE_PAIR,
            ),
            # Through Django's service: who acts and the French refusals on top.
            LigneTableau(
                banc="1. Enregistrement par le service Django et validation, contre pgledger",
                unite="écritures/s",
                notre=debit_enr,
                brut=debit_pair,
                ratio=ratio_pair,
                cible=f"≥ {pourcent(CIBLE_PAIR)}",
                atteinte=ratio_pair >= CIBLE_PAIR,
            ),
        ]
        ligne_pair = (
            "- **Pair** : `pgledger_create_transfer` de pgledger (github.com/pgr0ss/pgledger, "
            f"fichier `{chemin_pgledger().name}` chargé dans sa propre base `{commun.NOM_BASE}"
            "_pgledger` du même serveur), psycopg sans Django, un virement entre deux comptes par "
            "transaction (verrou des deux comptes, mise à jour des soldes, un virement et deux "
            "mouvements ; ni numérotation continue, ni chaîne d'empreintes, ni journal d'audit) : "
            f"**{nombre(debit_pair)} virements/s** (tours : {_liste(pair)}). "
            f"**Ratio enregistrement et validation / pgledger : {pourcent(ratio_pair)}** (cible ≥ "
            f"{pourcent(CIBLE_PAIR)} : {'atteinte' if ratio_pair >= CIBLE_PAIR else 'non atteinte'}) ; "
            f"fonction contre fonction (psycopg des deux côtés) : "
            f"{pourcent(debit_enr_sql / debit_pair)} ; saisie immédiate / pgledger : "
            f"{pourcent(debit_notre / debit_pair)}."
        )
    else:
        ligne_pair = f"- **Pair** : pgledger non mesuré ({pgledger}) ; {POUR_MESURER_PGLEDGER}."
    details = [
        f"- {ECRIVAINS} processus écrivains (`multiprocessing`, démarrage *spawn*, chacun avec "
        f"sa propre connexion) ; {tours} tours alternés (SQL brut, pgledger, saisie immédiate, "
        "enregistrement et validation par le service, puis en psycopg), "
        f"{par_ecrivain} écritures par écrivain et par tour, après {ECHAUFFEMENT} "
        "écritures d'échauffement non chronométrées. Débit d'un tour = écritures chronométrées "
        "/ (dernière fin − premier début) ; chiffre retenu = médiane des tours.",
        f"- **Saisie immédiate** : `ecriture_passer` (journal RE, 4111 au débit, 7511 au crédit), "
        "qui appelle la fonction de saisie `ledger_passer_ecriture` (migration 0017 : verrou, "
        "numéro, empreinte SHA-256 calculée en SQL, écriture, lignes et ligne d'audit en un "
        f"aller-retour), exercice {ANNEE_SERVICE} : **{nombre(debit_notre)} écritures/s** "
        f"(tours : {_liste(notre)}) ; la chaîne de l'exercice est vérifiée ensuite "
        "(`ledger.integrite`, empreintes recalculées en Python).",
        "- **Enregistrement et validation** (migration 0023) : `ecriture_enregistrer` (mêmes "
        "contrôles que `ecriture_passer` : droits, lignes, comptes, exercice et son état, "
        "équilibre ; deux instructions préparées, `core.preparees` : qui agit, puis l'appel de "
        "la fonction, qui contrôle aussi les comptes) "
        "enregistre l'écriture dans la file, sans verrou partagé avec les autres écrivains ; "
        "un neuvième processus, le séquenceur (la boucle de `manage.py sequenceur`), valide la "
        "file par lots : numéro, rang et empreinte chaînée sous les verrous de l'exercice, "
        "écritures, lignes et lignes d'audit écrites au grand livre en une instruction chacune, "
        "où tous les triggers les contrôlent. Un tour va du premier début d'écrivain à la "
        "dernière validation : le débit compte des écritures numérotées et chaînées au grand "
        f"livre, pas des écritures en file. Exercice {ANNEE_ENREGISTREMENT} : "
        f"**{nombre(debit_enr)} écritures/s** (tours : {_liste(enr)}) ; chaîne vérifiée en "
        "Python ensuite. Délai entre enregistrement et validation (tous tours, échauffement "
        f"compris) : médiane {nombre(retard[0] * 1000)} ms, p95 {nombre(retard[1] * 1000)} ms, "
        f"maximum {nombre(retard[2] * 1000)} ms.",
        "- **Limite brute de l'enregistrement** : les mêmes huit écrivains en psycopg sans "
        "Django, appelant directement `ledger_enregistrer_ecriture`, avec le même séquenceur, "
        f"exercice {ANNEE_ENREGISTREMENT_SQL} : **{nombre(debit_enr_sql)} écritures/s** "
        f"(tours : {_liste(enr_sql)}). **Ratio : {pourcent(ratio_enr)}** (cible ≥ "
        f"{pourcent(CIBLE)} : {'atteinte' if ratio_enr >= CIBLE else 'non atteinte'}).",
        "- **Limite brute de la saisie immédiate** : psycopg sans Django, une transaction par écriture (SELECT … FOR "
        "UPDATE du compteur et de la tête de chaîne, INSERT de l'écriture, INSERT des deux "
        f"lignes, COMMIT ; mêmes contraintes et triggers, sans ligne d'audit), exercice "
        f"{ANNEE_SQL} : **{nombre(debit_brut)} écritures/s** (tours : {_liste(brut)}).",
        ligne_pair,
        f"- **Saisie immédiate / sa limite brute** : {pourcent(ratio)}.",
        "- Temps CPU par écriture (médiane des tours), processus Python / processus serveur : "
        f"enregistrement et validation {_cpu(enr)} (séquenceur compris) ; sa limite brute "
        f"{_cpu(enr_sql)} ; saisie immédiate {_cpu(notre)} ; SQL brut {_cpu(brut)}"
        + (f" ; pgledger {_cpu(pair)}" if pair else "")
        + ". Pendant les tours, les autres processus de la machine ont pris en moyenne "
        f"{_etrangers(brut, notre, pair)}.",
    ]
    limites = _limites(notre, brut, requetes, verrou)
    return Resultat("saisie", "Saisie concurrente", lignes, details, limites)


def _verifier_chaine(exercice) -> None:
    """The measured exercise's numbers and chain, recomputed in Python."""
    from ledger.integrite import verifier_integrite

    rapport = verifier_integrite(annee=exercice.annee)
    if not rapport.intact:
        raise RuntimeError(f"Exercice {exercice.annee} : chaîne invalide : {rapport.anomalies[:3]}")


def _requetes_par_ecriture(utilisateur, exercice) -> tuple[list[str], int]:
    """The statements one `ecriture_passer` sends, and the index of the locking one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ledger.services import LigneSaisie, ecriture_passer

    date, montant, libelle = _contenu(99, 0, commun.jours_de(exercice.annee))
    with CaptureQueriesContext(connection) as capture:
        ecriture_passer(
            acting_user=utilisateur,
            exercice=exercice,
            journal="RE",
            date=date,
            libelle=libelle,
            lignes=[LigneSaisie("4111", debit=montant), LigneSaisie("7511", credit=montant)],
        )
    requetes = [requete["sql"] for requete in capture.captured_queries]
    verrou = next(
        (
            i
            for i, sql in enumerate(requetes)
            if "FOR UPDATE" in sql or "ledger_passer_ecriture" in sql
        ),
        len(requetes),
    )
    return [_resume_sql(sql) for sql in requetes], verrou


def _resume_sql(sql: str) -> str:
    """`INSERT ledger_ligne`, `SELECT personnes_affectation`, `SELECT … FOR UPDATE`, `COMMIT`."""
    mots = sql.split()
    if not mots:
        return "?"
    verbe = mots[0].upper()
    if "FOR UPDATE" in sql:
        return "SELECT … FOR UPDATE"
    if "ledger_passer_ecriture" in sql:
        return "SELECT ledger_passer_ecriture(…)"
    if verbe == "WITH":
        tables = re.findall(r"INSERT\s+INTO\s+\"?(\w+)", sql, re.IGNORECASE)
        return f"WITH … INSERT {' + '.join(tables)}" if tables else verbe
    motif = {
        "INSERT": r"INTO\s+\"?(\w+)",
        "SELECT": r"FROM\s+\"?(\w+)",
        "UPDATE": r"UPDATE\s+\"?(\w+)",
    }
    if verbe in motif and (trouve := re.search(motif[verbe], sql, re.IGNORECASE)):
        return f"{verbe} {trouve.group(1)}"
    return verbe


def _limites(
    notre: list[Course], brut: list[Course], requetes: list[str], verrou: int
) -> list[str]:
    def cpu(courses: list[Course]) -> float:
        return statistics.median((c.cpu_client + c.cpu_serveur) / c.ecritures for c in courses)

    debit_brut = statistics.median(c.debit for c in brut)
    debit_notre = statistics.median(c.debit for c in notre)
    coeurs = len(os.sched_getaffinity(0))
    cpu_notre, cpu_brut = cpu(notre), cpu(brut)
    apres = requetes[verrou:]
    return [
        "- Toutes les écritures d'un exercice passent l'une après l'autre : chacune verrouille "
        "le compteur du journal et la tête de la chaîne d'empreintes (`SELECT … FOR UPDATE`) "
        "jusqu'à son COMMIT. Le débit est donc borné par la durée de détention de ce verrou, "
        f"quel que soit le nombre d'écrivains : en SQL brut, {nombre(1000 / debit_brut, 2)} ms "
        f"par écriture ; par le service, {nombre(1000 / debit_notre, 2)} ms.",
        f"- Avec {coeurs} cœurs, le débit est aussi borné par le CPU consommé par écriture "
        f"(écrivains + serveur) : {nombre(cpu_notre * 1000, 2)} ms pour notre chemin, soit au "
        f"mieux {nombre(coeurs / cpu_notre)} écritures/s si tout se parallélisait, contre "
        f"{nombre(cpu_brut * 1000, 2)} ms en SQL brut (au mieux {nombre(coeurs / cpu_brut)}/s). "
        f"Notre chemin atteint {pourcent(debit_notre * cpu_notre / coeurs)} de ce plafond CPU, "
        f"le SQL brut {pourcent(debit_brut * cpu_brut / coeurs)} du sien : plus ce taux est "
        "haut, plus le CPU limite avant le verrou.",
        f"- `ecriture_passer` envoie {len(requetes)} instructions par écriture (BEGIN et COMMIT "
        f"compris), dont {len(apres)} pendant que le verrou est tenu : "
        + ", ".join(f"`{r}`" for r in apres)
        + ". Avant le verrou : "
        + ", ".join(f"`{r}`" for r in requetes[:verrou])
        + ". Le SQL brut en envoie 5 (BEGIN, verrou, INSERT de l'écriture, INSERT des lignes, "
        "COMMIT), dont 4 sous le verrou, avec des requêtes préparées (psycopg prépare une "
        "requête à sa cinquième exécution ; Django ne prépare rien par défaut).",
        "- Le verrou est pris dans la fonction de saisie et tenu jusqu'au COMMIT qui la suit : "
        "une instruction et un COMMIT. Les droits, les contrôles des lignes et la préparation "
        "des paramètres (Python) se font avant ; l'empreinte est calculée par le serveur.",
    ]


def _liste(courses: list[Course]) -> str:
    return ", ".join(nombre(c.debit) for c in courses) + " écritures/s"


def _cpu(courses: list[Course]) -> str:
    client = statistics.median(c.cpu_client / c.ecritures for c in courses)
    serveur = statistics.median(c.cpu_serveur / c.ecritures for c in courses)
    return f"{nombre(client * 1000, 2)} ms / {nombre(serveur * 1000, 2)} ms"


def _etrangers(brut: list[Course], notre: list[Course], pair: list[Course]) -> str:
    def liste(courses: list[Course]) -> str:
        return ", ".join(nombre(c.cpu_etrangere / c.duree, 2) for c in courses)

    moyenne = statistics.mean(c.cpu_etrangere / c.duree for c in brut + notre + pair)
    return (
        f"{nombre(moyenne, 2)} cœur (SQL brut : {liste(brut)} ; "
        + (f"pgledger : {liste(pair)} ; " if pair else "")
        + f"service : {liste(notre)})"
    )
