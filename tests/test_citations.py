"""Every citation in the project names a text the seeds hold (issue 10, point 14).

The seeds (`../shared/seeds/`) are the fund's texts: 003_* is the circulaire
DSS/F n° 93/82 with its numbered paragraphs (§1.0, §2.1.9.0, chapters I to VI,
parts A and B); the others are articles of the Code de la sécurité sociale
(D133-2, D253-16, D253-17..., D253-81, the "Annexe article 13"). A docstring,
a comment, a French message, a template or a page of docs/ that cites a
paragraph or an article is checked against them:

- `§x.y.z` is a paragraph of the circulaire, unless it follows "DOMAIN": then
  it is a section of the design brief `../shared/design/DOMAIN.md`. The brief
  is not a text of law: it may be named in docstrings and comments (for the
  postings of its §9), never in what a user reads (messages, templates, docs).
- `D253-17`, `art. D. 253-1`, `R. 612-9`, `L. 133-3` is an article: either one
  the seeds hold (a heading of a seed), or one they only mention; a mention
  is accepted only where it was read and judged true (`MENTIONS_JUGEES`, with
  the reason), so that a new citation of a mentioned article is read again.
- `décret n° 93-1004` is a decree the seeds mention, or one read outside the
  seeds and listed in `DECRETS_HORS_GRAINES` with its source.
- `circulaire 93/82`: the only circulaire the seeds hold; `seed 00n`: a seed.

A failure lists each false citation with its file and line.
"""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parent.parent
GRAINES = Path(os.environ.get("CAISSE_GRAINES", RACINE.parent / "shared" / "seeds"))
DOMAIN = GRAINES.parent / "design" / "DOMAIN.md"

EXTENSIONS = {".py", ".html", ".md", ".sql", ".txt", ".js"}
DOSSIERS_EXCLUS = {
    ".git",
    ".venv",
    "node_modules",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    "media",
    "staticfiles",
}
# This file cites false paragraphs on purpose, to show that the extractor fails.
FICHIERS_EXCLUS = {Path("tests/test_citations.py")}

# Articles the seeds mention without holding them, each cited in the project
# where it was read and judged true. A citation of another mentioned article
# fails until someone reads it and adds it here with the reason.
MENTIONS_JUGEES = {
    "D253-1": "circ. 93/82 §I and D253-17 to D253-19-3 (seed 002) name the funds of the "
    "régime général as the 'organismes visés à l'article D. 253-1'",
    "D253-14": "circ. 93/82 §1.1.2: the fondé de pouvoir's functions cannot exceed three "
    "months 'conformément aux termes de l'article D 253-14'",
    "R122-4": "circ. 93/82 §1.1.2: R 122-4 makes the fondé de pouvoir act as agent "
    "comptable when the post is vacant or he is absent or prevented",
    "L133-3": "D133-2 (seed 002) fixes 'le montant visé à l'article L. 133-3': citing "
    "L. 133-3 as the law D133-2 applies is true",
    "R612-9": "annexe art. 13 (seed 004): 'la mise en demeure prévue à l'article R. 612-9': "
    "citing it for the mise en demeure and its thirty days is true",
    **{
        article: "annexe art. 13 (seed 004): compulsory recovery 'suivant l'une des procédures "
        "prévues aux articles R. 612-11 à R.612-13 et R. 612-17': cited only as that range, "
        "never one procedure to one article (the seed does not say which is which)"
        for article in ("R612-11", "R612-13", "R612-17")
    },
}

# Decrees read outside the seeds, with where their text was checked.
DECRETS_HORS_GRAINES = {
    "97-266": "décret n° 97-266 du 18 mars 1997 relatif à la gestion comptable des "
    "organismes de sécurité sociale du régime général (JORF 22 mars 1997): the wording of "
    "D253-17 to D253-19-3 that seed 002 shows from 22 March 1997",
    "2022-1283": "décret n° 2022-1283 du 30 septembre 2022, art. 4: the provisions naming the "
    "'directeur comptable et financier' come into force on 1 January 2023 (Légifrance)",
}

