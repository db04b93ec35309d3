"""Benchmark: reports at any date and any size (issue 16, point 3).

On the exercise of the balance benchmark (`bench.balance`, ten million lines at
full size; loaded here only when that benchmark did not run first):

- the balance générale at several dates (month ends, a mid-month day, the year
  end), `ledger.selectors.balance_generale(au=...)`, against the plain
  aggregate of the lines up to that date (`GROUP BY compte_id`);
- pages of the grand livre of the smallest account holding at least a million
  lines (first, middle and last page), `grand_livre_page(apres=<key>)`,
  against the naive page: the window function's running balance over the
  account's lines, `OFFSET` to the page; and a middle page of a root of
  accounts ("41": 4111 and 412), which merges one index range per account;
- hledger's `balance` on our export (`ledger.export.exporter_hledger`) against
  our balance of the same exercise: an exercise of its own, a tenth of the
  balance's lines and at most `HLEDGER_LIGNES` (hledger holds the whole journal
  in memory: 4.7 GB for a million lines, 9.8 GB for two).
"""

from __future__ import annotations

import datetime
import os
import subprocess
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from bench import commun, import_masse
from bench.commun import LigneTableau, Resultat, nombre, pourcent, secondes

CIBLE = 0.050  # seconds, issue 16
REPETITIONS = 5
REPETITIONS_BRUT = 3
TRANCHE = 1_000_000
HLEDGER_LIGNES = 1_000_000
ANNEE_HLEDGER = 2036
UN_MILLION = 1_000_000
RACINE = "41"
ATTENTE_MAX = 30  # seconds waited for a calm machine before a measure (then measured anyway)
_AUTRES: list[float] = []  # cores taken by other processes just before each measure


def _calme() -> None:
    _AUTRES.append(commun.attendre_le_calme(duree_max=ATTENTE_MAX))


BRUT_BALANCE = """
    SELECT compte_id, sum(debit), sum(credit) FROM ledger_ligne
     WHERE exercice_id = %s AND date <= %s GROUP BY compte_id
"""

# The naive page: every line of the account up to the page with the window
# function's running balance, then OFFSET (what `selectors.grand_livre` does
# for the whole account, cut to one page).
PAGE_NAIVE = """
    SELECT l.date, j.code, e.numero, l.ecriture_id, coalesce(nullif(l.libelle, ''), e.libelle),
           l.tiers, l.debit, l.credit,
           (SELECT coalesce(sum(k.debit - k.credit), 0) FROM ledger_cumul k
             WHERE k.exercice_id = %(exercice)s AND k.compte_id = ANY(%(comptes)s) AND k.a_nouveau)
           + sum(l.debit - l.credit) OVER (ORDER BY l.date, l.ecriture_id, l.id),
           l.id
      FROM ledger_ligne l
      JOIN ledger_ecriture e ON e.id = l.ecriture_id AND e.exercice_id = %(exercice)s
      JOIN ledger_journal j ON j.id = e.journal_id
     WHERE l.compte_id = ANY(%(comptes)s) AND l.exercice_id = %(exercice)s AND NOT j.a_nouveaux
     ORDER BY l.date, l.ecriture_id, l.id
    OFFSET %(rang)s LIMIT %(taille)s
"""


def _charger(utilisateur, exercice, nombre_ecritures: int) -> list[tuple[int, float]]:
    """Fill the exercise up to `nombre_ecritures` two-line entries (import path)."""
    from ledger.models import Ecriture

    deja = Ecriture.objects.filter(exercice=exercice).count()
    chargements = []
    while deja < nombre_ecritures:
        tranche = min(TRANCHE, nombre_ecritures - deja)
        commun.annoncer(f"Rapports : import de {nombre(tranche)} écritures en {exercice.annee}…")
        chrono = import_masse.importer(utilisateur, exercice, tranche, premier=deja)
        chargements.append((tranche, chrono.duree))
        deja += tranche
    if chargements:
        commun.vacuum_analyze("ledger_ecriture", "ledger_ligne", "ledger_cumul")
    return chargements


