"""Benchmark 4, part 2: a batch of N transfers, by `lot_payer` and by the raw limit.

2 × N visaed ordres de dépense are prepared (`bench.tresorerie.ordres`). One
half is paid by `tresorerie.services.lot_payer` (one transaction: locks, the
entry of N + 1 lines, the pain.001 file built and validated, N payments, N
orders marked paid through `depenses.paiements`, the credit's payment, N + 1
audit rows); light wrappers tell where its time goes (pain.001, the entry, the
other queries by statement, the COMMIT). The other half is paid by the raw limit
(`bench.tresorerie.lot_brut`), to which `sepa.pain001` alone is added. Each side
runs once, after VACUUM ANALYZE and a CHECKPOINT; the raw side first.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field

from bench import commun
from bench.commun import Chrono, nombre, pourcent, secondes
from bench.tresorerie.lot_brut import pain001_seul, payer_brut, preparer_tampons
from bench.tresorerie.ordres import CHAPITRE, Moitie, preparer_lot
from bench.tresorerie.outils import date_du_jour, espion


@dataclass
class Decompte:
    """Where `lot_payer`'s time went (seconds), read by light wrappers around it."""

    pain001: float = 0.0
    ecriture: float = 0.0  # ecriture_passer, its SQL included
    commit: float = 0.0  # COMMIT, with the deferred checks (balance of the entry)
    sql: dict[str, list[float]] = field(default_factory=dict)  # outside ecriture_passer

    @property
    def sql_total(self) -> float:
        return sum(sum(durees) for durees in self.sql.values())


def payer_notre(comptable, moitie: Moitie, banque) -> tuple[Chrono, Decompte, object]:
    from django.db import connection

    from bench.saisie import _resume_sql
    from tresorerie import sepa, services
    from tresorerie.services import paiements

    decompte = Decompte()
    dans_ecriture = [False]
    pains, ecritures = [], []

    def espion_sql(execute, sql, params, many, context):
        debut = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            if not dans_ecriture[0]:
                decompte.sql.setdefault(_resume_sql(sql), []).append(time.perf_counter() - debut)

    ecriture_passer = paiements.ecriture_passer

    def ecriture_chronometree(*args, **kwargs):
        dans_ecriture[0] = True
        debut = time.perf_counter()
        try:
            return ecriture_passer(*args, **kwargs)
        finally:
            ecritures.append(time.perf_counter() - debut)
            dans_ecriture[0] = False

    commit = connection.commit

    def commit_chronometre():
        debut = time.perf_counter()
        try:
            return commit()
        finally:
            decompte.commit += time.perf_counter() - debut

    pid = commun.pid_serveur_django()
    paiements.ecriture_passer = ecriture_chronometree
    connection.commit = commit_chronometre
    try:
        with (
            espion(sepa, "pain001", pains),
            connection.execute_wrapper(espion_sql),
            commun.chronometrer(pid) as chrono,
        ):
            lot = services.lot_payer(acting_user=comptable, ordres=moitie.ordres, compte=banque)
    finally:
        paiements.ecriture_passer = ecriture_passer
        del connection.commit
    decompte.pain001 = sum(d for d, _ in pains)
    decompte.ecriture = sum(ecritures)
    return chrono, decompte, lot


# --- Both sides --------------------------------------------------------------------


@dataclass
class MesuresLot:
    nombre: int
    preparation: float
    notre: Chrono
    brut: Chrono
    pain001_seul: float
    decompte: Decompte
    etapes_brut: dict[str, float]
    octets_fichier: int
    lignes_ecriture: int

    @property
    def total_brut(self) -> float:
        return self.brut.duree + self.pain001_seul

    @property
    def ratio(self) -> float:
        return self.notre.duree / self.total_brut


