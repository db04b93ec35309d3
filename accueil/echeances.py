"""The deadlines of the période complémentaire still running, and what is left
to do before each, for the home page of the directeur, the agent comptable
and the auditeur.

For a day `le`, each exercise in période complémentaire gives its délais
(`reglementation.periode_complementaire`: D253-17, D253-17-1, D253-19,
D253-19-1; circ. 93/82 §2.0.7, §2.1.7) whose last day is not past; each
délai lists the orders of that exercise, of its direction and natures, that
the directeur has still to sign or to transmit, and those the agent
comptable has still to take in charge or to visa: their number and amount.
Nothing is returned when no exercise is in période complémentaire.

The list of what is left is open: another part of the year-end (the
inventory) may add its own `ResteAFaire` to the délais it concerns.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum

from core.money import ZERO
from depenses.models import OrdreDepense
from ledger.models import Exercice
from recettes.models import OrdreRecette
from reglementation.periode_complementaire import (
    DelaiComplementaire,
    delais_periode_complementaire,
)


@dataclass(frozen=True)
class ResteAFaire:
    """Orders of one state still waiting before a deadline."""

    libelle: str  # French, e.g. "ordres de recette en brouillon, à signer"
    nombre: int
    montant: Decimal
    qui: str  # "ordonnateur" or "comptable": whose act it waits for
    url: str  # the URL name of the page where it is done


@dataclass(frozen=True)
class Echeance:
    exercice: int
    delai: DelaiComplementaire
    jours_restants: int  # 0 on the last day
    restes: list[ResteAFaire] = field(default_factory=list)

    @property
    def rien_a_faire(self) -> bool:
        return not self.restes


# For each direction: (model, [(states, French label, whose act, page)]).
_ETATS = {
    "recette": (
        OrdreRecette,
        [
            (("brouillon",), "ordres de recette en brouillon, à signer", "ordonnateur",
             "recettes:parapheur"),
            (("signe",), "ordres de recette signés, à transmettre", "ordonnateur",
             "recettes:parapheur"),
            (("transmis",), "ordres de recette transmis, à prendre en charge", "comptable",
             "recettes:a_prendre_en_charge"),
        ],
    ),
    "depense": (
        OrdreDepense,
        [
            (("brouillon",), "ordres de dépense en brouillon, à signer", "ordonnateur",
             "recettes:parapheur"),
            (("signe",), "ordres de dépense signés, à transmettre", "ordonnateur",
             "recettes:parapheur"),
            (("transmis", "requis"), "ordres de dépense transmis, à viser", "comptable",
             "depenses:a_viser"),
        ],
    ),
}  # fmt: skip


def _totaux(modele, exercice: Exercice) -> dict[tuple[str, str], tuple[int, Decimal]]:
    """(nature, state) → (number, amount) of the exercise's orders not yet
    taken in charge or visaed, in one query."""
    etats = [e for _, lignes in _ETATS.values() for groupe in lignes for e in groupe[0]]
    lignes = (
        modele.objects.filter(exercice=exercice, etat__in=etats)
        .values("nature", "etat")
        .annotate(nombre=Count("id"), montant=Sum("montant"))
    )
    return {(x["nature"], x["etat"]): (x["nombre"], x["montant"] or ZERO) for x in lignes}


def echeances_en_cours(le: datetime.date) -> list[Echeance]:
    """The deadlines still running on `le` for every exercise in période
    complémentaire, earliest first, with what is left to do before each."""
    echeances = []
    exercices = Exercice.objects.filter(etat=Exercice.Etat.COMPLEMENTAIRE).order_by("annee")
    for exercice in exercices:
        delais = [d for d in delais_periode_complementaire(exercice.annee) if d.limite >= le]
        if not delais:
            continue
        totaux = {sens: _totaux(modele, exercice) for sens, (modele, _) in _ETATS.items()}
        for delai in delais:
            restes = []
            for etats, libelle, qui, url in _ETATS[delai.sens][1]:
                nombre, montant = 0, ZERO
                for nature in delai.natures:
                    for etat in etats:
                        n, m = totaux[delai.sens].get((nature, etat), (0, ZERO))
                        nombre, montant = nombre + n, montant + m
                if nombre:
                    restes.append(ResteAFaire(libelle, nombre, montant, qui, url))
            echeances.append(Echeance(exercice.annee, delai, (delai.limite - le).days, restes))
    return sorted(echeances, key=lambda e: (e.delai.limite, e.exercice, e.delai.sens != "recette"))