def _dates(annee: int) -> list[datetime.date]:
    return [
        datetime.date(annee, 1, 31),
        datetime.date(annee, 3, 15),
        datetime.date(annee, 6, 30),
        datetime.date(annee, 9, 30),
        datetime.date(annee, 12, 31),
    ]


def _balances(exercice) -> list[tuple[datetime.date, float, float, list[float]]]:
    """Ours and the plain aggregate at each date; the accounts' balances compared."""
    from django.db import connection

    from ledger.models import Compte
    from ledger.selectors import balance_generale

    numeros = dict(Compte.objects.values_list("id", "numero"))
    mesures = []
    for au in _dates(exercice.annee):
        _calme()
        balance_generale(exercice=exercice, au=au)  # warm-up
        notre, durees = commun.mediane_chronos(
            lambda au=au: balance_generale(exercice=exercice, au=au), REPETITIONS
        )

        def brut(au=au):
            with connection.cursor() as curseur:
                curseur.execute(BRUT_BALANCE, [exercice.pk, au])
                return curseur.fetchall()

        attendu = {numeros[c]: d - k for c, d, k in brut()}
        balance = balance_generale(exercice=exercice, au=au)
        obtenu = {ligne.numero: ligne.solde_debit - ligne.solde_credit for ligne in balance.lignes}
        if obtenu != {n: s for n, s in attendu.items() if s}:
            raise RuntimeError(f"Balance au {au} et agrégat brut diffèrent.")
        duree_brut, _ = commun.mediane_chronos(brut, REPETITIONS_BRUT)
        commun.annoncer(f"  balance au {au:%d/%m} : {secondes(notre)}, brut {secondes(duree_brut)}")
        mesures.append((au, notre, duree_brut, durees))
    return mesures


def _cles(curseur, exercice, comptes: list[int], rangs: list[int]):
    from ledger.selectors_grand_livre import Cle

    cles = []
    for rang in rangs:
        if rang < 0:  # the first page: no key
            cles.append(None)
            continue
        curseur.execute(
            """
            SELECT date, ecriture_id, id FROM ledger_ligne
             WHERE compte_id = ANY(%s) AND exercice_id = %s
             ORDER BY date, ecriture_id, id OFFSET %s LIMIT 1
            """,
            [comptes, exercice.pk, rang],
        )
        cles.append(Cle(*curseur.fetchone()))
    return cles