def mesurer_lot(comptable, directeur_, exercice, banque, nombre_ordres: int) -> MesuresLot:
    from budget.models import Credit
    from depenses.models import OrdreDepense
    from ledger.models import Journal, Ligne
    from tresorerie.models import LotPaiement, Paiement

    commun.annoncer(
        f"Trésorerie : préparation de 2 × {nombre(nombre_ordres)} ordres de dépense visés…"
    )
    debut = time.perf_counter()
    brut, notre = preparer_lot(comptable, directeur_, exercice, nombre_ordres)
    preparation = time.perf_counter() - debut
    commun.annoncer(f"  préparés en {preparation:.1f} s")

    message_id = f"CAISSE-{date_du_jour():%Y%m%d}-{uuid.uuid4().hex[:12].upper()}"
    commun.attendre_le_calme()
    commun.annoncer(f"Trésorerie : sepa.pain001 seul sur {nombre(nombre_ordres)} virements…")
    duree_pain, fichier = pain001_seul(brut, banque, message_id)
    commun.annoncer(f"  {secondes(duree_pain)} ({nombre(len(fichier) / 1024)} Kio)")
    tampons = preparer_tampons(brut, comptable, banque, fichier, message_id)
    ids = {
        "exercice": exercice.pk,
        "journal": Journal.objects.get(code="TR").pk,
        "utilisateur": comptable.pk,
        "banque": banque.pk,
        "credit": Credit.objects.get(exercice=exercice, chapitre=CHAPITRE).pk,
    }
    commun.vacuum_analyze(
        "depenses_ordredepense",
        "depenses_ligneordredepense",
        "tresorerie_paiement",
        "ledger_ecriture",
        "ledger_ligne",
        "core_journalaudit",
        "budget_mouvementcredit",
    )

    commun.point_de_controle()
    commun.attendre_le_calme()
    commun.annoncer(f"Trésorerie : lot de {nombre(nombre_ordres)} paiements en SQL brut…")
    chrono_brut, etapes_brut = payer_brut(tampons, brut, ids)
    commun.annoncer(f"  {secondes(chrono_brut.duree)}")

    commun.point_de_controle()
    commun.attendre_le_calme()
    commun.annoncer(f"Trésorerie : lot de {nombre(nombre_ordres)} paiements par lot_payer…")
    chrono_notre, decompte, lot = payer_notre(comptable, notre, banque)
    commun.annoncer(
        f"  {secondes(chrono_notre.duree)} (pain.001 {secondes(decompte.pain001)}, écriture "
        f"{secondes(decompte.ecriture)}, COMMIT {secondes(decompte.commit)})"
    )

    # Both halves are paid, in full, once.
    for moitie, nom in ((brut, "SQL brut"), (notre, "lot_payer")):
        payes = OrdreDepense.objects.filter(pk__in=moitie.ordres, etat="paye").count()
        if payes != len(moitie.ordres):
            raise RuntimeError(f"{nom} : {payes} ordres payés sur {len(moitie.ordres)}.")
    for lot_id, nom in ((tampons.lot_id, "SQL brut"), (lot.pk, "lot_payer")):
        lot_ = LotPaiement.objects.get(pk=lot_id)
        paiements = Paiement.objects.filter(lot=lot_).count()
        lignes = Ligne.objects.filter(ecriture_id=lot_.ecriture_id).count()
        if paiements != nombre_ordres or lignes != nombre_ordres + 1:
            raise RuntimeError(
                f"{nom} : {paiements} paiements et {lignes} lignes d'écriture pour "
                f"{nombre_ordres} ordres."
            )
    return MesuresLot(
        nombre=nombre_ordres,
        preparation=preparation,
        notre=chrono_notre,
        brut=chrono_brut,
        pain001_seul=duree_pain,
        decompte=decompte,
        etapes_brut=etapes_brut,
        octets_fichier=len(bytes(lot.fichier)),
        lignes_ecriture=nombre_ordres + 1,
    )


# --- Presentation ------------------------------------------------------------------


