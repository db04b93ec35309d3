"""Benchmark of the camt.053 statements: reading and importing N entries,
against lxml and COPY alone, in the same run, on the benchmark database.

Statements of N lines (1,000, 20,000 and 100,000 by default) are written by
`tresorerie.releves.ecrire_camt` in camt.053.001.08 for the demo bank
account (`creer_tresorerie_demo`): two credits for one debit, each line with
its EndToEndId, its bank reference and counterparty; one line in fifty is
booked inside a batch entry (`EntreeGroupee` of ten transfers with their
TxDtls, read back as ten lines). Then:

(a) reading. `releves.lire_camt` against the raw limit: `etree.fromstring` +
    `XMLSchema.validate` of the same bytes with the vendored XSD, then a plain
    lxml iteration that takes each `Ntry`'s amount, sign, booking date and
    first EndToEndId (one row per entry: a batch entry is not split). Median
    of three runs after one warm-up (one run at 100,000 and more).
(b) importing. `services.releve_importer` (one transaction: the account's
    lock, `lire_camt`, the checks of account, period and continuity, the
    statement and its lines by `bulk_create`, `rapprocher_automatiquement`,
    the audit row), once per statement, the statements following each other on
    the account; light wrappers tell the reader's and the matching's share.
    Against: COPY of the same rows (the lines read, prepared in memory before
    the clock) into `tresorerie_lignereleve` itself, triggers on, under a
    statement row made beforehand (a camt.054 notification, so that it weighs
    on no check of the imports), one transaction with its COMMIT; and against
    the reader alone. The raw limit of an import is the raw reader plus COPY.
(c) matching a batch. N visaed orders (`bench.tresorerie.ordres`) are paid
    by `lot_payer`; the statement that books them (one `EntreeGroupee` with
    one TxDtls per transfer, PmtInfId the batch's message id) is imported, and
    `rapprocher_automatiquement` matches the whole batch.

    python -m bench.tresorerie.camt                           # 1 000, 20 000, 100 000; lot 20 000
    python -m bench.tresorerie.camt --entrees 1000 --lot 500  # any sizes (--lot 0: none)
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import statistics
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from bench import commun
from bench.commun import nombre, secondes
from bench.tresorerie.outils import date_du_jour, espion

TAILLES = (1_000, 20_000, 100_000)
LOT = 20_000
VERSION = "camt.053.001.08"
GROUPE = 10  # transfers per batch entry
PAS_GROUPE = 50  # one line in fifty is in a batch entry


@dataclass
class Duree:
    mediane: float
    durees: list[float]
    autres: float  # most CPU other processes took during a run, in cores


def mesurer(fonction, repetitions: int) -> tuple[Duree, object]:
    fonction()  # warm-up: schema loaded, caches filled
    durees, autres, resultat = [], [], None
    for _ in range(repetitions):
        with commun.chronometrer() as chrono:
            resultat = fonction()
        durees.append(chrono.duree)
        autres.append(chrono.cpu_autres / chrono.duree if chrono.duree else 0.0)
    return Duree(statistics.median(durees), durees, max(autres)), resultat


# --- The statements -----------------------------------------------------------------


def lignes_releve(nombre_lignes: int, etiquette: str, debut: datetime.date, jours: int):
    """N lines (and batch entries) spread over `jours` days: (items, credits - debits)."""
    from tresorerie.releves import CREDIT, DEBIT, EntreeGroupee, LigneReleve

    items, solde, rang = [], Decimal("0.00"), 0
    while rang < nombre_lignes:
        jour = debut + datetime.timedelta(days=rang * jours // nombre_lignes)
        if rang % (PAS_GROUPE * GROUPE) == 0 and nombre_lignes - rang >= GROUPE:
            groupe = tuple(
                LigneReleve(
                    date_operation=jour,
                    date_valeur=jour,
                    montant=Decimal(1_000 + (rang + k) * 37 % 90_000).scaleb(-2),
                    sens=DEBIT,
                    libelle=f"Virement fournisseur {etiquette}-{rang + k}",
                    reference=f"{etiquette}-G{rang + k:08d}",
                    reference_banque="",
                    contrepartie=f"Fournisseur {rang + k}",
                )
                for k in range(GROUPE)
            )
            entree = EntreeGroupee(
                groupe, reference_lot=f"LOT-{etiquette}-{rang:08d}", reference_banque=f"BQG{rang}"
            )
            items.append(entree)
            solde -= entree.montant
            rang += GROUPE
            continue
        sens = DEBIT if rang % 3 == 0 else CREDIT
        montant = Decimal(500 + rang * 104_729 % 500_000).scaleb(-2)
        items.append(
            LigneReleve(
                date_operation=jour,
                date_valeur=jour,
                montant=montant,
                sens=sens,
                libelle=f"Cotisation {etiquette} n° {rang}" if sens == CREDIT else "Prélèvement",
                reference=f"{etiquette}-{rang:09d}",
                reference_banque=f"BQ{etiquette}{rang:09d}",
                contrepartie=f"Employeur {rang % 997}" if sens == CREDIT else "Fournisseur",
            )
        )
        solde += montant if sens == CREDIT else -montant
        rang += 1
    return items, solde


def ecrire(iban, identifiant, debut, fin, ouverture, items, mouvement) -> bytes:
    from tresorerie import releves

    releve = releves.Releve(
        format="camt.053",
        identifiant=identifiant,
        iban=iban,
        date_debut=debut,
        date_fin=fin,
        solde_ouverture=ouverture,
        solde_cloture=ouverture + mouvement,
        lignes=tuple(items),
    )
    return releves.ecrire_camt(releve, message_id=identifiant, version=VERSION)


# --- (a) the reader and its raw limit -------------------------------------------------


def lecteur_brut(contenu: bytes) -> list[tuple]:
    """Parse, validate against the XSD, then one row per Ntry: nothing else checked."""
    from lxml import etree

    from tresorerie.releves.camt_schemas import parseur, schema

    racine = etree.fromstring(contenu, parseur())
    if not schema(VERSION).validate(racine):
        raise RuntimeError("Relevé non valide selon le XSD.")
    return iterer(racine)


def iterer(racine) -> list[tuple]:
    e = "{urn:iso:std:iso:20022:tech:xsd:" + VERSION + "}"
    chemin_ref = f"{e}NtryDtls/{e}TxDtls/{e}Refs/{e}EndToEndId"
    return [
        (
            Decimal(ntry.findtext(e + "Amt")),
            ntry.findtext(e + "CdtDbtInd"),
            datetime.date.fromisoformat(ntry.findtext(f"{e}BookgDt/{e}Dt")),
            ntry.findtext(chemin_ref) or "",
        )
        for ntry in racine.iter(e + "Ntry")
    ]


def analyse_seule(contenu: bytes):
    from lxml import etree

    from tresorerie.releves.camt_schemas import parseur

    return etree.fromstring(contenu, parseur())


def xsd_seul(racine) -> bool:
    from tresorerie.releves.camt_schemas import schema

    return schema(VERSION).validate(racine)


@dataclass
class Lecture:
    nombre: int  # lines read by lire_camt
    entrees: int  # Ntry elements
    octets: int
    lire: Duree
    analyse: Duree  # etree.fromstring
    xsd: Duree  # XMLSchema.validate of the parsed tree
    iteration: Duree  # the plain iteration over the parsed tree
    brut: Duree  # the three in one go (`lecteur_brut`)


def mesurer_lecture(contenu: bytes) -> Lecture:
    from tresorerie import releves

    repetitions = 1 if len(contenu) > 30_000_000 else 3
    commun.attendre_le_calme(duree_max=20)
    lire, lu = mesurer(lambda: releves.lire_camt(contenu), repetitions)
    brut, rangs = mesurer(lambda: lecteur_brut(contenu), repetitions)
    analyse, racine = mesurer(lambda: analyse_seule(contenu), repetitions)
    xsd, _ = mesurer(lambda: xsd_seul(racine), repetitions)
    iteration, _ = mesurer(lambda: iterer(racine), repetitions)
    return Lecture(len(lu.lignes), len(rangs), len(contenu), lire, analyse, xsd, iteration, brut)


# --- (b) the import and COPY ------------------------------------------------------------

COLONNES = (
    "releve_id",
    "date_operation",
    "date_valeur",
    "montant",
    "sens",
    "libelle",
    "reference",
    "reference_banque",
    "contrepartie",
    "code_operation",
    "contre_passation",
    "motif_retour",
    "motif_retour_info",
    "reference_lot",
    "nombre_operations",
)


def copy_brut(comptable, banque, contenu: bytes, etiquette: str) -> tuple[float, int]:
    """COPY of the lines `lire_camt` reads from `contenu` into tresorerie_lignereleve, COMMIT."""
    import psycopg
    from psycopg import sql

    from tresorerie import releves
    from tresorerie.models import Releve

    lu = releves.lire_camt(contenu)
    support = Releve.objects.create(
        compte=banque,
        format="camt.054",
        version="camt.054.001.08",
        nature=Releve.Nature.AVIS,
        identifiant=f"BANC-COPY-{etiquette}",
        date_debut=lu.date_debut,
        date_fin=lu.date_fin,
        nom_fichier="copy.xml",
        empreinte=hashlib.sha256(etiquette.encode()).hexdigest(),
        importe_par=comptable,
    )
    rangs = [
        (
            support.pk,
            lg.date_operation,
            lg.date_valeur,
            lg.montant,
            lg.sens,
            lg.libelle[:255],
            lg.reference[:140],
            lg.reference_banque[:140],
            lg.contrepartie[:200],
            lg.code_operation[:40],
            lg.contre_passation,
            lg.motif_retour,
            lg.motif_retour_info,
            lg.reference_lot,
            lg.nombre_operations,
        )
        for lg in lu.lignes
    ]
    commun.point_de_controle()
    commun.attendre_le_calme(duree_max=20)
    instruction = sql.SQL("COPY tresorerie_lignereleve ({}) FROM STDIN").format(
        sql.SQL(", ").join(map(sql.Identifier, COLONNES))
    )
    with psycopg.connect(commun.conninfo()) as connexion:
        debut = time.perf_counter()
        with connexion.cursor() as curseur, curseur.copy(instruction) as copie:
            for rang in rangs:
                copie.write_row(rang)
        connexion.commit()
        return time.perf_counter() - debut, len(rangs)


@dataclass
class Import:
    nombre: int
    duree: float
    autres: float
    lecture: float  # lire_camt inside the import
    rapprochement: float  # rapprocher_automatiquement inside the import
    rapprochees: int
    copy: float = 0.0
    sql: dict[str, list[float]] = field(default_factory=dict)  # outside the matching
    sql_rapprochement: list[float] = field(default_factory=list)  # inside it
    commit: float = 0.0


def importer(comptable, banque, contenu: bytes, nom: str) -> Import:
    from django.db import connection

    from bench.saisie import _resume_sql
    from tresorerie import releves, services
    from tresorerie.models import LigneReleve, Rapprochement
    from tresorerie.services import releves as service_releves

    lectures, rapprochements = [], []
    sql_hors, sql_dans, dans = {}, [], [False]
    commits = []

    def espion_sql(execute, sql, params, many, context):
        debut = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            duree = time.perf_counter() - debut
            if dans[0]:
                sql_dans.append(duree)
            else:
                sql_hors.setdefault(_resume_sql(sql), []).append(duree)

    rapprocher = service_releves.rapprocher_automatiquement

    def rapprocher_marque(*args, **kwargs):
        dans[0] = True
        try:
            return rapprocher(*args, **kwargs)
        finally:
            dans[0] = False

    commit = connection.commit

    def commit_chronometre():
        debut = time.perf_counter()
        try:
            return commit()
        finally:
            commits.append(time.perf_counter() - debut)

    commun.point_de_controle()
    commun.attendre_le_calme(duree_max=20)
    service_releves.rapprocher_automatiquement = rapprocher_marque
    connection.commit = commit_chronometre
    try:
        with (
            espion(releves, "lire_camt", lectures),
            espion(service_releves, "rapprocher_automatiquement", rapprochements),
            connection.execute_wrapper(espion_sql),
            commun.chronometrer(commun.pid_serveur_django()) as chrono,
        ):
            releve = services.releve_importer(
                acting_user=comptable, compte=banque, nom_fichier=nom, contenu=contenu
            )
    finally:
        service_releves.rapprocher_automatiquement = rapprocher
        del connection.commit
    lignes = LigneReleve.objects.filter(releve=releve)
    return Import(
        sql=sql_hors,
        sql_rapprochement=sql_dans,
        commit=sum(commits),
        nombre=lignes.count(),
        duree=chrono.duree,
        autres=chrono.cpu_autres / chrono.duree,
        lecture=lectures[0][0],
        rapprochement=rapprochements[0][0],
        rapprochees=Rapprochement.objects.filter(ligne_releve__releve=releve).count(),
    )


# --- (c) a statement that books a batch --------------------------------------------------


def mesurer_lot(comptable, exercice, banque, nombre_ordres: int, ouverture: Decimal):
    from bench.tresorerie.ordres import directeur, preparer_lot
    from tresorerie import releves, services
    from tresorerie.models import Paiement

    commun.annoncer(f"camt : lot de {nombre(nombre_ordres)} paiements à rapprocher, préparation…")
    debut = time.perf_counter()
    _, moitie = preparer_lot(comptable, directeur(), exercice, nombre_ordres)
    lot = services.lot_payer(acting_user=comptable, ordres=moitie.ordres, compte=banque)
    preparation = time.perf_counter() - debut
    le = date_du_jour()
    lignes = tuple(
        releves.LigneReleve(
            date_operation=le,
            date_valeur=le,
            montant=p.montant,
            sens=releves.DEBIT,
            libelle=f"Virement {p.bout_en_bout}",
            reference=p.bout_en_bout,
            reference_banque="",
            contrepartie=p.beneficiaire[:70],
        )
        for p in Paiement.objects.filter(lot=lot).order_by("pk")
    )
    entree = releves.EntreeGroupee(lignes, reference_lot=lot.message_id, reference_banque="LOT")
    contenu = ecrire(
        banque.iban, f"BANC-LOT-{nombre_ordres}", le, le, ouverture, [entree], -entree.montant
    )
    commun.annoncer(f"  préparé en {preparation:.1f} s ; import…")
    mesure = importer(comptable, banque, contenu, "lot.xml")
    if mesure.rapprochees < 1:
        raise RuntimeError("Le lot n'a pas été rapproché.")
    return mesure, preparation, len(contenu)


# --- The run ---------------------------------------------------------------------------


@dataclass
class Mesures:
    lectures: list[Lecture]
    imports: list[Import]
    lot: Import | None = None
    lot_preparation: float = 0.0
    lot_octets: int = 0


def executer(tailles: list[int], nombre_lot: int) -> Mesures:
    from tresorerie.demo import creer_tresorerie_demo

    le = date_du_jour()
    comptable = commun.comptable()
    exercice = commun.exercice(le.year)
    banque = creer_tresorerie_demo(comptable=comptable, debut=datetime.date(le.year, 1, 1))[
        "BANQUE"
    ]
    mesures = Mesures([], [])
    solde = Decimal("1000000.00")
    jour = datetime.date(le.year, 1, 5)
    pas = max(1, (le - jour).days // (len(tailles) + 1))
    for taille in tailles:
        etiquette = f"R{taille}"
        fin = jour + datetime.timedelta(days=pas)
        commun.annoncer(f"camt : relevé de {nombre(taille)} lignes, écriture…")
        items, mouvement = lignes_releve(taille, etiquette, jour, pas)
        contenu = ecrire(banque.iban, f"BANC-{etiquette}", jour, fin, solde, items, mouvement)
        commun.annoncer(f"  {nombre(len(contenu) / 1024)} Kio ; lecture (lire_camt, lxml)…")
        lecture = mesurer_lecture(contenu)
        commun.annoncer(
            f"  lire_camt {secondes(lecture.lire.mediane)}, brut {secondes(lecture.brut.mediane)}"
            " ; COPY…"
        )
        duree_copy, rangs = copy_brut(comptable, banque, contenu, etiquette)
        commun.vacuum_analyze("tresorerie_lignereleve", "tresorerie_releve")
        commun.annoncer(f"  COPY {secondes(duree_copy)} ; releve_importer…")
        mesure = importer(comptable, banque, contenu, f"{etiquette}.xml")
        mesure.copy = duree_copy
        if mesure.nombre != lecture.nombre or rangs != lecture.nombre:
            raise RuntimeError(f"{mesure.nombre} lignes importées, {lecture.nombre} lues.")
        commun.annoncer(f"  import {secondes(mesure.duree)}")
        mesures.lectures.append(lecture)
        mesures.imports.append(mesure)
        solde += mouvement
        jour = fin
    if nombre_lot and _credit_du_lot_ouvert(exercice):
        commun.annoncer("camt : le crédit du banc 4 est déjà ouvert dans cette base, pas de lot.")
    elif nombre_lot:
        mesures.lot, mesures.lot_preparation, mesures.lot_octets = mesurer_lot(
            comptable, exercice, banque, nombre_lot, solde
        )
        commun.annoncer(f"  import du lot {secondes(mesures.lot.duree)}")
    return mesures


def _credit_du_lot_ouvert(exercice) -> bool:
    """Whether benchmark 4 already opened, in this run's base, the credit its orders use."""
    from bench.tresorerie.ordres import CHAPITRE
    from budget.models import Credit

    return Credit.objects.filter(exercice=exercice, chapitre=CHAPITRE).exists()


