"""Benchmark 2, in words: the measures of the bulk import as the document gives them.

`details` and `limites` word the figures; `pistes` shows the known causes of
slowness while the measured code still has them.
"""

from __future__ import annotations

from dataclasses import dataclass

from bench import commun
from bench.commun import Chrono, nombre, pourcent, secondes

CIBLE = 0.60  # issue 16, point 2


@dataclass
class Mesures:
    ecritures: int
    taille_paquet: int
    notre: Chrono
    brut: Chrono
    invariants: Chrono
    fonctions: list[tuple[str, int, float]]
    generation: float
    profil_ecritures: int
    profil_total: float
    postes: list[tuple[str, str, float]]
    profil_haut: str
    autovacuum: list[str]
    essais: dict[str, int]
    annees: dict[str, int]

    def par_ecriture(self, secondes_: float) -> float:
        """Microseconds per entry."""
        return secondes_ / self.ecritures * 1e6


def _repartition(chrono: Chrono) -> str:
    texte = f"{secondes(chrono.duree)} de temps réel ; CPU du processus Python {secondes(chrono.cpu_client)}"
    if chrono.cpu_serveur is not None:
        texte += f", CPU du processus serveur {secondes(chrono.cpu_serveur)}"
    return texte


def _cpu_serveur(chrono: Chrono) -> str:
    return secondes(chrono.cpu_serveur) if chrono.cpu_serveur is not None else "?"


_FONCTIONS = {
    "ledger_ecriture_verifier_insertion": "trigger d'instruction des écritures (exercice, journal, "
    "auteur, numérotation, chaîne d'empreintes, lot)",
    "ledger_ligne_verifier_insertion": "trigger d'instruction des lignes (écriture de la "
    "transaction, comptes, cumuls journaliers)",
    "ledger_lot_verifier_equilibre": "trigger différé par lot (au moins deux lignes, équilibre)",
    "ledger_cumul_proteger": "garde de `ledger_cumul`, une fois par instruction (appelée par le "
    "trigger des lignes)",
    "ledger_compteur_verifier": "trigger de ligne du compteur (appelé par celui des écritures)",
    "ledger_chaine_verifier": "trigger de ligne de la tête de chaîne (appelé par celui des écritures)",
}
_PREMIER_NIVEAU = (
    "ledger_ecriture_verifier_insertion",
    "ledger_ligne_verifier_insertion",
    "ledger_lot_verifier_equilibre",
)