def details(lot: MesuresLot) -> list[str]:
    d = lot.decompte
    reste = lot.notre.duree - d.pain001 - d.ecriture - d.commit
    sql_hors = d.sql_total
    etapes = lot.etapes_brut
    sql_brut_hors = etapes["paiements"] + etapes["ordres"] + etapes["credit_audit"]
    requetes = sorted(d.sql.items(), key=lambda kv: -sum(kv[1]))
    lignes = [
        f"### Lot de {nombre(lot.nombre)} paiements",
        "",
        f"- Préparation (non chronométrée, {nombre(lot.preparation, 1)} s) : 2 × "
        f"{nombre(lot.nombre)} ordres de dépense visés, un créancier chacun (IBAN français "
        "valides, clé RIB comprise, générés par schwifty ; identifiants distincts ; aucune "
        "opposition), crédit 6064 ouvert, engagé et ordonnancé par les services du budget, "
        "écriture de visa (6064 / 401 par créancier) passée par `ecriture_passer`. Les ordres "
        "sont insérés en bloc avec `session_replication_role = replica` (la garde de "
        "numérotation refuse un INSERT de plusieurs lignes), puis le compteur, les lignes, la "
        "signature, la transmission et le visa passent par les gardes de la base. Une moitié "
        "pour chaque côté.",
        f"- **Notre chemin** : `lot_payer(ordres=…, compte=BANQUE)`, une transaction : "
        f"**{secondes(lot.notre.duree)}** ({nombre(lot.nombre / lot.notre.duree)} paiements/s ; "
        f"CPU du processus Python {secondes(lot.notre.cpu_client)}, du processus serveur "
        f"{secondes(lot.notre.cpu_serveur or 0.0)}, des autres processus "
        f"{secondes(lot.notre.cpu_autres)}). Écriture TR de "
        f"{nombre(lot.lignes_ecriture)} lignes, fichier pain.001 de "
        f"{nombre(lot.octets_fichier / 1024)} Kio validé par le XSD.",
        f"- **Limite brute** : {secondes(lot.total_brut)}, soit le SQL brut "
        f"({secondes(lot.brut.duree)} ; psycopg sans Django, une transaction, mêmes tables, "
        "contraintes et triggers : verrou du compteur et de la tête de chaîne, INSERT de "
        f"l'écriture, COPY de ses {nombre(lot.lignes_ecriture)} lignes, INSERT du lot, COPY des "
        f"{nombre(lot.nombre)} paiements, un UPDATE des {nombre(lot.nombre)} ordres, INSERT du "
        f"mouvement de crédit, COPY des {nombre(lot.nombre + 1)} lignes d'audit, COMMIT ; "
        "lignes préparées en mémoire avant le chronomètre ; CPU du processus serveur "
        f"{secondes(lot.brut.cpu_serveur or 0.0)}, des autres processus "
        f"{secondes(lot.brut.cpu_autres)}) plus `sepa.pain001` seul sur les mêmes "
        f"virements ({secondes(lot.pain001_seul)}).",
        f"- **Ratio** notre / brut : {pourcent(lot.ratio)} (×{nombre(lot.ratio, 1)}) ; rapporté "
        f"au SQL brut seul : ×{nombre(lot.notre.duree / lot.brut.duree, 1)}.",
        "",
        "Décomposition (préparation exclue) :",
        "",
        "| Poste | `lot_payer` | SQL brut |",
        "|---|---:|---:|",
        f"| pain.001 (sepaxml, contrôles, validation XSD) | {secondes(d.pain001)} "
        f"| {secondes(lot.pain001_seul)} (à part) |",
        f"| écriture de {nombre(lot.lignes_ecriture)} lignes (`ecriture_passer`, SQL compris) "
        f"| {secondes(d.ecriture)} | {secondes(lot.etapes_brut['ecriture'])} |",
        f"| COMMIT (contrôles différés : équilibre de l'écriture) | {secondes(d.commit)} "
        f"| {secondes(lot.etapes_brut['commit'])} |",
        f"| autres requêtes SQL (hors écriture) | {secondes(sql_hors)} "
        f"| {secondes(sql_brut_hors)} |",
        "| reste (Python de `lot_payer` : lecture des ordres, objets `Paiement` et "
        f"`JournalAudit`, ORM) "
        f"| {secondes(reste - sql_hors)} | — |",
        f"| **total** | **{secondes(lot.notre.duree)}** | **{secondes(lot.brut.duree)}** "
        f"+ {secondes(lot.pain001_seul)} |",
        "",
        "Requêtes de `lot_payer` hors écriture, par instruction (durée vue du client, "
        "triggers compris) :",
        "",
        "| Instruction | Nombre | Temps |",
        "|---|---:|---:|",
    ]
    for resume, durees in requetes[:12]:
        lignes.append(f"| `{resume}` | {len(durees)} | {secondes(sum(durees))} |")
    lignes += [
        "",
        "Côté SQL brut, par étape : "
        + ", ".join(
            f"{libelle} {secondes(lot.etapes_brut[cle])}"
            for cle, libelle in (
                ("ecriture", "écriture et lignes"),
                ("paiements", "lot et paiements"),
                ("ordres", "UPDATE des ordres"),
                ("credit_audit", "crédit et audit"),
                ("commit", "COMMIT"),
            )
        )
        + ".",
    ]
    return lignes


def limites(lot: MesuresLot) -> list[str]:
    d = lot.decompte
    reste = lot.notre.duree - d.pain001 - d.ecriture - d.commit - d.sql_total
    parts = sorted(
        (
            (d.pain001, "la construction et la validation du pain.001"),
            (d.ecriture, "l'écriture comptable"),
            (d.sql_total + d.commit, "les autres requêtes et le COMMIT"),
            (reste, "le Python de `lot_payer`"),
        ),
        reverse=True,
    )
    return [
        f"- Le lot de {nombre(lot.nombre)} paiements prend {secondes(lot.notre.duree)} ; par "
        "ordre de poids : "
        + " ; ".join(f"{libelle} {secondes(temps)}" for temps, libelle in parts)
        + ". Le SQL brut fait le même travail de base en "
        f"{secondes(lot.brut.duree)} et `sepa.pain001` seul prend "
        f"{secondes(lot.pain001_seul)}.",
    ]