def resultat_tout(tailles: list[int], nombre_lot: int):
    """The benchmark as `bench.tout` runs it (the base already recreated)."""
    from bench.tresorerie.camt_rapport import resultat

    debut = time.perf_counter()
    machine = commun.machine()
    return resultat(executer(tailles, nombre_lot), machine, time.perf_counter() - debut)


def main(argv: list[str] | None = None) -> int:
    analyse = argparse.ArgumentParser(
        prog="python -m bench.tresorerie.camt",
        description="Banc des relevés camt.053 (lecture, import, rapprochement d'un lot) contre "
        "lxml et COPY seuls, sur la base caisse_bench (supprimée et recréée).",
    )
    analyse.add_argument("--entrees", type=int, nargs="+", default=list(TAILLES))
    analyse.add_argument("--lot", type=int, default=LOT, help="paiements du lot (0 : aucun)")
    analyse.add_argument("--sortie", type=Path, help="écrire la section Markdown dans ce fichier")
    options = analyse.parse_args(argv)
    debut = time.perf_counter()
    commun.demarrer_django()
    commun.annoncer(f"Base {commun.NOM_BASE} : suppression, création, migrations…")
    commun.recreer_base()
    machine = commun.machine()
    mesures = executer(options.entrees, options.lot)
    from bench.tresorerie.camt_rapport import section

    texte = "\n".join(section(mesures, machine, time.perf_counter() - debut))
    if options.sortie:
        options.sortie.write_text(texte + "\n", encoding="utf-8")
        print(f"Section écrite dans {options.sortie}")
    print(texte)
    return 0


if __name__ == "__main__":
    sys.exit(main())
