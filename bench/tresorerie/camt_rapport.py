"""The camt.053 benchmark in words: its section of docs/benchmarks.md (see `camt`)."""

from __future__ import annotations

import datetime

from bench.commun import nombre, secondes
from bench.tresorerie.camt import GROUPE, PAS_GROUPE, VERSION, Import, Lecture, Mesures


def _x(notre: float, brut: float) -> str:
    return f"×{nombre(notre / brut, 1)}"


def section(m: Mesures, machine: dict[str, str], duree: float) -> list[str]:
    maintenant = datetime.datetime.now().astimezone()
    autres = max(
        [d.autres for lu in m.lectures for d in (lu.lire, lu.brut)]
        + [i.autres for i in m.imports + ([m.lot] if m.lot else [])]
    )
    lignes = [
        "## 6. Relevés camt.053",
        "",
        f"Mesuré le {maintenant:%d/%m/%Y à %H:%M} ({maintenant:%Z}) par "
        f"`.venv/bin/python -m bench.tresorerie.camt` ({nombre(duree / 60, 1)} min, base "
        f"`caisse_bench` recréée) : {machine['nproc']} cœurs ({machine['processeur']}), "
        f"PostgreSQL {machine['postgresql']} ({machine['reglages']}), Python {machine['python']}, "
        f"lxml {_lxml()} ; {machine['code']} ; charge moyenne au début {machine['charge']}. Part "
        f"de CPU prise par les autres processus pendant une mesure, au plus : "
        f"{nombre(autres, 2)} cœur.",
        "",
        f"Relevés {VERSION} écrits par `ecrire_camt` pour le compte bancaire de démonstration : "
        "deux crédits pour un débit, chaque ligne avec son EndToEndId, sa référence bancaire et "
        f"sa contrepartie ; une ligne sur {PAS_GROUPE} dans une entrée de lot (`EntreeGroupee` de "
        f"{GROUPE} virements avec leurs TxDtls, relue en {GROUPE} lignes). Les relevés se suivent "
        "sur le compte (soldes enchaînés).",
        "",
        "**(a) Lecture.** `releves.lire_camt` contre la limite brute : `etree.fromstring` + "
        "`XMLSchema.validate` des mêmes octets avec le XSD embarqué, puis une itération lxml "
        "qui prend montant, sens, date de comptabilisation et premier EndToEndId de chaque "
        "`Ntry` (une rangée par entrée, sans découpage des lots ni contrôle). Médiane de trois "
        "passes après une de chauffe (une seule au-delà de 30 Mo).",
        "",
        "| Lignes | Entrées | Fichier | `lire_camt` | Limite brute | Ratio | dont analyse "
        "| dont XSD | dont itération |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lu in m.lectures:
        lignes.append(
            f"| {nombre(lu.nombre)} | {nombre(lu.entrees)} | {nombre(lu.octets / 1024)} Kio "
            f"| {secondes(lu.lire.mediane)} | {secondes(lu.brut.mediane)} "
            f"| {_x(lu.lire.mediane, lu.brut.mediane)} | {secondes(lu.analyse.mediane)} "
            f"| {secondes(lu.xsd.mediane)} | {secondes(lu.iteration.mediane)} |"
        )
    lignes += [
        "",
        "**(b) Import.** `services.releve_importer` (une transaction : verrou du compte, "
        "`lire_camt`, contrôles du compte, de la période et de la suite, le relevé et ses "
        "lignes par `bulk_create`, `rapprocher_automatiquement`, la ligne d'audit), une fois "
        "par relevé, après CHECKPOINT. **Limites brutes** : COPY des mêmes lignes (lues et "
        "préparées en mémoire hors chronomètre) dans `tresorerie_lignereleve` même, triggers "
        "actifs, sous un relevé créé à l'avance (un avis camt.054, qui ne pèse sur aucun "
        "contrôle des imports), une transaction et son COMMIT ; et le lecteur seul. La limite "
        "d'un import est le lecteur brut plus le COPY.",
        "",
        "| Lignes | `releve_importer` | dont `lire_camt` | dont rapprochement | reste "
        "| COPY seul | Lecteur brut + COPY | Ratio | Ratio au lecteur seul | Lignes/s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lu, i in zip(m.lectures, m.imports, strict=True):
        lignes.append(_rangee_import(i, lu))
    if m.lot:
        lu = _lecture_proche(m.lectures, m.lot.nombre)
        lignes += [
            "",
            f"**(c) Lot rapproché.** {nombre(m.lot.nombre)} ordres visés (préparés comme pour le "
            f"banc 4) payés par `lot_payer` ({nombre(m.lot_preparation, 1)} s, hors mesure), puis "
            "le relevé qui les comptabilise (une `EntreeGroupee`, un TxDtls par virement, "
            f"PmtInfId le message du lot ; {nombre(m.lot_octets / 1024)} Kio) importé : "
            f"**{secondes(m.lot.duree)}**, dont `lire_camt` {secondes(m.lot.lecture)} et "
            f"`rapprocher_automatiquement` {secondes(m.lot.rapprochement)} "
            f"({nombre(m.lot.rapprochees)} lignes rapprochées). "
            + (
                f"Rapporté au lecteur brut plus COPY du relevé de {nombre(lu.nombre)} lignes "
                f"ci-dessus, au prorata : "
                f"{_x(m.lot.duree, (lu.brut.mediane + _copy(m, lu)) * m.lot.nombre / lu.nombre)}."
                if lu
                else ""
            ),
        ]
    lignes += ["", "### Ce qui limite", ""]
    for lu, i in zip(m.lectures, m.imports, strict=True):
        reste = i.duree - i.lecture - i.rapprochement
        lignes.append(
            f"- {nombre(i.nombre)} lignes : lecture {nombre(100 * i.lecture / i.duree)} % de "
            f"l'import, rapprochement {nombre(100 * i.rapprochement / i.duree)} %, le reste "
            f"{secondes(reste)} ({_reste(i, reste)}) contre {secondes(i.copy)} pour le COPY ; "
            f"`lire_camt` coûte {nombre(lu.lire.mediane / lu.nombre * 1e6)} µs par ligne, la "
            f"limite brute {nombre(lu.brut.mediane / lu.nombre * 1e6)} µs (dont XSD "
            f"{nombre(lu.xsd.mediane / lu.nombre * 1e6)} µs)."
        )
    if m.lot:
        i = m.lot
        lignes.append(
            f"- Lot de {nombre(i.nombre)} paiements : rapprochement "
            f"{secondes(i.rapprochement)} ({nombre(len(i.sql_rapprochement))} requêtes SQL, "
            f"{secondes(sum(i.sql_rapprochement))}), lecture {secondes(i.lecture)}, le reste "
            f"{secondes(i.duree - i.lecture - i.rapprochement)} "
            f"({_reste(i, i.duree - i.lecture - i.rapprochement)})."
        )
    lignes += [
        "",
        "### Relancer ce banc",
        "",
        "```sh",
        ".venv/bin/python -m bench.tresorerie.camt        # 1 000, 20 000, 100 000 lignes ; "
        "lot de 20 000",
        ".venv/bin/python -m bench.tresorerie.camt --entrees 1000 20000 --lot 0 --sortie "
        "/tmp/camt.md",
        "```",
        "",
        "La base `caisse_bench` est supprimée et recréée ; ce fichier n'est pas réécrit : la "
        "section s'affiche (ou va dans `--sortie`).",
    ]
    return lignes


def _copy(m: Mesures, lu: Lecture) -> float:
    return m.imports[m.lectures.index(lu)].copy


def _lecture_proche(lectures: list[Lecture], n: int) -> Lecture | None:
    return min(lectures, key=lambda lu: abs(lu.nombre - n), default=None)


def _rangee_import(i: Import, lu: Lecture) -> str:
    reste = i.duree - i.lecture - i.rapprochement
    limite = lu.brut.mediane + i.copy
    return (
        f"| {nombre(i.nombre)} | {secondes(i.duree)} | {secondes(i.lecture)} "
        f"| {secondes(i.rapprochement)} | {secondes(reste)} | {secondes(i.copy)} "
        f"| {secondes(limite)} | {_x(i.duree, limite)} | {_x(i.duree, lu.lire.mediane)} "
        f"| {nombre(i.nombre / i.duree)} |"
    )


def _reste(i: Import, reste: float) -> str:
    """The import outside reading and matching: its SQL by statement, the COMMIT, Python."""
    sql = sorted(i.sql.items(), key=lambda kv: -sum(kv[1]))
    total = sum(sum(durees) for _, durees in sql)
    principales = ", ".join(
        f"`{resume}` ×{len(durees)} {secondes(sum(durees))}" for resume, durees in sql[:3]
    )
    return (
        f"SQL hors rapprochement {secondes(total)} dont {principales} ; COMMIT "
        f"{secondes(i.commit)} ; Python (contrôles, objets `LigneReleve`, audit) "
        f"{secondes(max(0.0, reste - total - i.commit))}"
    )


def _lxml() -> str:
    from lxml import etree

    return ".".join(map(str, etree.LXML_VERSION[:3]))


def resultat_de_section(cle: str, titre: str, tableau: list, section: list[str]):
    """A `Resultat` for `bench.tout` from a bench's own section: its heading and
    header line (the run's machine, said once by `bench.tout`) and its rerun
    block are left out; what is under « Ce qui limite » goes to `limites`."""
    from bench.commun import Resultat

    debut_limites = section.index("### Ce qui limite")
    fin = section.index("### Relancer ce banc")
    return Resultat(
        cle,
        titre,
        tableau,
        section[4:debut_limites],
        [ligne for ligne in section[debut_limites + 1 : fin] if ligne],
    )


def resultat(m: Mesures, machine: dict[str, str], duree: float):
    """The camt benchmark as `bench.tout` lists it: one row per import, the largest reading."""
    from bench.commun import LigneTableau

    lu = m.lectures[-1]
    tableau = [
        LigneTableau(
            banc=f"6. Relevés camt.053 (lecture de {nombre(lu.nombre)} lignes)",
            unite="s",
            notre=lu.lire.mediane,
            brut=lu.brut.mediane,
            ratio=lu.lire.mediane / lu.brut.mediane,
            cible="—",
            atteinte=None,
            plus_haut_est_mieux=False,
        )
    ]
    for lecture, i in zip(m.lectures, m.imports, strict=True):
        limite = lecture.brut.mediane + i.copy
        tableau.append(
            LigneTableau(
                banc=f"6. Relevés camt.053 (import de {nombre(i.nombre)} lignes)",
                unite="s",
                notre=i.duree,
                brut=limite,
                ratio=i.duree / limite,
                cible="—",
                atteinte=None,
                plus_haut_est_mieux=False,
            )
        )
    return resultat_de_section("camt", "Relevés camt.053", tableau, section(m, machine, duree))
