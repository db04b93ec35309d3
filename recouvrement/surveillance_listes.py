"""The lists the agent comptable addresses to the directeur.

- « la liste des débiteurs défaillants » (circ. 93/82 §2.0.4): every debtor
  of a claim taken in charge whose due date is past and on which something
  is still owed, with his claims and the stage each reached;
- « une liste des créances irrécouvrées, récapitulées par nature, en
  précisant le stade de la procédure atteint », sauf en matière de
  cotisations, « selon une périodicité fixée par le directeur » (§2.0.5).

`periodicite_fixer`: the directeur sets, for each list, every how many
months it is addressed to him, from a date; `liste_adresser`: the agent
comptable records the sending (the list as sent is kept). The next one
falls due the periodicity after the last sending (`prochain_envoi`).
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from core import csv_sur, horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, atomique
from core.money import ZERO
from recettes.models import LigneOrdreRecette, OrdreRecette
from recettes.selectors import annoter_restes_lignes
from recouvrement.models import Creance
from recouvrement.models_surveillance import EnvoiListe, Liste, PeriodiciteListe
from recouvrement.services import NATURES_DU_DIRECTEUR
from recouvrement.surveillance_commun import (
    date_acte,
    exiger_agent_comptable,
    exiger_directeur,
    plus_mois,
)

CODE_LISTE = "recouvrement.liste_adresser"


@dataclass
class CreanceDue:
    debiteur: str
    compte: str
    ordre: str
    nature: str
    nature_libelle: str
    objet: str
    echeance: datetime.date
    montant: Decimal
    reste: Decimal
    stade: str


@dataclass
class Recapitulatif:
    """The claims not recovered of one nature."""

    nature: str
    libelle: str
    creances: list[CreanceDue] = field(default_factory=list)

    @property
    def reste(self) -> Decimal:
        return sum((c.reste for c in self.creances), ZERO)

    def par_stade(self) -> list[tuple[str, int, Decimal]]:
        stades: dict[str, tuple[int, Decimal]] = {}
        for c in self.creances:
            n, m = stades.get(c.stade, (0, ZERO))
            stades[c.stade] = (n + 1, m + c.reste)
        return [(s, n, m) for s, (n, m) in stades.items()]


def creances_dues(le: datetime.date, *, sans_cotisations: bool = False) -> list[CreanceDue]:
    """The debtors' lines taken in charge, due before `le`, not fully recovered."""
    lignes = annoter_restes_lignes(
        LigneOrdreRecette.objects.filter(
            ordre__etat=OrdreRecette.Etat.PRIS_EN_CHARGE, ordre__date_echeance__lt=le
        ).select_related("ordre__compte_tiers")
    ).filter(reste__gt=0)
    if sans_cotisations:
        lignes = lignes.exclude(ordre__nature__in=NATURES_DU_DIRECTEUR)
    lignes = list(lignes.order_by("debiteur", "ordre__date_echeance", "pk"))
    stades = dict(
        Creance.objects.filter(ligne__in=[ligne.pk for ligne in lignes]).values_list(
            "ligne_id", "stade"
        )
    )
    libelles = dict(Creance.Stade.choices)
    return [
        CreanceDue(
            debiteur=ligne.debiteur,
            compte=ligne.ordre.compte_tiers.numero,
            ordre=ligne.ordre.reference,
            nature=ligne.ordre.nature,
            nature_libelle=ligne.ordre.get_nature_display(),
            objet=ligne.ordre.objet,
            echeance=ligne.ordre.date_echeance,
            montant=ligne.montant,
            reste=ligne.reste,
            stade=libelles[stades.get(ligne.pk, Creance.Stade.PRISE_EN_CHARGE)],
        )
        for ligne in lignes
    ]


def debiteurs_defaillants(le: datetime.date) -> list[CreanceDue]:
    """The list of the débiteurs défaillants (circ. 93/82 §2.0.4), by debtor."""
    return creances_dues(le)


def creances_irrecouvrees(le: datetime.date) -> list[Recapitulatif]:
    """The claims not recovered, other than cotisations, by nature, with the
    stage reached (circ. 93/82 §2.0.5)."""
    par_nature: dict[str, Recapitulatif] = {}
    for c in creances_dues(le, sans_cotisations=True):
        par_nature.setdefault(c.nature, Recapitulatif(c.nature, c.nature_libelle)).creances.append(
            c
        )
    return sorted(par_nature.values(), key=lambda r: r.libelle)