def details(m: Mesures, ratio: float) -> list[str]:
    n = m.ecritures
    delta_invariants = m.invariants.duree - m.brut.duree
    delta_python = m.notre.duree - m.invariants.duree
    details = [
        f"- {nombre(n)} écritures de deux lignes ({nombre(2 * n)} lignes), dates réparties sur "
        "l'année, comptes 4111, 7511, 7512, 5122, 6561 et 412 ; paquets de "
        f"2 000 doublés jusqu'à {nombre(m.taille_paquet)} (`PREMIER_PAQUET`, `TAILLE_PAQUET` ; "
        "la limite brute copie des paquets de `TAILLE_PAQUET`), une seule transaction.",
        f"- **Notre chemin** : `ecritures_importer` alimenté par un générateur de `EcritureSaisie`, "
        f"exercice {m.annees['import']} : **{nombre(n / m.notre.duree)} écritures/s** "
        f"({nombre(m.par_ecriture(m.notre.duree), 1)} µs par écriture ; {_repartition(m.notre)}).",
        "- **Limite brute** : COPY des mêmes lignes préparées en mémoire avant le chronomètre "
        "(identifiants, numéros, rangs, empreintes), triggers coupés par "
        f"`SET session_replication_role = replica`, exercice {m.annees['brut']} : "
        f"**{nombre(n / m.brut.duree)} écritures/s** ({_repartition(m.brut)}). Seuls les COPY et "
        "le COMMIT sont chronométrés ; index et contraintes CHECK restent actifs.",
        f"- **Ratio** : {pourcent(ratio)} (cible ≥ {pourcent(CIBLE)} : "
        f"{'atteinte' if ratio >= CIBLE else 'non atteinte'}).",
        "",
        "Décomposition (chaque mesure part de tables passées au VACUUM ANALYZE et d'un CHECKPOINT) :",
        "",
        "| Étape | Écritures/s | µs par écriture | Temps réel | CPU Python | CPU serveur "
        "| CPU des autres processus |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for libelle, chrono in (
        ("COPY brut, triggers coupés (limite physique)", m.brut),
        (
            f"COPY des mêmes lignes, triggers actifs (exercice {m.annees['invariants']})",
            m.invariants,
        ),
        ("`ecritures_importer`", m.notre),
    ):
        details.append(
            f"| {libelle} | {nombre(n / chrono.duree)} | {nombre(m.par_ecriture(chrono.duree), 1)} "
            f"| {secondes(chrono.duree)} | {secondes(chrono.cpu_client)} | {_cpu_serveur(chrono)} "
            f"| {secondes(chrono.cpu_autres)} |"
        )
    details += [
        "",
        "La dernière colonne compte le CPU pris pendant la mesure par tous les autres processus "
        "de la machine (processus auxiliaires du serveur : écriture du WAL, checkpointer ; "
        "autres sessions) : s'il approche le temps réel, la mesure a été perturbée.",
        "",
        f"- Ce que coûtent les invariants vérifiés par la base (COPY triggers actifs − COPY "
        f"brut) : {secondes(delta_invariants)}, soit {nombre(m.par_ecriture(delta_invariants), 1)} "
        "µs par écriture.",
        f"- Ce que coûte le côté Python (import − COPY triggers actifs) : {secondes(delta_python)}, "
        f"soit {nombre(m.par_ecriture(delta_python), 1)} µs par écriture ; le processus Python a "
        f"consommé {nombre(m.par_ecriture(m.notre.cpu_client), 1)} µs de CPU par écriture.",
        f"- Le générateur de saisies seul (coût de l'appelant, inclus dans la mesure) : "
        f"{secondes(m.generation)}, soit {nombre(m.par_ecriture(m.generation), 2)} µs par écriture.",
    ]
    refaites = [f"{nom} ({essais} essais)" for nom, essais in m.essais.items() if essais > 1]
    if refaites:
        details.append(
            "- Mesures refaites parce que d'autres processus prenaient plus de "
            f"{nombre(commun.PERTURBATION, 1)} cœur : "
            + ", ".join(refaites)
            + " ; chaque essai a son propre exercice, le dernier est retenu."
        )
    if m.autovacuum:
        details.append("- Autovacuum passé pendant une mesure : " + " ; ".join(m.autovacuum) + ".")
    else:
        details.append("- Aucun autovacuum n'est passé pendant les trois mesures.")
    if m.fonctions:
        details += [
            "",
            "Temps des fonctions de trigger pendant le COPY triggers actifs (`track_functions = "
            "'all'`, contrôles différés exécutés avant le COMMIT par `SET CONSTRAINTS ALL "
            "IMMEDIATE`) ; le temps total d'une fonction comprend celui des triggers qu'elle "
            "déclenche :",
            "",
            "| Fonction | Rôle | Appels | Temps total | µs par écriture |",
            "|---|---|---:|---:|---:|",
        ]
        for fonction, appels, millisecondes in m.fonctions:
            details.append(
                f"| `{fonction}` | {_FONCTIONS.get(fonction, '')} | {nombre(appels)} "
                f"| {secondes(millisecondes / 1000)} | {nombre(m.par_ecriture(millisecondes / 1000), 1)} |"
            )
        premier_niveau = sum(ms for f, _, ms in m.fonctions if f in _PREMIER_NIVEAU) / 1000
        reste = m.invariants.duree - premier_niveau
        details += [
            f"| (reste du COPY triggers actifs) | écriture des lignes elles-mêmes, capture des "
            f"tables de transition ; à comparer au COPY brut ({secondes(m.brut.duree)}) | | "
            f"{secondes(reste)} | {nombre(m.par_ecriture(reste), 1)} |",
        ]
    details += [
        "",
        f"Profil Python (cProfile sur {nombre(m.profil_ecritures)} écritures, exercice "
        f"{commun.ANNEE_PROFIL} ; le profileur ralentit le Python : {secondes(m.profil_total)} au "
        f"total, soit {nombre(m.profil_total / m.profil_ecritures * 1e6, 1)} µs par écriture). "
        "Temps cumulés, en part du total profilé :",
        "",
        "| Poste | Temps | Part |",
        "|---|---:|---:|",
    ]
    for libelle, _, duree in m.postes:
        details.append(f"| {libelle} | {secondes(duree)} | {pourcent(duree / m.profil_total)} |")
    details += [
        "",
        "<details><summary>Fonctions les plus coûteuses du profil (temps propre)</summary>",
        "",
        "```",
        m.profil_haut,
        "```",
        "",
        "</details>",
    ]
    return details


