"""The situation individuelle of each debtor in contentious recovery (annexe
art. 13 al. 5 and 6): « tous les actes de procédures contentieuses
engagées, le résultat de ces actions et les garanties ou sûretés prises
pour la conservation de la créance », kept for every person « faisant
l'objet d'un recouvrement contentieux », at the disposal of the caisse and
« consultables à tout moment par celle-ci ».

A debtor is in contentious recovery once one of his claims was handed to
the directeur, or once the journal holds a contentious act on him (a
mise en demeure of cotisations, which the directeur recovers from the
start). The situation reads the journal (`Acte`), the guarantees, and each
claim's amount, reste (`recettes.selectors`, the one rule of the reste) and
stage. Reads only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from core.money import ZERO
from recettes.models import LigneOrdreRecette
from recettes.selectors import annoter_restes_lignes
from recouvrement.models import Acte, Creance, Debiteur
from recouvrement.models_surveillance import Garantie

T = Acte.Type
# The acts that put a debtor in contentious recovery (annexe art. 13; circ. §2.0.5).
TYPES_CONTENTIEUX = frozenset(
    {
        T.TRANSMISSION,
        T.MISE_EN_DEMEURE,
        T.AVIS_RECEPTION,
        T.SAISINE_CRA,
        T.DECISION_CRA,
        T.CONTRAINTE,
        "autre_procedure",  # another procedure of compulsory recovery
        T.ACTE_HUISSIER,
        T.AVIS_CAISSE,
        T.PROCEDURE_COLLECTIVE,
        T.DECLARATION_CREANCE,
        T.ISSUE_PROCEDURE,
    }
)


def _en_contentieux() -> Q:
    return Q(creances__transmise_le__isnull=False) | Q(actes__type__in=TYPES_CONTENTIEUX)


def debiteurs_en_contentieux():
    """The debtors in contentious recovery, by name."""
    ids = Debiteur.objects.filter(_en_contentieux()).values("pk")
    return Debiteur.objects.filter(pk__in=ids).select_related("compte").order_by("nom", "pk")


def est_en_contentieux(debiteur: Debiteur) -> bool:
    return Debiteur.objects.filter(_en_contentieux(), pk=debiteur.pk).exists()


@dataclass
class LigneCreance:
    creance: Creance
    ordre: str
    nature: str
    objet: str
    montant: Decimal
    reste: Decimal
    stade: str
    responsable: str


@dataclass
class Situation:
    debiteur: Debiteur
    creances: list[LigneCreance] = field(default_factory=list)
    actes: list[Acte] = field(default_factory=list)
    garanties: list[Garantie] = field(default_factory=list)

    @property
    def montant(self) -> Decimal:
        return sum((c.montant for c in self.creances), ZERO)

    @property
    def reste(self) -> Decimal:
        return sum((c.reste for c in self.creances), ZERO)


def restes_des_creances(creances) -> dict[int, Decimal]:
    """{claim id: reste à recouvrer of its line} in one query."""
    lignes = annoter_restes_lignes(
        LigneOrdreRecette.objects.filter(creance__in=[c.pk for c in creances])
    ).values_list("creance__pk", "reste")
    return dict(lignes)


def situation(debiteur: Debiteur) -> Situation:
    """The situation individuelle of `debiteur`: his claims, every act of the
    journal on him (with its result), the guarantees taken."""
    creances = list(debiteur.creances.select_related("ligne__ordre").order_by("ouverte_le", "pk"))
    restes = restes_des_creances(creances)
    s = Situation(debiteur=debiteur)
    for c in creances:
        ordre = c.ligne.ordre
        s.creances.append(
            LigneCreance(
                creance=c,
                ordre=ordre.reference,
                nature=ordre.get_nature_display(),
                objet=ordre.objet,
                montant=c.ligne.montant,
                reste=restes.get(c.pk, ZERO),
                stade=c.stade_lu(restes.get(c.pk, ZERO)),
                responsable=c.get_responsable_display(),
            )
        )
    s.actes = list(
        debiteur.actes.select_related("creance__ligne__ordre", "auteur").order_by("le", "pk")
    )
    s.garanties = list(debiteur.garanties.select_related("creance__ligne__ordre"))
    return s
