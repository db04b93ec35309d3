"""Benchmark 3: the balance générale of an exercise of ten million lines.

The exercise of benchmark 2 is filled up through the import path to five
million two-line entries, then `ledger.selectors.balance_generale` is timed
(median of 5 runs after a warm-up) against the plain SQL aggregate of the
lines (`SELECT compte_id, sum(debit), sum(credit) ... GROUP BY compte_id`),
after VACUUM ANALYZE. The balance reads the daily totals kept by the line
trigger (`ledger_cumul`), the plain query reads every line.
"""

from __future__ import annotations

from bench import commun, import_masse
from bench.commun import LigneTableau, Resultat, nombre, pourcent, secondes

CIBLE_SECONDES = 1.0
REPETITIONS = 5
TRANCHE = 1_000_000  # entries per import call (one transaction each)

SQL_BRUT = """
    SELECT compte_id, sum(debit), sum(credit)
      FROM ledger_ligne l JOIN ledger_ecriture e ON e.id = l.ecriture_id
     WHERE e.exercice_id = %s
     GROUP BY compte_id
"""


def executer(nombre_ecritures: int) -> Resultat:
    from django.db import connection

    from ledger.models import Ecriture, Ligne
    from ledger.selectors import balance_generale

    utilisateur = commun.comptable()
    exercice = commun.exercice(commun.ANNEE_IMPORT)
    deja = Ecriture.objects.filter(exercice=exercice).count()
    chargements = []
    while deja < nombre_ecritures:
        tranche = min(TRANCHE, nombre_ecritures - deja)
        commun.annoncer(
            f"Balance : import de {nombre(tranche)} écritures ({nombre(deja)} → "
            f"{nombre(deja + tranche)})…"
        )
        commun.attendre_le_calme()
        chrono = import_masse.importer(utilisateur, exercice, tranche, premier=deja)
        chargements.append((deja, tranche, chrono.duree, chrono.cpu_autres))
        commun.annoncer(f"  {nombre(tranche / chrono.duree)} écritures/s en {chrono.duree:.1f} s")
        deja += tranche
    commun.annoncer("Balance : VACUUM ANALYZE…")
    duree_vacuum = commun.vacuum_analyze("ledger_ecriture", "ledger_ligne", "ledger_cumul")
    lignes = Ligne.objects.filter(ecriture__exercice=exercice).count()
    with connection.cursor() as curseur:
        curseur.execute("SELECT count(*) FROM ledger_cumul WHERE exercice_id = %s", [exercice.pk])
        cumuls = curseur.fetchone()[0]

    commun.attendre_le_calme()
    commun.annoncer(f"Balance : balance_generale sur {nombre(lignes)} lignes…")
    balance = balance_generale(exercice=exercice)  # warm-up
    if not balance.equilibree:
        raise RuntimeError("La balance de l'exercice n'est pas équilibrée.")
    notre, durees_notre = commun.mediane_chronos(
        lambda: balance_generale(exercice=exercice), REPETITIONS
    )

    def sql_brut():
        with connection.cursor() as curseur:
            curseur.execute(SQL_BRUT, [exercice.pk])
            return curseur.fetchall()

    commun.attendre_le_calme()
    commun.annoncer("Balance : agrégat SQL brut des lignes…")
    resultat_brut = sql_brut()  # warm-up
    brut, durees_brut = commun.mediane_chronos(sql_brut, REPETITIONS)
    _comparer(balance, resultat_brut)
    commun.annoncer(f"  balance {secondes(notre)}, SQL brut {secondes(brut)}")

    plans = {
        "balance_generale": _plan(lambda: balance_generale(exercice=exercice)),
        "SQL brut": _plan(sql_brut),
    }
    tailles = _tailles()

    ratio = notre / brut
    ligne = LigneTableau(
        banc=f"3. Balance générale ({nombre(lignes)} lignes)",
        unite="s",
        notre=notre,
        brut=brut,
        ratio=ratio,
        cible=f"< {nombre(CIBLE_SECONDES, 0)} s",
        atteinte=notre < CIBLE_SECONDES,
        plus_haut_est_mieux=False,
    )
    details = [
        f"- Exercice {commun.ANNEE_IMPORT} : {nombre(deja)} écritures, {nombre(lignes)} lignes, "
        f"{nombre(cumuls)} cumuls journaliers (`ledger_cumul`) ; VACUUM ANALYZE préalable "
        f"({secondes(duree_vacuum)}).",
        f"- **`balance_generale(exercice=...)`** : médiane de {REPETITIONS} exécutions après une "
        f"de chauffe : **{secondes(notre)}** ({', '.join(secondes(d) for d in durees_notre)}).",
        "- **SQL brut** (`SELECT compte_id, sum(debit), sum(credit) FROM ledger_ligne l JOIN "
        "ledger_ecriture e ON e.id = l.ecriture_id WHERE e.exercice_id = %s GROUP BY "
        f"compte_id`) : médiane de {REPETITIONS} après une de chauffe : **{secondes(brut)}** "
        f"({', '.join(secondes(d) for d in durees_brut)}).",
        f"- **Ratio** balance / SQL brut : {pourcent(ratio)} ; cible < "
        f"{nombre(CIBLE_SECONDES, 0)} s : {'atteinte' if notre < CIBLE_SECONDES else 'non atteinte'}."
        " Les totaux par compte des deux requêtes ont été comparés : identiques.",
    ]
    if chargements:
        details.append(
            "- Chargement par `ecritures_importer` (tranches d'une transaction) : "
            + " ; ".join(
                f"{nombre(debut)} → {nombre(debut + tranche)} : "
                f"{nombre(tranche / duree)} écritures/s (CPU des autres processus "
                f"{secondes(autres)} sur {secondes(duree)})"
                for debut, tranche, duree, autres in chargements
            )
            + f". Débit moyen : {nombre(sum(c[1] for c in chargements) / sum(c[2] for c in chargements))}"
            " écritures/s."
        )
    details.append(
        "- Tailles sur disque (toutes années confondues, index compris) : "
        + ", ".join(f"`{table}` {taille}" for table, taille in tailles)
        + "."
    )
    for nom, plan in plans.items():
        details += [
            "",
            f"<details><summary>Plan de la requête ({nom}) : EXPLAIN (ANALYZE, BUFFERS)</summary>",
            "",
            "```",
            plan,
            "```",
            "",
            "</details>",
        ]
    limites = [
        f"- `balance_generale` ne lit pas les lignes : elle agrège les {nombre(cumuls)} cumuls "
        "journaliers par compte que le trigger des lignes tient à jour (`ledger_cumul`). Son "
        "coût croît avec comptes × jours, pas avec le nombre de lignes ; il reste de l'ordre de "
        "la milliseconde quel que soit le volume de l'exercice.",
        f"- L'agrégat brut doit lire les {nombre(lignes)} lignes et leurs {nombre(deja)} "
        "écritures (jointure par hachage, parcours séquentiels parallélisés sur les cœurs "
        "disponibles, voir le plan) : il est borné par le volume lu et le CPU, d'où "
        f"{secondes(brut)} ici.",
        "- Le prix de cette rapidité est payé à l'écriture : la mise à jour des cumuls fait "
        "partie du trigger des lignes mesuré au banc 2.",
    ]
    if len(chargements) >= 2:
        premier, dernier = chargements[0], chargements[-1]
        debit_premier, debit_dernier = premier[1] / premier[2], dernier[1] / dernier[2]
        limites.append(
            f"- Le chargement par `ecritures_importer` passe de {nombre(debit_premier)} écritures/s "
            f"(tranche {nombre(premier[0])} → {nombre(premier[0] + premier[1])}) à "
            f"{nombre(debit_dernier)} écritures/s (tranche {nombre(dernier[0])} → "
            f"{nombre(dernier[0] + dernier[1])}) ; le CPU pris par les autres processus pendant "
            "chaque tranche est indiqué ci-dessus, pour distinguer l'effet de la taille des "
            "tables de celui d'une machine chargée (voir aussi les pistes du banc 2)."
        )
    return Resultat("balance", "Balance générale", [ligne], details, limites)


