"""The délais of an exercise's période complémentaire, read from the dated rules.

After 31 December of year N the directeur still issues the orders of N for a
while, whose length depends on the direction, the nature of the operation and
the kind of fund (D253-17 al. 2: ten days for the recettes; D253-17-1: two
months for the cotisations, majorations de retard and pénalités of the funds
of D253-1, one month for the other funds; D253-19 al. 2 and D253-19-1: ten
days for the dépenses; circ. 93/82 §2.0.7, §2.1.7). Nothing here holds a
délai: each comes from the `RegleRattachement` row in force on 31 December N
for the fund's kind (`regime_organisme`), so a change of the texts is a new
row, not new code.

`delais_periode_complementaire(annee)` gathers the natures that share a last
day into one `DelaiComplementaire` per direction and last day, citing the
articles of their rows; the home page (`accueil.echeances`) adds the orders
still to issue or to take in charge before each.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.db.models import Q

from reglementation.models import RegleRattachement
from reglementation.selectors import (
    NATURES_DEPENSE,
    NATURES_RECETTE,
    fin_periode_complementaire,
    regime_organisme,
)

_NATURES = {"recette": NATURES_RECETTE, "depense": NATURES_DEPENSE}
# "<paragraph sign><digits and dots> <n>°" at the end of a citation: the n-th case of a paragraph.
_NUMERO_DE_CAS = re.compile(r"(\u00a7[\d.]+) \d+°$")
_SENS_LIBELLE = {"recette": "ordres de recette", "depense": "ordres de dépense"}


@dataclass(frozen=True)
class DelaiComplementaire:
    """One last day of the période complémentaire of exercise `annee`, for one
    direction and the natures of operation it applies to."""

    annee: int
    sens: str  # "recette" or "depense"
    sens_libelle: str  # "ordres de recette"
    natures: tuple[str, ...]  # codes, in the order of NATURES_RECETTE / NATURES_DEPENSE
    natures_libelles: tuple[str, ...]
    limite: datetime.date  # last day an order of `annee` may still be issued
    delai: str  # "10 jours", "2 mois"
    articles: tuple[str, ...]  # the rows' citations, each part once, the code's first

    @property
    def citation(self) -> str:
        return " ; ".join(self.articles)

    @property
    def natures_texte(self) -> str:
        return ", ".join(self.natures_libelles)


def _en_vigueur(le: datetime.date) -> Q:
    return Q(debut__lte=le) & (Q(fin__isnull=True) | Q(fin__gte=le))


def delais_periode_complementaire(
    annee: int, *, regime: str | None = None
) -> list[DelaiComplementaire]:
    """Every délai of the période complémentaire of exercise `annee`, earliest
    last day first (recettes before dépenses on the same day).

    The rules are those in force on 31 December of `annee` for the fund's kind
    on that day (or `regime`); natures sharing a direction and a last day make
    one délai.
    """
    le = datetime.date(annee, 12, 31)
    if regime is None:
        regime = regime_organisme(le)
    groupes: dict[tuple[str, datetime.date], dict] = {}
    regles = RegleRattachement.objects.filter(_en_vigueur(le), regime__in=[regime, "tous"])
    for regle in regles:
        limite = fin_periode_complementaire(annee, jours=regle.delai_jours, mois=regle.delai_mois)
        groupe = groupes.setdefault(
            (regle.sens, limite), {"natures": set(), "articles": [], "delai": regle.delai_libelle}
        )
        groupe["natures"].add(regle.nature)
        groupe["articles"].append(regle.article)
    delais = []
    for (sens, limite), groupe in groupes.items():
        natures = [(code, nom) for code, nom in _NATURES[sens] if code in groupe["natures"]]
        # Each part once; the numbered special cases of one paragraph of the
        # circulaire (§2.0.7 1° to 6°) are cited as the paragraph.
        parties = sorted(
            {
                _NUMERO_DE_CAS.sub(r"\1", partie)
                for article in groupe["articles"]
                for partie in article.split(" ; ")
            }
        )
        delais.append(
            DelaiComplementaire(
                annee=annee,
                sens=sens,
                sens_libelle=_SENS_LIBELLE[sens],
                natures=tuple(code for code, _ in natures),
                natures_libelles=tuple(nom for _, nom in natures),
                limite=limite,
                delai=groupe["delai"],
                articles=tuple(parties),
            )
        )
    return sorted(delais, key=lambda d: (d.limite, d.sens != "recette"))


def dernier_delai(annee: int) -> DelaiComplementaire | None:
    """The délai of the période complémentaire of `annee` that ends last (its
    last day ends the période complémentaire), or None without a rule."""
    delais = delais_periode_complementaire(annee)
    return max(delais, key=lambda d: d.limite) if delais else None
