"""Benchmark 5, the data: an exercise of millions of lines spread over the
chart, loaded by COPY with every trigger of the ledger on.

Two-line entries drawn from the flows of a fund (cotisations taken in charge
and cashed, prestations and their payment, suppliers, salaries and social
charges, fixed assets and their depreciation, provisions, loans, financial
income, indus), classes 1, 2, 4, 5, 6 and 7 (the chart has no class 3), on the
journals RE, DE, TR and OD, with tiers on the auxiliary accounts (50 000
cotisants, 20 000 allocataires, 2 000 fournisseurs, 300 agents), dates spread
over the year, amounts in cents. Deterministic (a seeded generator).

How it is loaded: the rows are written as `ecritures_importer` writes them
(ids taken from the sequences, numbers per journal and ranks from 1, a valid
hash chain), then COPied into `ledger_ecriture` and `ledger_ligne` with the
triggers ON, as `bench.import_masse` measures it (« COPY triggers actifs »):
every invariant the production path keeps is checked by PostgreSQL
(exercise open, journal, author, numbering, hash chain, balance of each entry
at commit, accounts imputable, daily totals `ledger_cumul` kept by the line
trigger, the compte spécial and the cash desk's guards). Nothing is disabled;
only the Python of the service (its checks, already measured by benchmark 2)
is skipped, so that ten million lines load in minutes.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import random
import time
from dataclasses import dataclass

from bench import commun
from bench.import_masse.copie import _COLONNES_ECRITURE, _COLONNES_LIGNE, PASSEE_LE, _reserver

PAQUET = 50_000  # entries per COPY statement (the size of the import's packets)
TRANSACTION = 500_000  # entries per transaction
# Growing first transactions, each followed by ANALYZE: on tables never
# analysed, the deferred balance check of the first transaction
# (`ledger_lot_verifier_equilibre`) ran 2 minutes for 10 000 entries (a plan
# for empty tables); after ANALYZE the next 90 000 took 9 s.
PREMIERES_TRANSACTIONS = (1_000, 10_000, 100_000)

# (weight, journal, debit account, its tiers group, credit account, its tiers group, max euros)
FLUX = (
    (22, "RE", "4111", "C", "7511", "", 40_000),
    (14, "RE", "4111", "C", "7512", "", 20_000),
    (3, "RE", "4112", "C", "7513", "", 8_000),
    (1, "RE", "4111", "C", "753", "", 500),
    (20, "TR", "5122", "", "4111", "C", 40_000),
    (2, "TR", "5122", "", "4112", "C", 8_000),
    (12, "DE", "6561", "", "412", "A", 3_000),
    (3, "DE", "6562", "", "412", "A", 1_500),
    (10, "TR", "412", "A", "5122", "", 3_000),
    (1, "DE", "6563", "", "401", "F", 5_000),
    (2, "DE", "6064", "", "401", "F", 2_000),
    (1, "DE", "613", "", "401", "F", 9_000),
    (1, "DE", "615", "", "401", "F", 6_000),
    (1, "DE", "622", "", "401", "F", 4_000),
    (1, "DE", "626", "", "401", "F", 1_000),
    (1, "DE", "6061", "", "401", "F", 3_000),
    (4, "TR", "401", "F", "5122", "", 9_000),
    (1, "TR", "627", "", "5122", "", 200),
    (1, "DE", "641", "", "421", "P", 4_000),
    (1, "TR", "421", "P", "5122", "", 4_000),
    (1, "DE", "645", "", "431", "", 2_000),
    (1, "TR", "431", "", "5122", "", 2_000),
    (1, "DE", "635", "", "447", "", 1_000),
    (1, "DE", "2183", "", "404", "F", 5_000),
    (1, "TR", "404", "F", "5122", "", 5_000),
    (1, "OD", "6811", "", "2818", "", 2_000),
    (1, "OD", "6815", "", "151", "", 5_000),
    (1, "OD", "6817", "", "491", "", 3_000),
    (1, "RE", "413", "A", "7585", "", 1_500),
    (1, "TR", "5122", "", "413", "A", 1_500),
    (1, "TR", "5122", "", "761", "", 800),
    (1, "TR", "661", "", "5122", "", 800),
    (1, "TR", "5122", "", "164", "", 50_000),
    (1, "TR", "5121", "", "181", "", 90_000),
    (1, "OD", "671", "", "4672", "F", 1_000),
)
TIERS = {"C": 50_000, "A": 20_000, "F": 2_000, "P": 300, "": 0}


@dataclass
class Chargement:
    ecritures: int
    lignes: int
    generation: float  # seconds of Python building the rows
    copie: float  # seconds of COPY and COMMIT (the server checks everything here)
    duree: float


def _tirage(alea: random.Random, groupe: str) -> str:
    return f"{groupe}{alea.randrange(TIERS[groupe]) + 1:05d}" if groupe else ""


def charger(utilisateur, exercice, nombre_lignes: int) -> Chargement:
    """Load `nombre_lignes` lines (two per entry) into `exercice` (empty and open)."""
    import psycopg
    from django.db import connection

    from ledger.models import Compte, Journal

    nombre = nombre_lignes // 2
    comptes = dict(Compte.objects.values_list("numero", "id"))
    journaux = dict(Journal.objects.values_list("code", "id"))
    creneaux = [flux for flux in FLUX for _ in range(flux[0])]
    alea = random.Random(exercice.annee)
    jours = commun.jours_de(exercice.annee)
    with connection.cursor() as curseur:
        ecriture_id = _reserver(curseur, "ledger_ecriture", nombre)
        ligne_id = _reserver(curseur, "ledger_ligne", 2 * nombre)
    numeros = dict.fromkeys(journaux, 0)
    precedente = "0" * 64
    suite = f"\tbench:cloture\t{utilisateur.pk}\t{PASSEE_LE.isoformat()}\t\\N\t"
    debut = time.perf_counter()
    generation = copie = 0.0
    rang = 0
    with psycopg.connect(commun.conninfo()) as connexion:
        while rang < nombre:
            taille = next((t for t in PREMIERES_TRANSACTIONS if rang < t), TRANSACTION)
            fin_transaction = min(nombre, rang + taille - (rang if taille != TRANSACTION else 0))
            with connexion.cursor() as curseur:
                while rang < fin_transaction:
                    t0 = time.perf_counter()
                    ecritures, lignes = io.StringIO(), io.StringIO()
                    for _ in range(min(PAQUET, fin_transaction - rang)):
                        rang += 1
                        _p, journal, debit, td, credit, tc, plafond = creneaux[
                            alea.randrange(len(creneaux))
                        ]
                        numeros[journal] += 1
                        date = jours[alea.randrange(len(jours))].isoformat()
                        libelle = f"Opération {journal} n° {numeros[journal]}"
                        empreinte = hashlib.sha256(
                            f"{precedente}|{rang}|{date}|{libelle}".encode()
                        ).hexdigest()
                        ecritures.write(
                            f"{ecriture_id}\t{exercice.pk}\t{journaux[journal]}\t"
                            f"{numeros[journal]}\t{rang}\t{date}\t{libelle}{suite}"
                            f"{precedente}\t{empreinte}\n"
                        )
                        montant = f"{alea.randrange(100, plafond * 100) / 100:.2f}"
                        lignes.write(
                            f"{ligne_id}\t{ecriture_id}\t{exercice.pk}\t{date}"
                            f"\t{comptes[debit]}\t{montant}\t0.00"
                            f"\t{_tirage(alea, td)}\t\n"
                            f"{ligne_id + 1}\t{ecriture_id}\t{exercice.pk}\t{date}"
                            f"\t{comptes[credit]}\t0.00\t{montant}"
                            f"\t{_tirage(alea, tc)}\t\n"
                        )
                        ligne_id += 2
                        ecriture_id += 1
                        precedente = empreinte
                    t1 = time.perf_counter()
                    with curseur.copy(
                        f"COPY ledger_ecriture ({_COLONNES_ECRITURE}) FROM STDIN"
                    ) as c:
                        c.write(ecritures.getvalue().encode())
                    with curseur.copy(f"COPY ledger_ligne ({_COLONNES_LIGNE}) FROM STDIN") as c:
                        c.write(lignes.getvalue().encode())
                    generation += t1 - t0
                    copie += time.perf_counter() - t1
            t2 = time.perf_counter()
            connexion.commit()
            copie += time.perf_counter() - t2
            connexion.execute("ANALYZE ledger_ecriture, ledger_ligne, ledger_cumul")
            connexion.commit()
            commun.annoncer(
                f"  {rang:,} écritures chargées ({rang / (time.perf_counter() - debut):,.0f}/s)".replace(
                    ",", " "
                )
            )
    return Chargement(nombre, 2 * nombre, generation, copie, time.perf_counter() - debut)


def date_des_actes(annee: int) -> datetime.date:
    """The day the year-end acts are done: 10 March N+1, the délais of the
    période complémentaire over (the closing waits for them)."""
    return datetime.date(annee + 1, 3, 10)