def _pages(exercice, numero: str, comptes: list[int], total: int, quelles: list[str]):
    """Ours and the naive page at each rank named; the lines and balances compared."""
    from django.db import connection

    from ledger.selectors_grand_livre import TAILLE_PAGE, Cle, cle_de, grand_livre_page

    rangs = {
        "première": 0,
        "milieu": (total // 2 // TAILLE_PAGE) * TAILLE_PAGE,
        "dernière": max(0, total - TAILLE_PAGE),
    }
    mesures = []
    with connection.cursor() as curseur:
        cles = _cles(curseur, exercice, comptes, [rangs[q] - 1 for q in quelles])
    for quelle, cle in zip(quelles, cles, strict=True):
        rang = rangs[quelle]

        def notre(cle=cle):
            return grand_livre_page(exercice=exercice, compte_numero=numero, apres=cle)

        def naive(rang=rang):
            with connection.cursor() as curseur:
                curseur.execute(
                    PAGE_NAIVE,
                    {
                        "exercice": exercice.pk,
                        "comptes": comptes,
                        "rang": rang,
                        "taille": TAILLE_PAGE,
                    },
                )
                return curseur.fetchall()

        _calme()
        page = notre()  # warm-up
        duree, durees = commun.mediane_chronos(notre, REPETITIONS)
        reference = naive()
        if [(cle_de(ligne), ligne.solde) for ligne in page.lignes] != [
            (Cle(r[0], r[3], r[9]), r[8]) for r in reference
        ]:
            raise RuntimeError(f"La page {quelle} du compte {numero} diffère de la page naïve.")
        duree_naive, _ = commun.mediane_chronos(naive, REPETITIONS_BRUT)
        commun.annoncer(
            f"  grand livre {numero}, page {quelle} (rang {nombre(rang)}) : {secondes(duree)}, "
            f"naïve {secondes(duree_naive)}"
        )
        mesures.append((quelle, rang, duree, duree_naive, durees))
    return mesures


def _compte_d_un_million(curseur, exercice) -> tuple[str, int, dict[str, int]]:
    """The smallest account holding at least a million lines (else the largest)."""
    curseur.execute(
        """
        SELECT c.numero, count(*) FROM ledger_ligne l JOIN ledger_compte c ON c.id = l.compte_id
         WHERE l.exercice_id = %s GROUP BY c.numero
        """,
        [exercice.pk],
    )
    comptes = dict(curseur.fetchall())
    assez = [n for n, k in comptes.items() if k >= UN_MILLION]
    numero = min(assez, key=comptes.get) if assez else max(comptes, key=comptes.get)
    return numero, comptes[numero], comptes


def _hledger(exercice) -> tuple[float, float, int, float]:
    """Export, then `hledger balance`: seconds of the export, of hledger, its peak
    memory (bytes); our balance of the same exercise (median); totals compared."""
    from ledger.export import exporter_hledger
    from ledger.selectors import balance_generale

    with tempfile.TemporaryDirectory(prefix="banc_rapports_") as dossier:
        fichier = Path(dossier) / "exercice.journal"
        debut = time.perf_counter()
        with fichier.open("w", encoding="utf-8") as sortie:
            sortie.writelines(exporter_hledger(exercice))
        duree_export = time.perf_counter() - debut
        resultat = Path(dossier) / "balance.csv"
        _calme()
        commun.annoncer(f"Rapports : hledger balance sur {fichier.stat().st_size >> 20} Mo…")
        debut = time.perf_counter()
        with resultat.open("w") as sortie:
            processus = subprocess.Popen(
                ["/usr/bin/hledger", "-f", str(fichier), "balance", "-O", "csv", "-N"],
                stdout=sortie,
            )
            _, statut, usage = os.wait4(processus.pid, 0)
        duree_hledger = time.perf_counter() - debut
        if statut != 0:
            raise RuntimeError(f"hledger a échoué (statut {statut}).")
        hledger = {}
        for rangee in resultat.read_text(encoding="utf-8").splitlines()[1:]:
            compte, montant = (champ.strip('"') for champ in rangee.split('","'))
            hledger[compte.split()[0]] = Decimal(montant.replace("EUR", "").strip() or "0")
    balance_generale(exercice=exercice)  # warm-up
    notre, _ = commun.mediane_chronos(lambda: balance_generale(exercice=exercice), REPETITIONS)
    nos_soldes = {
        ligne.numero: ligne.solde_debit - ligne.solde_credit
        for ligne in balance_generale(exercice=exercice).lignes
    }
    if nos_soldes != {n: s for n, s in hledger.items() if s}:
        raise RuntimeError(f"hledger et notre balance diffèrent : {hledger} ≠ {nos_soldes}.")
    return duree_export, duree_hledger, usage.ru_maxrss * 1024, notre


def executer(nombre_ecritures: int) -> Resultat:
    from django.db import connection

    from ledger.selectors_grand_livre import TAILLE_PAGE, comptes_de

    _AUTRES.clear()
    charge_debut = " ".join(f"{x:.2f}" for x in os.getloadavg())
    utilisateur = commun.comptable()
    exercice = commun.exercice(commun.ANNEE_IMPORT)
    chargements = _charger(utilisateur, exercice, nombre_ecritures)
    with connection.cursor() as curseur:
        numero, nombre_compte, par_compte = _compte_d_un_million(curseur, exercice)
    lignes = sum(par_compte.values())
    commun.annoncer(f"Rapports : balance à 5 dates sur {nombre(lignes)} lignes…")
    balances = _balances(exercice)
    commun.annoncer(f"Rapports : grand livre du compte {numero} ({nombre(nombre_compte)} lignes)…")
    pages = _pages(
        exercice, numero, comptes_de(numero), nombre_compte, ["première", "milieu", "dernière"]
    )
    racine = comptes_de(RACINE)
    lignes_racine = sum(k for n, k in par_compte.items() if n.startswith(RACINE))
    pages_racine = _pages(exercice, RACINE, racine, lignes_racine, ["milieu"])

    # hledger holds the whole journal in memory (4.7 GB for a million lines):
    # an exercise of its own, a tenth of the balance's, at most a million lines.
    lignes_hledger = min(HLEDGER_LIGNES, lignes // 10)
    exercice_hledger = commun.exercice(ANNEE_HLEDGER)
    _charger(utilisateur, exercice_hledger, lignes_hledger // 2)
    export, hledger, memoire, notre_hledger = _hledger(exercice_hledger)
    commun.annoncer(
        f"  hledger {secondes(hledger)} ({nombre(memoire / 2**30, 1)} Go), "
        f"notre balance {secondes(notre_hledger)}"
    )

    charge_fin = " ".join(f"{x:.2f}" for x in os.getloadavg())
    pire_balance = max(balances, key=lambda m: m[1])
    pire_page = max(pages, key=lambda m: m[2])
    milieu_racine = pages_racine[0]
    rangees = [
        LigneTableau(
            banc=f"3b. Balance à une date quelconque ({nombre(lignes)} lignes, la plus lente "
            f"de {len(balances)} dates)",
            unite="s",
            notre=pire_balance[1],
            brut=pire_balance[2],
            ratio=pire_balance[1] / pire_balance[2],
            cible=f"< {nombre(CIBLE * 1000)} ms",
            atteinte=pire_balance[1] < CIBLE,
            plus_haut_est_mieux=False,
        ),
        LigneTableau(
            banc=f"3c. Grand livre, page de {TAILLE_PAGE} lignes d'un compte de "
            f"{nombre(nombre_compte)} lignes (la plus lente : première, milieu, dernière), "
            "contre OFFSET et fonction fenêtre",
            unite="s",
            notre=pire_page[2],
            brut=pire_page[3],
            ratio=pire_page[2] / pire_page[3],
            cible=f"< {nombre(CIBLE * 1000)} ms",
            atteinte=pire_page[2] < CIBLE,
            plus_haut_est_mieux=False,
        ),
        LigneTableau(
            banc=f"3d. Grand livre de la racine {RACINE} ({len(racine)} comptes, "
            f"{nombre(lignes_racine)} lignes), page du milieu, contre OFFSET et fonction fenêtre",
            unite="s",
            notre=milieu_racine[2],
            brut=milieu_racine[3],
            ratio=milieu_racine[2] / milieu_racine[3],
            cible="—",
            atteinte=None,
            plus_haut_est_mieux=False,
        ),
        LigneTableau(
            banc=f"3e. Balance ({nombre(lignes_hledger)} lignes) contre `hledger balance` sur "
            "notre export",
            unite="s",
            notre=notre_hledger,
            brut=hledger,
            ratio=notre_hledger / hledger,
            cible=f"< {nombre(CIBLE * 1000)} ms",
            atteinte=notre_hledger < CIBLE,
            plus_haut_est_mieux=False,
        ),
    ]
    details = [
        f"- Exercice {exercice.annee} du banc de la balance : {nombre(lignes)} lignes "
        + (
            "(chargées par ce banc : le banc de la balance n'a pas tourné avant)"
            if chargements
            else "(chargées par le banc de la balance, relues ici)"
        )
        + " ; lignes par compte : "
        + ", ".join(f"{n} {nombre(k)}" for n, k in sorted(par_compte.items()))
        + ".",
        "- **Balance à date** (`balance_generale(exercice, au=...)`, médiane de "
        f"{REPETITIONS} après une de chauffe) contre l'agrégat brut `SELECT "
        "compte_id, sum(debit), sum(credit) FROM ledger_ligne WHERE exercice_id = … AND date <= … "
        f"GROUP BY compte_id` (médiane de {REPETITIONS_BRUT}) ; soldes par compte comparés : "
        "identiques.",
        *(
            f"  - au {au:%d/%m/%Y} : **{secondes(notre)}** contre {secondes(brut)} "
            f"({pourcent(notre / brut)})"
            for au, notre, brut, _ in balances
        ),
        f"- **Grand livre par pages de clés** (`grand_livre_page(apres=<clé>)`, {TAILLE_PAGE} "
        f"lignes, médiane de {REPETITIONS}) contre la page naïve (solde progressif par fonction "
        f"fenêtre sur les lignes du compte, puis `OFFSET`, médiane de {REPETITIONS_BRUT}) ; lignes "
        "et soldes de chaque page comparés : identiques.",
        *(
            f"  - compte {numero}, page {quelle} (rang {nombre(rang)}) : **{secondes(notre)}** "
            f"contre {secondes(naive)} ({pourcent(notre / naive)})"
            for quelle, rang, notre, naive, _ in pages
        ),
        f"  - racine {RACINE} ({', '.join(sorted(n for n in par_compte if n.startswith(RACINE)))}"
        f"), page du milieu (rang {nombre(milieu_racine[1])}) : **{secondes(milieu_racine[2])}** "
        f"contre {secondes(milieu_racine[3])}.",
        f"- **hledger** (`hledger -f export.journal balance -O csv -N`, une exécution) sur "
        f"l'export de l'exercice {exercice_hledger.annee} ({nombre(lignes_hledger)} lignes"
        + " : un exercice de ce banc, le dixième de celui de la balance et au plus un million "
        "de lignes, car hledger garde tout le journal en mémoire"
        + f") : **{secondes(hledger)}**, {nombre(memoire / 2**30, 1)} Go de mémoire au plus "
        f"(l'export lui-même : {secondes(export)}) ; notre balance du même exercice : "
        f"**{secondes(notre_hledger)}** ({nombre(hledger / notre_hledger)} fois moins). Soldes "
        "par compte "
        "comparés : identiques.",
        f"- Charge de la machine (1, 5, 15 min) au début du banc : {charge_debut} ; à la fin : "
        f"{charge_fin}. CPU pris par les autres processus juste avant chaque mesure (attente "
        f"du calme au plus {ATTENTE_MAX} s) : "
        + ", ".join(f"{nombre(a, 1)}" for a in _AUTRES)
        + " cœur.",
    ]
    limites = [
        "- La balance lit les cumuls journaliers (`ledger_cumul`) jusqu'à la date : son coût "
        "croît avec comptes × jours, pas avec le nombre de lignes.",
        "- Une page du grand livre lit un intervalle de l'index `ledger_ligne (compte_id, date, "
        "ecriture_id, id)` à partir de la clé, et le solde reporté à partir des cumuls des jours "
        "précédents plus les lignes du jour de la clé jusqu'à elle : son coût ne croît pas avec "
        "le rang de la page. La page naïve lit toutes les lignes qui précèdent.",
        f"- Une racine de comptes lit un intervalle par compte puis les fusionne : son coût croît "
        f"avec le nombre de comptes de la racine ({len(racine)} ici).",
    ]
    return Resultat("rapports", "Rapports à toute date et toute taille", rangees, details, limites)