def liste_csv(liste: str, le: datetime.date) -> tuple[str, int, Decimal]:
    """The list as CSV (semicolons, French decimals), its count and its total."""
    sortie = io.StringIO()
    ecrire = csv_sur.ecrivain(sortie, delimiter=";", lineterminator="\n").writerow
    creances = (
        debiteurs_defaillants(le)
        if liste == Liste.DEFAILLANTS
        else [c for r in creances_irrecouvrees(le) for c in r.creances]
    )
    ecrire([f"{Liste(liste).label.capitalize()} au {le:%d/%m/%Y}"])
    ecrire(
        [
            "Nature",
            "Débiteur",
            "Compte",
            "Ordre",
            "Objet",
            "Échéance",
            "Montant",
            "Reste dû",
            "Stade",
        ]
    )
    for c in creances:
        ecrire(
            [
                c.nature_libelle,
                c.debiteur,
                c.compte,
                c.ordre,
                c.objet,
                c.echeance.strftime("%d/%m/%Y"),
                f"{c.montant:.2f}".replace(".", ","),
                f"{c.reste:.2f}".replace(".", ","),
                c.stade,
            ]
        )
    total = sum((c.reste for c in creances), ZERO)
    ecrire(
        [
            "Total",
            f"{len(creances)} créance(s)",
            "",
            "",
            "",
            "",
            "",
            f"{total:.2f}".replace(".", ","),
        ]
    )
    return sortie.getvalue(), len(creances), total


# --- Periodicity and sending --------------------------------------------------------


def _liste(liste: str) -> str:
    if liste not in Liste.values:
        raise DonneeInvalide(f"Liste inconnue : « {liste} ».")
    return liste


@atomique
def periodicite_fixer(
    *, acting_user, liste: str, mois: int, a_compter_du: datetime.date
) -> PeriodiciteListe:
    """The directeur sets every how many months a list is addressed to him (§2.0.5)."""
    aujourdhui = horloge.aujourdhui()
    exiger_directeur(
        acting_user, aujourdhui, "fixer la périodicité des listes", "circulaire 93/82 §2.0.5"
    )
    _liste(liste)
    try:
        mois = int(mois)
    except (TypeError, ValueError):
        raise DonneeInvalide("La périodicité s'indique en mois (de 1 à 12).") from None
    if not 1 <= mois <= 12:
        raise DonneeInvalide("La périodicité s'indique en mois (de 1 à 12).")
    if not isinstance(a_compter_du, datetime.date):
        raise DonneeInvalide("Indiquez à compter de quel jour la périodicité s'applique.")
    periodicite = PeriodiciteListe.objects.create(
        liste=liste,
        mois=mois,
        a_compter_du=a_compter_du,
        fixee_par=acting_user,
        fixee_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "recouvrement.periodicite_fixee",
        periodicite,
        apres={"liste": liste, "mois": mois, "a_compter_du": a_compter_du.isoformat()},
    )
    return periodicite


@atomique
def liste_adresser(*, acting_user, liste: str, le: datetime.date) -> EnvoiListe:
    """The agent comptable addresses a list to the directeur (§2.0.4, §2.0.5):
    the list of that day is kept as sent."""
    aujourdhui = horloge.aujourdhui()
    qualite = exiger_agent_comptable(
        acting_user, aujourdhui, "adresser au directeur les listes du recouvrement", CODE_LISTE
    )
    _liste(liste)
    le = date_acte(le, "de l'envoi", aujourdhui=aujourdhui)
    contenu, nombre, total = liste_csv(liste, le)
    envoi = EnvoiListe.objects.create(
        liste=liste,
        le=le,
        par=acting_user,
        qualite=qualite,
        nombre=nombre,
        montant=total,
        contenu=contenu,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "recouvrement.liste_adressee",
        envoi,
        apres={"liste": liste, "le": le.isoformat(), "nombre": nombre, "montant": str(total)},
    )
    return envoi


def periodicite(liste: str) -> PeriodiciteListe | None:
    return PeriodiciteListe.objects.filter(liste=liste).order_by("-fixee_le", "-pk").first()


def dernier_envoi(liste: str) -> EnvoiListe | None:
    return EnvoiListe.objects.filter(liste=liste).order_by("-le", "-pk").first()


def prochain_envoi(liste: str) -> datetime.date | None:
    """When the list is next due: the periodicity after the last sending made
    since the periodicity applies, or its first day when none was."""
    p = periodicite(liste)
    if p is None:
        return None
    dernier = EnvoiListe.objects.filter(liste=liste, le__gte=p.a_compter_du).order_by("-le").first()
    return p.a_compter_du if dernier is None else plus_mois(dernier.le, p.mois)