ROMAINS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

# `§2.1.9.0`, `§2.2.0.2-3` (two paragraphs), `§III-IV`, `§A`; a trailing dot
# ends the sentence.
PARAGRAPHE = re.compile(
    r"§\s?(?:(?P<num>\d+(?:\.\d+)*)(?:-(?P<jusqu>\d+))?(?!\.\d)|(?P<rom>[IVX]+)(?:-(?P<rom2>[IVX]+))?\b|(?P<lettre>[A-Z])\b)"
)
SECTION = re.compile(r"§")
# `D253-17`, `D253-17-1`, `D 253-1`, `D. 253-1`, `R. 612-9`, `R.612-13`, `L243-1`.
ARTICLE = re.compile(r"(?<![\w/.-])(?P<livre>[LRD])\.?\s?(?P<num>\d{3}-\d+(?:-\d+)?)(?![\d-])")
DECRET = re.compile(r"décret\s+(?:n\s?°|no|n°)\s?(?P<num>\d{2,4}-\d+)", re.IGNORECASE)
CIRCULAIRE = re.compile(r"\bcirc(?:\.|ulaire)\s+(?:DSS/F\s+)?(?:n\s?°\s?)?(?P<num>\d{2}/\d{2,3})\b")
GRAINE = re.compile(r"\bseed\s+(?P<num>\d{3})\b")
# A § belongs to DOMAIN.md when it follows "DOMAIN" (or "DOMAIN.md"), possibly
# after other sections of the brief: "DOMAIN §3, §9".
APRES_DOMAIN = re.compile(r"DOMAIN(?:\.md)?\s*(?:§\s?\w+\s*(?:,|et|and|;)\s*)*$")


@dataclass(frozen=True)
class Citation:
    chemin: str
    ligne: int
    colonne: int
    nature: str  # circulaire, domain, article, decret, circulaire_numero, graine, illisible
    reference: str
    texte: str

    def __str__(self) -> str:
        return f"{self.chemin}:{self.ligne}: {self.texte.strip()[:160]}"


# --- what the seeds hold -----------------------------------------------------


def _graine(prefixe: str) -> Path:
    (chemin,) = GRAINES.glob(f"{prefixe}_*.txt")
    return chemin


def normaliser_article(livre: str, numero: str) -> str:
    return f"{livre}{numero}"


@cache
def paragraphes_circulaire() -> frozenset[str]:
    """The headings of the circulaire (sommaire and body): 1.0 … 6.2, I … VI, A, B."""
    trouves = set()
    for ligne in _graine("003").read_text().splitlines():
        ligne = ligne.strip()
        if m := re.match(r"^(\d+(?:[.\-]\d+)+)\.?\s+[^\W\d_]", ligne):
            trouves.add(m.group(1).replace("-", "."))
        elif m := re.match(r"^([IVX]+|[A-Z])\s+-\s+\w", ligne):
            trouves.add(m.group(1))
    return frozenset(trouves)


@cache
def _textes_graines() -> dict[str, str]:
    return {chemin.name: chemin.read_text() for chemin in sorted(GRAINES.glob("*.txt"))}


@cache
def articles_des_graines() -> frozenset[str]:
    """The articles a seed holds: its headings `# Article D253-16`, `##### Article D133-2`."""
    trouves = set()
    for texte in _textes_graines().values():
        for m in re.finditer(r"^#+\s*Article\s+([LRD])\.?\s?(\d{3}-\d+(?:-\d+)?)\s*$", texte, re.M):
            trouves.add(normaliser_article(m.group(1), m.group(2)))
    return frozenset(trouves)