def limites(m: Mesures) -> list[str]:
    brut = m.par_ecriture(m.brut.duree)
    invariants = m.par_ecriture(m.invariants.duree - m.brut.duree)
    python = m.par_ecriture(m.notre.duree - m.invariants.duree)
    total = m.par_ecriture(m.notre.duree)
    cpu_python = m.par_ecriture(m.notre.cpu_client)
    lignes = [
        f"- Sur {nombre(total, 1)} µs par écriture : {nombre(brut, 1)} µs pour écrire les lignes "
        f"elles-mêmes (la limite brute : tas, index des deux tables, WAL)"
        f", {nombre(invariants, 1)} µs pour les invariants vérifiés par les triggers, "
        f"{nombre(python, 1)} µs de plus pour le côté Python.",
    ]
    if m.notre.cpu_serveur is not None:
        serveur = m.par_ecriture(m.notre.cpu_serveur)
        recouvrement = cpu_python + serveur - total
        lignes.append(
            f"- Recouvrement de Python et du serveur : {nombre(cpu_python, 1)} µs de CPU Python "
            f"(les deux fils) + {nombre(serveur, 1)} µs de CPU serveur par écriture pour "
            f"{nombre(total, 1)} µs de temps réel (recouvrement {nombre(max(recouvrement, 0), 1)} "
            "µs). Le fil producteur prépare le paquet suivant pendant que le serveur insère et "
            "vérifie le paquet courant ; ne se recouvrent pas la préparation du premier paquet, "
            "la vérification du dernier et l'attente de la machine partagée."
        )
    if m.fonctions:
        principales = sorted(
            (f for f in m.fonctions if f[0] in _PREMIER_NIVEAU), key=lambda f: -f[2]
        )
        lignes.append(
            "- Côté base, les triggers se répartissent ainsi : "
            + ", ".join(
                f"`{f}` {nombre(m.par_ecriture(ms / 1000), 1)} µs" for f, _, ms in principales
            )
            + " par écriture (détail ci-dessus)."
        )
    python = [(libelle, duree) for libelle, genre, duree in m.postes if genre == "python"]
    base = sum(duree for _, genre, duree in m.postes if genre == "base")
    if python:
        libelle, duree = max(python, key=lambda p: p[1])
        part_python = pourcent(sum(d for _, d in python) / m.profil_total)
        lignes.append(
            f"- Dans le profil, le Python de l'import (fil producteur) pèse {part_python} du "
            f"temps (premier poste : {libelle}, {pourcent(duree / m.profil_total)}), le fil "
            f"principal attend le serveur {pourcent(base / m.profil_total)} du temps ; les deux "
            "fils se recouvrent."
        )
    lignes.append(
        "- Évolution du débit avec la taille des tables : voir le chargement par tranches du "
        "banc 3 (même exercice, même chemin)."
    )
    return lignes