def _plan(fonction) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of the last query `fonction` sends, as it sent it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as capture:
        fonction()
    sql = capture.captured_queries[-1]["sql"]
    with connection.cursor() as curseur:
        curseur.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(ligne[0] for ligne in curseur.fetchall())


def _tailles() -> list[tuple[str, str]]:
    from django.db import connection

    with connection.cursor() as curseur:
        curseur.execute(
            # A partitioned table's size is its partitions' (migration 0016).
            "SELECT relname, pg_size_pretty(t.taille) FROM pg_class,"
            " LATERAL (SELECT coalesce(sum(pg_total_relation_size(p.relid)), pg_total_relation_size(oid))"
            " AS taille FROM pg_partition_tree(oid) p) t"
            " WHERE relname IN ('ledger_ligne', 'ledger_ecriture', 'ledger_cumul')"
            " ORDER BY t.taille DESC"
        )
        return curseur.fetchall()


def _comparer(balance, resultat_brut) -> None:
    """The balance's movements must be the lines' totals, account by account.

    The exercise has no à-nouveaux and the period starts on 1 January, so every
    line is a movement.
    """
    from ledger.models import Compte

    numeros = dict(Compte.objects.values_list("id", "numero"))
    attendu = {numeros[compte]: (debit, credit) for compte, debit, credit in resultat_brut}
    obtenu = {
        ligne.numero: (ligne.mouvement_debit, ligne.mouvement_credit) for ligne in balance.lignes
    }
    if obtenu != attendu:
        raise RuntimeError(f"Balance et agrégat brut diffèrent : {obtenu} ≠ {attendu}.")