@cache
def articles_mentionnes() -> frozenset[str]:
    """Every article a seed names, held or only referred to."""
    trouves = set()
    for texte in _textes_graines().values():
        for m in ARTICLE.finditer(texte):
            trouves.add(normaliser_article(m.group("livre"), m.group("num")))
    return frozenset(trouves) | articles_des_graines()


@cache
def decrets_mentionnes() -> frozenset[str]:
    trouves = set()
    for texte in _textes_graines().values():
        trouves.update(m.group("num") for m in DECRET.finditer(texte))
    return frozenset(trouves)


@cache
def sections_domain() -> frozenset[str]:
    """The numbered sections of the design brief: `## 9. Postings, to start from`."""
    return frozenset(re.findall(r"^##\s+(\d+)\.", DOMAIN.read_text(), re.M))


# --- what the project cites --------------------------------------------------


def extraire(texte: str, chemin: str = "<texte>") -> list[Citation]:
    """Every citation of a text, line by line."""
    citations = []
    for numero, ligne in enumerate(texte.splitlines(), start=1):

        def citer(nature, reference, colonne, ligne=ligne, numero=numero):
            citations.append(Citation(chemin, numero, colonne, nature, reference, ligne))

        for m in SECTION.finditer(ligne):
            p = PARAGRAPHE.match(ligne, m.start())
            domain = APRES_DOMAIN.search(ligne[: m.start()])
            if p is None:
                citer("illisible", ligne[m.start() : m.start() + 12], m.start())
            elif domain:
                citer("domain", p.group("num") or p.group(0)[1:].strip(), m.start())
            elif p.group("num"):
                num = p.group("num")
                citer("circulaire", num, m.start())
                if p.group("jusqu"):
                    # §2.2.0.2-3: from 2.2.0.2 to 2.2.0.3.
                    tete, _, debut = num.rpartition(".")
                    for n in range(int(debut) + 1, int(p.group("jusqu")) + 1):
                        citer("circulaire", f"{tete}.{n}" if tete else str(n), m.start())
            elif p.group("rom"):
                citer("circulaire", p.group("rom"), m.start())
                if p.group("rom2"):
                    i, j = ROMAINS.index(p.group("rom")), ROMAINS.index(p.group("rom2"))
                    for r in ROMAINS[i + 1 : j + 1]:
                        citer("circulaire", r, m.start())
            else:
                citer("circulaire", p.group("lettre"), m.start())
        for m in ARTICLE.finditer(ligne):
            citer("article", normaliser_article(m.group("livre"), m.group("num")), m.start())
        for m in DECRET.finditer(ligne):
            citer("decret", m.group("num"), m.start())
        for m in CIRCULAIRE.finditer(ligne):
            citer("circulaire_numero", m.group("num"), m.start())
        for m in GRAINE.finditer(ligne):
            citer("graine", m.group("num"), m.start())
    return citations