def pistes() -> list[str]:
    """Known causes of slowness, shown only while the measured code still has them.

    Each was diagnosed and its fix tried on a scratch database, on the same
    machine, on 23/11/2026 (see the report that came with this benchmark).
    """
    import inspect

    from django.db import connection

    from ledger import services

    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p"
            " WHERE p.proname IN ('ledger_ecriture_verifier_insertion',"
            " 'ledger_ligne_verifier_insertion')"
        )
        sources = dict(curseur.fetchall())
    pistes = []
    ligne = sources.get("ledger_ligne_verifier_insertion", "")
    if "JOIN ledger_ecriture e ON e.id = n.ecriture_id" in ligne and "BETWEEN" not in ligne:
        pistes.append(
            "- **Plan instable dans le trigger des lignes.** Ses deux jointures des lignes "
            "nouvelles à `ledger_ecriture` (contrôle de l'écriture, cumuls) n'ont que "
            "`e.id = n.ecriture_id` : selon la taille de la table et ses statistiques, "
            "l'optimiseur choisit une jointure par fusion qui parcourt **tout** l'index primaire "
            "de `ledger_ecriture` à chaque paquet (observé vers 3 millions d'écritures : 0,9 à "
            "2,6 s par paquet de 50 000 au lieu de 0,18 s en boucle imbriquée). Le coût d'un "
            "import croît alors avec la taille de la table, d'où la baisse des tranches du banc "
            "3. Correctif essayé : lire `min(ecriture_id), max(ecriture_id)` de la table de "
            "transition dans deux variables et ajouter `AND e.id BETWEEN v_min AND v_max` aux "
            "deux jointures ; import de 200 000 écritures dans une table de 3,3 à 3,9 millions : "
            "de 13 800 à 20 600 écritures/s (CPU serveur de 44 à 25 µs par écriture), avec le "
            "correctif suivant."
        )
    ecriture = sources.get("ledger_ecriture_verifier_insertion", "")
    if "{64}" in ecriture:
        pistes.append(
            "- **Expression régulière coûteuse.** `empreinte !~ '^[0-9a-f]{64}$'` (trigger des "
            "écritures) coûte environ 5 µs par ligne : la répétition bornée `{64}` fait un "
            "automate de 64 états. `length(empreinte) <> 64 OR empreinte ~ '[^0-9a-f]'` dit la "
            "même chose dix fois plus vite (250 ms → 24 ms pour 50 000 empreintes), soit "
            "environ 7 % de débit d'import en plus."
        )
    if "json.dumps(" in inspect.getsource(services.empreinte_ecriture):
        pistes.append(
            "- **Python de l'import.** `json.dumps` avec des options construit un "
            "`JSONEncoder` à chaque appel : en garder un au niveau du module "
            '(`JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode`, même texte, '
            "même empreinte) ; dans `_preparer_lignes`, les libellés d'erreur sont formatés "
            "pour chaque ligne même sans erreur, et `montant()` refait toutes ses vérifications "
            "sur un `Decimal` déjà au centime. Ces deux retouches ôtent environ 20 % du CPU "
            "Python de l'import (essai : +10 % de débit)."
        )
    if pistes:
        pistes.append(
            "- **Recouvrement.** Python attend pendant que le serveur exécute les triggers "
            "d'instruction à la fin de chaque COPY. Préparer le paquet suivant dans un fil "
            "pendant ce temps (le fil d'écriture n'envoie que des octets déjà formatés) rend "
            "le temps réel proche du plus grand des deux CPU au lieu de leur somme ; essai sur "
            "une machine où les autres sessions prenaient un cœur : +8 %, davantage attendu "
            "sur une machine libre."
        )
        pistes.insert(0, "")
        pistes.insert(
            1,
            "Pistes (diagnostic et essais faits à part, sur une base jetable, le "
            "23/11/2026 ; affichées tant que le code mesuré présente le défaut) :",
        )
        pistes.insert(2, "")
    return pistes