def _chaines_lues(source: str) -> list[tuple[int, int, int, int]]:
    """Where a Python file's strings that a user may read lie (not docstrings)."""
    try:
        arbre = ast.parse(source)
    except SyntaxError:
        return []
    docstrings = {
        id(n.value)
        for n in ast.walk(arbre)
        if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant | ast.JoinedStr)
    }
    dans_fstring = {
        id(v) for n in ast.walk(arbre) if isinstance(n, ast.JoinedStr) for v in n.values
    }
    return [
        (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
        for n in ast.walk(arbre)
        if (
            isinstance(n, ast.JoinedStr)
            or (isinstance(n, ast.Constant) and isinstance(n.value, str))
        )
        and id(n) not in docstrings
        and id(n) not in dans_fstring
    ]


def _dans(position: tuple[int, int], zones) -> bool:
    return any((l1, c1) <= position < (l2, c2) for l1, c1, l2, c2 in zones)


def lu_par_un_utilisateur(chemin: str, citation: Citation, source: str, zones) -> bool:
    """A template, a page of docs/ (but the architecture written for developers),
    or a Python string that is not a docstring."""
    if chemin.endswith(".html") or chemin.endswith(".txt"):
        return True
    if chemin.endswith(".md"):
        return chemin != "docs/architecture.md" and chemin.startswith("docs/")
    if chemin.endswith(".py"):
        ligne = source.splitlines()[citation.ligne - 1]
        octet = len(ligne[: citation.colonne].encode())
        return _dans((citation.ligne, octet), zones)
    return False


def verifier(citation: Citation, lu: bool = False) -> str | None:
    """Why a citation is false, or None."""
    ref = citation.reference
    if citation.nature == "illisible":
        return f"'{ref}': a § that names no paragraph"
    if citation.nature == "circulaire":
        if ref not in paragraphes_circulaire():
            return f"§{ref} is no paragraph of the circulaire 93/82 (seed 003)"
    elif citation.nature == "domain":
        if ref not in sections_domain():
            return f"DOMAIN §{ref}: the design brief has no such section"
        if lu:
            return f"DOMAIN §{ref} in text a user reads: the design brief is no text of law"
    elif citation.nature == "article":
        if ref in articles_des_graines():
            return None
        if ref in articles_mentionnes():
            if ref not in MENTIONS_JUGEES:
                return f"{ref} is only mentioned by the seeds: read it, then judge it in MENTIONS_JUGEES"
        else:
            return f"article {ref} is in no seed"
    elif citation.nature == "decret":
        if ref not in decrets_mentionnes() and ref not in DECRETS_HORS_GRAINES:
            return f"décret n° {ref} is neither in the seeds nor in DECRETS_HORS_GRAINES"
    elif citation.nature == "circulaire_numero":
        if ref != "93/82":
            return f"circulaire {ref}: the seeds hold only the circulaire DSS/F 93/82"
    elif citation.nature == "graine" and not list(GRAINES.glob(f"{ref}_*.txt")):
        return f"seed {ref} does not exist"
    return None


def fichiers_du_projet():
    for dossier, sous_dossiers, fichiers in os.walk(RACINE):
        sous_dossiers[:] = sorted(
            d for d in sous_dossiers if d not in DOSSIERS_EXCLUS and not d.endswith(".egg-info")
        )
        for nom in sorted(fichiers):
            chemin = Path(dossier, nom)
            relatif = chemin.relative_to(RACINE)
            if chemin.suffix in EXTENSIONS and relatif not in FICHIERS_EXCLUS:
                yield relatif


def citations_fausses() -> list[str]:
    fautes = []
    for relatif in fichiers_du_projet():
        try:
            source = (RACINE / relatif).read_text()
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        if "§" not in source and not re.search(r"[LRD]\.?\s?\d{3}-|décret|circ|seed", source):
            continue
        chemin = relatif.as_posix()
        zones = _chaines_lues(source) if chemin.endswith(".py") else []
        for citation in extraire(source, chemin):
            lu = citation.nature == "domain" and lu_par_un_utilisateur(
                chemin, citation, source, zones
            )
            if raison := verifier(citation, lu):
                fautes.append(f"{citation}\n    -> {raison}")
    return fautes


# --- the tests ---------------------------------------------------------------

pytestmark = pytest.mark.skipif(
    not GRAINES.is_dir(), reason=f"the seeds are not at {GRAINES} (set CAISSE_GRAINES)"
)


def test_every_citation_in_code_templates_and_docs_exists_in_the_seeds():
    fautes = citations_fausses()
    assert not fautes, f"{len(fautes)} false citation(s):\n" + "\n".join(fautes)


def test_the_seeds_give_the_paragraphs_and_articles_the_check_relies_on():
    # given the seeds as they are
    paragraphes = paragraphes_circulaire()
    # then the circulaire's headings, the articles and the judged mentions are read
    assert {
        "1.0",
        "1.1.1",
        "1.1.2",
        "2.0.2",
        "2.1.9.0",
        "2.2.0.3",
        "6.2",
        "I",
        "VI",
        "A",
    } <= paragraphes
    assert not {"1.2", "2.5", "2.1.10", "VII"} & paragraphes
    assert {"D133-2", "D253-16", "D253-17-1", "D253-19-3", "D253-81"} <= articles_des_graines()
    assert set(MENTIONS_JUGEES) <= articles_mentionnes() - articles_des_graines()
    assert {"93-1004", "93-1002"} <= decrets_mentionnes()
    assert {"4", "9"} <= sections_domain()


def test_the_extractor_finds_each_kind_of_citation():
    texte = (
        "(circ. 93/82 §2.1.9.0, §2.2.0.2-3 et §III-IV; DOMAIN §9)\n"
        "articles D. 253-17-1 à D253-19, R. 612-9, L. 133-3 ; décret n° 93-1004 ; seed 002\n"
    )
    trouvees = {(c.ligne, c.nature, c.reference) for c in extraire(texte)}
    assert trouvees == {
        (1, "circulaire_numero", "93/82"),
        (1, "circulaire", "2.1.9.0"),
        (1, "circulaire", "2.2.0.2"),
        (1, "circulaire", "2.2.0.3"),
        (1, "circulaire", "III"),
        (1, "circulaire", "IV"),
        (1, "domain", "9"),
        (2, "article", "D253-17-1"),
        (2, "article", "D253-19"),
        (2, "article", "R612-9"),
        (2, "article", "L133-3"),
        (2, "decret", "93-1004"),
        (2, "graine", "002"),
    }


@pytest.mark.parametrize(
    ("texte", "raison"),
    [
        (
            "la tenue de la comptabilité lui est réservée (circulaire 93/82 §1.2).",
            "§1.2 is no paragraph of the circulaire 93/82 (seed 003)",
        ),
        ("délais de l'article D253-18", "article D253-18 is in no seed"),
        ("voir l'article R. 243-1", "R243-1 is only mentioned by the seeds"),
        ("(circ. 93/82 §2.1.5, DOMAIN §12)", "DOMAIN §12: the design brief has no such section"),
        ("décret n° 2001-1234", "décret n° 2001-1234 is neither in the seeds"),
        ("circulaire 94/12 §1.0", "circulaire 94/12: the seeds hold only"),
        ("(seed 007)", "seed 007 does not exist"),
    ],
)
def test_a_made_up_citation_is_refused_with_its_reason(texte, raison):
    # given a line citing a paragraph or an article that the seeds do not hold
    raisons = [verifier(c) for c in extraire(texte, "exemple.py")]
    # then the check names it
    assert any(r and r.startswith(raison) for r in raisons), raisons


def test_a_true_citation_passes():
    texte = (
        "(circulaire 93/82 §1.1.1 ; §2.1.9.0 ; §VI) art. D253-17-1, D133-2, L. 133-3, "
        "D 253-14 ; décret n° 93-1004 ; seed 004"
    )
    assert [c for c in extraire(texte) if verifier(c)] == []


def test_the_design_brief_is_not_cited_to_a_user():
    # given a docstring and a French message both naming DOMAIN §9
    source = (
        '"""Posted as DOMAIN §9 says."""\n'
        "def f():\n"
        '    """Debtor account (DOMAIN §9)."""\n'
        '    raise ValueError(f"Refusé ({1}, DOMAIN §9).")\n'
    )
    zones = _chaines_lues(source)
    citations = [c for c in extraire(source, "app/services.py") if c.nature == "domain"]
    # then only the message is refused
    lus = [c.ligne for c in citations if lu_par_un_utilisateur("app/services.py", c, source, zones)]
    assert lus == [4]
    assert verifier(citations[-1], lu=True).startswith("DOMAIN §9 in text a user reads")
    assert lu_par_un_utilisateur("docs/guide/directeur.md", citations[0], source, zones)
